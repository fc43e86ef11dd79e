"""The report documents as one Excel workbook that looks like a filed document (NĐ 30/2020).

Lays out the context of thidua.render.markdown (``bloc_context`` /
``province_context``): a sheet per document, A4, the decree's margins, Times New
Roman, the header block (issuer left, national title and motto right), the number
and place-and-date lines, print titles, fit to page width, numbers as numbers with
a decimal-comma format, and a bar chart of the totals.

Two guarantees:

* Text is text. A name starting with ``=`` ``+`` ``-`` ``@``, a tab or CR, or
  spelling an error code such as ``#N/A``, is stored as a string cell with the
  quote prefix, never as a formula; this module writes no formula at all.
* Same input, same bytes. openpyxl stamps the save time into docProps/core.xml and
  the zip entries; :func:`stable_zip` rewrites the package in memory with fixed
  times, the same entry order and compression.

openpyxl is imported only in this module, and only when a workbook is built.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Sequence
from copy import copy
from decimal import Decimal
from typing import Any

from thidua.core.numbers import vn_number
from thidua.render.score_json import num

FONT = "Times New Roman"
BODY = 13
TITLE = 14
SMALL = 12
MM = 1 / 25.4  # openpyxl margins are inches
MARGINS = {"top": 20 * MM, "bottom": 20 * MM, "left": 30 * MM, "right": 15 * MM,
           "header": 10 * MM, "footer": 10 * MM}
FALLBACK_STAMP = dt.datetime(2000, 1, 1)
RISKY_START = ("=", "+", "-", "@", "\t", "\r")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in XML 1.0
RIGHT_MIN = 52.0  # characters the national title needs
LEFT_MIN = 36.0
PORTRAIT_WIDTHS = (6, 30, 14, 14, 12, 12)  # ~88 characters: A4 portrait inside the decree's margins


def number_format(places: int) -> str:
    """``#,##0.00`` for 2 places: shown as 1.234,50 where the locale writes a decimal comma."""
    return "#,##0" + ("." + "0" * places if places > 0 else "")


def safe_text(value: str) -> str:
    """XML-safe text: characters XML 1.0 forbids become U+FFFD (visible, never silently dropped)."""
    return _ILLEGAL.sub("\ufffd", value)


def estimate_lines(text: str, width: float, size: int = BODY, bold: bool = False) -> int:
    """Lines ``text`` takes when wrapped in a cell ``width`` characters wide (Excel does not size
    merged cells by itself, so row heights are set from this estimate)."""
    per_line = max(width * 1.15 * BODY / size * (0.88 if bold else 1.0), 1.0)
    total = 0
    for part in text.split("\n"):
        weight = len(part) + 0.25 * sum(1 for ch in part if ch.isupper())  # capitals are wider
        total += max(1, math.ceil(weight / per_line))
    return total


def line_height(size: int) -> float:
    return round(size * 1.32, 1)


class Sheet:
    """One document on one worksheet, written top to bottom."""

    def __init__(self, wb, title: str, widths: Sequence[float], *, landscape: bool) -> None:
        from openpyxl.styles import Alignment, Border, Font, Side
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.properties import PageSetupProperties

        self._Font, self._Alignment = Font, Alignment
        thin = Side(style="thin")
        self._edge = Border(left=thin, right=thin, top=thin, bottom=thin)
        self._styles: dict[tuple, Any] = {}
        self.letter = get_column_letter
        self.ws = wb.create_sheet(title)
        self.widths = list(widths)
        self.ncols = len(widths)
        self.row = 1
        ws = self.ws
        for i, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = w
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_margins.top = MARGINS["top"]
        ws.page_margins.bottom = MARGINS["bottom"]
        ws.page_margins.left = MARGINS["left"]
        ws.page_margins.right = MARGINS["right"]
        ws.page_margins.header = MARGINS["header"]
        ws.page_margins.footer = MARGINS["footer"]
        ws.print_options.horizontalCentered = True
        ws.sheet_view.showGridLines = False
        # Page numbers at the top centre from the second page on (NĐ 30/2020).
        ws.HeaderFooter.differentFirst = True
        ws.page_setup.firstPageNumber = 1  # every document counts its own pages
        ws.page_setup.useFirstPageNumber = True
        ws.oddHeader.center.text = "&P"
        ws.oddHeader.center.font = f"{FONT},Regular"
        ws.oddHeader.center.size = SMALL

    # -- cells ---------------------------------------------------------------
    def width_of(self, first: int, last: int) -> float:
        return sum(self.widths[first - 1:last])

    def put(self, row: int, col: int, value: Any, *, size: int = BODY, bold: bool = False, italic: bool = False,
            underline: bool = False, align: str = "left", valign: str = "center", wrap: bool = True,
            fmt: str | None = None, border: bool = False, last_col: int | None = None):
        """Write one value (merged over ``col..last_col``); text is always stored as text."""
        cell = self.ws.cell(row=row, column=col)
        quote = False
        if isinstance(value, str):
            text = safe_text(value)
            cell.value = text
            cell.data_type = "s"  # never a formula ("=…") or an error code ("#N/A")
            quote = text.startswith(RISKY_START) or text.startswith("#")
        elif isinstance(value, Decimal):
            cell.value = num(value)
        else:
            cell.value = value
        key = (size, bold, italic, underline, align, valign, wrap, fmt, border, quote)
        self.style(cell, key)
        if last_col is not None and last_col > col:
            self.merge(row, col, row, last_col, key if border else None)
        return cell

    def merge(self, r1: int, c1: int, r2: int, c2: int, key: tuple | None = None) -> None:
        """Merge a range; with ``key``, every cell of it takes that style, so its borders run all round.

        openpyxl's own merge_cells re-styles each covered cell one by one (its protection, its
        borders), which costs more than the rest of the sheet; a merge is only a range in the
        sheet's <mergeCells>, and the covered cells may stay empty.
        """
        from openpyxl.worksheet.merge import MergedCellRange

        self.ws.merged_cells.add(MergedCellRange(self.ws, f"{self.letter(c1)}{r1}:{self.letter(c2)}{r2}"))
        if key is not None:
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    if (r, c) != (r1, c1):
                        self.style(self.ws.cell(row=r, column=c), key)

    def style(self, cell, key: tuple) -> None:
        """Apply a style by key. openpyxl interns every font, alignment and border by hashing it,
        which dominates the time of a large sheet; a style met before is copied as its index array."""
        cached = self._styles.get(key)
        if cached is not None:
            cell._style = copy(cached)
            return
        size, bold, italic, underline, align, valign, wrap, fmt, border, quote = key
        cell.font = self._Font(name=FONT, size=size, bold=bold, italic=italic,
                               underline="single" if underline else None)
        cell.alignment = self._Alignment(horizontal=align, vertical=valign, wrap_text=wrap)
        if fmt is not None:
            cell.number_format = fmt
        if border:
            cell.border = self._edge
        if quote:
            cell.quotePrefix = True  # Excel and LibreOffice keep it text when the cell is edited
        self._styles[key] = copy(cell._style)

    def box(self, r1: int, c1: int, r2: int, c2: int) -> None:
        """Thin borders on every cell of a range (cells written with ``border=True`` have them already)."""
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                self.ws.cell(row=r, column=c).border = self._edge

    def height(self, row: int, points: float) -> None:
        current = self.ws.row_dimensions[row].height or 0
        self.ws.row_dimensions[row].height = max(current, points)

    def fit(self, row: int, text: str, first: int, last: int, size: int = BODY, bold: bool = False) -> None:
        self.height(row, estimate_lines(text, self.width_of(first, last), size, bold) * line_height(size) + 2)

    # -- blocks --------------------------------------------------------------
    def para(self, text: str, *, size: int = BODY, bold: bool = False, italic: bool = False,
             align: str = "justify", first: int = 1, last: int | None = None) -> int:
        """A paragraph across the page (or ``first..last``); returns its row."""
        last = last or self.ncols
        row = self.row
        self.put(row, first, text, size=size, bold=bold, italic=italic, align=align, valign="top", last_col=last)
        self.fit(row, text, first, last, size, bold)
        self.row += 1
        return row

    def skip(self, rows: int = 1, points: float = 10) -> None:
        """Blank rows between blocks (half a line each unless told)."""
        for _ in range(rows):
            self.ws.row_dimensions[self.row].height = points
            self.row += 1

    def split(self) -> tuple[int, int]:
        """(last column of the left block, first column of the right block) of the two-column layout:
        the right block is the last columns wide enough for the national title, the left block the first
        columns wide enough for the issuer."""
        right_first, acc = self.ncols, self.widths[-1]
        while acc < RIGHT_MIN and right_first > 2:
            right_first -= 1
            acc += self.widths[right_first - 1]
        left_last, acc = 1, self.widths[0]
        while acc < LEFT_MIN and left_last < right_first - 1:
            left_last += 1
            acc += self.widths[left_last - 1]
        return left_last, right_first

    def header(self, h: dict[str, Any], number: str) -> None:
        """Issuer on the left, the national title and motto on the right, then number and date."""
        left_last, right_first = self.split()
        lw = self.width_of(1, left_last)
        r = self.row
        if h.get("parent"):
            self.put(r, 1, h["parent"], align="center", last_col=left_last)
            self.put(r + 1, 1, h["issuer"], bold=True, align="center", valign="top", last_col=left_last)
            issuer_lines = estimate_lines(h["issuer"], lw, BODY, True)
            self.height(r, line_height(BODY) * estimate_lines(h["parent"], lw) + 2)
            self.height(r + 1, line_height(BODY) * issuer_lines + 2)
        else:
            self.put(r, 1, h["issuer"], bold=True, align="center", valign="top")
            self.merge(r, 1, r + 1, left_last)
            # The title's first line level with the issuer's, the motto right under it; a long
            # issuer name grows the second row only.
            issuer_lines = estimate_lines(h["issuer"], lw, BODY, True)
            self.height(r, line_height(BODY) + 2)
            self.height(r + 1, max(line_height(TITLE), line_height(BODY) * (issuer_lines - 1)) + 4)
        self.put(r, right_first, h["nation"], bold=True, align="center", valign="top", wrap=False,
                 last_col=self.ncols)
        self.put(r + 1, right_first, h["motto"], size=TITLE, bold=True, underline=True, align="center",
                 valign="top", wrap=False, last_col=self.ncols)
        self.put(r + 2, 1, number, align="center", last_col=left_last)
        self.put(r + 2, right_first, h["date_line"], italic=True, align="center", wrap=False, last_col=self.ncols)
        self.height(r + 2, line_height(BODY) + 6)
        self.row = r + 4

    def title(self, text: str, sub: str = "", note: str = "") -> None:
        self.para(text, size=TITLE, bold=True, align="center")
        if sub:
            self.para(sub, bold=True, align="center")
        if note:
            self.para(note, italic=True, align="center")
        self.skip()

    def signature(self, s: dict[str, Any], recipients: Sequence[str] = ()) -> None:
        """``TM. KHỐI THI ĐUA / TRƯỞNG KHỐI`` on the right, ``Nơi nhận`` on the left when given."""
        left_last, right_first = self.split()
        r = self.row
        self.put(r, right_first, s["on_behalf"], bold=True, align="center", valign="top", last_col=self.ncols)
        self.put(r + 1, right_first, s["title"], bold=True, align="center", valign="top", last_col=self.ncols)
        if recipients:
            self.put(r, 1, "Nơi nhận:", size=SMALL, bold=True, italic=True, last_col=left_last)
            for i, name in enumerate(recipients):
                end = "." if i == len(recipients) - 1 else ";"
                self.put(r + 1 + i, 1, f"- {name}{end}", size=11, valign="top", last_col=left_last)
                self.fit(r + 1 + i, f"- {name}{end}", 1, left_last, 11)
        for blank in range(r + 2, r + 6):  # room to sign and stamp
            self.height(blank, 20)
        sign_row = r + 6
        self.put(sign_row, right_first, s["unit"], bold=True, align="center", last_col=self.ncols)
        self.fit(sign_row, s["unit"], right_first, self.ncols, BODY, True)
        self.row = max(sign_row, r + 1 + len(recipients)) + 1

    def table_head(self, cells: Sequence[tuple[str, int, int]]) -> int:
        """One header row of (text, first column, last column), bold, centred, boxed; returns its row."""
        r = self.row
        lines = 1
        for text, c1, c2 in cells:
            self.put(r, c1, text, bold=True, align="center", last_col=c2, border=True)
            lines = max(lines, estimate_lines(text, self.width_of(c1, c2), BODY, True))
        self.height(r, lines * line_height(BODY) + 4)
        self.row += 1
        return r

    def print_titles(self, first: int, last: int) -> None:
        self.ws.print_title_rows = f"{first}:{last}"


# -- the three documents of a bloc ------------------------------------------------


GROUP_WIDTH = 12
LONG_GROUP_NAME = 45  # past this, a column head says "Nhóm 1 (15)" and the name goes in a legend


def _score_widths(groups: int) -> list[float]:
    return [5, 34, *([GROUP_WIDTH] * groups), 9, 9, 10, 8, 11, 18]


def group_headers(groups: Sequence[dict[str, Any]]) -> list[str]:
    """Column heads of the criteria groups: the full names when they are short enough to read in a
    narrow column, else the group number with its maximum (the names then follow the table)."""
    if any(len(g["name"]) > LONG_GROUP_NAME for g in groups):
        return [f"Nhóm {g['id']} ({vn_number(g['max'])})" for g in groups]
    return [f"{g['id']}. {g['name']} ({vn_number(g['max'])})" for g in groups]


def score_sheet(wb, ctx: dict[str, Any]) -> tuple[Any, int, int, int]:
    """The score sheet; returns (worksheet, first and last scored row, total column) for the chart."""
    groups = ctx["table"]["groups"]
    n = len(groups)
    s = Sheet(wb, "Bảng tổng hợp", _score_widths(n), landscape=True)
    places = ctx["places"]
    fmt = number_format(places)
    s.header(ctx["header"], "")
    ref = ""
    if ctx["number"]["minutes_ref"] or ctx["review"]["date"]:
        parts = [f" số {ctx['number']['minutes_ref']}" if ctx["number"]["minutes_ref"] else "",
                 f" ngày {ctx['review']['short_date']}" if ctx["review"]["date"] else ""]
        ref = f"(Kèm theo Biên bản{''.join(parts)})"
    s.title(f"BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM {ctx['year']}", ctx["bloc"]["name"], ref)
    table = ctx["table"]
    if table["name"]:
        caps = []
        if table["ceiling"] is not None:
            caps.append(f"tối đa {vn_number(table['ceiling'])} điểm")
        if table["bonus_cap"] is not None:
            caps.append(f"điểm thưởng tối đa {vn_number(table['bonus_cap'])}")
        if table["deduction_cap"] is not None:
            caps.append(f"điểm trừ tối đa {vn_number(table['deduction_cap'])}")
        s.para(f"{table['name']}" + (f": {', '.join(caps)}." if caps else "."), italic=True, align="left")
        s.skip()

    # Two header rows: the groups under one caption, every other column spanning both rows.
    h1, h2 = s.row, s.row + 1
    g1, g2 = 3, 2 + n
    rest = ["Điểm thưởng", "Điểm trừ", "Tổng điểm", "Xếp hạng", "Xếp loại", "Ghi chú"]
    col_total = g2 + 3
    singles = [("TT", 1), ("Đơn vị", 2)] + [(t, g2 + 1 + i) for i, t in enumerate(rest)]
    for text, c in singles:
        s.put(h1, c, text, bold=True, align="center")
        s.merge(h1, c, h2, c)
    heads = group_headers(groups)
    if n:
        s.put(h1, g1, "Điểm theo nhóm tiêu chí", bold=True, align="center", last_col=g2)
        for i, text in enumerate(heads):
            s.put(h2, g1 + i, text, size=SMALL, bold=True, align="center")
    s.box(h1, 1, h2, s.ncols)
    s.height(h1, line_height(BODY) + 6)
    tallest = max([estimate_lines(text, GROUP_WIDTH, SMALL, True) for text in heads] + [1])
    tallest = max(tallest, 2)  # "Điểm thưởng" and its neighbours take two lines
    s.height(h2, tallest * line_height(SMALL) + 4)
    s.print_titles(h1, h2)
    s.ws.freeze_panes = s.ws.cell(row=h2 + 1, column=3)
    s.row = h2 + 1

    first_data = s.row
    scored_last = first_data - 1
    for row in ctx["rows"]:
        r = s.row
        note = row["note"] if row["scored"] else "chưa có điểm"
        cells = [(1, row["no"], "center", "0"), (2, row["name"], "left", None)]
        cells += [(g1 + i, p, "right", fmt) for i, p in enumerate(row["groups"])]
        cells += [(g2 + 1, row["bonus"], "right", fmt), (g2 + 2, row["deductions"], "right", fmt),
                  (g2 + 4, row["rank"], "center", '0"*"' if row["tied"] else "0"),
                  (g2 + 5, row["band"], "center", None)]
        for c, value, align, cell_fmt in cells:
            s.put(r, c, value, align=align, fmt=cell_fmt, border=True)
        s.put(r, col_total, row["total"], align="right", fmt=fmt, bold=True, border=True)
        s.put(r, g2 + 6, note, size=SMALL, border=True)
        lines = max(estimate_lines(row["name"], s.widths[1]), estimate_lines(note, s.widths[-1], SMALL))
        s.height(r, lines * line_height(BODY) + 4)
        if row["scored"]:
            scored_last = r
        s.row += 1
    s.skip()
    if ctx["tied"]:
        s.para("* đồng hạng (bằng nhau sau mọi tiêu chí phân định).", size=SMALL, italic=True, align="left")
    if heads and heads[0].startswith("Nhóm "):
        legend = "; ".join(f"{g['id']}. {g['name']} ({vn_number(g['max'])} điểm)" for g in groups)
        s.para(f"Nhóm tiêu chí: {legend}.", size=SMALL, italic=True)
    if ctx["bands"]:
        bands = "; ".join(f"{b['name']} từ {vn_number(b['min'])} điểm" for b in ctx["bands"])
        s.para(f"Xếp loại: {bands}.", size=SMALL, italic=True, align="left")
    s.skip()
    s.signature(ctx["signature"])
    return s.ws, first_data, scored_last, col_total


def chart_sheet(wb, ctx: dict[str, Any], source, first: int, last: int, col: int) -> None:
    """Horizontal bars of the totals on their own page, first-ranked at the top, each bar labelled
    with its figure. The bars read the score sheet's cells: the chart shows what the table says."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.chart.label import DataLabelList

    s = Sheet(wb, "Biểu đồ", PORTRAIT_WIDTHS, landscape=False)
    s.title(f"BIỂU ĐỒ TỔNG ĐIỂM THI ĐUA NĂM {ctx['year']}", ctx["bloc"]["name"])
    fmt = number_format(ctx["places"])
    chart = BarChart()
    chart.type = "bar"
    chart.style = 2
    chart.legend = None
    chart.add_data(Reference(source, min_col=col, min_row=first, max_row=last), titles_from_data=False)
    chart.set_categories(Reference(source, min_col=2, min_row=first, max_row=last))
    chart.x_axis.scaling.orientation = "maxMin"  # rank 1 on top
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.scaling.min = 0
    chart.y_axis.number_format = "#,##0"
    chart.y_axis.majorGridlines = None
    chart.y_axis.crosses = "max"  # value axis below the bars once the categories run top-down
    chart.gapWidth = 60
    series = chart.series[0]
    series.dLbls = DataLabelList()
    series.dLbls.showVal = True
    series.dLbls.numFmt = fmt
    for flag in ("showSerName", "showCatName", "showLegendKey", "showPercent"):
        setattr(series.dLbls, flag, False)
    text = chart_text()
    chart.x_axis.txPr = text
    chart.y_axis.txPr = text
    series.dLbls.txPr = text
    chart.width = 16  # cm: the width of the page inside the margins
    chart.height = min(22.0, max(7.0, 0.5 * (last - first + 1) + 3))
    s.ws.add_chart(chart, f"A{s.row}")


def chart_text(size: int = 10):
    """Times New Roman for the chart's labels, like the rest of the document."""
    from openpyxl.chart.text import RichText
    from openpyxl.drawing.text import CharacterProperties, Font, Paragraph, ParagraphProperties

    props = CharacterProperties(latin=Font(typeface=FONT), cs=Font(typeface=FONT), sz=size * 100)
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=props), endParaRPr=props, r=[])])


def minutes_sheet(wb, ctx: dict[str, Any]) -> None:
    s = Sheet(wb, "Biên bản", PORTRAIT_WIDTHS, landscape=False)
    review = ctx["review"]
    year = ctx["year"]
    s.header(ctx["header"], ctx["number"]["minutes"])
    s.title("BIÊN BẢN", f"Họp tổng kết, bình xét thi đua, khen thưởng năm {year}")
    where = f", tại {review['place']}" if review["place"] else ""
    host = f"; đơn vị chủ trì: {review['host']}" if review["host"] else ""
    s.para(f"Hôm nay, {review['date_text']}{where}, {ctx['bloc']['name']} họp tổng kết công tác thi đua, "
           f"bình xét khen thưởng năm {year}{host}.")
    s.skip()

    s.para("I. THÀNH PHẦN", bold=True, align="left")
    if review["present"]:
        s.para(f"Các đơn vị thành viên dự họp ({review['present_count']}/{review['member_count']} đơn vị):",
               align="left")
        numbered(s, review["present"])
        if review["absent"]:
            s.para(f"Vắng: {', '.join(review['absent'])}.", align="left")
    else:
        s.para(f"Các đơn vị thành viên của Khối ({review['member_count']} đơn vị).", align="left")
    s.skip()

    s.para("II. KẾT QUẢ CHẤM ĐIỂM", bold=True, align="left")
    if ctx["scored_count"]:
        s.para(f"Hội nghị thống nhất kết quả chấm điểm thi đua năm {year} của {ctx['scored_count']} đơn vị "
               "(Bảng tổng hợp kèm theo).")
    else:
        s.para("Chưa có kết quả chấm điểm.")
    leaders = [r for r in ctx["rows"] if r["rank"] == 1]
    if leaders:
        text = "; ".join(f"{r['name']} ({vn_number(r['total'])} điểm" + (f", xếp loại {r['band']})" if r["band"] else ")")
                         for r in leaders)
        s.para(f"Đơn vị dẫn đầu: {text}.")
    s.skip()

    s.para("III. KẾT QUẢ BỎ PHIẾU BÌNH XÉT", bold=True, align="left")
    if ctx["votes"]:
        s.para(f"Số đơn vị bỏ phiếu: {ctx['voters']}.", align="left")
        for i, v in enumerate(ctx["votes"], start=1):
            need = f" (cần từ {v['threshold']} số phiếu)" if v["threshold"] else ""
            s.para(f"{i}. {v['name']}{need}:", align="left")
            s.table_head([("TT", 1, 1), ("Đơn vị", 2, 4), ("Số phiếu", 5, 5), ("Tỷ lệ", 6, 6)])
            for j, row in enumerate(v["rows"], start=1):
                r = s.row
                s.put(r, 1, j, align="center", fmt="0", border=True)
                s.put(r, 2, row["name"], last_col=4, border=True)
                s.put(r, 5, row["count"], align="center", fmt="0", border=True)
                s.put(r, 6, row["share"], align="center", border=True)
                s.fit(r, row["name"], 2, 4)
                s.row += 1
            s.skip(points=6)
    else:
        s.para("Chưa có kết quả bỏ phiếu.", align="left")
    s.skip()

    s.para("IV. ĐỀ NGHỊ KHEN THƯỞNG", bold=True, align="left")
    if ctx["proposals"]:
        s.para("Căn cứ kết quả chấm điểm và bỏ phiếu, Hội nghị thống nhất suy tôn, đề nghị:", align="left")
        for i, p in enumerate(ctx["proposals"], start=1):
            s.para(f"{i}. {p['name']}: {', '.join(m['name'] for m in p['members'])}.")
    else:
        s.para(f"Năm {year}, Khối không có đơn vị đủ điều kiện đề nghị khen thưởng.")
    h = ctx["handover"]
    if h:
        s.skip()
        s.para(f"V. BÀN GIAO TRƯỞNG KHỐI NĂM {h['next_year']}", bold=True, align="left")
        for text in handover_lines(h):
            s.para(text)
    s.skip()
    s.para("Biên bản đã được thông qua tại Hội nghị./.")
    s.skip()
    s.signature(ctx["signature"])


def handover_lines(h: dict[str, Any]) -> list[str]:
    """The handover paragraphs of the minutes, in the words of bien-ban.md.j2."""
    out = []
    if h["decided"]:
        roles = [f"{h['decided_chair']} làm Trưởng khối" if h["decided_chair"] else "",
                 f"{h['decided_deputy']} làm Phó khối" if h["decided_deputy"] else ""]
        out.append(f"Hội nghị thống nhất: {', '.join(r for r in roles if r)} năm {h['next_year']}"
                   + (f" ({h['rule_name']})." if h["matches"] else "."))
        if h["matches"]:
            return out
    if h["rule"] == "elected":
        out.append(f"Khối bầu Trưởng khối, Phó khối năm {h['next_year']}; các đơn vị đủ điều kiện: "
                   f"{', '.join(h['eligible'])}.")
    else:
        out.append(f"Đề xuất theo quy tắc luân phiên ({h['rule_name']}): "
                   f"{h['chair'] or 'không có đơn vị'} làm Trưởng khối ({h['chair_reason']}), "
                   f"{h['deputy'] or 'không có đơn vị'} làm Phó khối ({h['deputy_reason']}) năm {h['next_year']}.")
    return out


def numbered(s: Sheet, names: Sequence[str]) -> None:
    for i, name in enumerate(names, start=1):
        s.put(s.row, 1, f"{i}.", align="right", valign="top")
        s.put(s.row, 2, name, valign="top", last_col=s.ncols)
        s.fit(s.row, name, 2, s.ncols)
        s.row += 1


PROPOSAL_WIDTHS = (6, 26, 10, 11, 17.5, 17.5)


def proposal_sheet(wb, ctx: dict[str, Any]) -> None:
    s = Sheet(wb, "Tờ trình", PROPOSAL_WIDTHS, landscape=False)
    year = ctx["year"]
    review = ctx["review"]
    s.header(ctx["header"], ctx["number"]["proposal"])
    s.title("TỜ TRÌNH", f"Về việc đề nghị khen thưởng thi đua năm {year}")
    s.para(f"Kính gửi: {ctx['addressee']}.", align="center")
    s.skip()
    when = f" tại Hội nghị tổng kết ngày {review['short_date']}" if review["date"] else ""
    ref = f" (Biên bản số {ctx['number']['minutes_ref']})" if ctx["number"]["minutes_ref"] else ""
    s.para(f"Căn cứ kết quả chấm điểm, bình xét thi đua năm {year}{when}{ref}, {ctx['bloc']['name']} kính đề nghị "
           f"{ctx['addressee']} xem xét, trình khen thưởng các đơn vị sau:")
    fmt = number_format(ctx["places"])
    for i, p in enumerate(ctx["proposals"], start=1):
        s.skip(points=6)
        s.para(f"{i}. {p['name']} ({len(p['members'])} đơn vị)", bold=True, align="left")
        head = s.table_head([("TT", 1, 1), ("Đơn vị", 2, 2), ("Tổng điểm", 3, 3), ("Xếp loại", 4, 4),
                             ("Thành tích, lý do đề nghị", 5, 6)])
        if i == 1:
            s.print_titles(head, head)
        for j, m in enumerate(p["members"], start=1):
            r = s.row
            reasons = "; ".join(m["reasons"])
            s.put(r, 1, j, align="center", valign="top", fmt="0", border=True)
            s.put(r, 2, m["name"], valign="top", border=True)
            s.put(r, 3, m["total"], align="right", valign="top", fmt=fmt, border=True)
            s.put(r, 4, m["band"], align="center", valign="top", border=True)
            s.put(r, 5, reasons, size=SMALL, valign="top", last_col=6, border=True)
            lines = max(estimate_lines(m["name"], s.widths[1]), estimate_lines(reasons, s.width_of(5, 6), SMALL))
            s.height(r, lines * line_height(SMALL) + 4)
            s.row += 1
    if not ctx["proposals"]:
        s.para(f"Năm {year}, Khối không có đơn vị đủ điều kiện đề nghị khen thưởng.")
    s.skip()
    s.para(f"{ctx['bloc']['name']} kính trình {ctx['addressee']} xem xét, quyết định./.")
    s.skip()
    s.signature(ctx["signature"], ctx["recipients"])


# -- the province summary ----------------------------------------------------------

SUMMARY_WIDTHS = (5, 34, 8, 26, 10, 34, 20, 20)
RANKING_WIDTHS = (5, 34, 8, 36, 11, 12, 34)


def summary_sheet(wb, ctx: dict[str, Any]) -> None:
    s = Sheet(wb, "Tổng hợp", SUMMARY_WIDTHS, landscape=True)
    year = ctx["year"]
    s.header(ctx["header"], ctx["number"])
    s.title(f"BẢNG TỔNG HỢP KẾT QUẢ THI ĐUA CÁC KHỐI NĂM {year}",
            f"{len(ctx['blocs'])} khối thi đua của {ctx['province_label']}")
    head = s.table_head([("TT", 1, 1), ("Khối thi đua", 2, 2), ("Số đơn vị", 3, 3), ("Đơn vị dẫn đầu", 4, 4),
                         ("Tổng điểm", 5, 5), ("Đề nghị khen thưởng", 6, 6), (f"Trưởng khối năm {year + 1}", 7, 7),
                         (f"Phó khối năm {year + 1}", 8, 8)])
    s.print_titles(head, head)
    for i, b in enumerate(ctx["blocs"], start=1):
        r = s.row
        lead = " = ".join(x["name"] for x in b["leaders"])
        proposals = "\n".join(f"{p['name']}: {', '.join(m['name'] for m in p['members'])}" for p in b["proposals"])
        h = b["handover"] or {}
        cells = [(1, i, "center", "0"), (2, b["name"], "left", None), (3, b["member_count"], "center", "0"),
                 (4, lead, "left", None),
                 (5, b["leaders"][0]["total"] if b["leaders"] else None, "right", number_format(b["places"])),
                 (6, proposals, "left", None), (7, h.get("next_chair", ""), "left", None),
                 (8, h.get("next_deputy", ""), "left", None)]
        lines = 1
        for c, value, align, fmt in cells:
            s.put(r, c, value, align=align, valign="top", fmt=fmt, border=True)
            if isinstance(value, str):
                lines = max(lines, estimate_lines(value, s.widths[c - 1]))
        s.height(r, lines * line_height(BODY) + 4)
        s.row += 1
    if ctx["province_proposals"] or ctx["province_misses"]:
        s.skip()
        s.para("Đề nghị khen thưởng cấp tỉnh", bold=True, align="left")
        for i, p in enumerate(ctx["province_proposals"], start=1):
            s.para(f"{i}. {p['name']}: {p['member']} ({p['bloc_name']}) — {'; '.join(p['reasons'])}.")
        if ctx["province_misses"]:
            s.para("Không đề nghị:", italic=True, align="left")
            for m in ctx["province_misses"]:
                s.para(f"- {m['member']} (khối {m['bloc']}): {m['reason']}.")


def ranking_sheet(wb, ctx: dict[str, Any]) -> None:
    s = Sheet(wb, "Xếp hạng", RANKING_WIDTHS, landscape=True)
    s.title(f"XẾP HẠNG CÁC ĐƠN VỊ TRONG TỪNG KHỐI NĂM {ctx['year']}")
    head = s.table_head([("TT", 1, 1), ("Khối thi đua", 2, 2), ("Xếp hạng", 3, 3), ("Đơn vị", 4, 4),
                         ("Tổng điểm", 5, 5), ("Xếp loại", 6, 6), ("Đề nghị", 7, 7)])
    s.print_titles(head, head)
    n = 0
    for b in ctx["blocs"]:
        fmt = number_format(b["places"])
        for row in b["rows"]:
            n += 1
            r = s.row
            s.put(r, 1, n, align="center", fmt="0", border=True)
            s.put(r, 2, b["name"], border=True)
            s.put(r, 3, row["rank"], align="center", fmt='0"*"' if row["tied"] else "0", border=True)
            s.put(r, 4, row["name"], border=True)
            s.put(r, 5, row["total"], align="right", fmt=fmt, border=True)
            s.put(r, 6, row["band"], align="center", border=True)
            proposals = "; ".join(row["proposals"])
            s.put(r, 7, proposals, border=True)
            lines = max(estimate_lines(b["name"], s.widths[1]), estimate_lines(row["name"], s.widths[3]),
                        estimate_lines(proposals, s.widths[6]))
            s.height(r, lines * line_height(BODY) + 4)
            s.row += 1


# -- workbooks and stable bytes ------------------------------------------------------


def _workbook(stamp: dt.datetime):
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "thidua"
    wb.properties.created = stamp
    wb.properties.modified = stamp
    return wb


def _stamp(dates: Sequence[dt.date | None]) -> dt.datetime:
    known = [d for d in dates if d is not None and d.year >= 1980]
    return dt.datetime.combine(max(known), dt.time()) if known else FALLBACK_STAMP


def _save(wb, stamp: dt.datetime) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return stable_zip(buffer.getvalue(), stamp)


def bloc_workbook(ctx: dict[str, Any]) -> bytes:
    """Bảng tổng hợp, Biên bản, Tờ trình of one bloc-year, as .xlsx bytes."""
    stamp = _stamp([ctx["review"]["date"]])
    wb = _workbook(stamp)
    source, first, last, col = score_sheet(wb, ctx)
    minutes_sheet(wb, ctx)
    proposal_sheet(wb, ctx)
    if last >= first:
        chart_sheet(wb, ctx, source, first, last, col)
    return _save(wb, stamp)


def province_workbook(ctx: dict[str, Any]) -> bytes:
    """The province summary of a year, as .xlsx bytes."""
    stamp = _stamp([b["review"]["date"] for b in ctx["blocs"]])
    wb = _workbook(stamp)
    summary_sheet(wb, ctx)
    ranking_sheet(wb, ctx)
    return _save(wb, stamp)


_CORE_TIME = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def stable_zip(data: bytes, stamp: dt.datetime) -> bytes:
    """The same package with fixed times: docProps/core.xml dates and every entry's date_time.

    Entry order and compression are kept; the entries' creator system is fixed so the
    bytes do not depend on the operating system either.
    """
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    date_time = (max(stamp.year, 1980), stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "docProps/core.xml":
                content = _CORE_TIME.sub(lambda m: m[1] + iso + m[3], content)
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = info.compress_type
            entry.create_system = 0
            entry.external_attr = 0
            dst.writestr(entry, content)
    return out.getvalue()
