"""Kết quả khen thưởng in the workbooks: the minutes' section, and the province summary's part.

Lays out the records of thidua.documents.honours on a :class:`thidua.render.xlsx_sheet.Sheet`
that the bloc's minutes sheet or the province's ranking sheet is writing: counts stay numbers,
every sentence is the record's.
"""

from __future__ import annotations

from thidua.documents.province_records import BlocSummary, ProvinceSummary
from thidua.documents.records import Section
from thidua.render.xlsx_sheet import BODY, SMALL, Sheet, estimate_lines, line_height

WRAP_SLACK = 0.8


def minutes_honours(s: Sheet, section: Section) -> None:
    """Each campaign's awards: TT | award, decisions and names (one cell) | Tập thể | Cá nhân."""
    for g in section.honours:
        s.para(g.heading, align="left")
        s.table_head([("TT", 1, 1), ("Hình thức khen thưởng; quyết định; tập thể, cá nhân được khen", 2, 4),
                      ("Tập thể", 5, 5), ("Cá nhân", 6, 6)])
        for row in g.rows:
            r = s.row
            text = "\n".join((row.label, *row.details))
            s.put(r, 1, row.no, align="center", valign="top", fmt="0", border=True)
            s.put(r, 2, text, size=SMALL, valign="top", last_col=4, border=True)
            s.put(r, 5, row.collectives, align="center", valign="top", fmt="0", border=True)
            s.put(r, 6, row.individuals, align="center", valign="top", fmt="0", border=True)
            # Long lines of small text wrap sooner than the estimate in a cell this wide: leave room.
            s.height(r, estimate_lines(text, s.width_of(2, 4) * WRAP_SLACK, SMALL) * line_height(SMALL) + 4)
            s.row += 1
        s.skip(points=6)


def bloc_honours(s: Sheet, b: BlocSummary) -> None:
    """A bloc's awards of the year, one line per campaign, under its ranking."""
    if b.honours:
        s.para(b.honours_heading, align="left")
        for line in b.honours:
            s.para(f"- {line}", align="left")


def summary_honours(s: Sheet, d: ProvinceSummary) -> None:
    """The blocs' awards added up: TT | Khối | Tập thể | Cá nhân | Đề nghị cấp trên, and the total."""
    h = d.honours
    if h is None:
        return
    s.para(h.heading, bold=True, align="left")
    s.para(h.intro)
    s.table_head([("TT", 1, 1), (d.bloc_column, 2, 3), ("Tập thể (lượt)", 4, 4), ("Cá nhân (lượt)", 5, 5),
                  ("Đề nghị cấp trên khen thưởng", 6, 7)])
    for row in (*h.rows, h.total):
        r = s.row
        total = row.no is None
        s.put(r, 1, row.no, align="center", valign="top", fmt="0", border=True)
        s.put(r, 2, row.name, bold=total, valign="top", last_col=3, border=True)
        s.put(r, 4, row.collectives, align="center", valign="top", bold=total, fmt="0", border=True)
        s.put(r, 5, row.individuals, align="center", valign="top", bold=total, fmt="0", border=True)
        s.put(r, 6, row.proposed_text, valign="top", last_col=7, border=True)
        s.height(r, estimate_lines(row.name, s.width_of(2, 3) * WRAP_SLACK, BODY, total) * line_height(BODY) + 4)
        s.row += 1
    for note in h.notes:
        s.para(note, italic=True, align="left")
