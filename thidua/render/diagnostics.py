"""Findings as text (with the source line and a caret), JSON, or GitHub annotations.

A finding quotes the data (a bad id, a cell's text, a file name, the source line): in the
text and GitHub formats every piece of it goes through :func:`thidua.textsafe.shown_text`,
so no escape sequence reaches the terminal and no line can be read as a workflow command
beyond the annotation we mean. JSON stays as it was (its escaping is already inert).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from thidua.diagnostics import Diagnostic, Severity, count
from thidua.textsafe import shown_text

LABELS = {Severity.ERROR: "error", Severity.WARNING: "warning"}  # machine formats (JSON, GitHub): stable
TEXT_LABELS = {Severity.ERROR: "lỗi", Severity.WARNING: "cảnh báo"}  # what a person reads


class Style:
    """ANSI colours, or nothing; chosen by the CLI (terminal and NO_COLOR)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def _wrap(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.enabled else text

    def bold(self, t: str) -> str:
        return self._wrap("1", t)

    def red(self, t: str) -> str:
        return self._wrap("1;31", t)

    def yellow(self, t: str) -> str:
        return self._wrap("1;33", t)

    def dim(self, t: str) -> str:
        return self._wrap("2", t)

    def green(self, t: str) -> str:
        return self._wrap("32", t)


WINDOW = 120  # characters of a source line shown around the caret
_BEFORE = 40  # of them, before the caret when the line is cut


def _window(raw: str, caret: int) -> tuple[str, int]:
    """At most :data:`WINDOW` characters of ``raw`` around ``caret``, each cut end marked "…", and the
    caret's place in them: a line of 100 000 digits or a minified list does not fill the terminal."""
    if len(raw) <= WINDOW:
        return raw, caret
    start = max(0, min(caret - _BEFORE, len(raw) - WINDOW))
    end = start + WINDOW
    head = "…" if start else ""
    return head + raw[start:end] + ("…" if end < len(raw) else ""), caret - start + len(head)


def format_text(d: Diagnostic, line_text: str | None, style: Style) -> str:
    sev = style.red(TEXT_LABELS[d.severity]) if d.is_error else style.yellow(TEXT_LABELS[d.severity])
    head = f"{style.bold(shown_text(str(d.source)))}: {sev} {d.code}: {shown_text(d.message)}"
    parts = [head]
    if line_text is not None and d.source.line:
        raw, caret_col = _window(line_text.rstrip("\r\n").replace("\t", " "), max(d.source.col, 1) - 1)
        shown = shown_text(raw)
        caret_col = len(shown_text(raw[:caret_col])) if caret_col <= len(raw) else len(shown)
        num = str(d.source.line)
        pad = " " * len(num)
        parts.append(f"  {style.dim(num + ' |')} {shown}")
        parts.append(f"  {style.dim(pad + ' |')} {' ' * min(caret_col, len(shown))}{style.red('^')}")
    if d.hint:
        parts.append(f"  {style.dim('gợi ý:')} {shown_text(d.hint)}")
    return "\n".join(parts)


def summary(files: int, diags: Sequence[Diagnostic]) -> str:
    errors, warnings = count(diags)
    return f"{files} tệp, {errors} lỗi, {warnings} cảnh báo"


def render_text(diags: Sequence[Diagnostic], files: int, lines: Callable[[str, int], str | None],
                style: Style) -> str:
    out = [format_text(d, lines(d.source.file, d.source.line), style) for d in diags]
    out.append(summary(files, diags))
    return "\n".join(out) + "\n"


def as_dict(d: Diagnostic) -> dict:
    """A finding for JSON: ``sheet`` and ``cell`` are set (and ``line``/``col`` 0) in a workbook."""
    out = {"file": d.source.file, "line": d.source.line, "col": d.source.col, "code": d.code, "name": d.name,
           "severity": LABELS[d.severity], "message": d.message, "hint": d.hint}
    if d.source.sheet or d.source.cell:
        out.update(sheet=d.source.sheet, cell=d.source.cell)
    return out


def render_json(diags: Sequence[Diagnostic], files: int, ascii_only: bool = False) -> str:
    """``ascii_only``: Vietnamese as \\u escapes, for a stream that cannot write it."""
    errors, warnings = count(diags)
    doc = {"files": files, "errors": errors, "warnings": warnings, "diagnostics": [as_dict(d) for d in diags]}
    return json.dumps(doc, ensure_ascii=ascii_only, indent=2) + "\n"


def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def render_github(diags: Sequence[Diagnostic], files: int) -> str:
    out = []
    for d in diags:
        level = "error" if d.is_error else "warning"
        props = f"file={_gh_escape(shown_text(d.source.file), True)},line={d.source.line or 1},col={d.source.col or 1}"
        msg = f"{d.code}: {shown_text(d.message)}" + (f" — {shown_text(d.hint)}" if d.hint else "")
        out.append(f"::{level} {props},title={d.code}::{_gh_escape(msg)}")
    out.append(summary(files, diags))
    return "\n".join(out) + "\n"
