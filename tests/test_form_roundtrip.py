"""Export a form, fill it as a member would, import it: the file changes only where the form did."""

from __future__ import annotations

import difflib
import hashlib
import time
import zipfile

import openpyxl
import pytest
from form_support import SELF, YEAR_FILE, export, fill, make_root, run, score_json

from thidua.forms.meta import META_SHEET


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def test_self_form_round_trip(tmp_path):
    root = make_root(tmp_path)
    path = root / YEAR_FILE
    before = path.read_text(encoding="utf-8")
    form = export(root, tmp_path / "tu-cham.xlsx")
    filled = fill(form, tmp_path / "filled.xlsx", {
        "Sở Alpha": {SELF["1.2"]: 7.5},                              # an existing flow value
        "Beta": {SELF["1.2"]: 6},                                    # a key missing from a block mapping
        "Đài Gamma": {SELF["1.1"]: 8, SELF["1.2"]: 7, SELF["2"]: 9,  # a member with no scores at all
                      SELF["bonus1"]: 1, SELF["bonus1_reason"]: "Giải nhất hội thi"},
        "Đoàn Delta": {SELF["ded1"]: 1.5},                           # deductions written as one number
    })

    dry = run("form", "import", filled, "--root", root)
    assert dry.exit_code == 0, dry.output
    assert "tự chấm 1.2: 8 → 7,5" in dry.stdout
    assert "Chưa ghi gì" in dry.stdout
    assert path.read_text(encoding="utf-8") == before

    result = run("form", "import", filled, "--root", root, "--write")
    assert result.exit_code == 0, result.output
    assert f"Đã ghi 7 thay đổi vào {(root / YEAR_FILE).as_posix()}" in result.stdout
    after = path.read_text(encoding="utf-8")

    assert run("validate", "--root", root).exit_code == 0
    members = score_json(root)
    # a self form's bonus and deductions are the member's claims (self_bonus, self_deductions): never counted
    assert members["gamma"]["total"] == 24 and members["gamma"]["bonus"] == 0   # 8 + 7 + 9
    assert members["beta"]["criteria"] == 21 and members["beta"]["total"] == 20.5
    assert members["delta"]["deductions"] == 1 and members["delta"]["total"] == 14
    assert members["alpha"]["total"] == 26.5  # agreed scores count: a self change moves nothing

    for comment in ("# Sở Alpha", "# tự chấm, thiếu 1.2", "# Ghi chú cuối tệp.",
                    "# Điểm: alpha đủ cả hai loại; beta chỉ tự chấm; gamma chưa có; delta có điểm trừ dạng một số."):
        assert comment in after
    removed, added = changed_lines(before, after)
    assert removed == ['    self:   {"1.1": 9, "1.2": 8, "2": 9.5}']
    assert added == [
        '    self:   {"1.1": 9, "1.2": 7.5, "2": 9.5}',
        '      "1.2": 6',
        "    self_deductions: [{points: 1.5}]",
        "",
        "  gamma:",
        '    self: {"1.1": 8, "1.2": 7, "2": 9}',
        '    self_bonus: [{points: 1, reason: "Giải nhất hội thi"}]',
    ]
    assert "điểm thưởng (tự đề xuất) 1 (mới): (trống) → 1 (“Giải nhất hội thi”)" in result.stdout
    # everything outside scores: is byte-identical
    assert before.split("scores:")[0] == after.split("scores:")[0]
    assert before.split("# Ghi chú cuối tệp.")[1] == after.split("# Ghi chú cuối tệp.")[1]


def agreed_columns(form) -> dict[str, str]:
    ws = openpyxl.load_workbook(form)["Điểm thống nhất"]
    return {ws.cell(6, c).value: openpyxl.utils.get_column_letter(c) for c in range(4, 8)}


def test_agreed_form_round_trip(tmp_path):
    root = make_root(tmp_path)
    path = root / YEAR_FILE
    before = path.read_text(encoding="utf-8")
    form = export(root, tmp_path / "thong-nhat.xlsx", "--agreed")
    cols = agreed_columns(form)
    assert set(cols) == {"alpha", "beta", "gamma", "delta"}
    b = cols["beta"]
    filled = fill(form, tmp_path / "filled.xlsx", {"Điểm thống nhất": {
        f"{b}8": 6.5, f"{b}9": 6, f"{b}10": 7.5,         # beta has no agreed: mapping yet
    }})
    result = run("form", "import", filled, "--root", root, "--write")
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8")
    removed, added = changed_lines(before, after)
    assert removed == []
    # beta writes its self scores as a block mapping: its new agreed scores follow that style
    assert added == ["    agreed:", '      "1.1": 6.5', '      "1.2": 6', '      "2": 7.5']
    assert after.index('      "1.1": 6.5') < after.index("    deductions:\n      - points: 0.5")
    members = score_json(root)
    assert members["beta"]["agreed"] is True and members["beta"]["total"] == 19.5  # 20 − 0.5
    assert run("validate", "--root", root).exit_code == 0


def test_an_import_never_rewrites_the_paper_total(tmp_path):
    """alpha's minutes say total: 26.5; new agreed figures giving 27 are refused at that line (E404)."""
    root = make_root(tmp_path)
    path = root / YEAR_FILE
    before = path.read_bytes()
    form = export(root, tmp_path / "thong-nhat.xlsx", "--agreed")
    filled = fill(form, tmp_path / "filled.xlsx", {"Điểm thống nhất": {f"{agreed_columns(form)['alpha']}10": 9.5}})
    result = run("form", "import", filled, "--root", root, "--write")
    assert result.exit_code == 1, result.output
    assert "Sở Alpha (alpha) · thống nhất 2: 9 → 9,5" in result.stdout
    assert ("blocs/kt/2024.yaml:37:12: lỗi E404: Sở Alpha (alpha): tệp ghi tổng 26,5 nhưng tính được 27 "
            "(tiêu chí 26, thưởng 1, trừ 0)") in result.stderr
    assert "thidua không tự sửa" in result.stderr and "không ghi gì (tệp khối-năm sẽ không hợp lệ)" in result.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize("agreed", [False, True], ids=["self", "agreed"])
def test_importing_an_unchanged_export_changes_nothing(tmp_path, agreed):
    root = make_root(tmp_path)
    path = root / YEAR_FILE
    before = path.read_bytes()
    form = export(root, tmp_path / "f.xlsx", *(["--agreed"] if agreed else []))
    resaved = fill(form, tmp_path / "resaved.xlsx", {})  # opened and saved again
    result = run("form", "import", form, resaved, "--root", root, "--write")
    assert result.exit_code == 0, result.output
    assert f"{path.as_posix()}: không có thay đổi." in result.stdout
    assert path.read_bytes() == before


def test_round_trip_keeps_crlf_line_endings(tmp_path):
    root = make_root(tmp_path, crlf=True)
    path = root / YEAR_FILE
    form = export(root, tmp_path / "f.xlsx")
    filled = fill(form, tmp_path / "filled.xlsx", {"Đài Gamma": {SELF["1.1"]: 4}, "Beta": {SELF["1.2"]: 3}})
    assert run("form", "import", filled, "--root", root, "--write").exit_code == 0
    data = path.read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n")
    assert b'  gamma:\r\n    self: {"1.1": 4}\r\n' in data
    assert run("validate", "--root", root).exit_code == 0


def test_each_member_returning_the_whole_workbook_merges(tmp_path):
    """Members fill their own sheet of the same file: only the cells each changed count."""
    root = make_root(tmp_path)
    form = export(root, tmp_path / "f.xlsx")
    from_alpha = fill(form, tmp_path / "alpha.xlsx", {"Sở Alpha": {SELF["1.1"]: 10}})
    from_beta = fill(form, tmp_path / "beta.xlsx", {"Beta": {SELF["1.1"]: 9}})
    result = run("form", "import", from_alpha, from_beta, "--root", root, "--write")
    assert result.exit_code == 0, result.output
    text = (root / YEAR_FILE).read_text(encoding="utf-8")
    assert '{"1.1": 10, "1.2": 8, "2": 9.5}' in text and '"1.1": 9   # tự chấm' in text


def test_export_is_byte_identical_whatever_the_clock(tmp_path, monkeypatch):
    root = make_root(tmp_path)
    first = export(root, tmp_path / "a.xlsx").read_bytes()
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 400 * 86400)  # zip entry dates follow time.time()
    second = export(root, tmp_path / "b.xlsx").read_bytes()
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()
    with zipfile.ZipFile(tmp_path / "a.xlsx") as z:
        assert {i.date_time for i in z.infolist()} == {(2024, 1, 1, 0, 0, 0)}  # the form's year, not the clock
        assert b"2024-01-01T00:00:00Z" in z.read("docProps/core.xml")


def test_form_is_protected_validated_and_carries_its_metadata(tmp_path):
    root = make_root(tmp_path)
    wb = openpyxl.load_workbook(export(root, tmp_path / "f.xlsx"))
    assert wb.sheetnames == ["Hướng dẫn", "Beta", "Đài Gamma", "Đoàn Delta", "Sở Alpha", META_SHEET]
    assert wb[META_SHEET].sheet_state == "veryHidden"
    ws = wb["Sở Alpha"]
    assert ws.protection.sheet and not ws.protection.password
    assert ws[SELF["1.1"]].protection.locked is False and ws["B11"].protection.locked is True
    rules = {(dv.type, dv.formula1, dv.formula2): str(dv.sqref) for dv in ws.data_validations.dataValidation}
    assert rules == {
        ("decimal", "0", "10"): "E11 E12 E13",                     # the three criteria, maximum 10
        ("decimal", "0", "3"): "E17 E18 E19",                      # bonus, capped at 3
        ("decimal", "0", "5"): "E22 E23 E24",                      # deductions, capped at 5
        ("textLength", "1000", None): "B17 B18 B19 B22 B23 B24",   # reasons
    }
    assert ws[SELF["total"]].value == "=E14+E16-E21"
    assert ws["E10"].value == "=SUM(E11,E12)"
    assert "Nhập điểm là số" in " ".join(str(c.value) for c in wb["Hướng dẫn"]["A"])
