"""One document on one worksheet, laid out as NĐ 30/2020 asks: the building block of every workbook.

A4, the decree's margins, Times New Roman, the header block (issuer left, national title
and motto right), page numbers from page 2, paragraphs sized to their text (Excel does not
size merged cells by itself), tables with borders, signature blocks.

Text is text: a name starting with ``=`` ``+`` ``-`` ``@``, a tab or CR, or spelling an
error code such as ``#N/A``, is stored as a string cell with the quote prefix, never as a
formula; nothing here writes a formula.

openpyxl is imported only when a sheet is made.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from copy import copy
from decimal import Decimal
from typing import Any

from thidua.documents.records import Header, Signature
from thidua.render.score_json import num
from thidua.render.xlsx_metrics import UNITS, Page, page_starts, paginate, wrapped_lines

FONT = "Times New Roman"
BODY = 13
TITLE = 14
SMALL = 12
MM = 1 / 25.4  # openpyxl margins are inches
MARGINS = {"top": 20 * MM, "bottom": 20 * MM, "left": 30 * MM, "right": 15 * MM,
           "header": 10 * MM, "footer": 10 * MM}
RISKY_START = ("=", "+", "-", "@", "\t", "\r")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in XML 1.0
RIGHT_MIN = 53.0  # characters the national title needs (bold 13 pt: 271 pt)
LEFT_MIN = 36.0
LEFT_SHARE = 0.4  # the issuer's block may take this much of a wide page
PORTRAIT_WIDTHS = (6, 29, 14, 14, 12.5, 12.5)  # ~88 characters: A4 portrait inside the decree's margins
DEFAULT_ROW = 15.0  # points: a row whose height we did not set (the workbook's default font)


def number_format(places: int) -> str:
    """``#,##0.00`` for 2 places: shown as 1.234,50 where the locale writes a decimal comma."""
    return "#,##0" + ("." + "0" * places if places > 0 else "")


def safe_text(value: str) -> str:
    """XML-safe text: characters XML 1.0 forbids become U+FFFD (visible, never silently dropped)."""
    return _ILLEGAL.sub("\ufffd", value)


def estimate_lines(text: str, width: float, size: int = BODY, bold: bool = False) -> int:
    """Lines ``text`` takes when wrapped in a cell ``width`` characters wide (Excel does not size
    merged cells by itself, so row heights are set from this estimate: thidua.render.xlsx_metrics)."""
    return wrapped_lines(text, width, size, bold)


def line_height(size: int) -> float:
    return round(size * 1.32, 1)


class Sheet:
    """One document on one worksheet, written top to bottom."""

    def __init__(self, wb, title: str, widths: Sequence[float], *, landscape: bool, ws=None) -> None:
        """A new sheet ``title`` of ``wb``, or, given ``ws``, that sheet laid out from its first row."""
        from openpyxl.styles import Alignment, Border, Font, Side
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.properties import PageSetupProperties

        self._Font, self._Alignment = Font, Alignment
        thin = Side(style="thin")
        self._edge = Border(left=thin, right=thin, top=thin, bottom=thin)
        self._styles: dict[tuple, Any] = {}
        self.letter = get_column_letter
        self.ws = ws if ws is not None else wb.create_sheet(title)
        self.widths = list(widths)
        self.landscape = landscape
        self._keeps: list[tuple[int, int]] = []
        self._titles: tuple[int, int] | None = None
        self._titles_over: int | None = None
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
        columns wide enough for the issuer, and on a wide sheet as wide as ``LEFT_SHARE`` of the page
        allows (a long name takes fewer lines)."""
        right_first, acc = self.ncols, self.widths[-1]
        while acc < RIGHT_MIN and right_first > 2:
            right_first -= 1
            acc += self.widths[right_first - 1]
        left_last, acc = 1, self.widths[0]
        while left_last < right_first - 1 and (
                acc < LEFT_MIN or acc + self.widths[left_last] <= LEFT_SHARE * sum(self.widths)):
            left_last += 1
            acc += self.widths[left_last - 1]
        return left_last, right_first

    def header(self, h: Header) -> None:
        """Issuer on the left, the national title and motto on the right, then number and date."""
        left_last, right_first = self.split()
        lw = self.width_of(1, left_last)
        r = self.row
        if h.parent:
            self.put(r, 1, h.parent, align="center", valign="top", last_col=left_last)
            self.put(r + 1, 1, h.issuer, bold=True, align="center", valign="top", last_col=left_last)
            issuer_lines = estimate_lines(h.issuer, lw, BODY, True)
            self.height(r, line_height(BODY) * estimate_lines(h.parent, lw) + 2)
            self.height(r + 1, line_height(BODY) * issuer_lines + 2)
        else:
            self.put(r, 1, h.issuer, bold=True, align="center", valign="top")
            self.merge(r, 1, r + 1, left_last)
            # The title's first line level with the issuer's, the motto right under it; a long
            # issuer name grows the second row only.
            issuer_lines = estimate_lines(h.issuer, lw, BODY, True)
            self.height(r, line_height(BODY) + 2)
            self.height(r + 1, max(line_height(TITLE), line_height(BODY) * (issuer_lines - 1)) + 4)
        self.put(r, right_first, h.nation, bold=True, align="center", valign="top", wrap=False,
                 last_col=self.ncols)
        self.put(r + 1, right_first, h.motto, size=TITLE, bold=True, underline=True, align="center",
                 valign="top", wrap=False, last_col=self.ncols)
        if h.number:
            self.put(r + 2, 1, h.number, align="center", last_col=left_last)
        self.put(r + 2, right_first, h.date_line, italic=True, align="center", wrap=False, last_col=self.ncols)
        self.height(r + 2, line_height(BODY) + 6)
        self.row = r + 4

    def draft_mark(self) -> None:
        """``DỰ THẢO`` in a box at the top right, over as many of the last columns as it needs: the
        document is not decided yet."""
        text = "DỰ THẢO"
        first = self.ncols
        while first > 1 and estimate_lines(text, self.width_of(first, self.ncols) - 2, BODY, True) > 1:
            first -= 1
        self.put(self.row, first, text, bold=True, align="center", border=True, wrap=False, last_col=self.ncols)
        self.height(self.row, line_height(BODY) + 4)
        self.row += 1
        self.skip(points=6)  # clear of the national title under it

    def title(self, text: str, sub: str = "", note: str = "") -> None:
        self.para(text, size=TITLE, bold=True, align="center")
        if sub:
            self.para(sub, bold=True, align="center")
        if note:
            self.para(note, italic=True, align="center")
        self.skip()

    def signature(self, s: Signature, recipients: Sequence[str] = (), *, keep_from: int | None = None,
                  hint: str = "") -> None:
        """The signature block on the right (``TM. KHỐI THI ĐUA / TRƯỞNG KHỐI``, room to sign, the name),
        ``Nơi nhận`` on the left when given."""
        self.signatures((None, s), recipients, keep_from=keep_from, hint=hint)

    def signatures(self, pair: Sequence[Signature | None], recipients: Sequence[str] = (), *,
                   keep_from: int | None = None, hint: str = "") -> None:
        """Two signature blocks side by side (left, right), either may be None; ``Nơi nhận`` goes left.

        ``hint`` (``(Ký, ghi rõ họ tên, đóng dấu)``) goes in italics under each title. The block prints
        on one page, with the rows from ``keep_from`` on (the closing paragraph) when given."""
        left_last, right_first = self.split()
        spans = ((1, left_last), (right_first, self.ncols))
        r = self.row
        height = 0
        for sig, (c1, c2) in zip(pair, spans, strict=True):
            if sig is None:
                continue
            lines = [(line, False) for line in sig.lines] + ([(hint, True)] if hint else [])
            for i, (line, italic) in enumerate(lines):
                self.put(r + i, c1, line, bold=not italic, italic=italic, align="center", valign="top",
                         last_col=c2)
                self.fit(r + i, line, c1, c2, BODY, not italic)
            height = max(height, len(lines))
        if recipients:
            self.put(r, 1, "Nơi nhận:", size=SMALL, bold=True, italic=True, last_col=left_last)
            self.fit(r, "Nơi nhận:", 1, left_last, SMALL, True)
            for i, name in enumerate(recipients):
                end = "." if i == len(recipients) - 1 else ";"
                self.put(r + 1 + i, 1, f"- {name}{end}", size=11, valign="top", last_col=left_last)
                self.fit(r + 1 + i, f"- {name}{end}", 1, left_last, 11)
        for blank in range(r + height, r + height + 4):  # room to sign and stamp
            self.height(blank, 20)
        sign_row = r + height + 4
        for sig, (c1, c2) in zip(pair, spans, strict=True):
            if sig is None:
                continue
            name = sig.name or "………………………………"  # room to write the name by hand
            self.put(sign_row, c1, name, bold=True, align="center", last_col=c2)
            self.fit(sign_row, name, c1, c2, BODY, True)
        self.row = max(sign_row, r + len(recipients)) + 1
        self.keep(r if keep_from is None else keep_from)

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

    def print_titles(self, first: int, last: int, *, over: int | None = None) -> None:
        """Rows ``first..last`` (a table's head) repeat at the top of every later page; with ``over``
        (the table's last row), only when the table itself runs onto a later page."""
        self._titles = (first, last)
        self._titles_over = over
        if over is None:
            self.ws.print_title_rows = f"{first}:{last}"

    # -- pages ---------------------------------------------------------------
    def keep(self, first: int, last: int | None = None) -> None:
        """Rows ``first..last`` (up to the last row written, unless told) print on one page: a page
        break goes before them when they would not fit in what is left of the page."""
        last = self.row - 1 if last is None else last
        if last > first:
            self._keeps.append((first, last))

    def heights(self) -> list[float]:
        dims = self.ws.row_dimensions
        return [dims[r].height if r in dims and dims[r].height else DEFAULT_ROW
                for r in range(1, self.ws.max_row + 1)]

    def page(self) -> Page:
        m = MARGINS
        return Page(self.landscape, m["top"] * 72, m["bottom"] * 72, m["left"] * 72, m["right"] * 72,
                    tuple(self.widths))

    def finish(self, *, shrink: float = 0.0) -> None:
        """Lay the sheet out on pages: printed on one page, a little smaller, when it is at most ``shrink``
        (a fraction) more than a page, else with a page break before each kept block a page would split; the print
        titles asked ``over`` a table only when the table runs onto a later page."""
        from openpyxl.worksheet.pagebreak import Break

        heights, page = self.heights(), self.page()
        capacity = min(page.height(unit) for unit in UNITS)
        if capacity < sum(heights) <= capacity * (1 + shrink):
            # A scale of our own: LibreOffice, told to fit one page tall, drops the last rows it
            # misjudges instead of printing them.
            self.ws.sheet_properties.pageSetUpPr.fitToPage = False
            self.ws.page_setup.scale = page.one_page(heights)
            return
        titles = self._titles
        starts = page_starts(heights, page, self._keeps, titles)
        if titles and self._titles_over is not None and any(
                titles[1] < s <= self._titles_over for capacity in page.capacities()
                for s in paginate(heights, capacity, titles, starts)):
            self.ws.print_title_rows = f"{titles[0]}:{titles[1]}"
        for r in starts:
            self.ws.row_breaks.append(Break(id=r - 1))
