"""`thidua form export|import`: Excel scoring forms out to the members, their scores back into the file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from thidua.cli.common import RootOption, handles_errors, resolve_root

app = typer.Typer(
    help="Biểu mẫu chấm điểm Excel: xuất cho các đơn vị điền, nhập điểm đã điền vào tệp khối-năm.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.command("export")
@handles_errors
def export(
    year: Annotated[int, typer.Argument(help="Năm thi đua, ví dụ 2024.", min=1945, max=2200)],
    bloc: Annotated[str, typer.Option("--bloc", "-b", help="Mã khối, ví dụ mttq.")],
    output: Annotated[Optional[Path], typer.Option(  # noqa: UP045 - typer reads the annotation at run time
        "--output", "-o", help="Tệp .xlsx cần ghi (mặc định forms/<năm>/<khối>-<năm>-tu-cham.xlsx "
                             "hoặc -thong-nhat.xlsx trong thư mục dữ liệu).")] = None,
    agreed: Annotated[bool, typer.Option(
        "--agreed", help="Biểu mẫu nhập điểm khối thống nhất (một trang, mỗi đơn vị một cột) thay cho tự chấm.")] = False,
    force: Annotated[bool, typer.Option(
        "--force", help="Ghi đè biểu mẫu đã có ở chỗ ghi (mặc định: không ghi, báo tệp đã có).")] = False,
    root: RootOption = None,
) -> None:
    """Xuất biểu mẫu Excel để các đơn vị tự chấm (mỗi đơn vị một trang) hoặc để nhập điểm thống nhất.

    Ô nhập có kiểm tra dữ liệu (số từ 0 đến điểm tối đa), các ô khác bị khóa, tổng điểm tự tính.

    Example: thidua form export --bloc mttq 2024 -o mttq-2024-tu-cham.xlsx
    """
    from thidua.cli.score_cmd import print_findings
    from thidua.errors import ThiduaError
    from thidua.evaluation import evaluate
    from thidua.forms.plan import plan_form
    from thidua.loading.load import Workspace
    from thidua.loading.root import bloc_year_path, config_path, require_bloc, user_path
    from thidua.render.form_xlsx import form_xlsx
    from thidua.writing import atomic_write, create_new

    data_root = resolve_root(root)
    require_bloc(data_root, bloc)
    path = bloc_year_path(data_root, bloc, year)
    if not path.exists():
        raise ThiduaError(f"không có tệp {path}")
    kind = "agreed" if agreed else "self"
    # Like reports, forms go under the data root unless -o names a place: never somewhere unasked.
    out = output or data_root / "forms" / str(year) / f"{bloc}-{year}-{'thong-nhat' if agreed else 'tu-cham'}.xlsx"
    if out.suffix.lower() != ".xlsx":
        raise ThiduaError(f"tệp ra '{out}' phải có đuôi .xlsx (Excel không mở tệp sai đuôi)")
    shown = user_path(data_root, str(out.absolute()))

    def already_there() -> ThiduaError:  # a form sent out may be being filled in: never replaced unasked
        return ThiduaError(f"đã có biểu mẫu {shown}; không ghi đè. Thêm --force để ghi đè, "
                           "hoặc -o để ghi vào tệp khác")

    if out.exists() and not force:
        raise already_there()
    ws = Workspace(data_root)
    ev = evaluate(ws, path)
    diags = ev.findings
    by = ev.bloc_year
    if by is None or ev.has_errors:
        print_findings(diags)
        sys.stderr.write(f"thidua: {ws.name(path)} có lỗi; sửa trước khi xuất biểu mẫu (thidua validate)\n")
        raise typer.Exit(1)
    if by.table is None:
        raise ThiduaError(f"{ws.name(path)} chưa có bảng chấm điểm ('criteria:')")
    config, _ = ws.config()
    plan = plan_form(by, by.table, kind, config.province, config.place or config.province)
    inputs = [path, *(p for p in (config_path(data_root),) if p is not None)]
    if by.criteria_ref is not None and (table_path := ws.table_path(by.criteria_ref.id)) is not None:
        inputs.append(table_path)
    if force:
        atomic_write(out, form_xlsx(plan), protect=inputs)
    elif any(out.absolute() == p.absolute() for p in inputs) or not create_new(out, form_xlsx(plan)):
        raise already_there()  # created meanwhile by another run
    what = "tự chấm (mỗi đơn vị một trang)" if kind == "self" else "nhập điểm thống nhất (mỗi đơn vị một cột)"
    sys.stdout.write(f"Đã ghi biểu mẫu {what}: {shown} — {len(plan.members)} đơn vị, "
                     f"{len(by.table.leaves())} tiêu chí, bảng {by.table.id}.\n")


@app.command("import")
@handles_errors
def import_(
    files: Annotated[list[Path], typer.Argument(help="Các tệp .xlsx đã điền.")],
    write: Annotated[bool, typer.Option(
        "--write", help="Ghi thay đổi vào tệp khối-năm (mặc định chỉ in những gì sẽ thay đổi).")] = False,
    bloc: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--bloc", "-b", help="Chỉ nhận biểu mẫu của khối này.")] = None,
    year: Annotated[Optional[int], typer.Option(  # noqa: UP045
        "--year", "-y", help="Chỉ nhận biểu mẫu của năm này.", min=1945, max=2200)] = None,
    root: RootOption = None,
) -> None:
    """Đọc các biểu mẫu đã điền, kiểm tra từng ô và cập nhật điểm vào tệp khối-năm.

    Có bất kỳ lỗi nào trong bất kỳ biểu mẫu nào thì không ghi gì. Tệp được sửa tại chỗ,
    chỉ những con số thay đổi; chú thích, thứ tự khóa, cách viết giữ nguyên.

    Example: thidua form import mttq-2024-tu-cham.xlsx --write
    """
    import os

    from thidua.errors import ThiduaError
    from thidua.forms.read import read_form
    from thidua.forms.update import target_paths
    from thidua.loading.root import display_path
    from thidua.locking import locked
    from thidua.textsafe import shown_text

    data_root = resolve_root(root)
    for f in files:
        if not os.path.lexists(f):
            raise ThiduaError(f"không có tệp '{shown_text(str(f))}'")
    forms = [read_form(f, str(f)) for f in files]  # a FIFO, a folder or a device is a finding there
    # With --write, each bloc-year file is locked before it is read and until it is replaced: a second
    # run for the same bloc waits, then reads what the first wrote, so no change is lost.
    paths = target_paths(data_root, forms) if write else []
    with locked(paths, shown=lambda p: display_path(data_root, p)) as locks:
        code = _import(data_root, forms, bloc, year, write, locks)
    raise typer.Exit(code)


def _import(data_root: Path, forms, bloc: str | None, year: int | None, write: bool, locks) -> int:
    from thidua.cli.score_cmd import print_findings
    from thidua.forms.update import prepare_import, write_updates
    from thidua.loading.root import user_path
    from thidua.textsafe import shown_text

    result = prepare_import(data_root, forms, bloc, year)
    print_findings(result.problems)
    if result.findings:
        if any(d.is_error for d in result.findings):
            sys.stderr.write("thidua: tệp khối-năm có lỗi, hoặc sẽ có lỗi nếu ghi các thay đổi "
                             "(dòng, cột tính theo nội dung sau khi cập nhật):\n")
        print_findings(result.findings)
        if any(d.code == "E404" for d in result.findings if d.is_error):
            sys.stderr.write("thidua: 'total:' là tổng ghi trên biên bản giấy, thidua không tự sửa: đối chiếu "
                             "biên bản rồi sửa 'total:' bằng tay (hoặc xóa dòng đó) trước khi nhập.\n")
    for u in result.updates:
        name = shown_text(user_path(data_root, u.name))  # the file written, as it opens from here
        for form in u.already:
            sys.stdout.write(shown_text(f"{form}: mọi thay đổi của biểu mẫu này đã có trong ") + name
                             + " (biểu mẫu đã được nhập).\n")
        if not u.changes:
            sys.stdout.write(f"{name}: không có thay đổi.\n")
            continue
        sys.stdout.write(f"{name}: {len(u.changes)} thay đổi\n")
        for c in u.changes:
            sys.stdout.write(f"  {c}\n")
    if not result.ok:
        errors = sum(1 for p in result.problems if p.is_error)
        why = [f"{errors} lỗi trong biểu mẫu"] if errors else []
        if any(d.is_error for d in result.findings):
            why.append("tệp khối-năm sẽ không hợp lệ")
        sys.stderr.write(f"thidua: không ghi gì ({'; '.join(why)})\n")
        return 1
    if not write:
        if result.changes:
            sys.stdout.write("Chưa ghi gì; chạy lại với --write để ghi các thay đổi trên.\n")
        return 0
    stale = write_updates(result, locks)
    if stale:
        print_findings(stale)
        sys.stderr.write("thidua: không ghi gì; chạy lại lệnh để nhập vào tệp mới.\n")
        return 1
    for u in result.updates:
        if u.changes:
            sys.stdout.write(f"Đã ghi {len(u.changes)} thay đổi vào {shown_text(user_path(data_root, u.name))}.\n")
    return 0
