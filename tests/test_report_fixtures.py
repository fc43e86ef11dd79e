"""The report tests' fixture root validates clean and holds a name Markdown would break."""

from fixtures_scoring import run_cli
from report_support import DATA


def test_fixture_root_validates_clean():
    r = run_cli(["validate", "--root", str(DATA)])
    assert r.exit_code == 0, r.output
    assert "0 lỗi, 0 cảnh báo" in r.output


def test_fixture_has_a_name_markdown_would_break():
    text = (DATA / "blocs" / "mttq" / "2024.yaml").read_text(encoding="utf-8")
    assert "|" in text and "*Khánh Hòa*" in text
