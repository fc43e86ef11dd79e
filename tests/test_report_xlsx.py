"""`thidua report --format xlsx`: the workbook's structure, its NĐ 30/2020 look, text that stays
text, and the same bytes on every run."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from report_support import data_root, report

from thidua.render.xlsx import number_format, stable_zip

INCH = 25.4


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = data_root(tmp_path_factory.mktemp("xlsx"))
    r = report(root, "--bloc", "mttq", "--format", "xlsx")
    assert r.exit_code == 0, r.output
    return root / "reports" / "2024" / "mttq.xlsx"


@pytest.fixture(scope="module")
def wb(built):
    return openpyxl.load_workbook(built)


def find(ws, text):
    """The first cell whose value is ``text``."""
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == text:
                return cell
    raise AssertionError(f"{text!r} not on sheet {ws.title}")


def merged_range_of(ws, cell):
    return next((str(r) for r in ws.merged_cells.ranges if cell.coordinate in r), None)


def test_one_sheet_per_document(wb):
    assert wb.sheetnames == ["Bảng tổng hợp", "Biên bản", "Tờ trình", "Biểu đồ"]


@pytest.mark.parametrize(("sheet", "orientation"), [
    ("Bảng tổng hợp", "landscape"), ("Biên bản", "portrait"), ("Tờ trình", "portrait"), ("Biểu đồ", "portrait")])
def test_page_setup_a4_with_the_decree_margins(wb, sheet, orientation):
    ws = wb[sheet]
    assert ws.page_setup.orientation == orientation
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4) == 9
    if sheet == "Bảng tổng hợp":  # a little over one page: on one page at a scale of its own (test_report_print)
        assert ws.sheet_properties.pageSetUpPr.fitToPage is False and ws.page_setup.scale == 72
    else:
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
    m = ws.page_margins
    assert (round(m.top * INCH), round(m.bottom * INCH), round(m.left * INCH), round(m.right * INCH)) == (20, 20, 30, 15)


@pytest.mark.parametrize("sheet", ["Bảng tổng hợp", "Biên bản", "Tờ trình"])
def test_header_block(wb, sheet):
    ws = wb[sheet]
    superior = find(ws, "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TỈNH KHÁNH HÒA")
    issuer = find(ws, "KHỐI THI ĐUA MTTQ VÀ CÁC TỔ CHỨC CHÍNH TRỊ - XÃ HỘI TỈNH")
    nation = find(ws, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    motto = find(ws, "Độc lập - Tự do - Hạnh phúc")
    date = find(ws, "Khánh Hòa, ngày 20 tháng 12 năm 2024")
    # the superior over the issuer on the left, level with the national title and motto on the right
    assert superior.column == issuer.column == 1 and superior.row == nation.row and issuer.row == motto.row
    assert not superior.font.bold and superior.alignment.horizontal == "center"
    assert nation.column > issuer.column and motto.column == nation.column and motto.row == nation.row + 1
    for cell in (issuer, nation, motto):
        assert cell.font.name == "Times New Roman" and cell.font.bold
        assert cell.alignment.horizontal == "center"
        assert merged_range_of(ws, cell) is not None
    assert motto.font.underline == "single"
    assert date.font.italic and date.column == nation.column
    assert issuer.font.sz in (13, 14) and motto.font.sz in (13, 14)


@pytest.mark.parametrize("kind", ["bloc", "province"])
def test_merged_ranges_never_overlap(wb, tmp_path, kind):
    """Excel offers to repair a workbook whose merged ranges overlap (LibreOffice says nothing)."""
    if kind == "province":
        root = data_root(tmp_path)
        assert report(root, "--year", "2024", "--format", "xlsx").exit_code == 0
        wb = openpyxl.load_workbook(root / "reports/2024/tong-hop.xlsx")
    for ws in wb.worksheets:
        seen: dict[tuple[int, int], str] = {}
        for rng in ws.merged_cells.ranges:
            for cell in rng.cells:
                assert cell not in seen, f"{ws.title}: {rng} overlaps {seen[cell]}"
                seen[cell] = str(rng)


def test_number_lines(wb):
    assert find(wb["Biên bản"], "Số: 01/BB-KTĐ").column == 1
    assert find(wb["Tờ trình"], "Số: 02/TTr-KTĐ").column == 1


def test_score_sheet_cells(wb):
    ws = wb["Bảng tổng hợp"]
    find(ws, "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2024")
    find(ws, "(Kèm theo Biên bản họp bình xét số 01/BB-KTĐ ngày 20/12/2024)")
    head = find(ws, "Tổng điểm")
    assert head.font.bold and merged_range_of(ws, head) == f"{head.coordinate}:{head.column_letter}{head.row + 1}"
    first = find(ws, "Hội Liên hiệp Phụ nữ tỉnh")
    assert first.row == head.row + 2  # ranked first, right under the two header rows
    total = ws.cell(row=first.row, column=head.column)
    assert total.value == 98 and total.data_type == "n"  # a number, not the text "98,00"
    assert total.number_format == "#,##0.00" and total.font.bold
    row = [ws.cell(row=first.row, column=c).value for c in range(1, ws.max_column + 1)]
    assert row[:5] == [1, "Hội Liên hiệp Phụ nữ tỉnh", 49.5, 19, 28]
    assert row[5:10] == [1.5, 0, 98, 1, "Xuất sắc"]
    assert ws.cell(row=first.row, column=3).number_format == "#,##0.00"
    assert ws.cell(row=first.row, column=2).border.left.style == "thin"
    last = find(ws, "Hội Cựu chiến binh tỉnh")
    assert ws.cell(row=last.row, column=head.column).value == 79.25
    assert ws.cell(row=last.row, column=head.column + 1).value == 7
    assert ws.print_title_rows == f"${head.row}:${head.row + 1}"
    assert ws.freeze_panes == f"C{head.row + 2}"


def test_minutes_cells(wb):
    ws = wb["Biên bản"]
    find(ws, "BIÊN BẢN")
    find(ws, "Các đơn vị thành viên dự họp (6/7 đơn vị):")
    find(ws, "Liên hiệp các Hội KH&KT | tỉnh *Khánh Hòa*")
    find(ws, "Vắng: Hội Cựu chiến binh tỉnh.")
    find(ws, "Hội nghị bỏ phiếu kín bình xét, suy tôn các danh hiệu; số đơn vị bỏ phiếu: 6/7. Kết quả:")
    votes = find(ws, "1. Cờ thi đua của UBND tỉnh (cần từ 70% số phiếu trở lên):")
    flag = ws.cell(row=votes.row + 2, column=2)
    assert flag.value == "Hội Liên hiệp Phụ nữ tỉnh"
    assert ws.cell(row=votes.row + 2, column=5).value == "6/6"  # as the Markdown says it: count/ballots
    assert ws.cell(row=votes.row + 2, column=6).value == "100,00\u00a0%"
    find(ws, "2. Bằng khen của Chủ tịch UBND tỉnh: Ủy ban MTTQ Việt Nam tỉnh (5/6 phiếu, 83,33\u00a0%), "
              "Liên đoàn Lao động tỉnh (4/6 phiếu, 66,67\u00a0%).")
    find(ws, "Hội nghị thống nhất: Liên đoàn Lao động tỉnh làm Trưởng khối, Tỉnh đoàn làm Phó khối năm 2025.")
    on_behalf, title = find(ws, "TM. KHỐI THI ĐUA"), find(ws, "TRƯỞNG KHỐI")
    name = [c for row in ws.iter_rows(min_row=title.row + 1) for c in row if c.value == "Nguyễn Thị Hà"]
    assert title.row == on_behalf.row + 1 and name and name[0].column == title.column
    assert on_behalf.font.bold and name[0].font.bold
    secretary = find(ws, "THƯ KÝ")
    assert secretary.row == on_behalf.row and secretary.column < on_behalf.column  # side by side, THƯ KÝ left
    assert [c for row in ws.iter_rows(min_row=title.row + 1) for c in row if c.value == "Trần Văn Minh"]


def test_proposal_sheet_cells(wb):
    ws = wb["Tờ trình"]
    find(ws, "TỜ TRÌNH")
    find(ws, "Kính gửi: Hội đồng Thi đua - Khen thưởng tỉnh Khánh Hòa.")
    head = find(ws, "2. Bằng khen của Chủ tịch UBND tỉnh (2 đơn vị)")
    member = ws.cell(row=head.row + 3, column=2)
    assert member.value == "Liên đoàn Lao động tỉnh"
    assert ws.cell(row=head.row + 3, column=3).value == 90
    assert ws.cell(row=head.row + 3, column=5).value == (
        "Xếp thứ 4/7 đơn vị của Khối với 90,00 điểm, xếp loại Tốt; được 4/6 đơn vị bỏ phiếu đồng ý (66,67\u00a0%).")
    find(ws, "Nơi nhận:")
    assert ws.print_title_rows is None  # the tables end on page 1: no head over the signature (test_report_print)


def test_bar_chart_of_totals(built):
    with zipfile.ZipFile(built) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 1
        xml = z.read(charts[0]).decode()
    assert re.search(r"<(c:)?barChart>", xml) and re.search(r'<(c:)?barDir val="bar"', xml)
    assert "'Bảng tổng hợp'!$H$" in xml  # the bars read the totals of the score sheet


def test_number_formats():
    assert number_format(2) == "#,##0.00"
    assert number_format(1) == "#,##0.0"
    assert number_format(0) == "#,##0"


# -- text is text --------------------------------------------------------------------

FORMULA_LIKE = {
    "tinhdoan": '=HYPERLINK("http://x.invalid","Tỉnh đoàn")',
    "hnd": "@SUM(A1:A9)",
    "hccb": "-Hội Cựu chiến binh+1",
    "ldld": "+84 Liên đoàn",
    "ubmttq": "#N/A",
}


def test_formula_looking_names_are_stored_as_text(tmp_path):
    root = data_root(tmp_path)
    path = root / "blocs" / "mttq" / "2024.yaml"
    text = path.read_text(encoding="utf-8")
    for mid, name in FORMULA_LIKE.items():
        text = re.sub(rf"\{{id: {mid}, name: [^}}]*\}}", lambda _m, mid=mid, name=name: "{id: " + mid + ", name: '"
                      + name + "'}", text, count=1)
    path.write_text(text, encoding="utf-8")
    r = report(root, "--bloc", "mttq", "--format", "xlsx")
    assert r.exit_code == 0, r.output
    out = root / "reports" / "2024" / "mttq.xlsx"
    with zipfile.ZipFile(out) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert "<f>" not in z.read(name).decode(), f"a formula in {name}"
    ws = openpyxl.load_workbook(out)["Bảng tổng hợp"]
    names = {c.value: c for row in ws.iter_rows(min_col=2, max_col=2) for c in row}
    for name in FORMULA_LIKE.values():
        cell = names[name]
        assert cell.data_type == "s" and cell.quotePrefix, name


@pytest.mark.parametrize("text", ["=1+2", "+1", "-1", "@A1", "\tTab đầu", "\rCR đầu", "#REF!", "x\x01y"])
def test_put_stores_any_text_as_text(text):
    from thidua.render.xlsx import Sheet

    wb = openpyxl.Workbook()
    cell = Sheet(wb, "Thử", (10, 10), landscape=False).put(1, 1, text)
    assert cell.data_type == "s"
    assert cell.value == text.replace("\x01", "\ufffd")  # XML cannot hold U+0001: shown, not dropped
    assert cell.quotePrefix == (text[0] in "=+-@\t\r#")


# -- same bytes -------------------------------------------------------------------------


def test_fixed_times_in_the_package(built):
    with zipfile.ZipFile(built) as z:
        core = z.read("docProps/core.xml").decode()
        infos = z.infolist()
    assert "<dcterms:created" in core and ">2024-12-20T00:00:00Z</dcterms:created>" in core
    assert ">2024-12-20T00:00:00Z</dcterms:modified>" in core
    assert {i.date_time for i in infos} == {(2024, 12, 20, 0, 0, 0)}


def test_stable_zip_is_idempotent(built):
    import datetime as dt

    data = built.read_bytes()
    assert stable_zip(data, dt.datetime(2024, 12, 20)) == data


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_two_runs_give_the_same_bytes(tmp_path):
    """Two processes (different hash seeds, a second apart) write byte-identical files."""
    root = data_root(tmp_path)
    digests = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "NO_COLOR": "1"}
        subprocess.run([sys.executable, "-m", "thidua", "report", "--bloc", "mttq", "--root", str(root)],
                       check=True, capture_output=True, env=env)
        digests.append((_sha(root / "reports/2024/mttq.xlsx"), _sha(root / "reports/2024/mttq.md")))
    assert digests[0] == digests[1]


def test_province_summary_workbook(tmp_path):
    root = data_root(tmp_path)
    r = report(root, "--year", "2024", "--format", "xlsx")
    assert r.exit_code == 0, r.output
    wb = openpyxl.load_workbook(root / "reports/2024/tong-hop.xlsx")
    assert wb.sheetnames == ["Tổng hợp", "Xếp hạng"]
    ws = wb["Tổng hợp"]
    find(ws, "BAN THI ĐUA - KHEN THƯỞNG")
    find(ws, "Khánh Hòa, ngày ...... tháng ...... năm ......")
    bloc = find(ws, "Khối thi đua MTTQ và các tổ chức chính trị - xã hội tỉnh")
    assert ws.cell(row=bloc.row, column=5).value == 98
    assert ws.cell(row=bloc.row, column=7).value == "Liên đoàn Lao động tỉnh"
    assert ws.page_setup.orientation == "landscape"
    ranking = wb["Xếp hạng"]
    assert sum(1 for row in ranking.iter_rows(min_col=2, max_col=2) if row[0].value == "Sở Tài chính") == 1
    find(ranking, "2. Khối thi đua MTTQ và các tổ chức chính trị - xã hội tỉnh")


# -- LibreOffice --------------------------------------------------------------------------


def test_libreoffice_opens_it_and_prints_it(built, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: the headless PDF conversion check is skipped")
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(built)],
        capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "mttq.pdf"
    assert result.returncode == 0 and pdf.is_file(), result.stdout + result.stderr
    data = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    assert data.startswith(b"%PDF") and pages >= 4, pages  # one page or more per document
