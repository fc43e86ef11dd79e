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


def _line_reader():
    """The text of a line of a file named as printed (relative to the current folder)."""
    cache: dict[str, list[str]] = {}

    def line(name: str, number: int) -> str | None:
        if number <= 0:
            return None
        if name not in cache:
            import unicodedata

            from thidua.loading.load import MAX_FILE_BYTES
            from thidua.loading.reading import ReadRefused, read_bounded

            lines: list[str] = []
            try:
                data = read_bounded(Path(name), MAX_FILE_BYTES)
            except ReadRefused:
                pass
            else:
                text = unicodedata.normalize("NFC", data.decode("utf-8", "replace").lstrip("\ufeff"))
                lines = text.splitlines()
            cache[name] = lines
        lines = cache[name]
        return lines[number - 1] if number - 1 < len(lines) else None

    return line


def _base(fmt: Format) -> str:
    """Where printed paths start: the current folder; for GitHub annotations, the checkout's top
    (GITHUB_WORKSPACE), which is what GitHub places them against, wherever the step runs."""
    if fmt is Format.github and os.environ.get("GITHUB_WORKSPACE"):
        return os.environ["GITHUB_WORKSPACE"]
    return os.curdir


def _for_user(diags, root: Path, base: str):
    """The findings of one data root with their files as the user can open them from ``base``."""
    from dataclasses import replace

    from thidua.loading.root import user_path

    shown: dict[str, str] = {}
    out = []
    for d in diags:
        name = d.source.file
        if name not in shown:
            shown[name] = user_path(root, name, base)
        out.append(replace(d, source=replace(d.source, file=shown[name])))
    return out


@handles_errors
def validate(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Tệp hoặc thư mục cần kiểm tra (mặc định: cả thư mục dữ liệu); kèm mọi tệp đọc đến chúng.")] = None,  # noqa: UP045
    root: RootOption = None,
    fmt: Annotated[Optional[Format], typer.Option("--format", "-f", help="text, json hoặc github (mặc định github trong GitHub Actions, text ở nơi khác).")] = None,  # noqa: UP045
    strict: Annotated[bool, typer.Option("--strict", help="Cảnh báo cũng làm lệnh thất bại (mã thoát 1).")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Không dùng bộ nhớ đệm kết quả (.thidua-cache/ trong thư mục dữ liệu): kiểm tra lại từ đầu mọi tệp.")] = False,
) -> None:
    """Kiểm tra các tệp dữ liệu: cú pháp, khóa, kiểu, mã đơn vị, điểm, phiếu, luân phiên.

    Với tệp chỉ định (như pre-commit gọi), kiểm tra cả các tệp đọc đến chúng: sửa bảng điểm dùng
    chung, thidua.yaml hay một năm trước thì các khối-năm phụ thuộc cũng được kiểm tra.

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
            if not os.path.lexists(p):  # a broken or looping link is named: E008, not "no such file"
                raise ThiduaError(f"không có tệp hoặc thư mục '{p}'")
            start = p if p.is_dir() else p.parent
            groups.setdefault(resolve_root(root, start), []).append(p)
    else:
        groups[resolve_root(root)] = []
    base = _base(fmt)
    files = 0
    found = []
    for r, ps in groups.items():
        reports = run(r, ps, cache=not no_cache)
        files += len(reports)
        found.extend(_for_user((d for rep in reports for d in rep.diagnostics), r, base))
    diags = sorted_diagnostics(found)
    if fmt is Format.json:
        from thidua.cli.output import is_unicode

        out = render_json(diags, files, ascii_only=not is_unicode(sys.stdout))
    elif fmt is Format.github:
        out = render_github(diags, files)
    else:
        out = render_text(diags, files, _line_reader(), Style(use_color()))
    sys.stdout.write(out)
    failing = any(d.is_error for d in diags) or (strict and diags)
    raise typer.Exit(1 if failing else 0)
