"""A very long line (a number of 100 000 digits, a minified flow list) prints a window of itself.

A finding quotes its source line and the bad value; neither may fill the terminal with a line of a
hundred thousand characters. The line is cut to a window around the caret, marked with "…", and
the caret still points at the column; a value in a message is cut to 30 characters.
"""

from __future__ import annotations

from pathlib import Path

from support import write_root
from typer.testing import CliRunner

from thidua.cli.app import app
from thidua.diagnostics import Diagnostic, Severity, Source
from thidua.render.diagnostics import Style, format_text

VALID = (Path(__file__).parent / "data" / "bad" / "ok-utf8-bom.yaml").read_text(encoding="utf-8-sig")


def run_validate(tmp_path: Path, old: str, new: str):
    assert old in VALID
    root = write_root(tmp_path / "root", {"blocs/k/2024.yaml": VALID.replace(old, new, 1).encode("utf-8")})
    return CliRunner().invoke(app, ["validate", "--root", str(root)])


def finding(col: int) -> Diagnostic:
    return Diagnostic(Source("f.yaml", 3, col), "E203", Severity.ERROR, "sai", None, "bad-number")


def test_a_short_line_is_shown_whole():
    assert format_text(finding(7), "year: abc\n", Style(False)).splitlines()[1:] == ["  3 | year: abc",
                                                                                    "    |       ^"]


def test_a_long_line_is_a_window_around_the_caret():
    line = "x: " + "a" * 500 + "B" + "c" * 500
    _, shown, caret = format_text(finding(504), line, Style(False)).splitlines()
    text = shown[len("  3 | "):]
    assert text.startswith("…") and text.endswith("…") and len(text) <= 122
    assert text[caret.index("^") - len("    | ")] == "B"


def test_a_long_line_cut_at_its_end_only_when_the_caret_is_near_its_start():
    line = "year: " + "9" * 5000
    _, shown, caret = format_text(finding(7), line, Style(False)).splitlines()
    assert shown == "  3 | year: " + "9" * 114 + "…"
    assert caret == "    |       ^"


def test_a_huge_integer_is_quoted_short_in_the_message_and_the_line(tmp_path):
    result = run_validate(tmp_path, "year: 2024", "year: 1" + "0" * 5000 + ".5")
    assert result.exit_code == 1
    head, shown, _ = result.output.splitlines()[:3]
    assert head.endswith("/blocs/k/2024.yaml:3:7: lỗi E203: cần một số nguyên, nhưng gặp '" + "1" + "0" * 26 + "…'")
    assert len(shown) < 130 and shown.endswith("…")
    assert max(map(len, result.output.splitlines())) < 200
