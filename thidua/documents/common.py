"""Pieces every document shares: names, the header, score rows (pure)."""

from __future__ import annotations

from thidua.core.results import BlocResult
from thidua.core.scoring import Ranked
from thidua.documents.records import Column, Header, ScoreRow
from thidua.model import BlocYear

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
LONG_GROUP_NAME = 45  # past this, a column head says "Nhóm 1 (15)" and the name goes in a legend


def province_label(province: str) -> str:
    """``Khánh Hòa`` → ``tỉnh Khánh Hòa``; a name that already says tỉnh / thành phố is kept."""
    lowered = province.lower()
    if not province or lowered.startswith(("tỉnh ", "thành phố ", "tp ", "tp.")):
        return province
    return f"tỉnh {province}"


def member_name(by: BlocYear, member_id: str | None) -> str:
    if not member_id:
        return ""
    m = by.member(member_id)
    return m.name if m else member_id


def header(parent: str, issuer: str, number: str, date_line: str) -> Header:
    return Header(parent=parent, issuer=issuer, number=number, nation=NATION, motto=MOTTO, date_line=date_line)


def columns(result: BlocResult) -> tuple[Column, ...]:
    """The criteria groups as score-sheet columns: full names when short enough for a narrow column."""
    from thidua.core.numbers import vn_number

    table = result.bloc_year.table
    groups = table.groups if table is not None else ()
    short = not any(len(g.name) > LONG_GROUP_NAME for g in groups)
    return tuple(Column(label=(f"{g.id}. {g.name}" if short else f"Nhóm {g.id}") + f" ({vn_number(g.ceiling)})",
                        id=g.id, name=g.name, max=g.ceiling) for g in groups)


# Misses that are about the unit, not about one award: the score sheet says them once in its note, in
# short (the minutes give the reason in full).
UNIT_MISSES = {"pending": "chưa xét khen thưởng (đang xem xét kỷ luật)",
               "discipline": "không đủ điều kiện khen thưởng (bị kỷ luật)"}


def _row_note(r: Ranked, result: BlocResult) -> str:
    t = r.total
    notes = []
    if r.tie_note:
        notes.append(r.tie_note)
    if t.scored and not t.agreed:
        notes.append("điểm tự chấm, chưa thống nhất")
    unit = next((UNIT_MISSES[m.condition] for m in result.misses
                 if m.member == t.member.id and m.condition in UNIT_MISSES), "")
    if unit:
        notes.append(unit)
    return "; ".join(notes) if t.scored else "chưa có điểm"


def score_rows(result: BlocResult) -> tuple[ScoreRow, ...]:
    rows = []
    for i, r in enumerate(result.ranked, start=1):
        t = r.total
        rows.append(ScoreRow(
            no=i, member=t.member.id, name=t.member.name, scored=t.scored,
            groups=tuple(s.points if t.scored else None for s in t.subtotals),
            bonus=t.bonus if t.scored else None,
            deductions=t.deductions if t.scored else None,
            total=t.total if t.scored else None,
            rank=r.rank or None,
            rank_text="" if not r.rank else f"{r.rank}*" if r.tied else str(r.rank),
            tied=r.tied, band=t.band or "", note=_row_note(r, result),
            proposals=tuple(p.award_name for p in result.proposals_for(t.member.id)),
        ))
    return tuple(rows)
