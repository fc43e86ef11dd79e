"""A bloc-year's documents as one Excel workbook that looks like a filed document (NĐ 30/2020).

Lays out the records of thidua.documents: a sheet per document (Bảng tổng hợp, Biên bản,
Tờ trình) and a bar chart of the totals. Numbers are stored as numbers with a
decimal-comma format; every sentence is the record's. The province summary is in
thidua.render.xlsx_province; the sheet layout in thidua.render.xlsx_sheet.

openpyxl is imported only when a workbook is built.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal
from typing import Any

from thidua.core.numbers import plain
from thidua.documents.records import BlocDocuments, Minutes, Proposal, ScoreSheet
from thidua.render.score_json import num
from thidua.render.xlsx_honours import minutes_honours
from thidua.render.xlsx_package import new_workbook, save, stable_zip, stamp_of
from thidua.render.xlsx_sheet import (
    BODY,
    FONT,
    PORTRAIT_WIDTHS,
    SMALL,
    Sheet,
    estimate_lines,
    line_height,
    number_format,
)

__all__ = ["bloc_workbook", "number_format", "stable_zip"]

GROUP_WIDTH = 12
SHRINK = 0.3  # a table at most this much over one page prints on one page, a little smaller
PROPOSAL_WIDTHS = (6, 26, 10, 11, 17.5, 17.5)


def _score_widths(groups: int) -> list[float]:
    return [5, 34, *([GROUP_WIDTH] * groups), 9, 9, 10, 8, 11, 18]


def score_sheet(wb, d: ScoreSheet) -> tuple[Any, int, int, int]:
    """The score sheet; returns (worksheet, first and last scored row, total column) for the chart."""
    n = len(d.columns)
    s = Sheet(wb, "Bảng tổng hợp", _score_widths(n), landscape=True)
    fmt = number_format(d.places)
    if d.draft:
        s.draft_mark()
    s.header(d.header)
    s.title(d.title, d.subject, d.attached)
    if d.table_line:
        s.para(d.table_line, italic=True, align="left")
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
    caption = "Điểm theo nhóm tiêu chí"
    if n:
        s.put(h1, g1, caption, bold=True, align="center", last_col=g2)
        for i, col in enumerate(d.columns):
            s.put(h2, g1 + i, col.label, size=SMALL, bold=True, align="center")
    s.box(h1, 1, h2, s.ncols)
    s.height(h1, (estimate_lines(caption, s.width_of(g1, g2), BODY, True) if n else 1) * line_height(BODY) + 6)
    tallest = max([estimate_lines(c.label, GROUP_WIDTH, SMALL, True) for c in d.columns] + [2])
    s.height(h2, tallest * line_height(SMALL) + 4)
    s.print_titles(h1, h2)
    s.ws.freeze_panes = s.ws.cell(row=h2 + 1, column=3)
    s.row = h2 + 1

    first_data = s.row
    scored_last = first_data - 1
    for row in d.rows:
        r = s.row
        cells = [(1, row.no, "center", "0"), (2, row.name, "left", None)]
        cells += [(g1 + i, p, "right", fmt) for i, p in enumerate(row.groups)]
        cells += [(g2 + 1, row.bonus, "right", fmt), (g2 + 2, row.deductions, "right", fmt),
                  (g2 + 4, row.rank, "center", '0"*"' if row.tied else "0"),
                  (g2 + 5, row.band, "center", None)]
        for c, value, align, cell_fmt in cells:
            s.put(r, c, value, align=align, fmt=cell_fmt, border=True)
        s.put(r, col_total, row.total, align="right", fmt=fmt, bold=True, border=True)
        s.put(r, g2 + 6, row.note, size=SMALL, border=True)
        lines = max(estimate_lines(row.name, s.widths[1]), estimate_lines(row.note, s.widths[-1], SMALL))
        s.height(r, lines * line_height(BODY) + 4)
        if row.scored:
            scored_last = r
        s.row += 1
    last_row = max(first_data, s.row - 1)
    s.skip()
    for note in d.notes:
        s.para(note, size=SMALL, italic=True, align="left")
    s.skip()
    s.signature(d.signature, keep_from=last_row)  # never a page of signature alone: the last row comes along
    s.finish(shrink=SHRINK)
    return s.ws, first_data, scored_last, col_total


def chart_sheet(wb, docs: BlocDocuments, source, first: int, last: int, col: int) -> None:
    """Horizontal bars of the totals on their own page, first-ranked at the top, each bar labelled
    with its figure. The bars read the score sheet's cells: the chart shows what the table says."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.chart.label import DataLabelList

    s = Sheet(wb, "Biểu đồ", PORTRAIT_WIDTHS, landscape=False)
    s.title(f"BIỂU ĐỒ TỔNG ĐIỂM THI ĐUA NĂM {docs.year}", docs.bloc_name)
    fmt = number_format(docs.score_sheet.places)
    chart = BarChart()
    chart.type = "bar"
    chart.style = 2
    chart.legend = None
    chart.add_data(Reference(source, min_col=col, min_row=first, max_row=last), titles_from_data=False)
    chart.set_categories(Reference(source, min_col=2, min_row=first, max_row=last))
    chart.x_axis.scaling.orientation = "maxMin"  # rank 1 on top
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    low, high, step = value_axis(sum((c.max for c in docs.score_sheet.columns), Decimal(0)),
                                 [r.total for r in docs.score_sheet.rows if r.total is not None])
    chart.y_axis.scaling.min = num(low)
    chart.y_axis.scaling.max = num(high)
    if step:
        chart.y_axis.majorUnit = num(step)
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


NICE_STEPS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5))


def value_axis(ceiling: Decimal, totals: list[Decimal]) -> tuple[Decimal, Decimal, Decimal | None]:
    """(low, high, step) of the chart's value axis: 0 to the table's maximum, with a round step
    that divides it (10 on a 100-point table); past the maximum (a bonus) up to the largest total
    rounded up to a step, below 0 (deductions past the points) down to the lowest rounded down."""
    top = max([ceiling, *totals]) if ceiling > 0 else max([*totals, Decimal(0)])
    if top <= 0:
        return min([*totals, Decimal(0)]), Decimal(1), None
    step = nice_step(ceiling if ceiling > 0 else top)
    high = ceiling if top == ceiling else _round_up(top, step)
    low = -_round_up(-min(totals), step) if totals and min(totals) < 0 else Decimal(0)
    return low, high, step


def nice_step(span: Decimal) -> Decimal:
    """The smallest of 1, 2, 2.5, 5 times a power of ten that cuts ``span`` into at most ten steps,
    preferring one that divides it exactly."""
    scale = Decimal(10) ** (span / 10).adjusted()
    candidates = [n * scale * k for k in (1, 10) for n in NICE_STEPS if n * scale * k >= span / 10]
    exact = [c for c in candidates if span % c == 0]
    return plain((exact or candidates)[0])


def _round_up(value: Decimal, step: Decimal) -> Decimal:
    return plain((value / step).to_integral_value(rounding=ROUND_CEILING) * step)


def chart_text(size: int = 10):
    """Times New Roman for the chart's labels, like the rest of the document."""
    from openpyxl.chart.text import RichText
    from openpyxl.drawing.text import CharacterProperties, Font, Paragraph, ParagraphProperties

    props = CharacterProperties(latin=Font(typeface=FONT), cs=Font(typeface=FONT), sz=size * 100)
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=props), endParaRPr=props, r=[])])


def minutes_sheet(wb, d: Minutes) -> None:
    s = Sheet(wb, "Biên bản", PORTRAIT_WIDTHS, landscape=False)
    if d.draft:
        s.draft_mark()
    s.header(d.header)
    s.title(d.title, d.subject)
    s.para(d.opening)
    for section in d.sections:
        s.skip()
        heading = s.para(section.heading, bold=True, align="left")
        for p in section.paragraphs:
            s.para(p, align="left")
        numbered(s, section.items)
        s.keep(heading, heading + 2)
        for v in section.votes:
            vote = s.para(v.heading, align="left")
            s.table_head([("TT", 1, 1), ("Đơn vị", 2, 4), ("Số phiếu", 5, 5), ("Tỷ lệ", 6, 6)])
            s.keep(vote, vote + 1 + min(len(v.rows), 2))
            for row in v.rows:
                r = s.row
                s.put(r, 1, row.no, align="center", fmt="0", border=True)
                s.put(r, 2, row.name, last_col=4, border=True)
                s.put(r, 5, row.count_text, align="center", border=True)
                s.put(r, 6, row.share_text, align="center", border=True)
                s.fit(r, row.name, 2, 4)
                s.row += 1
            s.skip(points=6)
        minutes_honours(s, section)
        for p in section.after:
            s.para(p)
    s.skip()
    closing = s.row
    for p in d.closing:
        s.para(p)
    s.skip()
    if len(d.signatures) >= 2:
        s.signatures(d.signatures[:2], keep_from=closing)
    elif d.signatures:
        s.signature(d.signatures[0], keep_from=closing)
    s.finish()


def numbered(s: Sheet, names) -> None:
    for i, name in enumerate(names, start=1):
        s.put(s.row, 1, f"{i}.", align="right", valign="top")
        s.put(s.row, 2, name, valign="top", last_col=s.ncols)
        s.fit(s.row, name, 2, s.ncols)
        s.row += 1


def proposal_sheet(wb, d: Proposal) -> None:
    s = Sheet(wb, "Tờ trình", PROPOSAL_WIDTHS, landscape=False)
    if d.draft:
        s.draft_mark()
    s.header(d.header)
    s.title(d.title, d.subject)
    s.para(d.addressee, align="center")
    s.skip()
    for g in d.grounds:
        s.para(g, italic=True)
    if d.intro:
        s.para(d.intro)
    fmt = number_format(d.places)
    first_head = 0
    for group in d.groups:
        s.skip(points=6)
        heading = s.para(group.heading, bold=True, align="left")
        head = s.table_head([("TT", 1, 1), ("Đơn vị", 2, 2), ("Tổng điểm", 3, 3), ("Xếp loại", 4, 4),
                             ("Thành tích, lý do đề nghị", 5, 6)])
        first_head = first_head or head
        s.keep(heading, head + min(len(group.entries), 1))
        for e in group.entries:
            r = s.row
            s.put(r, 1, e.no, align="center", valign="top", fmt="0", border=True)
            s.put(r, 2, e.name, valign="top", border=True)
            s.put(r, 3, e.total, align="right", valign="top", fmt=fmt, border=True)
            s.put(r, 4, e.band, align="center", valign="top", border=True)
            s.put(r, 5, e.reason, size=SMALL, valign="top", last_col=6, border=True)
            lines = max(estimate_lines(e.name, s.widths[1]), estimate_lines(e.reason, s.width_of(5, 6), SMALL))
            s.height(r, lines * line_height(SMALL) + 4)
            s.row += 1
    if first_head:  # the head repeats only over a table that runs onto the next page
        s.print_titles(first_head, first_head, over=s.row - 1)
    if d.empty:
        s.para(d.empty)
    s.skip()
    closing = s.para(d.closing)
    s.skip()
    s.signature(d.signature, d.recipients, keep_from=closing)
    s.finish()


def bloc_workbook(docs: BlocDocuments) -> bytes:
    """Bảng tổng hợp, Biên bản, Tờ trình (and the chart) of one bloc-year, as .xlsx bytes."""
    stamp = stamp_of([docs.date])
    wb = new_workbook(stamp)
    source, first, last, col = score_sheet(wb, docs.score_sheet)
    minutes_sheet(wb, docs.minutes)
    proposal_sheet(wb, docs.proposal)
    if last >= first:
        chart_sheet(wb, docs, source, first, last, col)
    return save(wb, stamp)
