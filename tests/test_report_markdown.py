"""`thidua report --format md`: golden documents, escaping, template overrides, the sandbox."""

from __future__ import annotations

import pytest
from fixtures_scoring import check_golden
from report_support import data_root, report

from thidua.errors import ThiduaError
from thidua.render.markdown import bundled_templates, md, render, vn


@pytest.fixture
def root(tmp_path):
    return data_root(tmp_path)


def test_bloc_report_golden(root):
    r = report(root, "--bloc", "mttq", "--format", "md")
    assert r.exit_code == 0, r.output
    assert r.stdout == f"{(root / 'reports/2024/mttq.md').as_posix()}\n"  # run from outside the root
    check_golden("report/mttq-2024.md", (root / "reports/2024/mttq.md").read_text(encoding="utf-8"))


def test_province_summary_golden(root):
    r = report(root, "--year", "2024", "--format", "md")
    assert r.exit_code == 0, r.output
    assert r.stdout == f"{(root / 'reports/2024/tong-hop.md').as_posix()}\n"
    check_golden("report/tong-hop-2024.md", (root / "reports/2024/tong-hop.md").read_text(encoding="utf-8"))


def test_a_name_with_markdown_characters_stays_in_its_cell(root):
    report(root, "--bloc", "mttq", "--format", "md")
    text = (root / "reports/2024/mttq.md").read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if "KH&KT" in line and line.startswith("| 6 |"))
    assert r"KH&KT \| tỉnh \*Khánh Hòa\*" in row
    header = next(line for line in text.splitlines() if line.startswith("| TT | Đơn vị |"))
    unescaped = row.replace("\\|", "")
    assert unescaped.count("|") == header.count("|")


@pytest.mark.parametrize(("text", "expected"), [
    ("A | B", r"A \| B"),
    ("*đậm* _nghiêng_ `mã`", r"\*đậm\* \_nghiêng\_ \`mã\`"),
    ("[liên kết](x) <b> #1", r"\[liên kết\](x) \<b\> \#1"),
    ("dòng 1\ndòng 2\r\ndòng 3", "dòng 1<br>dòng 2<br>dòng 3"),
    ("a\\|b", r"a\\\|b"),
    (None, ""),
])
def test_md_filter(text, expected):
    assert md(text) == expected


def test_vn_filter():
    from decimal import Decimal

    assert vn(Decimal("95.5")) == "95,5"
    assert vn(Decimal("95.5"), 2) == "95,50"
    assert vn(Decimal("1234.5"), 2) == "1.234,50"
    assert vn(None) == ""


def test_the_data_root_templates_override_the_bundled_ones(root):
    (root / "templates").mkdir()
    (root / "templates" / "to-trinh.md.j2").write_text(
        "TỜ TRÌNH RIÊNG của {{ bloc_name | md }}: {{ proposal.groups | length }} danh hiệu\n", encoding="utf-8")
    r = report(root, "--bloc", "mttq", "--format", "md")
    assert r.exit_code == 0, r.output
    text = (root / "reports/2024/mttq.md").read_text(encoding="utf-8")
    assert "TỜ TRÌNH RIÊNG của Khối thi đua MTTQ" in text and ": 2 danh hiệu" in text
    assert "## BIÊN BẢN" in text  # the other documents still come from the bundled templates
    assert "Kính gửi" not in text


def test_the_sandbox_keeps_templates_away_from_python_internals(root):
    (root / "templates").mkdir()
    (root / "templates" / "bao-cao-khoi.md.j2").write_text(
        "dòng 1\n{{ bloc_name.__class__.__mro__[1].__subclasses__() }}\n", encoding="utf-8")
    r = report(root, "--bloc", "mttq", "--format", "md")
    assert r.exit_code == 2
    assert "không được phép" in r.stderr and "bao-cao-khoi.md.j2:2" in r.stderr
    assert not (root / "reports/2024/mttq.md").exists()


def test_an_unknown_variable_is_an_error_not_an_empty_string(root):
    (root / "templates").mkdir()
    (root / "templates" / "bao-cao-khoi.md.j2").write_text("{{ year }}\n{{ khong_co }}\n", encoding="utf-8")
    r = report(root, "--bloc", "mttq", "--format", "md")
    assert r.exit_code == 2
    assert "khong_co" in r.stderr and "bao-cao-khoi.md.j2:2" in r.stderr
    assert "Traceback" not in r.output


def test_a_template_syntax_error_names_file_and_line(root):
    (root / "templates").mkdir()
    (root / "templates" / "bao-cao-khoi.md.j2").write_text("dòng 1\n{% if %}\n", encoding="utf-8")
    r = report(root, "--bloc", "mttq", "--format", "md")
    assert r.exit_code == 2
    assert "bao-cao-khoi.md.j2:2" in r.stderr


def test_missing_template_is_an_error():
    with pytest.raises(ThiduaError, match="khong-co.md.j2"):
        render("khong-co.md.j2", {})


def test_bundled_templates_are_found():
    names = {p.name for p in bundled_templates().iterdir()}
    assert {"bao-cao-khoi.md.j2", "bang-tong-hop.md.j2", "bien-ban.md.j2", "to-trinh.md.j2",
            "tong-hop-tinh.md.j2"} <= names
