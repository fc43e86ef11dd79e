"""The three documents of a bloc-year — score sheet, minutes, proposal — as records (pure).

Every sentence the documents say is phrased in this package, once, from the scored model
(BlocResult, Handover, Config): the score sheet here, the minutes in ``minutes.py``, the
proposal in ``proposal.py``. Nothing computes a figure: totals, ranks, bands, votes and
proposals come from the core.
"""

from __future__ import annotations

from thidua.core.handover import Handover
from thidua.core.numbers import vn_number
from thidua.core.results import BlocResult
from thidua.documents.common import columns, header, score_rows
from thidua.documents.dates import place_date_line, short_date
from thidua.documents.facts import BlocFacts, gather
from thidua.documents.records import BlocDocuments, Header, ScoreSheet, Signature
from thidua.model import Config


def bloc_documents(result: BlocResult, handover: Handover | None, config: Config) -> BlocDocuments:
    from thidua.documents.minutes import minutes
    from thidua.documents.proposal import proposal

    facts = gather(result, handover, config)
    by = result.bloc_year
    return BlocDocuments(
        score_sheet=score_sheet(facts), minutes=minutes(facts), proposal=proposal(facts),
        year=by.year, bloc=by.bloc, bloc_name=by.name, date=facts.date,
    )


def document_header(facts: BlocFacts, number: str) -> Header:
    return header(facts.superior.upper(), facts.by.name.upper(), number, place_date_line(facts.place, facts.date))


def number_line(given: str, kind: str, facts: BlocFacts) -> str:
    """``Số: 05/BB-KTĐ``, or room to write the number: ``Số:      /BB-KTĐ``."""
    return f"Số: {given}" if given else f"Số:      /{kind}-{facts.words.code}"


def leader_signature(facts: BlocFacts, name: str) -> Signature:
    return Signature(lines=(facts.words.on_behalf, facts.words.LEADER), name=name)


def signing_name(facts: BlocFacts) -> str:
    """Who signs for the bloc: the recorded signer, else the meeting's chair (dots when neither)."""
    if facts.signer is not None:
        return facts.signer.name
    return facts.chair.name if facts.chair is not None else ""


def score_sheet(facts: BlocFacts) -> ScoreSheet:
    result, by = facts.result, facts.by
    table = by.table
    attached = ""
    if by.number or facts.date:
        parts = [f" số {by.number}" if by.number else "",
                 f" ngày {short_date(facts.date)}" if facts.date else ""]
        attached = f"(Kèm theo Biên bản họp bình xét{''.join(parts)})"
    table_line = ""
    if table is not None and table.name:
        caps = [f"tối đa {vn_number(table.ceiling)} điểm"]
        if table.bonus_cap is not None:
            caps.append(f"điểm thưởng tối đa {vn_number(table.bonus_cap)}")
        if table.deduction_cap is not None:
            caps.append(f"điểm trừ tối đa {vn_number(table.deduction_cap)}")
        table_line = f"{table.name}: {', '.join(caps)}."
    cols = columns(result)
    rows = score_rows(result)
    notes = []
    if not facts.scored:
        notes.append("Chưa có kết quả chấm điểm: bảng để điền tại Hội nghị.")
    if any(r.tied for r in rows):
        notes.append("* đồng hạng (bằng nhau sau mọi tiêu chí phân định).")
    if cols and cols[0].label.startswith("Nhóm "):
        notes.append("Nhóm tiêu chí: " + "; ".join(f"{c.id}. {c.name} ({vn_number(c.max)} điểm)" for c in cols) + ".")
    if result.scoring.bands:
        notes.append("Xếp loại: " + "; ".join(f"{b.name} từ {vn_number(b.min)} điểm" for b in result.scoring.bands)
                     + ".")
    return ScoreSheet(
        header=document_header(facts, ""),
        title=f"BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM {by.year}",
        subject=by.name, draft=facts.draft, attached=attached, table_line=table_line, columns=cols, rows=rows,
        places=result.scoring.places, notes=tuple(notes), signature=leader_signature(facts, signing_name(facts)),
    )
