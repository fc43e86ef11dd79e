"""`thidua report`: a bloc-year's documents (Excel, Markdown, Word), or the province summary of a year."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from thidua.cli.common import RootOption, handles_errors, resolve_root
from thidua.render.reports import YAML_SUFFIXES, Format

SUMMARY_NAME = "tong-hop"
REPORTS_DIR = "reports"


def inputs(root: Path) -> list[Path]:
    """Every data file under the root: a report is never written over one of them."""
    from thidua.loading.root import all_data_files

    return all_data_files(root)


def refuse_input(path: Path, protect: list[Path]) -> None:
    """Refuse, before anything is written, a target that is (or links to) a data file or any YAML."""
    from thidua.errors import ThiduaError
    from thidua.loading.root import real_path

    target = real_path(path)
    if target.suffix.lower() in YAML_SUFFIXES or any(target == real_path(p) for p in protect):
        raise ThiduaError(f"không ghi đè lên tệp đầu vào '{path}'")


@handles_errors
def report(
    bloc: Annotated[Optional[str], typer.Option(  # noqa: UP045 - typer reads the annotation at run time
        "--bloc", "-b", help="Mã khối (ví dụ mttq). Bỏ trống để lập bảng tổng hợp của tỉnh (cần --year).")] = None,
    year: Annotated[Optional[int], typer.Option(  # noqa: UP045
        "--year", "-y", min=1945, max=2200, help="Năm thi đua; mặc định là năm mới nhất đã có điểm của khối.")] = None,
    fmt: Annotated[Optional[Format], typer.Option(  # noqa: UP045
        "--format", "-f", help="xlsx, md hoặc docx; mặc định xuất cả ba.")] = None,
    output: Annotated[Optional[str], typer.Option(  # noqa: UP045 - text: a Path drops the '/' that says folder
        "--output", "-o", help="Tệp .xlsx/.md/.docx hoặc thư mục để ghi (tên có '/' ở cuối hoặc không có đuôi: "
                               "thư mục, tạo nếu chưa có); mặc định reports/<năm>/ trong thư mục dữ liệu "
                               "(<khối>.xlsx, <khối>.md, <khối>-bien-ban.docx, <khối>-to-trinh.docx).")] = None,
    root: RootOption = None,
) -> None:
    """Xuất Bảng tổng hợp, Biên bản, Tờ trình của một khối (Excel, Markdown, Word), hoặc bảng tổng hợp của tỉnh.

    Không có --year: năm mới nhất đã có điểm. Năm chưa có điểm chỉ xuất khi ghi rõ --year, thành mẫu
    để điền. Khối chưa ghi 'decided:' thì văn bản là DỰ THẢO. Tệp có lỗi không được xuất (mã thoát 1,
    kèm các lỗi). In ra đường dẫn các tệp đã ghi.

    Example: thidua report --bloc mttq --year 2024 --format xlsx
    """
    from thidua.cli.score_cmd import print_findings
    from thidua.errors import ThiduaError
    from thidua.loading.root import user_path
    from thidua.scoring_run import score_year_at

    data_root = resolve_root(root)
    if bloc is None and year is None:
        raise ThiduaError("cần --bloc (báo cáo của một khối) hoặc --year (bảng tổng hợp của tỉnh)")
    if year is None:
        year = _latest_scored_year(data_root, bloc)
    from thidua.render.reports import plan, render_all

    ends = tuple(s for s in ("/", os.sep, os.altsep) if s)
    where = plan(data_root / REPORTS_DIR / str(year), bloc or SUMMARY_NAME, fmt,
                 Path(output) if output is not None else None, province=bloc is None,
                 folder=output is not None and output.endswith(ends))
    protect = inputs(data_root)
    for target in where:
        refuse_input(target.path, protect)

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

    if bloc:
        from thidua.documents.bloc import bloc_documents

        document = bloc_documents(run.result.blocs[0], handover, run.config)
    else:
        from thidua.documents.province import province_summary

        handovers = {b.bloc_year.bloc: handover_at(data_root, year, b.bloc_year.bloc, ws).handover
                     for b in run.result.blocs}
        document = province_summary(run.result, handovers, run.config)
    documents = render_all(where, document, data_root, province=bloc is None)
    from thidua.writing import atomic_write

    for path, data in documents:
        atomic_write(path, data, protect=protect)
        sys.stdout.write(user_path(data_root, str(path.absolute())) + "\n")  # as it opens from here
    raise typer.Exit(0)


def _latest_scored_year(root: Path, bloc: str) -> int:
    """The latest year of ``bloc`` whose file has scores (a year just opened by `handover --write`
    has none: it is reported only when asked for with --year)."""
    from thidua.errors import ThiduaError
    from thidua.loading.load import Workspace
    from thidua.loading.root import bloc_ids, bloc_year_path, require_bloc, years_of

    require_bloc(root, bloc)
    years = years_of(root, bloc)
    if not years:
        known = ", ".join(bloc_ids(root)) or "không có khối nào"
        raise ThiduaError(f"khối '{bloc}' không có tệp năm nào trong {root / 'blocs'} (các khối: {known})")
    ws = Workspace(root)
    for y in reversed(years):
        by = ws.bloc_year(bloc_year_path(root, bloc, y)).bloc_year
        if by is None or by.scores:  # a broken file is reported, with its findings
            return y
    raise ThiduaError(f"khối '{bloc}' chưa có năm nào có điểm (các năm: {', '.join(map(str, years))}); "
                      f"ghi rõ --year để xuất văn bản mẫu để điền, ví dụ --year {years[-1]}")
