"""Bad forms are refused cell by cell, as FILE!Sheet!C7, never with a traceback, and nothing is written."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from form_support import SELF, YEAR_FILE, export, fill, fill_slots, make_root, run, slot_cells

from thidua.forms.meta import META_SHEET


@pytest.fixture
def setup(tmp_path):
    root = make_root(tmp_path)
    form = export(root, tmp_path / "f.xlsx")
    return root, form, (root / YEAR_FILE).read_bytes()


def refused(root, before, *files, extra=()):
    """Import with --write: exit 1, the bloc-year file byte-identical; returns stderr."""
    result = run("form", "import", *files, "--root", root, "--write", *extra)
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert (root / YEAR_FILE).read_bytes() == before
    assert "không ghi gì" in result.stderr
    return result.stderr


def test_a_score_over_the_maximum_names_sheet_and_cell(setup, tmp_path):
    root, form, before = setup
    filled = fill(form, tmp_path / "over.xlsx", {"Sở Alpha": {SELF["1.1"]: 11, SELF["1.2"]: 7}})
    err = refused(root, before, filled)
    assert f"{filled}!Sở Alpha!E11: lỗi E806: 11 vượt điểm tối đa 10 của tiêu chí 1.1" in err


def test_decimal_comma_typed_as_text_is_refused_with_a_hint(setup, tmp_path):
    root, form, before = setup
    filled = fill(form, tmp_path / "comma.xlsx", {"Beta": {SELF["1.2"]: "9,5"}})
    err = refused(root, before, filled)
    assert f"{filled}!Beta!E12: lỗi E805: ô chứa chữ '9,5', không phải số" in err
    assert "9.5" in err  # the hint says how to type it


def test_a_formula_excel_never_computed_is_refused(setup, tmp_path):
    root, form, before = setup
    filled = fill(form, tmp_path / "formula.xlsx", {"Đài Gamma": {SELF["2"]: "=4+5"}})
    err = refused(root, before, filled)
    assert f"{filled}!Đài Gamma!E13: lỗi E805: ô chứa công thức chưa được Excel tính" in err


@pytest.mark.parametrize(("value", "code", "message"), [
    (-1, "E806", "điểm âm (-1)"),
    ("chín", "E805", "ô điểm chứa chữ 'chín', cần một số"),
    ("9.5", "E805", "ô chứa chữ '9.5', không phải số (số được nhập dạng chữ)"),
    (True, "E805", "ô chứa giá trị TRUE, cần một số"),
    (7.123456, "E806", "số 7,123456 có quá 4 chữ số thập phân"),
])
def test_other_bad_cells(setup, tmp_path, value, code, message):
    root, form, before = setup
    filled = fill(form, tmp_path / "bad.xlsx", {"Sở Alpha": {SELF["2"]: value}})
    err = refused(root, before, filled)
    assert f"!Sở Alpha!E13: lỗi {code}: {message}" in err


def test_one_bad_cell_blocks_the_good_ones_and_other_forms(setup, tmp_path):
    root, form, before = setup
    good = fill(form, tmp_path / "good.xlsx", {"Beta": {SELF["1.2"]: 6}})
    bad = fill(form, tmp_path / "bad.xlsx", {"Sở Alpha": {SELF["1.1"]: 11}})
    err = refused(root, before, good, bad)
    assert "bad.xlsx!Sở Alpha!E11" in err and "good.xlsx" not in err


def test_a_form_for_another_year(setup, tmp_path):
    root, _, before = setup
    old = export(root, tmp_path / "2023.xlsx", year=2023)
    filled = fill(old, tmp_path / "2023-filled.xlsx", {"Sở Alpha": {"E10": 5}})
    err = refused(root, before, filled, extra=("--year", "2024"))
    assert f"{filled}: lỗi E811: biểu mẫu của năm 2023, không phải năm 2024" in err


def test_a_form_naming_a_year_without_a_file(setup, tmp_path):
    root, form, before = setup
    wb = openpyxl.load_workbook(form)
    meta = wb[META_SHEET]
    row = next(r for r in range(1, 10) if meta[f"A{r}"].value == "year")
    meta[f"B{row}"] = 2099
    wb.save(tmp_path / "2099.xlsx")
    err = refused(root, before, tmp_path / "2099.xlsx")
    # the hidden sheet says 2099, the sheets the members see say 2024: tampered, refused
    assert ("2099.xlsx!Hướng dẫn: lỗi E821: trang ẩn _thidua không khớp với biểu mẫu: trang Hướng dẫn không "
            "ghi khối 'kt' năm 2099") in err


def test_a_form_whose_bloc_year_file_is_gone(setup, tmp_path):
    root, form, before = setup
    filled = fill(form, tmp_path / "f2.xlsx", {"Beta": {SELF["1.2"]: 6}})
    (root / YEAR_FILE).rename(root / "blocs" / "kt" / "2024.yaml.bak")
    result = run("form", "import", filled, "--root", root, "--write")
    assert result.exit_code == 1, result.output
    assert f"{filled}: lỗi E811: biểu mẫu của khối 'kt' năm 2024, nhưng không có tệp blocs/kt/2024.yaml" \
        in result.stderr


def test_a_form_of_an_older_criteria_table(setup, tmp_path):
    root, form, _ = setup
    path = root / YEAR_FILE
    text = path.read_text(encoding="utf-8")
    text = (text.replace("total: 30", "total: 29").replace("max: 20", "max: 19")
            .replace('{id: "1.2", name: Tiêu chí một chấm hai, max: 10}', '{id: "1.2", name: Tiêu chí một chấm hai, max: 9}'))
    path.write_text(text, encoding="utf-8")
    assert run("validate", "--root", root).exit_code == 0
    filled = fill(form, tmp_path / "old-table.xlsx", {"Beta": {SELF["1.2"]: 6}})
    err = refused(root, path.read_bytes(), filled)
    assert f"{filled}: lỗi E813: bảng chấm điểm đã thay đổi sau khi xuất biểu mẫu" in err


@pytest.mark.parametrize(("content", "code", "message"), [
    (b"ma,diem\nalpha,9\n", "E801", "tệp văn bản (có vẻ là CSV), không phải tệp Excel .xlsx"),
    (b"\xd0\xcf\x11\xe0" + b"\0" * 200, "E801", "tệp Excel đời cũ (.xls)"),
    (b"PK\x03\x04 this is not really a zip", "E800", "tệp nén .xlsx bị hỏng"),
    (b"\x89PNG\r\n\x1a\n\0\0", "E801", "không phải tệp Excel .xlsx"),
    (b"", "E801", "tệp rỗng"),
], ids=["csv", "xls", "broken-zip", "png", "empty"])
def test_a_file_that_is_not_an_xlsx(setup, tmp_path, content, code, message):
    root, _, before = setup
    bad = tmp_path / "form.xlsx"
    bad.write_bytes(content)
    err = refused(root, before, bad)
    assert f"{bad}: lỗi {code}: {message}" in err


def test_a_zip_or_a_workbook_that_is_not_a_form(setup, tmp_path):
    root, _, before = setup
    with zipfile.ZipFile(tmp_path / "a.xlsx", "w") as z:
        z.writestr("word/document.xml", "<w/>")
    wb = openpyxl.Workbook()
    wb.active["A1"] = 9
    wb.save(tmp_path / "b.xlsx")
    err = refused(root, before, tmp_path / "a.xlsx", tmp_path / "b.xlsx")
    assert "a.xlsx: lỗi E801: tệp nén nhưng không phải bảng tính Excel" in err
    assert "b.xlsx: lỗi E802: không phải biểu mẫu do thidua xuất ra" in err


def test_moved_rows_are_detected(setup, tmp_path):
    root, form, before = setup
    filled = fill(form, tmp_path / "moved.xlsx", {"Sở Alpha": {"A11": "1.2", "A12": "1.1"}})
    err = refused(root, before, filled)
    assert "!Sở Alpha!A11: lỗi E804: cấu trúc biểu mẫu đã bị thay đổi" in err


def test_two_forms_disagreeing_on_one_cell(setup, tmp_path):
    root, form, before = setup
    a = fill(form, tmp_path / "a.xlsx", {"Beta": {SELF["1.2"]: 6}})
    b = fill(form, tmp_path / "b.xlsx", {"Beta": {SELF["1.2"]: 7}})
    err = refused(root, before, a, b)
    assert "b.xlsx!Beta!E12: lỗi E815: xung đột: ô này ghi 7" in err


def test_bonus_over_its_cap(setup, tmp_path):
    root, form, before = setup
    filled = fill(form, tmp_path / "bonus.xlsx", {"Sở Alpha": {SELF["bonus1"]: 2, SELF["bonus1_reason"]: "Một",
                                                               SELF["bonus2"]: 1.5, SELF["bonus2_reason"]: "Thêm"}})
    err = refused(root, before, filled)
    assert "!Sở Alpha!E17: lỗi E818: tổng điểm thưởng (tự đề xuất) của 'alpha' là 3,5, vượt mức tối đa 3" in err


def test_a_reason_without_points(setup, tmp_path):
    root, form, before = setup
    filled = fill(form, tmp_path / "reason.xlsx", {"Beta": {SELF["ded2_reason"]: "Vắng họp"}})
    err = refused(root, before, filled)
    assert "!Beta!B23: lỗi E817: có lý do nhưng chưa ghi số điểm trừ" in err


def test_a_reason_pasted_in_a_legacy_font_is_refused_at_its_cell(setup, tmp_path):
    root, form, before = setup
    filled = fill(form, tmp_path / "legacy.xlsx", {"Beta": {SELF["ded2"]: 1, SELF["ded2_reason"]: "Nép b¸o c¸o chËm"}})
    err = refused(root, before, filled)
    assert "!Beta!B23: lỗi E807: chữ 'b¸o' có vẻ được gõ bằng phông TCVN3 hoặc VNI" in err


def test_an_update_that_would_not_validate_is_not_written(setup, tmp_path, monkeypatch):
    """The safety net: were a form check missing, the validation of the new text still stops the write."""
    import thidua.forms.cells as cells

    root, form, before = setup
    monkeypatch.setattr(cells, "MAX_REASON", 10**6)  # let a too long reason through the form checks
    filled = fill(form, tmp_path / "long.xlsx", {"Beta": {SELF["ded2"]: 1, SELF["ded2_reason"]: "x" * 1200}})
    err = refused(root, before, filled)
    assert "sẽ có lỗi nếu ghi các thay đổi" in err
    assert "E205" in err and "tệp khối-năm sẽ không hợp lệ" in err


def test_a_cleared_cell_keeps_the_value_with_a_warning(setup, tmp_path):
    root, form, before = setup
    filled = fill(form, tmp_path / "cleared.xlsx", {"Sở Alpha": {SELF["1.1"]: None}})
    result = run("form", "import", filled, "--root", root, "--write")
    assert result.exit_code == 0, result.output
    assert "!Sở Alpha!E11: cảnh báo W809: ô bị xóa trống (lúc xuất là 9)" in result.stderr
    assert (root / YEAR_FILE).read_bytes() == before


def test_a_bloc_year_with_errors_is_not_touched(setup, tmp_path):
    root, form, _ = setup
    path = root / YEAR_FILE
    path.write_text(path.read_text(encoding="utf-8").replace("total: 26.5", "total: 99"), encoding="utf-8")
    broken = path.read_bytes()
    filled = fill(form, tmp_path / "x.xlsx", {"Beta": {SELF["1.2"]: 6}})
    err = refused(root, broken, filled)
    assert "đang có lỗi; không nhập biểu mẫu vào tệp có lỗi" in err and "E404" in err


def test_a_missing_file_is_a_usage_error(setup, tmp_path):
    root, _, _ = setup
    result = run("form", "import", tmp_path / "nope.xlsx", "--root", root)
    assert result.exit_code == 2
    assert "không có tệp" in result.stderr


def test_export_refuses_a_bloc_year_with_errors_and_bad_output_names(setup, tmp_path):
    root, _, _ = setup
    assert run("form", "export", "--root", root, "--bloc", "kt", "2024", "-o", tmp_path / "x.xls").exit_code == 2
    assert run("form", "export", "--root", root, "--bloc", "nope", "2024").exit_code == 2
    path = root / YEAR_FILE
    path.write_text(path.read_text(encoding="utf-8").replace('"1.1": 9,', '"1.1": 19,'), encoding="utf-8")
    result = run("form", "export", "--root", root, "--bloc", "kt", "2024", "-o", tmp_path / "x.xlsx")
    assert result.exit_code == 1 and "E400" in result.stderr
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.parametrize("sub", ["export", "import"])
def test_help_has_an_example(sub):
    result = run("form", sub, "--help")
    assert result.exit_code == 0 and "Ví dụ: thidua form " + sub in result.output


def test_tampered_metadata_is_a_problem_not_a_crash(setup, tmp_path):
    root, form, before = setup
    wb = openpyxl.load_workbook(form)
    meta = wb[META_SHEET]
    row = next(r for r in range(1, 200) if meta[f"A{r}"].value == "input")
    meta[f"C{row}"] = "not a cell"
    wb.save(tmp_path / "tampered.xlsx")
    err = refused(root, before, tmp_path / "tampered.xlsx")
    assert "!_thidua: lỗi E803: trang ẩn _thidua không hợp lệ (ô 'not a cell')" in err


def test_a_member_that_left_since_the_export(setup, tmp_path):
    root, form, _ = setup
    path = root / YEAR_FILE
    path.write_text(path.read_text(encoding="utf-8").replace("  - {id: delta, name: Đoàn Delta}\n", "")
                    .replace("  delta:\n    self: {\"1.1\": 5, \"1.2\": 5, \"2\": 5}\n    deductions: 1\n", ""),
                    encoding="utf-8")
    assert run("validate", "--root", root).exit_code == 0
    untouched = fill(form, tmp_path / "ok.xlsx", {"Beta": {SELF["1.2"]: 6}})
    assert run("form", "import", untouched, "--root", root).exit_code == 0  # delta's sheet was not changed
    changed = fill(form, tmp_path / "bad.xlsx", {"Đoàn Delta": {SELF["1.2"]: 6}})
    err = refused(root, path.read_bytes(), changed)
    assert "!Đoàn Delta: lỗi E814: đơn vị 'delta' không còn trong tệp khối-năm" in err


def test_sheet_titles_are_valid_and_unique():
    from thidua.diagnostics import Source
    from thidua.forms.plan import sheet_titles
    from thidua.model import Member

    src = Source("x")
    members = (Member("a", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Khánh Hòa", src),
               Member("b", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Khánh Hòa (cũ)", src),
               Member("c", "Ban A/B: [thử]?", src), Member("d", "Hướng dẫn", src))
    titles = sheet_titles(members)
    assert all(len(t) <= 31 and not set(t) & set("[]:*?/\\") for t in titles.values())
    assert len({t.casefold() for t in titles.values()}) == 4
    assert titles["c"] == "Ban A-B- -thử--"
    assert titles["d"] == "Hướng dẫn (2)"


# -- the rest of the form codes, each with the case that makes it -----------------------------------

def _with_cached_formula(src: Path, dst: Path, sheet: str, ref: str, formula: str, cached: str) -> Path:
    """A form where ``ref`` holds a formula with the value Excel computed for it (openpyxl writes none)."""
    wb = openpyxl.load_workbook(src)
    wb[sheet][ref] = f"={formula}"
    wb.save(dst)
    with zipfile.ZipFile(dst) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    for name, data in parts.items():
        if name.startswith("xl/worksheets/") and f"<f>{formula}</f>".encode() in data:
            parts[name] = re.sub(rf"<f>{re.escape(formula)}</f>(<v\s*/>|<v></v>)?".encode(),
                                 f"<f>{formula}</f><v>{cached}</v>".encode(), data)
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return dst


def test_a_formula_with_a_computed_value_is_a_warning_and_its_value_counts(setup, tmp_path):
    root, form, _ = setup
    filled = _with_cached_formula(form, tmp_path / "f.xlsx", "Đài Gamma", SELF["2"], "4+5", "9")
    result = run("form", "import", filled, "--root", root, "--write")
    assert result.exit_code == 0, result.output
    assert "!Đài Gamma!E13: cảnh báo W808: ô chứa công thức (=4+5); dùng giá trị Excel đã tính" in result.stderr
    assert "Đài Gamma (gamma) · tự chấm 2: (trống) → 9" in result.stdout


def test_a_deduction_without_a_reason_is_a_warning(setup, tmp_path):
    root, form, _ = setup
    filled = fill(form, tmp_path / "noreason.xlsx", {"Beta": {SELF["ded2"]: 1}})
    result = run("form", "import", filled, "--root", root, "--write")
    assert result.exit_code == 0, result.output
    assert "!Beta!E23: cảnh báo W810: điểm trừ chưa ghi lý do" in result.stderr


def test_a_bloc_year_with_errors_is_e812(setup, tmp_path):
    root, form, _ = setup
    path = root / YEAR_FILE
    path.write_text(path.read_text(encoding="utf-8").replace("total: 26.5", "total: 99"), encoding="utf-8")
    filled = fill(form, tmp_path / "x.xlsx", {"Beta": {SELF["1.2"]: 6}})
    err = refused(root, path.read_bytes(), filled)
    assert f"{filled}: lỗi E812: tệp blocs/kt/2024.yaml đang có lỗi" in err


def test_a_bonus_list_changed_since_the_export_is_e816(tmp_path):
    """Three-way on the list: changed in the file since the export and in the form: the three lists are named."""
    root = make_root(tmp_path)
    form = export(root, tmp_path / "agreed.xlsx", "--agreed")
    path = root / YEAR_FILE
    path.write_text(path.read_text(encoding="utf-8").replace("bonus: [{points: 1, reason: 'Sáng kiến hay'}]",
                                                             "bonus: [{points: 2, reason: 'Sáng kiến rất hay'}]")
                    .replace("total: 26.5", "total: 27.5"), encoding="utf-8")
    assert run("validate", "--root", root).exit_code == 0
    filled = fill_slots(form, tmp_path / "bonus.xlsx", {("alpha", "bonus", "2", "points"): 0.5,
                                                         ("alpha", "bonus", "2", "reason"): "Thêm"})
    where = slot_cells(form)[("alpha", "bonus", "2", "points")]
    err = refused(root, path.read_bytes(), filled)
    assert (f"bonus.xlsx!{where[0]}!{where[1]}: lỗi E816: xung đột ở điểm thưởng của 'alpha': lúc xuất biểu mẫu "
            "là 1 (Sáng kiến hay), tệp khối-năm nay là 2 (Sáng kiến rất hay), biểu mẫu ghi 1 (Sáng kiến hay); "
            "0,5 (Thêm)") in err


def test_a_file_the_editor_will_not_touch_is_e819_at_its_line(setup, tmp_path, monkeypatch):
    import yaml

    from thidua.forms.score_edit import ScoreEditor as YamlEditor
    from thidua.forms.yamlsplice import EditError

    root, form, before = setup

    def refuse(self, edits, criteria):
        raise EditError("gặp danh sách hoặc mục ở chỗ cần một giá trị", yaml.compose("a: 1\nb: [x]\n").value[1][1])

    monkeypatch.setattr(YamlEditor, "apply", refuse)
    filled = fill(form, tmp_path / "x.xlsx", {"Beta": {SELF["1.2"]: 6}})
    err = refused(root, before, filled)
    assert ("blocs/kt/2024.yaml:2:4: lỗi E819: không sửa được blocs/kt/2024.yaml một cách an toàn: "
            "gặp danh sách hoặc mục ở chỗ cần một giá trị") in err


def test_a_form_too_large_to_be_one_is_e800(setup, tmp_path, monkeypatch):
    import thidua.forms.read as read

    root, form, before = setup
    monkeypatch.setattr(read, "MAX_FORM_BYTES", 1000)
    err = refused(root, before, form)
    assert f"{form}: lỗi E800: tệp quá lớn" in err


def test_a_file_changed_between_reading_and_writing_is_e820(setup, tmp_path):
    from thidua.forms.read import read_form
    from thidua.forms.update import prepare_import, write_updates

    root, form, before = setup
    filled = fill(form, tmp_path / "x.xlsx", {"Beta": {SELF["1.2"]: 6}})
    result = prepare_import(root, [read_form(filled)])
    assert result.ok and result.changes == 1
    (root / YEAR_FILE).write_bytes(before + b"# another run wrote here\n")
    [stale] = write_updates(result)
    assert (stale.code, str(stale.source)) == ("E820", "blocs/kt/2024.yaml")
    assert (root / YEAR_FILE).read_bytes() == before + b"# another run wrote here\n"
