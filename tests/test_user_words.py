"""What a user reads is Vietnamese and points somewhere useful: YAML syntax errors without PyYAML's
English, 'lỗi'/'cảnh báo' in text (the machine formats keep 'error'/'warning'), no rule kinds in
parentheses, a form never replaced unasked, the years there are when a year is missing, and the id
meant when a member's name was typed in its place."""

from __future__ import annotations

import json
import re

import pytest
from support import BLOC_YEAR_PATH, dedent, write_root
from typer.testing import CliRunner

from thidua.cli.app import app
from thidua.loading.yamltree import parse

BROKEN_YAML = ['a:\n\tb: 1', 'a: [1, 2', 'a: {b: 1', 'a: 1\n...\nb', 'a: &', 'a: |x', 'x: "\\x4"', 'a: !<x 1',
               'a: >\n\tb', 'a: |0', '%YAML 1.1\n%YAML 1.1\n---\na', 'a: !x!y 1', '%FOO\n---\na', 'a: "\\q"',
               'a: b: c', 'a: |\n x\n  y\nb', 'a: ]', 'a:\n  - 1\n b: 2', '- a\nb: 1', 'a: "x', "a: 'x",
               'a:\n  b: 1\n c: 2', 'a: b\n- c', '"a" b: 1', 'a: "b"c', 'a: {b}}', '- - a\n -b', '[', '{']
ENGLISH = re.compile(r"\b(found|expected|could|not|allowed|while|scanning|parsing|character|mapping|block|"
                     r"stream|token|indicator|directive|document)\b", re.I)


@pytest.mark.parametrize("text", BROKEN_YAML)
def test_yaml_syntax_errors_are_vietnamese_only(text):
    (d,) = [d for d in parse(text, "x.yaml").diagnostics if d.code == "E100"]
    assert not ENGLISH.search(d.message), d.message
    assert d.message and d.message != "lỗi cú pháp YAML ở đây" or text in ("[", "{"), d.message


def test_a_tab_and_an_unclosed_list_say_what_to_do():
    assert parse("a: >\n\tb", "x").diagnostics[0].message == "dùng phím Tab để thụt lề; YAML chỉ nhận dấu cách"
    assert parse("a: [1, 2", "x").diagnostics[0].message == \
        "danh sách trong ngoặc vuông chưa đóng, hoặc thiếu dấu ',' giữa hai mục"


CLEAN = dedent("""
    bloc: mttq
    year: 2024
    name: Khối thi đua MTTQ
    members:
      - {id: hlhpn, name: Hội Liên hiệp Phụ nữ tỉnh, short: Hội LHPN tỉnh}
      - {id: ldld, name: Liên đoàn Lao động tỉnh, short: LĐLĐ tỉnh}
    leader: hlhpn
    deputy: ldld
""")


def validate(root, *args):
    return CliRunner().invoke(app, ["validate", "--no-cache", "--root", str(root), *args])


def test_text_says_loi_and_canh_bao_machine_formats_keep_their_words(tmp_path, monkeypatch):
    root = write_root(tmp_path / "root", {BLOC_YEAR_PATH: CLEAN.replace("leader: hlhpn", "leader: hlhpm")
                                          + "events:\n  covenant: 2023-06-28\n"})
    monkeypatch.chdir(root)
    text = validate(root).stdout
    assert "blocs/mttq/2024.yaml:7:9: lỗi E303: " in text
    assert "blocs/mttq/2024.yaml:10:13: cảnh báo W309: " in text
    assert not re.search(r"\b(error|warning)\b", text)
    doc = json.loads(validate(root, "--format", "json").stdout)
    assert [d["severity"] for d in doc["diagnostics"]] == ["error", "warning"]
    github = validate(root, "--format", "github").stdout
    assert github.startswith("::error file=blocs/mttq/2024.yaml,line=7,col=9,title=E303::")


@pytest.mark.parametrize(("typed", "meant"), [
    ("Hội Liên hiệp Phụ nữ tỉnh", "hlhpn"),
    ("hội liên hiệp  phụ nữ tỉnh", "hlhpn"),  # another case, a double space
    ("LĐLĐ tỉnh", "ldld"),                    # the short name
    ("Hội Liên hiệp Phụ nữ", "hlhpn"),        # close to a name
])
def test_a_member_name_typed_as_an_id_gets_the_id_meant(tmp_path, monkeypatch, typed, meant):
    root = write_root(tmp_path / "root", {BLOC_YEAR_PATH: CLEAN.replace("deputy: ldld", f"deputy: {typed}")})
    monkeypatch.chdir(root)
    out = validate(root).stdout
    assert f"blocs/mttq/2024.yaml:8:9: lỗi E206: '{typed}' không phải là mã hợp lệ\n" in out
    assert f"  gợi ý: Có phải ý là '{meant}'? Ở đây ghi mã đơn vị, không ghi tên.\n" in out


def test_a_bad_id_that_is_no_member_name_keeps_the_general_hint(tmp_path, monkeypatch):
    root = write_root(tmp_path / "root", {BLOC_YEAR_PATH: CLEAN.replace("deputy: ldld", "deputy: Sở Tài chính")})
    out = validate(root).stdout
    assert "Có phải ý là" not in out and "Mã chỉ gồm chữ thường không dấu" in out


def test_score_for_a_missing_year_lists_the_years_there_are(tmp_path):
    root = write_root(tmp_path / "root", {BLOC_YEAR_PATH: CLEAN, "blocs/mttq/2023.yaml": CLEAN.replace("2024", "2023")})
    result = CliRunner().invoke(app, ["score", "2031", "--root", str(root)])
    assert result.exit_code == 2
    assert result.stderr.endswith("(các năm có dữ liệu: 2023, 2024)\n")
    result = CliRunner().invoke(app, ["score", "2031", "--root", str(root), "--bloc", "mttq"])
    assert result.stderr == "thidua: lỗi: không có tệp năm 2031 cho khối 'mttq' (các năm có dữ liệu: 2023, 2024)\n"


def test_handover_names_its_rule_in_words(tmp_path):
    root = write_root(tmp_path / "root", {BLOC_YEAR_PATH: CLEAN})
    result = CliRunner().invoke(app, ["handover", "2024", "--bloc", "mttq", "--root", str(root)])
    assert "Quy tắc: luân phiên theo thứ tự\n" in result.stdout
    assert "fixed-order" not in result.stdout


# -- form export never replaces a form ----------------------------------------------------------

TABLE_YEAR = CLEAN + "criteria: _tables/mttq-2024\n"


def test_form_export_never_replaces_an_existing_form_unasked(tmp_path, monkeypatch):
    root = write_root(tmp_path / "root", {BLOC_YEAR_PATH: TABLE_YEAR})
    monkeypatch.chdir(root / "blocs")
    export = ["form", "export", "2024", "--bloc", "mttq"]
    first = CliRunner().invoke(app, export)
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("Đã ghi biểu mẫu tự chấm (mỗi đơn vị một trang): ../forms/2024/mttq-2024-tu-cham.xlsx — ")
    form = root / "forms/2024/mttq-2024-tu-cham.xlsx"
    form.write_bytes(b"filled in by the members")
    again = CliRunner().invoke(app, export)
    assert again.exit_code == 2
    assert again.stderr == ("thidua: lỗi: đã có biểu mẫu ../forms/2024/mttq-2024-tu-cham.xlsx; không ghi đè. "
                            "Thêm --force để ghi đè, hoặc -o để ghi vào tệp khác\n")
    assert form.read_bytes() == b"filled in by the members"
    forced = CliRunner().invoke(app, [*export, "--force"])
    assert forced.exit_code == 0
    assert form.read_bytes()[:2] == b"PK"  # a workbook again


def test_form_export_never_writes_over_an_input_even_with_force(tmp_path):
    root = write_root(tmp_path / "root", {BLOC_YEAR_PATH: TABLE_YEAR})
    target = root / "blocs/_tables/mttq-2024.xlsx"
    target.write_bytes(b"x")
    result = CliRunner().invoke(app, ["form", "export", "2024", "--bloc", "mttq", "--root", str(root),
                                      "-o", str(target)])
    assert result.exit_code == 2 and target.read_bytes() == b"x"


@pytest.mark.parametrize(("typed", "message", "hint"), [
    # A day that does not exist: say so at once, whatever the order; no hint towards 2024-02-30.
    ("30/02/2024", "ngày 30/02/2024 không có thật (tháng 2 năm 2024 chỉ có 29 ngày)",
     "Viết ngày có thật theo dạng NĂM-THÁNG-NGÀY, ví dụ 2024-02-22."),
    ("29/02/2023", "ngày 29/02/2023 không có thật (tháng 2 năm 2023 chỉ có 28 ngày)",
     "Viết ngày có thật theo dạng NĂM-THÁNG-NGÀY, ví dụ 2024-02-22."),
    ("12/13/2024", "ngày 12/13/2024 không có thật (không có tháng 13)",
     "Viết ngày có thật theo dạng NĂM-THÁNG-NGÀY, ví dụ 2024-02-22."),
    ("2024-02-30", "ngày 2024-02-30 không có thật (tháng 2 năm 2024 chỉ có 29 ngày)",
     "Viết ngày có thật theo dạng NĂM-THÁNG-NGÀY, ví dụ 2024-02-22."),
    ("2024-04-31", "ngày 2024-04-31 không có thật (tháng 4 năm 2024 chỉ có 30 ngày)",
     "Viết ngày có thật theo dạng NĂM-THÁNG-NGÀY, ví dụ 2024-02-22."),
    # A real day in the Vietnamese order: the form is the only fault, and the hint gives it.
    ("29/02/2024", "'29/02/2024' không phải là ngày dạng NĂM-THÁNG-NGÀY",
     "Viết ngày theo dạng NĂM-THÁNG-NGÀY: 2024-02-29."),
])
def test_a_date_that_does_not_exist_says_so_in_the_first_message(tmp_path, monkeypatch, typed, message, hint):
    root = write_root(tmp_path / "root", {BLOC_YEAR_PATH: CLEAN + f"events:\n  covenant: {typed}\n"})
    monkeypatch.chdir(root)
    out = validate(root).stdout
    assert f"blocs/mttq/2024.yaml:10:13: lỗi E204: {message}\n" in out, out
    assert f"  gợi ý: {hint}\n" in out, out


TAB_HINT = "  gợi ý: Thay phím Tab bằng dấu cách (2 hoặc 4 dấu cách cho mỗi cấp).\n"


@pytest.mark.parametrize(("before", "after", "where"), [
    ("  - {id: ldld", "\t- {id: ldld", "6:1"),            # before a list item
    ("leader: hlhpn", "\tleader: hlhpn", "7:1"),          # before a key
    ("  - {id: ldld", "  \t- {id: ldld", "6:3"),          # after spaces
])
def test_a_tab_anywhere_in_the_indent_says_tab_and_how_to_fix_it(tmp_path, monkeypatch, before, after, where):
    root = write_root(tmp_path / "root", {BLOC_YEAR_PATH: CLEAN.replace(before, after)})
    monkeypatch.chdir(root)
    out = validate(root).stdout
    assert f"blocs/mttq/2024.yaml:{where}: lỗi E100: dùng phím Tab để thụt lề; YAML chỉ nhận dấu cách\n" in out
    assert TAB_HINT in out, out


def test_a_tab_before_a_score_line_says_tab(tmp_path, monkeypatch):
    scores = "criteria: _tables/mttq-2024\nscores:\n  hlhpn:\n\tagreed: {\"1.1\": 50}\n"
    root = write_root(tmp_path / "root", {BLOC_YEAR_PATH: CLEAN + scores})
    monkeypatch.chdir(root)
    out = validate(root).stdout
    assert "blocs/mttq/2024.yaml:12:1: lỗi E100: dùng phím Tab để thụt lề; YAML chỉ nhận dấu cách\n" in out, out
    assert TAB_HINT in out


def test_a_character_that_cannot_start_a_value_is_named():
    (d,) = parse("a: 1\n@b: 2\n", "x").diagnostics
    assert (d.code, d.source.line, d.source.col, d.message) == ("E100", 2, 1, "ký tự '@' không thể bắt đầu một giá trị")


SCORED = CLEAN + "criteria: _tables/mttq-2024\nscores:\n"


@pytest.mark.parametrize(("scores", "line", "expected"), [
    # E400: a point over its criterion's maximum
    ('  hlhpn:\n    agreed: {"1.1": 50.5, "1.2": 30, "2": 20}\n', "blocs/mttq/2024.yaml:12:21: lỗi E400: "
     "Hội Liên hiệp Phụ nữ tỉnh (hlhpn): điểm thống nhất tiêu chí 1.1 là 50,5, vượt điểm tối đa 50\n"
     "  12 |     agreed: {\"1.1\": 50.5, \"1.2\": 30, \"2\": 20}\n", "  gợi ý: Sửa điểm trong khoảng 0 đến 50.\n"),
    # E402: a bonus over the table's cap
    ('  hlhpn:\n    agreed: {"1.1": 50, "1.2": 30, "2": 10}\n    bonus: 5.5\n', "blocs/mttq/2024.yaml:13:12: lỗi E402: "
     "Hội Liên hiệp Phụ nữ tỉnh (hlhpn): điểm thưởng 5,5 vượt mức tối đa 5\n", ""),
    # E404: the total written is not the total
    ('  hlhpn:\n    agreed: {"1.1": 46.5, "1.2": 30, "2": 20}\n    total: 90\n', "blocs/mttq/2024.yaml:13:12: lỗi E404: "
     "Hội Liên hiệp Phụ nữ tỉnh (hlhpn): tệp ghi tổng 90 nhưng tính được 96,5 (tiêu chí 96,5, thưởng 0, trừ 0)\n", ""),
    # W406 and W407: self scores only, and not every criterion
    ('  hlhpn:\n    self: {"1.1": 45.5}\n  ldld:\n    agreed: {"1.1": 40, "1.2": 20, "2": 10}\n',
     "blocs/mttq/2024.yaml:11:3: cảnh báo W406: Hội Liên hiệp Phụ nữ tỉnh (hlhpn): chỉ có điểm tự chấm; tổng điểm "
     "sẽ tính theo điểm tự chấm và ghi 'chưa thống nhất'\n", ""),
    ('  hlhpn:\n    self: {"1.1": 45.5}\n  ldld:\n    agreed: {"1.1": 40, "1.2": 20, "2": 10}\n',
     "blocs/mttq/2024.yaml:11:3: cảnh báo W407: Hội Liên hiệp Phụ nữ tỉnh (hlhpn): thiếu điểm 2 tiêu chí (1.2, 2), "
     "tính là 0\n", ""),
    # W405: a member with no scores while the others have theirs
    ('  hlhpn:\n    agreed: {"1.1": 40, "1.2": 20, "2": 10}\n', "blocs/mttq/2024.yaml:6:5: cảnh báo W405: "
     "Liên đoàn Lao động tỉnh (ldld) chưa có điểm trong 'scores:' trong khi các đơn vị khác đã có\n", ""),
])
def test_score_findings_name_the_member_and_write_decimal_commas(tmp_path, monkeypatch, scores, line, expected):
    root = write_root(tmp_path / "root", {BLOC_YEAR_PATH: SCORED + scores})
    monkeypatch.chdir(root)
    out = validate(root).stdout
    assert line in out, out
    assert expected in out
