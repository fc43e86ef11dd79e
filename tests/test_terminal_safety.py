"""Hostile text: escapes written in YAML are findings, and nothing printed can drive a terminal or a CI log.

- ``"\\e[31m"``, ``"\\x07"``, ``"\\L"``, a bidi override, a line break in a name are findings (E107, E209)
  at the character; text GitHub Actions reads as a command (``::`` at a line's start, ``##[``) is E108.
- ``handover --write`` never writes a next-year file that does not parse, and refuses a name with a
  control character; ``form export`` refuses it instead of crashing.
- Findings, change lists and handover text carry no escape character and no line that opens with ``::``
  (besides the annotations ``--format github`` means to print); JSON stays JSON.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from form_support import SELF, SHEETS, YEAR_FILE, export, fill, make_root, run
from hypothesis import given, settings
from hypothesis import strategies as st
from support import write_root

from thidua.textsafe import shown_text
from thidua.yamlquote import double_quoted

CORPUS = Path(__file__).parent / "data" / "bad"
TARGET = "blocs/k/2024.yaml"
VALID = (CORPUS / "ok-utf8-bom.yaml").read_text(encoding="utf-8-sig")
NAME_LINE = "    name: Sở Nội vụ\n"
_COMMAND = re.compile(r"^\s*::|##\[", re.MULTILINE)


def unsafe(text: str) -> list[str]:
    """What in printed output would act on a terminal or a CI log."""
    bad = [repr(c) for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7f <= ord(c) <= 0x9f
           or c in "\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"]
    return bad + _COMMAND.findall(text)


def root_with(tmp_path: Path, name_line: str) -> Path:
    assert NAME_LINE in VALID
    return write_root(tmp_path / "root", {TARGET: VALID.replace(NAME_LINE, name_line, 1).encode("utf-8")})


def test_shown_text_escapes_what_acts_and_leaves_vietnamese_alone():
    assert shown_text("Sở Nội vụ tỉnh Khánh Hòa: 9,5 điểm") == "Sở Nội vụ tỉnh Khánh Hòa: 9,5 điểm"
    assert shown_text("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert shown_text("x\ny") == "x\\x0ay"
    assert shown_text("\u202egnp.exe") == "\\u202egnp.exe"
    assert shown_text("  ::error::pwned") == "  \\x3a:error::pwned"
    assert shown_text("ok ##[error]x") == "ok ##\\[error]x"


@pytest.mark.parametrize("line", ['    name: "Sở Nội vụ\\e[31m"\n', '    name: "\\x07Sở"\n', '    name: "a\\u202eb"\n',
                                  '    name: "::error::x"\n', '    name: "a ##[warning]b"\n', '    name: "a\\nb"\n'])
@pytest.mark.parametrize("fmt", ["text", "github", "json"])
def test_validate_prints_nothing_that_acts(tmp_path, line, fmt):
    root = root_with(tmp_path, line)
    result = run("validate", "--root", root, "--format", fmt)
    assert result.exit_code == 1, result.output
    assert re.search(r"E107|E108|E209", result.output)
    if fmt == "json":
        doc = json.loads(result.stdout)  # stable machine format, inert escapes
        assert {d["code"] for d in doc["diagnostics"]} & {"E107", "E108", "E209"}
        return
    body = result.output
    if fmt == "github":  # our own annotations open with '::'; the data inside them may not add another
        body = "\n".join(re.sub(r"^::(error|warning) [^:]*(::)?", "", ln) for ln in body.splitlines())
    assert unsafe(body) == [], body


def test_a_raw_escape_byte_in_the_source_line_is_shown_escaped(tmp_path):
    root = write_root(tmp_path / "root", {TARGET: (CORPUS / "e100-escape-character.yaml").read_bytes()})
    result = run("validate", "--root", root)
    assert result.exit_code == 1
    assert "\x1b" not in result.output
    assert "  7 |     name: Sở Nội vụ\\x1b[31m" in result.output
    caret = next(ln for ln in result.output.splitlines() if ln.strip().startswith("|") and "^" in ln)
    assert caret.index("^") == result.output.splitlines()[
        result.output.splitlines().index(caret) - 1].index("\\x1b")  # the caret stands under the escape


def test_handover_write_refuses_a_name_with_a_control_character(tmp_path):
    """Today's bug: the name reached next year's file with a raw BEL and made it invalid."""
    root = root_with(tmp_path, '    name: "Sở Nội vụ\\x07"\n')
    result = run("handover", "2024", "--bloc", "k", "--root", root, "--write")
    assert result.exit_code == 1, result.output
    assert f"{TARGET}:7:21: lỗi E107: chuỗi chứa ký tự điều khiển U+0007 (BEL)" in result.stderr
    assert not (root / "blocs" / "k" / "2025.yaml").exists()


def test_form_export_refuses_a_name_with_a_control_character(tmp_path):
    """Today's bug: openpyxl raised IllegalCharacterError, shown as an internal error."""
    root = root_with(tmp_path, '    name: "Sở\\eNội vụ"\n')
    result = run("form", "export", "--root", root, "--bloc", "k", "2024", "-o", tmp_path / "f.xlsx")
    assert result.exit_code == 1, result.output
    assert "lỗi nội bộ" not in result.output
    assert f"{TARGET}:7:14: lỗi E107: chuỗi chứa ký tự điều khiển U+001B (ESC)" in result.stderr
    assert not (tmp_path / "f.xlsx").exists()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_double_quoted_reads_back_as_the_same_text(text):
    text = text.replace("\ud800", "")  # surrogates cannot be written in UTF-8 at all
    if any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        return
    assert yaml.load(f"k: {double_quoted(text)}\n", Loader=yaml.CSafeLoader)["k"] == text


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=30))
def test_next_years_file_parses_and_names_the_same_members_whatever_the_names(name):
    from dataclasses import replace

    from thidua.core.handover import Handover  # noqa: F401 - the type next_year_text reads
    from thidua.evaluation import evaluate
    from thidua.loading.load import Workspace
    from thidua.render.next_year import next_year_text

    if any(0xD800 <= ord(c) <= 0xDFFF for c in name):
        return
    here = Path(__file__).parent / "data" / "bad"
    tmp = Path(__import__("tempfile").mkdtemp())
    root = write_root(tmp / "root", {TARGET: VALID.encode("utf-8")})
    ev = evaluate(Workspace(root), root / TARGET, handover=True)
    by = ev.bloc_year
    first = by.members[0]
    by = replace(by, members=(replace(first, name=name), *by.members[1:]))
    text = next_year_text(by, ev.handover)
    doc = yaml.load(text, Loader=yaml.CSafeLoader)
    assert doc["members"][0]["name"] == name
    assert here.is_dir()


def test_a_change_list_shows_a_form_file_name_safely(tmp_path):
    root = make_root(tmp_path)
    form = export(root, tmp_path / "f.xlsx")
    hostile = tmp_path / "a\x1b]0;pwned\x07\n::error::x.xlsx"
    fill(form, hostile, {SHEETS["beta"]: {SELF["1.2"]: 6}})
    result = run("form", "import", hostile, "--root", root)
    assert result.exit_code == 0, result.output
    assert "Ban Beta (beta) · tự chấm 1.2: (trống) → 6" in result.stdout
    assert unsafe(result.output) == [], result.output
    assert "a\\x1b]0;pwned\\x07\\x0a::error::x.xlsx!Beta!E12" in result.stdout


@pytest.mark.parametrize("reason", ["Nộp chậm\n::error::pwned", "ok ##[add-mask]x", "\x7f\u202eXoá\x85"])
def test_a_reason_that_would_act_is_refused_or_cleaned_at_its_cell(tmp_path, reason):
    root = make_root(tmp_path)
    form = export(root, tmp_path / "f.xlsx", "--agreed")
    from form_support import fill_slots, slot_cells

    filled = fill_slots(form, tmp_path / "r.xlsx", {("gamma", "bonus", "1", "points"): 1,
                                                     ("gamma", "bonus", "1", "reason"): reason})
    result = run("form", "import", filled, "--root", root, "--write")
    assert unsafe(result.output) == [], result.output
    sheet, cell = slot_cells(form)[("gamma", "bonus", "1", "reason")]
    if "::" in reason or "##[" in reason:
        assert result.exit_code == 1
        assert f"r.xlsx!{sheet}!{cell}: lỗi E807: lý do có dòng bắt đầu bằng '::' hoặc chứa '##\\['" in result.stderr
    else:  # control characters and overrides are dropped from a reason, the words kept
        assert result.exit_code == 0, result.output
        assert 'reason: "Xoá"' in (root / YEAR_FILE).read_text(encoding="utf-8")


CONTROL_ESCAPES = ["\\0", "\\a", "\\b", "\\v", "\\f", "\\r", "\\e", "\\N", "\\L", "\\P", "\\x07", "\\x1b",
                   "\\u202e", "\\u2066", "\\U0000001b", "\\x9b"]


@pytest.mark.parametrize("escape", CONTROL_ESCAPES)
def test_every_escape_that_makes_a_control_character_is_e107_at_the_escape(escape):
    from thidua.loading.yamltree import parse

    text = f'bloc: x\nname: "Hội \\"Dân vận khéo\\" {escape} tỉnh"\n'
    codes = [(d.code, d.source.line, d.source.col) for d in parse(text, "f.yaml").diagnostics]
    assert codes == [("E107", 2, text.splitlines()[1].index(escape) + 1)]


@pytest.mark.parametrize("escape", ['\\"', "\\\\", "\\t", "\\n", "\\/", "\\ ", "\\_", "\\x41", "\\u00e9"])
def test_escapes_that_make_ordinary_text_are_no_finding(escape):
    from thidua.loading.yamltree import parse

    assert parse(f'name: "Hội {escape} tỉnh"\n', "f.yaml").diagnostics == ()
