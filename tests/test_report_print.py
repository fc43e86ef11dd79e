"""The bloc and province workbooks as they print on A4: no text cut off, signature blocks never split
across pages, a small table on one page, the chart's axis on the table's scale, and the text
measure and pagination they are laid out with."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from print_support import clipped, heights, page, page_of_rows, row_of
from report_support import data_root, report

from thidua.render.xlsx import nice_step, value_axis
from thidua.render.xlsx_metrics import EXCEL_UNIT, LIBRE_UNIT, Page, page_starts, paginate, wrapped_lines
from thidua.render.xlsx_sheet import Sheet

BLOC_SHEETS = ["Bảng tổng hợp", "Biên bản", "Tờ trình", "Biểu đồ"]


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    root = data_root(tmp_path_factory.mktemp("print"))
    for args in (("--bloc", "mttq"), ("--bloc", "kinh-te"), ("--year", "2024")):
        r = report(root, *args, "--format", "xlsx")
        assert r.exit_code == 0, r.output
    return root


@pytest.fixture(scope="module")
def mttq(root):
    return openpyxl.load_workbook(root / "reports/2024/mttq.xlsx")


@pytest.fixture(scope="module")
def kinh_te(root):
    return openpyxl.load_workbook(root / "reports/2024/kinh-te.xlsx")


@pytest.fixture(scope="module")
def province(root):
    return openpyxl.load_workbook(root / "reports/2024/tong-hop.xlsx")


# -- the text measure ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "width", "bold", "lines"), [
    # as LibreOffice and Excel wrap them (a column unit is 5.25 pt in Excel, the narrower)
    ("KHỐI THI ĐUA MTTQ VÀ CÁC TỔ CHỨC CHÍNH TRỊ - XÃ HỘI TỈNH", 36, True, 3),  # capitals are wide
    ("KHỐI THI ĐUA MTTQ VÀ CÁC TỔ CHỨC CHÍNH TRỊ - XÃ HỘI TỈNH", 51, True, 2),
    ("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TỈNH KHÁNH HÒA", 36, False, 2),
    ("Xếp hạng", 9, True, 2),
    ("Xếp loại", 12, True, 1),
    ("", 10, False, 1),
    ("một\nhai", 50, False, 2),
    ("x" * 100, 10, False, 14),  # a word wider than the cell is cut: 650 pt over 48.5 pt a line
])
def test_wrapped_lines(text, width, bold, lines):
    assert wrapped_lines(text, width, 13, bold) == lines


def test_lowercase_fills_a_line_capitals_do_not():
    assert wrapped_lines("a" * 70, 88, 13) == 1  # 404 pt in 458
    assert wrapped_lines("A" * 70, 88, 13) == 2  # 657 pt


# -- pagination ------------------------------------------------------------------------------

PORTRAIT = Page(False, 56.69, 56.69, 85.04, 42.52, (6, 29, 14, 14, 12.5, 12.5))


def test_the_page_holds_its_height_at_each_programs_scale():
    assert PORTRAIT.scale(EXCEL_UNIT) == 1.0  # 88 units of 5.25 pt fit 165 mm
    assert PORTRAIT.scale(LIBRE_UNIT) == 0.95
    assert round(PORTRAIT.height(EXCEL_UNIT), 1) == 728.5
    assert paginate([20.0] * 80, 728.5) == [1, 37, 73]
    assert paginate([20.0] * 80, 728.5, titles=(1, 2)) == [1, 37, 71]  # later pages repeat rows 1-2


def test_a_kept_block_that_would_be_split_starts_a_page():
    rows = [20.0] * 40
    assert page_starts(rows, PORTRAIT, [(30, 33)]) == []  # rows 30-33 fit on the first page
    assert page_starts(rows, PORTRAIT, [(35, 38)]) == [35]  # 36 rows fit (Excel): 35-38 would be cut
    assert page_starts([20.0] * 45, PORTRAIT, [(2, 42)]) == []  # taller than any page (820 pt): left to break
    assert page_starts(rows, PORTRAIT, [(36, 37)]) == [36]  # LibreOffice holds more rows, Excel not
    # Excel and LibreOffice at the written heights start page 2 at rows 37 and 39; LibreOffice drawing rows
    # 3 % shorter holds row 39 on page 1 and would cut 39-41 there.
    assert [round(c, 1) for c in PORTRAIT.capacities()] == [728.5, 721.3, 766.9, 790.6]
    assert page_starts(rows, PORTRAIT, [(39, 41)]) == [39]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([10.0, 15.0, 21.2, 38.4, 120.0]), min_size=1, max_size=300),
       st.lists(st.tuples(st.integers(1, 300), st.integers(1, 12)), max_size=40),
       st.booleans())
def test_no_kept_block_is_split_in_any_program(rows, blocks, titled):
    keeps = [(a, min(a + n, len(rows))) for a, n in blocks if a < len(rows)]
    titles = (1, 2) if titled and len(rows) > 2 else None
    starts = page_starts(rows, PORTRAIT, keeps, titles)
    for capacity in PORTRAIT.capacities():
        pages = paginate(rows, capacity, titles, starts)
        top = sum(rows[:2]) if titles else 0.0
        for a, b in keeps:
            alone = not any((c, d) != (a, b) and c <= b and a <= d for c, d in keeps)
            if alone and top + sum(rows[a - 1:b]) <= capacity:  # a block by itself that fits on a page
                assert not [p for p in pages if a < p <= b], (a, b, capacity)


def test_overlapping_blocks_are_kept_as_one():
    rows = [20.0] * 40
    # 33-36 would not be cut (page 2 starts at 37 in Excel), but 35-38 would: both go to the next page
    assert page_starts(rows, PORTRAIT, [(33, 36), (35, 38)]) == [33]
    assert page_starts(rows, PORTRAIT, [(2, 30), (20, 38)]) == [20]  # together taller than a page


def test_print_titles_only_over_a_table_that_runs_on():
    def sheet(rows: int):
        wb = openpyxl.Workbook()
        s = Sheet(wb, "x", PORTRAIT.widths, landscape=False)
        head = s.table_head([("TT", 1, 1), ("Đơn vị", 2, 6)])
        for i in range(rows):
            s.put(s.row, 1, i, border=True)
            s.height(s.row, 21.2)
            s.row += 1
        s.print_titles(head, head, over=s.row - 1)
        s.finish()
        return s.ws

    assert sheet(10).print_title_rows is None
    assert sheet(60).print_title_rows == "$1:$1"


# -- the bloc workbook -----------------------------------------------------------------------

@pytest.mark.parametrize("book", ["mttq", "kinh_te"])
@pytest.mark.parametrize("sheet", BLOC_SHEETS)
def test_no_text_is_cut_off(request, book, sheet):
    assert clipped(request.getfixturevalue(book)[sheet]) == []


@pytest.mark.parametrize(("sheet", "first", "last"), [
    ("Bảng tổng hợp", "TM. KHỐI THI ĐUA", "Nguyễn Thị Hà"),
    ("Biên bản", "Hội nghị kết thúc vào lúc 11 giờ 30 cùng ngày.", "Trần Văn Minh"),
    ("Tờ trình", "Nơi nhận:", "Nguyễn Thị Hà"),
])
def test_a_signature_block_prints_on_one_page(mttq, sheet, first, last):
    ws = mttq[sheet]
    a, b = row_of(ws, first), row_of(ws, last)
    for where in page_of_rows(ws):
        assert where[a] == where[b], (sheet, first, last)


def test_the_minutes_and_proposal_break_before_their_closing(mttq):
    # Two pages each in both programs; the closing paragraph goes with the signatures.
    minutes, proposal = mttq["Biên bản"], mttq["Tờ trình"]
    # the fixture's honours section fills page 1 down to the handover: its heading opens page 2
    assert [b.id + 1 for b in minutes.row_breaks.brk] == [row_of(minutes, "VI. BÀN GIAO TRƯỞNG KHỐI NĂM 2025")]
    closing = row_of(proposal, "Khối thi đua MTTQ và các tổ chức chính trị - xã hội tỉnh kính trình Hội đồng Thi "
                               "đua - Khen thưởng tỉnh Khánh Hòa xem xét, quyết định./.")
    assert [b.id + 1 for b in proposal.row_breaks.brk] == [closing]
    assert proposal.print_title_rows is None  # both tables end on the first page: no head over the signature


def test_a_small_score_sheet_prints_on_one_page(mttq, kinh_te):
    for wb, scale in ((mttq, 72), (kinh_te, 79)):
        ws = wb["Bảng tổng hợp"]
        assert ws.sheet_properties.pageSetUpPr.fitToPage is False and ws.page_setup.scale == scale
        p = page(ws)
        tall = sum(heights(ws)) * scale / 100
        assert tall <= p.room_h and sum(ws.column_dimensions[c].width for c in ws.column_dimensions) * \
            LIBRE_UNIT * scale / 100 <= 297 / 25.4 * 72 - p.left - p.right
        assert ws.print_title_rows  # the head still repeats if members are added and it runs on


def test_the_score_sheet_grows_onto_a_second_page_with_its_last_row(tmp_path):
    root = data_root(tmp_path)
    path = root / "blocs/mttq/2024.yaml"
    text = path.read_text(encoding="utf-8")
    extra = "".join(f"  - {{id: x{i:02d}, name: Đơn vị thêm số {i:02d}}}\n" for i in range(1, 13))
    text = text.replace("members:\n", "members:\n" + extra, 1)
    path.write_text(text, encoding="utf-8")
    r = report(root, "--bloc", "mttq", "--format", "xlsx")
    assert r.exit_code == 0, r.output
    ws = openpyxl.load_workbook(root / "reports/2024/mttq.xlsx")["Bảng tổng hợp"]
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True and int(ws.page_setup.fitToWidth) == 1
    last_row = max(c.row for c in ws["A"] if c.border.left.style == "thin")
    assert ws.cell(row=last_row, column=2).value == "Đơn vị thêm số 12"  # unscored, at the end
    title, name = row_of(ws, "TM. KHỐI THI ĐUA"), row_of(ws, "Nguyễn Thị Hà")
    for where in page_of_rows(ws):
        assert max(where.values()) == 2
        assert where[last_row] == where[title] == where[name] == 2  # never a page of signature alone
        assert where[row_of(ws, "Hội Liên hiệp Phụ nữ tỉnh")] == 1
    assert clipped(ws) == []


def test_a_draft_is_boxed_clear_of_the_national_title(kinh_te):
    for sheet in ("Bảng tổng hợp", "Biên bản", "Tờ trình"):
        ws = kinh_te[sheet]
        mark = next(c for c in ws[1] if c.value == "DỰ THẢO")
        assert mark.border.left.style == "thin" and ws.cell(row=1, column=ws.max_column).border.right.style == "thin"
        assert ws.row_dimensions[2].height == 6  # a gap, then the header
        assert ws.cell(row=3, column=1).value == "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TỈNH KHÁNH HÒA"


# -- the chart -------------------------------------------------------------------------------

def test_the_value_axis_runs_to_the_tables_maximum(mttq):
    chart = mttq["Biểu đồ"]._charts[0]
    assert (chart.y_axis.scaling.min, chart.y_axis.scaling.max, chart.y_axis.majorUnit) == (0, 100, 10)


def test_a_bonus_past_the_maximum_takes_the_axis_to_the_next_step(tmp_path):
    root = data_root(tmp_path)
    path = root / "blocs/mttq/2024.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('agreed: {"1.1": 30, "1.2": 19.5, "2": 19, "3": 28}\n    bonus: 1.5',
                        'agreed: {"1.1": 30, "1.2": 20, "2": 20, "3": 28}\n    bonus: 5')
    path.write_text(text, encoding="utf-8")
    r = report(root, "--bloc", "mttq", "--format", "xlsx")
    assert r.exit_code == 0, r.output
    wb = openpyxl.load_workbook(root / "reports/2024/mttq.xlsx")
    assert row_of(wb["Bảng tổng hợp"], "Hội Liên hiệp Phụ nữ tỉnh")
    chart = wb["Biểu đồ"]._charts[0]
    assert (chart.y_axis.scaling.min, chart.y_axis.scaling.max, chart.y_axis.majorUnit) == (0, 110, 10)  # 103


@pytest.mark.parametrize(("ceiling", "totals", "axis"), [
    ("100", ["98", "79.25"], ("0", "100", "10")),
    ("100", ["100"], ("0", "100", "10")),  # exactly the maximum
    ("100", ["100.01"], ("0", "110", "10")),
    ("100", ["110"], ("0", "110", "10")),  # on a step: no further
    ("30", ["26.5"], ("0", "30", "5")),
    ("150", ["149"], ("0", "150", "25")),  # a step that divides the maximum
    ("7", ["8"], ("0", "8", "1")),
    ("100", ["-3", "50"], ("-10", "100", "10")),  # deductions past the points
    ("1000000", ["999999"], ("0", "1000000", "100000")),
])
def test_value_axis(ceiling, totals, axis):
    low, high, step = value_axis(Decimal(ceiling), [Decimal(t) for t in totals])
    assert (str(low), str(high), str(step)) == axis


def test_value_axis_without_a_table():
    assert value_axis(Decimal(0), []) == (Decimal(0), Decimal(1), None)
    assert str(nice_step(Decimal(120))) == "20"


# -- the province summary --------------------------------------------------------------------

@pytest.mark.parametrize("sheet", ["Tổng hợp", "Xếp hạng"])
def test_province_no_text_is_cut_off(province, sheet):
    assert clipped(province[sheet]) == []


def test_province_summary_signs_with_its_recipients_on_one_page(province):
    ws = province["Tổng hợp"]
    # a little over a page: printed on one at a scale of its own, the one its rows as written need
    assert ws.sheet_properties.pageSetUpPr.fitToPage is False
    assert 60 <= ws.page_setup.scale < 100 and ws.page_setup.scale == page(ws).one_page(heights(ws))
    sign, recipients = row_of(ws, "TRƯỞNG BAN"), row_of(ws, "Nơi nhận:")
    assert sign == recipients
    assert ws.cell(row=sign + 1, column=1).value == "- Hội đồng Thi đua - Khen thưởng tỉnh Khánh Hòa;"
    assert ws.cell(row=sign + 2, column=1).value == "- Lưu: VT."
    dots = row_of(ws, "………………………………")
    assert dots == sign + 5 and ws.cell(row=dots, column=1).value is None


def test_province_summary_names_blocs_not_ids(province):
    texts = [c.value for ws in province for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert not [t for t in texts if any(w in ("mttq", "kinh-te") for w in t.replace(",", " ").split())]
    assert "Khối thi đua MTTQ và các tổ chức chính trị - xã hội tỉnh" in texts
