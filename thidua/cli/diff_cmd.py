"""`thidua diff [REV_A [REV_B]]`: what a change to the data means; `--textconv FILE` for git's diff driver."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from thidua.cli.common import JsonOption, RootOption, handles_errors, resolve_root
from thidua.cli.output import json_text
from thidua.errors import ThiduaError


@handles_errors
def diff(
    revisions: Annotated[Optional[list[str]], typer.Argument(  # noqa: UP045
        help="Không có: HEAD so với thư mục làm việc; một: phiên bản đó so với thư mục làm việc; "
             "hai: phiên bản thứ nhất so với phiên bản thứ hai (như git diff).",
        show_default=False)] = None,
    root: RootOption = None,
    as_json: JsonOption = False,
    textconv: Annotated[Optional[Path], typer.Option(  # noqa: UP045
        "--textconv", metavar="FILE",
        help="In một tệp khối-năm ở dạng dễ đọc (thành viên, Trưởng khối, điểm, tổng, hạng) cho bộ so sánh "
             "của git: git config diff.thidua.textconv \"thidua diff --textconv\".")] = None,
) -> None:
    """So sánh dữ liệu giữa hai phiên bản git: đơn vị, Trưởng khối, điểm, tổng, hạng, đề xuất khen thưởng và bàn giao.

    Mã thoát 0 khi so sánh xong; 1 khi một phiên bản của tệp thay đổi có lỗi (lỗi được in ra);
    2 khi không ở trong kho git hoặc phiên bản không có.

    Example: thidua diff HEAD~1 HEAD --root examples/bac-kan
    """
    revs = list(revisions or [])
    if textconv is not None:
        if revs or as_json:
            raise ThiduaError("--textconv nhận đúng một tệp, không dùng cùng phiên bản hay --json")
        _textconv(root, textconv)
        raise typer.Exit(0)
    if len(revs) > 2:
        raise ThiduaError(f"thidua diff nhận tối đa hai phiên bản, có {len(revs)}: {' '.join(revs)}")
    from thidua.diffing import diff_at

    data_root = resolve_root(root)
    run = diff_at(data_root, *revs)
    if as_json:
        from thidua.render.diff_text import diff_dict

        sys.stdout.write(json_text(diff_dict(run)))
    else:
        from thidua.render.diff_text import render_diff

        sys.stdout.write(render_diff(run))
    raise typer.Exit(1 if run.has_errors else 0)


def _textconv(root: Path | None, file: Path) -> None:
    """Always exit 0 with something to show: git stops the whole diff when a driver fails."""
    from thidua.diffing import read_one
    from thidua.loading.root import RootNotFound, find_root
    from thidua.render.diff_text import textconv_text

    if not os.path.lexists(file):  # a device, a folder or a FIFO is there: read_one says what it is
        raise ThiduaError(f"không có tệp '{file}'")
    try:
        data_root = find_root(root)
    except RootNotFound:
        data_root = None
    sys.stdout.write(textconv_text(read_one(data_root, file)))
