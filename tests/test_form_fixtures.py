"""The form tests' fixture root validates and matches the exported sheet."""

from __future__ import annotations

import openpyxl
from form_support import SELF, SELF_CODES, export, make_root, run


def test_fixture_root_validates_without_errors(tmp_path):
    root = make_root(tmp_path)
    result = run("validate", "--root", root)
    assert result.exit_code == 0, result.output
    # gamma unscored, three sheets self only, and thidua.yaml states no awards (W326)
    assert result.stdout.endswith("3 tệp, 0 lỗi, 5 cảnh báo\n")


def test_fixture_layout_matches_the_exported_sheet(tmp_path):
    root = make_root(tmp_path)
    form = export(root, tmp_path / "f.xlsx")
    ws = openpyxl.load_workbook(form)["Sở Alpha"]
    assert {key: ws[ref].value for key, ref in SELF_CODES.items()} == {k: k for k in ("1", "1.1", "1.2", "2")}
    assert ws[SELF["1.1"]].value == 9 and ws[SELF["2"]].value == 9.5
    # a self form shows what the member claims itself (nothing yet), never the bonus that counts
    assert ws[SELF["bonus1_reason"]].value is None and ws[SELF["bonus1"]].value is None
    assert ws[SELF["total"]].value.startswith("=")
