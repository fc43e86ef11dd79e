"""The province summary of a year as a workbook: every bloc on one sheet, every member ranked on another.

Lays out a :class:`thidua.documents.records.ProvinceSummary`; openpyxl is imported only
when the workbook is built.
"""

from __future__ import annotations

from thidua.documents.province_records import ProvinceSummary
from thidua.render.xlsx_honours import bloc_honours, summary_honours
from thidua.render.xlsx_package import new_workbook, save, stamp_of
from thidua.render.xlsx_sheet import BODY, Sheet, estimate_lines, line_height, number_format

SUMMARY_WIDTHS = (5, 34, 8, 26, 10, 34, 20, 20)
RANKING_WIDTHS = (9, 30, 20, 11, 12, 20, 24)
SHRINK = 0.3  # a table at most this much over one page prints on one page, a little smaller


def summary_sheet(wb, d: ProvinceSummary) -> None:
    s = Sheet(wb, "Tổng hợp", SUMMARY_WIDTHS, landscape=True)
    if d.draft:
        s.draft_mark()
    s.header(d.header)
    s.title(d.title, d.subject)
    s.para(d.results_heading, bold=True, align="left")
    head = s.table_head([("TT", 1, 1), (d.bloc_column, 2, 2), ("Số đơn vị", 3, 3), ("Đơn vị dẫn đầu", 4, 4),
                         ("Tổng điểm", 5, 5), ("Đề nghị khen thưởng", 6, 6),
                         (d.leader_column, 7, 7), (d.deputy_column, 8, 8)])
    s.print_titles(head, head)
    for b in d.blocs:
        r = s.row
        cells = [(1, b.no, "center", "0"), (2, b.name, "left", None), (3, b.member_count, "center", "0"),
                 (4, b.leading, "left", None), (5, b.leading_total, "right", number_format(b.places)),
                 (6, "\n".join(b.awards), "left", None), (7, b.next_leader, "left", None),
                 (8, b.next_deputy, "left", None)]
        lines = 1
        for c, value, align, fmt in cells:
            s.put(r, c, value, align=align, valign="top", fmt=fmt, border=True)
            if isinstance(value, str):
                lines = max(lines, estimate_lines(value, s.widths[c - 1]))
        s.height(r, lines * line_height(BODY) + 4)
        s.row += 1
    if d.province_heading:
        s.skip()
        s.para(d.province_heading, bold=True, align="left")
        for p in d.province_proposals:
            s.para(p)
        if d.province_misses:
            s.para(d.province_misses_heading, italic=True, align="left")
            for m in d.province_misses:
                s.para(f"- {m}")
    for note in d.notes:
        s.para(note, italic=True, align="left")
    s.skip()
    s.signature(d.signature, d.recipients)
    s.finish(shrink=SHRINK)


def ranking_sheet(wb, d: ProvinceSummary) -> None:
    """Each bloc in turn: its heading and review line, its members ranked, its handover."""
    s = Sheet(wb, "Xếp hạng", RANKING_WIDTHS, landscape=True)
    s.title(d.details_heading)
    for b in d.blocs:
        fmt = number_format(b.places)
        heading = s.para(b.detail_heading, bold=True, align="left")
        if b.detail_line:
            s.para(b.detail_line, align="left")
        s.keep(heading, s.row + min(len(b.rows), 2))  # the heading with its table's head and first rows
        s.table_head([("Xếp hạng", 1, 1), ("Đơn vị", 2, 3), ("Tổng điểm", 4, 4), ("Xếp loại", 5, 5),
                      ("Đề nghị", 6, 7)])
        for row in b.rows:
            r = s.row
            s.put(r, 1, row.rank, align="center", fmt='0"*"' if row.tied else "0", border=True)
            s.put(r, 2, row.name, last_col=3, border=True)
            s.put(r, 4, row.total, align="right", fmt=fmt, border=True)
            s.put(r, 5, row.band, align="center", border=True)
            proposals = "; ".join(row.proposals)
            s.put(r, 6, proposals, last_col=7, border=True)
            lines = max(estimate_lines(row.name, s.width_of(2, 3)), estimate_lines(proposals, s.width_of(6, 7)))
            s.height(r, lines * line_height(BODY) + 4)
            s.row += 1
        if b.handover:
            s.para(b.handover, align="left")
        bloc_honours(s, b)
        s.skip()
    summary_honours(s, d)
    s.finish()


def province_workbook(d: ProvinceSummary) -> bytes:
    """The province summary of a year, as .xlsx bytes."""
    stamp = stamp_of(d.dates)
    wb = new_workbook(stamp)
    summary_sheet(wb, d)
    ranking_sheet(wb, d)
    return save(wb, stamp)
