"""How a workbook prints, read back with openpyxl: text a cell cannot show, and the printed pages.

Shared by the tests of the bloc and province workbooks and of the scoring forms (a helper
module: it holds no tests). A cell's text needs its lines times the line height we size rows
with (thidua.render.xlsx_sheet.line_height); the lines are counted as thidua.render.xlsx_metrics
counts them. Pages are followed for Excel and for LibreOffice (their column units differ).
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from thidua.render.xlsx_metrics import PROGRAMS, Page, paginate, room, text_width, wrapped_lines
from thidua.render.xlsx_sheet import DEFAULT_ROW, line_height


def widths(ws) -> list[float]:
    out = []
    while get_column_letter(len(out) + 1) in ws.column_dimensions:
        out.append(ws.column_dimensions[get_column_letter(len(out) + 1)].width or 8.43)
    return out


def heights(ws) -> list[float]:
    dims = ws.row_dimensions
    return [dims[r].height if r in dims and dims[r].height else DEFAULT_ROW for r in range(1, ws.max_row + 1)]


def clipped(ws) -> list[str]:
    """Every cell whose text does not fit: a wrapped text taller than its row(s), or an unwrapped
    text wider than the merged range it cannot overflow."""
    cols = widths(ws)
    rows = heights(ws)
    spans = {(m.min_row, m.min_col): m for m in ws.merged_cells.ranges}
    out = []
    for line in ws.iter_rows():
        for cell in line:
            if not isinstance(cell.value, str) or not cell.value or cell.data_type == "f":
                continue
            m = spans.get((cell.row, cell.column))
            c1, c2, r1, r2 = (m.min_col, m.max_col, m.min_row, m.max_row) if m else (
                cell.column, cell.column, cell.row, cell.row)
            width = sum(cols[c1 - 1:c2]) if c2 <= len(cols) else None
            if width is None:
                continue
            size = float(cell.font.sz or 11)
            bold = bool(cell.font.b)
            if cell.alignment.wrap_text:
                need = wrapped_lines(cell.value, width, size, bold) * line_height(size)
                have = sum(rows[r1 - 1:r2])
                if have + 0.01 < need:
                    out.append(f"{ws.title}!{cell.coordinate}: {have:.1f} pt < {need:.1f} pt for {cell.value[:40]!r}")
            elif m is not None and text_width(cell.value, size, bold) > room(width):
                out.append(f"{ws.title}!{cell.coordinate}: too wide for {width} columns: {cell.value[:40]!r}")
    return out


def page(ws) -> Page:
    m = ws.page_margins
    return Page(ws.page_setup.orientation == "landscape", m.top * 72, m.bottom * 72, m.left * 72, m.right * 72,
                tuple(widths(ws)))


def title_rows(ws) -> tuple[int, int] | None:
    text = ws.print_title_rows
    if not text:
        return None
    first, last = (int(part.strip("$")) for part in text.split(":"))
    return first, last


def page_of_rows(ws) -> list[dict[int, int]]:
    """For each of Excel's and LibreOffice's paginations (PROGRAMS): row → the page (1, 2 …) it prints on."""
    hs = heights(ws)
    if not ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.scale:
        return [dict.fromkeys(range(1, len(hs) + 1), 1) for _ in PROGRAMS]  # our own scale: one page
    forced = [b.id + 1 for b in ws.row_breaks.brk]
    out = []
    for capacity in page(ws).capacities():
        starts = paginate(hs, capacity, title_rows(ws), forced)
        where, n = {}, 0
        for r in range(1, len(hs) + 1):
            if n < len(starts) and r == starts[n]:
                n += 1
            where[r] = n
        out.append(where)
    return out


def row_of(ws, text: str) -> int:
    for line in ws.iter_rows():
        for cell in line:
            if cell.value == text:
                return cell.row
    raise AssertionError(f"{text!r} not on sheet {ws.title}")
