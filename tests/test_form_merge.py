"""Three-way merge and untrusted metadata: the export, the file now and the form now; nothing written on doubt."""

from __future__ import annotations

import openpyxl
import pytest
from form_support import (
    SELF,
    SHEETS,
    YEAR_FILE,
    export,
    fill,
    fill_slots,
    make_root,
    run,
    score_json,
    slot_cells,
)

from thidua.forms.meta import META_SHEET


@pytest.fixture
def setup(tmp_path):
    root = make_root(tmp_path)
    return root, export(root, tmp_path / "f.xlsx")


def refused(root, *files):
    before = (root / YEAR_FILE).read_bytes()
    result = run("form", "import", *files, "--root", root, "--write")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert (root / YEAR_FILE).read_bytes() == before
    assert "không ghi gì" in result.stderr
    return result.stderr


def edit_file(root, old: str, new: str) -> None:
    path = root / YEAR_FILE
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    assert run("validate", "--root", root).exit_code == 0


# -- three values per cell -------------------------------------------------------------------------

def test_a_value_changed_in_the_file_and_differently_in_the_form_is_a_conflict(setup, tmp_path):
    root, form = setup
    edit_file(root, '"1.1": 9, "1.2": 8, "2": 9.5', '"1.1": 9, "1.2": 6, "2": 9.5')  # alpha 1.2: 8 → 6 by hand
    filled = fill(form, tmp_path / "a.xlsx", {SHEETS["alpha"]: {SELF["1.2"]: 7}})
    err = refused(root, filled)
    assert (f"{filled}!Sở Alpha!E12: lỗi E822: xung đột: lúc xuất biểu mẫu là 8, tệp khối-năm nay là 6, "
            "biểu mẫu ghi 7; không biết giữ số nào") in err


def test_a_value_changed_in_the_file_and_untouched_in_the_form_is_kept(setup, tmp_path):
    root, form = setup
    edit_file(root, '"1.1": 9, "1.2": 8, "2": 9.5', '"1.1": 9, "1.2": 6, "2": 9.5')
    filled = fill(form, tmp_path / "b.xlsx", {SHEETS["beta"]: {SELF["1.2"]: 5}})
    result = run("form", "import", filled, "--root", root, "--write")
    assert result.exit_code == 0, result.output
    text = (root / YEAR_FILE).read_text(encoding="utf-8")
    assert '"1.1": 9, "1.2": 6, "2": 9.5' in text and '"1.2": 5' in text


def test_the_same_change_in_the_file_and_the_form_is_no_conflict(setup, tmp_path):
    root, form = setup
    edit_file(root, '"1.1": 9, "1.2": 8, "2": 9.5', '"1.1": 9, "1.2": 7, "2": 9.5')
    filled = fill(form, tmp_path / "a.xlsx", {SHEETS["alpha"]: {SELF["1.2"]: 7}})
    result = run("form", "import", filled, "--root", root, "--write")
    assert result.exit_code == 0, result.output
    assert f"{filled}: mọi thay đổi của biểu mẫu này đã có trong {(root / YEAR_FILE).as_posix()} (biểu mẫu đã được nhập)." \
        in result.stdout


@pytest.mark.parametrize("agreed", [False, True], ids=["self", "agreed"])
def test_importing_the_same_form_twice_says_it_is_already_imported(tmp_path, agreed):
    root = make_root(tmp_path)
    form = export(root, tmp_path / "f.xlsx", *(["--agreed"] if agreed else []))
    key = "bonus" if agreed else "deductions"
    filled = fill_slots(form, tmp_path / "filled.xlsx", {
        ("gamma", "score", "1.1", "points"): 4,
        ("gamma", key, "1", "points"): 0.5, ("gamma", key, "1", "reason"): "Nộp chậm",
        ("delta", key, "1", "points"): 1, ("delta", key, "1", "reason"): "Hai"})
    first = run("form", "import", filled, "--root", root, "--write")
    assert first.exit_code == 0, first.output
    # run from outside the data root (--root): the file written as it opens from here, absolute
    assert f"Đã ghi 3 thay đổi vào {(root / YEAR_FILE).as_posix()}." in first.stdout
    after = (root / YEAR_FILE).read_bytes()
    second = run("form", "import", filled, "--root", root, "--write")
    assert second.exit_code == 0, second.output
    assert f"{filled}: mọi thay đổi của biểu mẫu này đã có trong {(root / YEAR_FILE).as_posix()} (biểu mẫu đã được nhập)." \
        in second.stdout
    assert f"{(root / YEAR_FILE).as_posix()}: không có thay đổi." in second.stdout
    assert "E816" not in second.stderr and "E820" not in second.stderr
    assert (root / YEAR_FILE).read_bytes() == after


def test_a_self_form_fills_the_members_claims_never_the_counted_figures(setup, tmp_path):
    root, form = setup
    before = score_json(root)
    filled = fill(form, tmp_path / "f.xlsx", {SHEETS["alpha"]: {SELF["bonus1"]: 3, SELF["bonus1_reason"]: "Tự thưởng",
                                                                 SELF["ded1"]: 0.25}})
    result = run("form", "import", filled, "--root", root, "--write")
    assert result.exit_code == 0, result.output
    text = (root / YEAR_FILE).read_text(encoding="utf-8")
    assert 'self_bonus: [{points: 3, reason: "Tự thưởng"}]' in text
    assert "self_deductions: [{points: 0.25}]" in text
    assert "bonus: [{points: 1, reason: 'Sáng kiến hay'}]" in text  # the counted bonus is untouched
    after = score_json(root)
    assert after["alpha"]["total"] == before["alpha"]["total"] == 26.5
    assert after["alpha"]["bonus"] == 1 and after["alpha"]["deductions"] == 0
    # and the next self form shows the claims back to the member
    again = openpyxl.load_workbook(export(root, tmp_path / "again.xlsx"))[SHEETS["alpha"]]
    assert again[SELF["bonus1"]].value == 3 and again[SELF["bonus1_reason"]].value == "Tự thưởng"


# -- the hidden sheet is untrusted -----------------------------------------------------------------

def tamper(form, dst, change) -> object:
    wb = openpyxl.load_workbook(form)
    change(wb, wb[META_SHEET])
    wb.save(dst)
    return dst


def head_row(meta, key: str) -> int:
    return next(r for r in range(1, 20) if meta[f"A{r}"].value == key)


def set_head(key: str, value):
    def change(wb, meta):
        meta[f"B{head_row(meta, key)}"] = value
    return change


@pytest.mark.parametrize(("key", "value", "message"), [
    ("bloc", "../../../etc", "mã khối '../../../etc'"),
    ("bloc", "KT", "mã khối 'KT'"),
    ("bloc", "kt/../kt", "mã khối 'kt/../kt'"),
    ("year", "2024/../../x", "năm '2024/../.."),
    ("year", "１９９９", "năm '１９９９'"),
    ("year", 3000, "năm '3000'"),
    ("kind", "admin", "loại biểu mẫu 'admin'"),
    ("fingerprint", "x" * 16, "dấu kiểm của bảng chấm điểm"),
])
def test_metadata_that_is_not_valid_is_refused(setup, tmp_path, key, value, message):
    root, form = setup
    bad = tamper(form, tmp_path / "bad.xlsx", set_head(key, value))
    err = refused(root, bad)
    assert f"{bad}!_thidua: lỗi E803: trang ẩn _thidua không hợp lệ ({message}" in err
    assert not (tmp_path / "etc").exists()


def test_a_self_form_relabelled_agreed_cannot_write_agreed_scores(setup, tmp_path):
    root, form = setup
    bad = tamper(form, tmp_path / "kind.xlsx", set_head("kind", "agreed"))
    bad = fill(bad, bad, {SHEETS["alpha"]: {SELF["1.1"]: 10}})
    err = refused(root, bad)
    assert "lỗi E821: trang ẩn _thidua không khớp với biểu mẫu: biểu mẫu loại 'thống nhất' nhưng ô nằm ở trang" in err


def test_a_form_naming_another_bloc_is_refused(tmp_path):
    root = make_root(tmp_path)
    other = root / "blocs" / "kh" / "2024.yaml"
    other.parent.mkdir(parents=True)
    other.write_bytes((root / YEAR_FILE).read_bytes().replace(b"bloc: kt", b"bloc: kh"))
    form = export(root, tmp_path / "f.xlsx")
    bad = tamper(form, tmp_path / "kh.xlsx", set_head("bloc", "kh"))
    before = other.read_bytes()
    err = refused(root, bad)
    assert "E821: trang ẩn _thidua không khớp với biểu mẫu: trang Hướng dẫn không ghi khối 'kh' năm 2024" in err
    assert other.read_bytes() == before


def _retarget(member: str, field: str | None = None, key: str | None = None, maximum: str | None = None):
    """Point alpha's 1.1 cell at another member, field, key or maximum."""
    def change(wb, meta):
        for row in meta.iter_rows():
            if row[0].value == "input" and row[3].value == "alpha" and row[5].value == "1.1":
                row[3].value = member
                if field is not None:
                    row[4].value = field
                if key is not None:
                    row[5].value = key
                if maximum is not None:
                    row[8].value = maximum
    return change


@pytest.mark.parametrize(("change", "message"), [
    (_retarget("zeta"), "Sở Alpha!A7: lỗi E821: trang ẩn _thidua không khớp với biểu mẫu: trang này không "
                        "phải của đơn vị 'zeta'"),
    (_retarget("beta"), "lỗi E803: trang ẩn _thidua không hợp lệ (hai ô cùng điền một chỗ (beta score 1.1))"),
    (_retarget("alpha", key="1.2"), "lỗi E803: trang ẩn _thidua không hợp lệ (hai ô cùng điền một chỗ"),
    (_retarget("alpha", key="2"), "lỗi E803: trang ẩn _thidua không hợp lệ (hai ô cùng điền một chỗ"),
    (_retarget("alpha", field="bonus", key="9"), "Sở Alpha!E11: lỗi E821: trang ẩn _thidua không khớp với biểu "
                                                 "mẫu: dòng 11 không phải dòng 'Thưởng 9'"),
    (_retarget("alpha", maximum="1000"), "Sở Alpha!E11: lỗi E821: trang ẩn _thidua ghi điểm tối đa 1.000 cho ô "
                                         "này, bảng chấm điểm ghi 10"),
    (_retarget("Alpha"), "lỗi E803: trang ẩn _thidua không hợp lệ (mã đơn vị 'Alpha')"),
])
def test_a_slot_pointed_elsewhere_is_refused(setup, tmp_path, change, message):
    root, form = setup
    bad = fill(tamper(form, tmp_path / "slot.xlsx", change), tmp_path / "slot.xlsx", {SHEETS["alpha"]: {SELF["1.1"]: 10}})
    assert message in refused(root, bad)


def test_a_slot_moved_to_a_locked_cell_is_refused(setup, tmp_path):
    root, form = setup

    def change(wb, meta):
        for row in meta.iter_rows():
            if row[0].value == "input" and row[3].value == "alpha" and row[5].value == "1.1":
                row[2].value = "D11"  # the maximum's cell
    bad = tamper(form, tmp_path / "cell.xlsx", change)
    err = refused(root, bad)
    assert "Sở Alpha!D11: lỗi E821: trang ẩn _thidua không khớp với biểu mẫu: ô nhập không nằm ở cột nhập" in err


def test_nothing_is_ever_written_outside_the_blocs_folder(tmp_path):
    """Whatever the hidden sheet says, the only file an import may write is <root>/blocs/<id>/<year>.yaml."""
    root = make_root(tmp_path)
    form = export(root, tmp_path / "f.xlsx")
    outside = sorted(p for p in tmp_path.rglob("*") if p.is_file() and "blocs" not in p.parts)
    before = {p: p.read_bytes() for p in outside}
    for i, (key, value) in enumerate([("bloc", "../x"), ("bloc", "/tmp"), ("bloc", "_tables"), ("year", "../2024"),
                                      ("bloc", "kt\n"), ("table", "../../x")]):
        bad = tamper(form, tmp_path / f"t{i}.xlsx", set_head(key, value))
        before[bad] = bad.read_bytes()
        result = run("form", "import", bad, "--root", root, "--write")
        assert result.exit_code == 1, (key, value, result.output)
    assert {p: p.read_bytes() for p in before} == before
    assert slot_cells(form)  # the helper reads the same sheet


def _drop_slots(member: str, key: str | None = None, part: str | None = None):
    """Delete from the hidden sheet the input rows of ``member`` (only ``key``/``part`` when given)."""
    def change(wb, meta):
        rows = [r[0].row for r in meta.iter_rows() if r[0].value == "input" and r[3].value == member
                and (key is None or r[5].value == key) and (part is None or r[6].value == part)]
        for row in reversed(rows):
            meta.delete_rows(row)
    return change


def test_a_criterion_cell_dropped_from_the_hidden_sheet_is_refused_not_ignored(setup, tmp_path):
    root, form = setup
    bad = fill(tamper(form, tmp_path / "drop.xlsx", _drop_slots("alpha", "1.1")), tmp_path / "drop.xlsx",
               {SHEETS["alpha"]: {SELF["1.1"]: 1, SELF["1.2"]: 2}})
    err = refused(root, bad)
    assert (f"{bad}!Sở Alpha: lỗi E821: trang ẩn _thidua không khớp với biểu mẫu: thiếu ô nhập tiêu chí 1.1 "
            "của đơn vị 'alpha'") in err


def test_a_sheet_whose_every_cell_was_dropped_from_the_hidden_sheet_is_refused(setup, tmp_path):
    root, form = setup
    bad = fill(tamper(form, tmp_path / "drop.xlsx", _drop_slots("beta")), tmp_path / "drop.xlsx",
               {SHEETS["beta"]: {SELF["1.1"]: 1}})
    err = refused(root, bad)
    assert (f"{bad}!Beta!A7: lỗi E821: trang ẩn _thidua không khớp với biểu mẫu: trang tự chấm này không có ô "
            "nhập nào trong trang ẩn _thidua") in err


def test_a_member_column_dropped_from_an_agreed_forms_hidden_sheet_is_refused(setup, tmp_path):
    root, _ = setup
    form = export(root, tmp_path / "agreed.xlsx", "--agreed")
    bad = tamper(form, tmp_path / "drop.xlsx", _drop_slots("gamma"))
    err = refused(root, bad)
    assert "lỗi E821: trang ẩn _thidua không khớp với biểu mẫu: cột" in err and "'gamma'" in err, err
