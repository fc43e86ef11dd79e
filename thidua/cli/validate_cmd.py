"""`thidua validate [PATHS...]`: check data files; reads only, never writes."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from thidua.cli.common import RootOption, handles_errors, resolve_root, use_color


class Format(StrEnum):
    text = "text"
    json = "json"
    github = "github"


def _line_reader(roots: dict[str, Path]):
    cache: dict[str, list[str]] = {}

    def line(name: str, number: int) -> str | None:
        if number <= 0:
            return None
        if name not in cache:
            import unicodedata

            from thidua.loading.load import MAX_FILE_BYTES
            from thidua.loading.reading import ReadRefused, read_bounded

            lines: list[str] = []
            for root in roots.values():
                p = root / name if not Path(name).is_absolute() else Path(name)
                try:
                    data = read_bounded(p, MAX_FILE_BYTES)
                except ReadRefused:
                    continue
                text = unicodedata.normalize("NFC", data.decode("utf-8", "replace").lstrip("\ufeff"))
                lines = text.splitlines()
                break
            cache[name] = lines
        lines = cache[name]
        return lines[number - 1] if number - 1 < len(lines) else None

    return line


@handles_errors
def validate(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Tệp hoặc thư mục cần kiểm tra (mặc định: cả thư mục dữ liệu).")] = None,  # noqa: UP045
    root: RootOption = None,
    fmt: Annotated[Optional[Format], typer.Option("--format", "-f", help="text, json hoặc github (mặc định github trong GitHub Actions, text ở nơi khác).")] = None,  # noqa: UP045
    strict: Annotated[bool, typer.Option("--strict", help="Cảnh báo cũng làm lệnh thất bại (mã thoát 1).")] = False,
) -> None:
    """Kiểm tra các tệp dữ liệu: cú pháp, khóa, kiểu, mã đơn vị, điểm, phiếu, luân phiên.

    Example: thidua validate --root examples/bac-kan
    """
    from thidua.checking import validate as run
    from thidua.diagnostics import sorted_diagnostics
    from thidua.errors import ThiduaError
    from thidua.render.diagnostics import Style, render_github, render_json, render_text

    if fmt is None:
        fmt = Format.github if os.environ.get("GITHUB_ACTIONS") == "true" else Format.text
    groups: dict[Path, list[Path]] = {}
    if paths:
        for p in paths:
            if not p.exists():
                raise ThiduaError(f"không có tệp hoặc thư mục '{p}'")
            start = p if p.is_dir() else p.parent
            groups.setdefault(resolve_root(root, start), []).append(p)
    else:
        groups[resolve_root(root)] = []
    reports = []
    for r, ps in groups.items():
        reports.extend(run(r, ps))
    diags = sorted_diagnostics(d for rep in reports for d in rep.diagnostics)
    files = len(reports)
    if fmt is Format.json:
        out = render_json(diags, files)
    elif fmt is Format.github:
        out = render_github(diags, files)
    else:
        out = render_text(diags, files, _line_reader({str(r): r for r in groups}), Style(use_color()))
    sys.stdout.write(out)
    failing = any(d.is_error for d in diags) or (strict and diags)
    raise typer.Exit(1 if failing else 0)
