"""The scoring forms as they print on A4: the instructions wrap to the page, every reason shows whole,
each self sheet is a document its unit files (the decree's header, a date line, its head's signature),
and the forms of version 2 sent out before the header came still come back in."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from form_support import CONFIG, SELF, SHEETS, YEAR_FILE, export, fill, make_root, run, slot_cells
from print_support import clipped, page_of_rows, row_of

from thidua.forms.meta import META_SHEET, VERSION
from thidua.render.xlsx_sheet import MARGINS

OLD = Path(__file__).resolve().parent / "data" / "forms"
LONG = ("Tổ chức thành công Hội thi tìm hiểu pháp luật toàn tỉnh với hơn ba nghìn đoàn viên tham gia, "
        "được Trung ương Hội biểu dương và nhân rộng mô hình ra các tỉnh bạn trong khu vực")


@pytest.fixture(scope="module")
def forms(tmp_path_factory):
    base = tmp_path_factory.mktemp("print")
    root = make_root(base)
    path = root / YEAR_FILE  # a long reason, claimed by alpha and agreed for beta
    text = path.read_text(encoding="utf-8")
    text = text.replace('    total: 26.5\n', f'    total: 26.5\n    self_bonus: [{{points: 1, reason: "{LONG}"}}]\n')
    text = text.replace('      - points: 0.5\n        reason: Nộp báo cáo chậm', f'      - points: 0.5\n        reason: "{LONG}"')
    assert text.count(LONG) == 2
    path.write_text(text, encoding="utf-8")
    assert run("validate", "--root", root).exit_code == 0
    own = openpyxl.load_workbook(export(root, base / "tu-cham.xlsx"))
    agreed = openpyxl.load_workbook(export(root, base / "thong-nhat.xlsx", "--agreed"))
    return own, agreed


def test_the_form_version_is_3():
    assert VERSION == 3


# -- the instructions -------------------------------------------------------------------

@pytest.mark.parametrize("kind", [0, 1])
def test_the_instructions_fit_the_page_width_and_wrap(forms, kind):
    ws = forms[kind]["Hướng dẫn"]
    assert ws.page_setup.orientation == "portrait" and int(ws.page_setup.paperSize) == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
    assert (ws.page_margins.left, ws.page_margins.right) == pytest.approx((MARGINS["left"], MARGINS["right"]))
    assert ws.column_dimensions["A"].width == 88  # 462 pt in Excel, inside the 468 pt between the margins
    lines = [c for c in ws["A"] if c.value]
    assert len(lines) == 13 and all(c.alignment.wrap_text for c in lines)
    assert clipped(ws) == []
    assert ws.row_dimensions[6].height == pytest.approx(2 * 15.8 + 2)  # instruction 2 takes two lines


# -- every text shows whole -------------------------------------------------------------------

def test_no_text_is_cut_off_on_any_sheet(forms):
    for wb in forms:
        for ws in wb.worksheets:
            if ws.title != META_SHEET:
                assert clipped(ws) == [], ws.title


def test_a_long_reason_on_the_agreed_sheet_wraps_in_a_row_sized_to_it(forms):
    ws = forms[1]["Điểm thống nhất"]
    sheet, ref = slot_cells_of(forms[1])[("beta", "deductions", "1", "reason")]
    cell = ws[ref]
    assert cell.value == LONG and cell.alignment.wrap_text
    assert ws.row_dimensions[cell.row].height == pytest.approx(14 * 15.8 + 2)  # 14 lines of a 14 wide column
    empty = slot_cells_of(forms[1])[("beta", "deductions", "3", "reason")][1]
    assert ws.row_dimensions[ws[empty].row].height == pytest.approx(2 * 15.8 + 2)  # room for two lines
    assert ws["A1"].value.startswith("BẢNG NHẬP ĐIỂM THỐNG NHẤT") and ws.column_dimensions["A"].width == 10


def test_a_long_reason_on_a_self_sheet_spans_the_names_column(forms):
    ws = forms[0][SHEETS["alpha"]]
    cell = ws[SELF["bonus1_reason"]]
    assert cell.value == LONG and cell.alignment.wrap_text
    assert f"{SELF['bonus1_reason']}:C{cell.row}" in {str(r) for r in ws.merged_cells.ranges}
    assert ws.row_dimensions[cell.row].height == pytest.approx(4 * 15.8 + 2)  # over B:C, 56 wide


def slot_cells_of(wb):
    out = {}
    for row in wb[META_SHEET].iter_rows(values_only=True):
        if row and row[0] == "input":
            _, sheet, cell, member, field, key, part = (str(v) if v is not None else "" for v in row[:7])
            out[(member, field, key, part)] = (sheet, cell)
    return out


# -- a self sheet is a document its unit files -----------------------------------------------------

@pytest.mark.parametrize(("member", "sheet", "issuer"), [
    ("alpha", "Sở Alpha", "SỞ ALPHA"), ("beta", "Beta", "BAN BETA"), ("gamma", "Đài Gamma", "ĐÀI GAMMA")])
def test_each_self_sheet_has_the_decree_header(forms, member, sheet, issuer):
    ws = forms[0][sheet]
    assert [ws[ref].value for ref in ("A1", "A2", "C1", "C2", "C3")] == [
        "KHỐI THI ĐUA KIỂM THỬ", issuer, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Khánh Hòa, ngày ...... tháng ...... năm ......"]
    assert ws["A2"].font.b and ws["C2"].font.u == "single" and ws["C3"].font.i
    assert {"A1:B1", "A2:B2", "C1:E1", "C2:E2", "C3:E3"} <= {str(r) for r in ws.merged_cells.ranges}
    assert ws["A5"].value == "PHIẾU TỰ CHẤM ĐIỂM THI ĐUA NĂM 2024"
    assert ws["A7"].value.endswith(f"(mã {member})")
    assert [ws[f"{c}9"].value for c in "ABDE"] == ["Mã", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm"]
    assert ws.print_title_rows == "$9:$9"


def test_each_self_sheet_ends_with_its_heads_signature(forms):
    ws = forms[0]["Beta"]
    total = row_of(ws, "TỔNG ĐIỂM (cộng tiêu chí + điểm thưởng − điểm trừ)")
    assert SELF["total"] == f"E{total}"
    assert ws[f"C{total + 2}"].value == "THỦ TRƯỞNG ĐƠN VỊ" and ws[f"C{total + 2}"].font.b
    assert ws[f"C{total + 3}"].value == "(Ký, ghi rõ họ tên và đóng dấu)" and ws[f"C{total + 3}"].font.i
    assert [ws.row_dimensions[r].height for r in range(total + 4, total + 8)] == [20] * 4  # to sign and stamp
    assert ws[f"C{total + 8}"].value == "………………………………"  # the name, by hand
    assert ws.max_row == total + 8
    for where in page_of_rows(ws):  # the signature with the deductions and the total, on one page
        assert where[total - 5] == where[total] == where[total + 8]


# -- the agreed sheet is the bloc's: its chair signs it ------------------------------------------------

def agreed_signature(ws) -> tuple[int, list[tuple[int, str, str]]]:
    """The total's row, and (row, column, text) of every cell written below it."""
    total = row_of(ws, "TỔNG ĐIỂM (cộng tiêu chí + điểm thưởng − điểm trừ)")
    below = [(c.row, c.column_letter, c.value) for row in ws.iter_rows(min_row=total + 1) for c in row
             if c.value is not None]
    return total, below


def test_the_agreed_sheet_ends_with_the_date_line_and_the_chairs_signature(forms):
    ws = forms[1]["Điểm thống nhất"]
    total, below = agreed_signature(ws)
    # seven columns (code, criterion, maximum, four members): the signature over the members, from column D
    assert below == [(total + 2, "D", "Khánh Hòa, ngày ...... tháng ...... năm ......"),
                     (total + 3, "D", "TM. KHỐI THI ĐUA"), (total + 4, "D", "TRƯỞNG KHỐI"),
                     (total + 5, "D", "(Ký, ghi rõ họ tên và đóng dấu)"), (total + 10, "D", "………………………………")]
    assert ws[f"D{total + 2}"].font.i and ws[f"D{total + 3}"].font.b and not ws[f"D{total + 3}"].font.i
    assert f"D{total + 3}:G{total + 3}" in {str(r) for r in ws.merged_cells.ranges}
    for where in page_of_rows(ws):  # the date line, the titles, the room to sign and the name on one page
        assert where[total + 2] == where[total + 10]


def test_the_agreed_sheet_names_the_signer_and_says_cum_for_a_cum(tmp_path):
    root = make_root(tmp_path)
    path = root / YEAR_FILE
    text = path.read_text(encoding="utf-8").replace("name: Khối thi đua kiểm thử\n",
                                                    "name: Cụm thi đua kiểm thử\nkind: cụm\n")
    path.write_text(text + "documents:\n  signer: {name: Nguyễn Thị Hà, title: Giám đốc, unit: alpha}\n",
                    encoding="utf-8")
    assert run("validate", "--root", root).exit_code == 0, run("validate", "--root", root).output
    ws = openpyxl.load_workbook(export(root, tmp_path / "f.xlsx", "--agreed"))["Điểm thống nhất"]
    _, below = agreed_signature(ws)
    assert [text for _, _, text in below] == ["Khánh Hòa, ngày ...... tháng ...... năm ......", "TM. CỤM THI ĐUA",
                                              "CỤM TRƯỞNG", "(Ký, ghi rõ họ tên và đóng dấu)", "Nguyễn Thị Hà"]


def test_the_place_line_follows_thidua_yaml(tmp_path):
    root = make_root(tmp_path)
    (root / "thidua.yaml").write_text(CONFIG.replace("province: Khánh Hòa", "province: Khánh Hòa\nplace: Nha Trang"),
                                      encoding="utf-8")
    ws = openpyxl.load_workbook(export(root, tmp_path / "f.xlsx"))["Beta"]
    assert ws["C3"].value == "Nha Trang, ngày ...... tháng ...... năm ......"
    (root / "thidua.yaml").write_text(CONFIG.replace("province: Khánh Hòa\n", ""), encoding="utf-8")
    ws = openpyxl.load_workbook(export(root, tmp_path / "g.xlsx"))["Beta"]
    assert ws["C3"].value == "......, ngày ...... tháng ...... năm ......"


def test_the_metadata_names_the_cells_that_moved(forms):
    cells = slot_cells_of(forms[0])
    assert cells[("alpha", "score", "1.1", "points")] == ("Sở Alpha", SELF["1.1"])
    assert cells[("alpha", "bonus", "1", "reason")] == ("Sở Alpha", SELF["bonus1_reason"])
    assert cells[("alpha", "deductions", "2", "points")] == ("Sở Alpha", SELF["ded2"])
    checks = [row[:4] for row in forms[0][META_SHEET].iter_rows(values_only=True) if row and row[0] == "check"]
    assert ("check", "Sở Alpha", "A7", "Đơn vị: Sở Alpha (mã alpha)") in checks
    for (_member, _field, _key, part), (sheet, ref) in cells.items():
        ws = forms[0][sheet]
        assert ws[ref].protection.locked is False and ws[ref].fill.fgColor.rgb == "00FFF2CC", ref
        assert ref[0] == ("B" if part == "reason" else "E")


# -- forms of an earlier version ------------------------------------------------------------------

def test_a_version_2_self_form_still_imports(tmp_path):
    root = make_root(tmp_path)
    old = OLD / "kt-2024-v2-tu-cham.xlsx"
    assert openpyxl.load_workbook(old)["Beta"]["D9"].value is None  # version 2: 1.2 of beta in D9
    filled = fill(old, tmp_path / "v2.xlsx", {"Beta": {"D9": 6, "B14": "Giải nhì hội thi", "D14": 1}})
    result = run("form", "import", filled, "--root", root, "--write")
    assert result.exit_code == 0, result.output
    assert "Ban Beta (beta) · tự chấm 1.2: (trống) → 6   [" in result.stdout
    assert "v2.xlsx!Beta!D9]" in result.stdout and f"Đã ghi 2 thay đổi vào {(root / YEAR_FILE).as_posix()}." in result.stdout
    text = (root / YEAR_FILE).read_text(encoding="utf-8")
    assert '      "1.2": 6\n      "2": 8\n    self_bonus:\n      - points: 1\n        reason: "Giải nhì hội thi"\n' in text


def test_a_version_2_agreed_form_still_imports(tmp_path):
    root = make_root(tmp_path)
    old = OLD / "kt-2024-v2-thong-nhat.xlsx"
    sheet, ref = slot_cells(old)[("delta", "score", "1.1", "points")]
    filled = fill(old, tmp_path / "v2a.xlsx", {sheet: {ref: 6}})
    result = run("form", "import", filled, "--root", root, "--write")
    assert result.exit_code == 0, result.output
    assert "thống nhất 1.1: (trống) → 6" in result.stdout


@pytest.mark.parametrize("version", ["1", "4", "2.5", ""])
def test_another_version_is_refused_with_what_to_do(tmp_path, version):
    root = make_root(tmp_path)
    form = export(root, tmp_path / "f.xlsx")
    wb = openpyxl.load_workbook(form)
    meta = wb[META_SHEET]
    row = next(r for r in range(1, 10) if meta[f"A{r}"].value == "version")
    meta[f"B{row}"] = version or None
    wb.save(tmp_path / "old.xlsx")
    result = run("form", "import", tmp_path / "old.xlsx", "--root", root, "--write")
    assert result.exit_code == 1
    assert (f"old.xlsx!_thidua: lỗi E803: biểu mẫu phiên bản {version}, thidua này đọc phiên bản 2 và 3"
            in result.stderr)
    assert "Xuất lại biểu mẫu bằng thidua đang dùng." in result.stderr


def test_a_new_form_claiming_version_2_is_held_against_the_old_layout(tmp_path):
    root = make_root(tmp_path)
    form = export(root, tmp_path / "f.xlsx")
    wb = openpyxl.load_workbook(form)
    meta = wb[META_SHEET]
    meta[f"B{next(r for r in range(1, 10) if meta[f'A{r}'].value == 'version')}"] = 2
    wb.save(tmp_path / "claims-2.xlsx")
    filled = fill(tmp_path / "claims-2.xlsx", tmp_path / "claims-2.xlsx", {"Beta": {SELF["1.2"]: 6}})
    result = run("form", "import", filled, "--root", root, "--write")
    assert result.exit_code == 1
    assert ("claims-2.xlsx!Beta!A1: lỗi E821: trang ẩn _thidua không khớp với biểu mẫu: tiêu đề trang không phải "
            "'PHIẾU TỰ CHẤM ĐIỂM THI ĐUA NĂM 2024'") in result.stderr
