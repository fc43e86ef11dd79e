"""`thidua report`: a bloc-year's documents (Excel and Markdown), or the province summary of a year."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from thidua.cli.common import RootOption, handles_errors, resolve_root

SUMMARY_NAME = "tong-hop"
REPORTS_DIR = "reports"
YAML_SUFFIXES = (".yaml", ".yml")


class Format(StrEnum):
    xlsx = "xlsx"
    md = "md"


def targets(root: Path, name: str, year: int, fmt: Format | None, output: Path | None) -> dict[Format, Path]:
    """Where each document goes: ``reports/<year>/<name>.<ext>`` under the root, or ``-o``.

    ``-o`` names a file (its suffix picks the format when ``--format`` is not given)
    or an existing folder (the default file names go inside it).
    """
    from thidua.errors import ThiduaError

    formats = [fmt] if fmt is not None else list(Format)
    if output is None or output.is_dir():
        folder = output if output is not None else root / REPORTS_DIR / str(year)
        return {f: folder / f"{name}.{f.value}" for f in formats}
    suffix = output.suffix.lower()
    if suffix in YAML_SUFFIXES:
        what = "tệp dữ liệu đã có" if output.exists() else "tệp YAML"
        raise ThiduaError(f"không ghi báo cáo lên '{output}' ({what}); chọn tệp .xlsx hoặc .md")
    by_suffix = {f".{f.value}": f for f in Format}
    if suffix not in by_suffix:
        raise ThiduaError(f"-o '{output}': cần tệp .xlsx hoặc .md, hoặc một thư mục đã có")
    if fmt is not None and by_suffix[suffix] is not fmt:
        raise ThiduaError(f"-o '{output}' có đuôi {suffix} nhưng --format là {fmt.value}")
    return {by_suffix[suffix]: output}


def inputs(root: Path) -> list[Path]:
    """Every data file under the root: a report is never written over one of them."""
    from thidua.loading.root import all_data_files

    return all_data_files(root)


def refuse_input(path: Path, protect: list[Path]) -> None:
    """Refuse, before anything is written, a target that is (or links to) a data file or any YAML."""
    from thidua.errors import ThiduaError

    target = path.resolve()
    if target.suffix.lower() in YAML_SUFFIXES or any(target == p.resolve() for p in protect):
        raise ThiduaError(f"không ghi đè lên tệp đầu vào '{path}'")


@handles_errors
def report(
    bloc: Annotated[Optional[str], typer.Option(  # noqa: UP045 - typer reads the annotation at run time
        "--bloc", "-b", help="Mã khối (ví dụ mttq). Bỏ trống để lập bảng tổng hợp của tỉnh (cần --year).")] = None,
    year: Annotated[Optional[int], typer.Option(  # noqa: UP045
        "--year", "-y", min=1945, max=2200, help="Năm thi đua; mặc định là năm mới nhất của khối.")] = None,
    fmt: Annotated[Optional[Format], typer.Option(  # noqa: UP045
        "--format", "-f", help="xlsx hoặc md; mặc định xuất cả hai.")] = None,
    output: Annotated[Optional[Path], typer.Option(  # noqa: UP045
        "--output", "-o", help="Tệp .xlsx/.md hoặc thư mục để ghi; mặc định reports/<năm>/<khối>.xlsx|.md "
                               "trong thư mục dữ liệu.")] = None,
    root: RootOption = None,
) -> None:
    """Xuất Bảng tổng hợp, Biên bản, Tờ trình của một khối (Excel, Markdown), hoặc bảng tổng hợp của tỉnh.

    Tệp có lỗi không được xuất (mã thoát 1, kèm các lỗi). In ra đường dẫn các tệp đã ghi.

    Example: thidua report --bloc mttq --year 2024 --format xlsx
    """
    from thidua.cli.score_cmd import print_findings
    from thidua.errors import ThiduaError
    from thidua.loading.root import bloc_ids, display_path, years_of
    from thidua.scoring_run import score_year_at

    data_root = resolve_root(root)
    if bloc is None and year is None:
        raise ThiduaError("cần --bloc (báo cáo của một khối) hoặc --year (bảng tổng hợp của tỉnh)")
    if year is None:
        years = years_of(data_root, bloc)
        if not years:
            known = ", ".join(bloc_ids(data_root)) or "không có khối nào"
            raise ThiduaError(f"khối '{bloc}' không có tệp năm nào trong {data_root / 'blocs'} (các khối: {known})")
        year = years[-1]
    where = targets(data_root, bloc or SUMMARY_NAME, year, fmt, output)
    protect = inputs(data_root)
    for path in where.values():
        refuse_input(path, protect)

    from thidua.handover_run import handover_at
    from thidua.loading.load import Workspace

    ws = Workspace(data_root)  # one reading of the files for the handover and the scores
    handover = handover_at(data_root, year, bloc, ws).handover if bloc else None
    run = score_year_at(data_root, year, bloc, ws=ws)
    print_findings(run.findings)
    if run.has_errors:
        what = f"khối {bloc} năm {year}" if bloc else f"năm {year}"
        refused = f": {', '.join(run.refused)}" if run.refused else ""
        sys.stderr.write(f"thidua: không xuất báo cáo {what} vì dữ liệu có lỗi{refused}; "
                         "chạy 'thidua validate' để xem chi tiết\n")
        raise typer.Exit(1)

    documents = _bloc_documents(data_root, run, handover, where) if bloc else \
        _province_documents(data_root, run, year, where, ws)
    from thidua.writing import atomic_write

    for path, data in documents:
        atomic_write(path, data, protect=protect)
        sys.stdout.write(display_path(data_root, path) + "\n")
    raise typer.Exit(0)


def _render(fmt: Format, document, root: Path, *, province: bool) -> bytes:
    if fmt is Format.xlsx:
        if province:
            from thidua.render.xlsx_province import province_workbook

            return province_workbook(document)
        from thidua.render.xlsx import bloc_workbook

        return bloc_workbook(document)
    from thidua.render import markdown

    return markdown.render_province(document, root) if province else markdown.render_bloc(document, root)


def _render_all(where: dict[Format, Path], context: dict, root: Path, *, province: bool) -> list[tuple[Path, bytes]]:
    if len(where) == 2:  # both formats: the workbook on the other core while the Markdown renders here
        from thidua.concurrency import both

        xlsx_bytes, md_bytes = both(lambda: _render(Format.xlsx, context, root, province=province),
                                    lambda: _render(Format.md, context, root, province=province))
        rendered = {Format.xlsx: xlsx_bytes, Format.md: md_bytes}
        return [(path, rendered[f]) for f, path in where.items()]
    return [(path, _render(f, context, root, province=province)) for f, path in where.items()]


def _bloc_documents(root: Path, run, handover, where: dict[Format, Path]) -> list[tuple[Path, bytes]]:
    from thidua.documents.bloc import bloc_documents

    docs = bloc_documents(run.result.blocs[0], handover, run.config)
    return _render_all(where, docs, root, province=False)


def _province_documents(root: Path, run, year: int, where: dict[Format, Path], ws) -> list[tuple[Path, bytes]]:
    from thidua.documents.province import province_summary
    from thidua.handover_run import handover_at

    handovers = {b.bloc_year.bloc: handover_at(root, year, b.bloc_year.bloc, ws).handover for b in run.result.blocs}
    summary = province_summary(run.result, handovers, run.config)
    return _render_all(where, summary, root, province=True)
