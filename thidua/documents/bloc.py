"""The three documents of a bloc-year — score sheet, minutes, proposal — as records (pure).

Every sentence the documents say is phrased here, once, from the scored model
(BlocResult, Handover, Config). Nothing here computes a figure: totals, ranks, bands,
votes and proposals come from the core.
"""

from __future__ import annotations

from decimal import Decimal

from thidua.core.handover import Handover
from thidua.core.numbers import share_text, vn_number, vn_percent
from thidua.core.results import BlocResult
from thidua.core.vnsort import sort_key
from thidua.documents.common import columns, header, member_name, province_label, score_rows
from thidua.documents.dates import date_text, place_date_line, short_date
from thidua.documents.records import (
    BlocDocuments,
    Minutes,
    Proposal,
    ProposalEntry,
    ProposalGroup,
    ScoreSheet,
    Section,
    Signature,
    VoteRow,
    VoteTable,
)
from thidua.model import Config

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")


def bloc_documents(result: BlocResult, handover: Handover | None, config: Config) -> BlocDocuments:
    by = result.bloc_year
    review = _review(result)
    return BlocDocuments(
        score_sheet=score_sheet(result, config),
        minutes=minutes(result, handover, config),
        proposal=proposal(result, config),
        year=by.year, bloc=by.bloc, bloc_name=by.name, date=review.date if review else None,
    )


# -- shared ---------------------------------------------------------------------------------

def _place(config: Config) -> str:
    return config.place or config.province


def _review(result: BlocResult):
    return result.bloc_year.event("review")


def _signature(result: BlocResult) -> Signature:
    by = result.bloc_year
    return Signature(lines=("TM. KHỐI THI ĐUA", "TRƯỞNG KHỐI"), name=member_name(by, by.leader.id if by.leader else None))


def _header(result: BlocResult, config: Config, number: str):
    review = _review(result)
    return header("", result.bloc_year.name.upper(), number,
                  place_date_line(_place(config), review.date if review else None))


def _addressee(config: Config) -> str:
    return f"Hội đồng Thi đua - Khen thưởng {province_label(config.province)}".strip()


# -- the score sheet ----------------------------------------------------------------------------

def score_sheet(result: BlocResult, config: Config) -> ScoreSheet:
    by = result.bloc_year
    review = _review(result)
    table = by.table
    attached = ""
    if by.number or (review and review.date):
        parts = [f" số {by.number}" if by.number else "",
                 f" ngày {short_date(review.date)}" if review and review.date else ""]
        attached = f"(Kèm theo Biên bản{''.join(parts)})"
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
    if any(r.tied for r in rows):
        notes.append("* đồng hạng (bằng nhau sau mọi tiêu chí phân định).")
    if cols and cols[0].label.startswith("Nhóm "):
        notes.append("Nhóm tiêu chí: " + "; ".join(f"{c.id}. {c.name} ({vn_number(c.max)} điểm)" for c in cols) + ".")
    if result.scoring.bands:
        notes.append("Xếp loại: " + "; ".join(f"{b.name} từ {vn_number(b.min)} điểm" for b in result.scoring.bands)
                     + ".")
    return ScoreSheet(
        header=_header(result, config, ""),
        title=f"BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM {by.year}",
        subject=by.name, attached=attached, table_line=table_line, columns=cols, rows=rows,
        places=result.scoring.places, notes=tuple(notes), signature=_signature(result),
    )


# -- the minutes --------------------------------------------------------------------------------

def minutes(result: BlocResult, handover: Handover | None, config: Config) -> Minutes:
    by = result.bloc_year
    review = _review(result)
    year = by.year
    where = f", tại {review.place}" if review and review.place else ""
    host = f"; đơn vị chủ trì: {member_name(by, review.host.id)}" if review and review.host else ""
    opening = (f"Hôm nay, {date_text(review.date if review else None)}{where}, {by.name} họp tổng kết công tác "
               f"thi đua, bình xét khen thưởng năm {year}{host}.")
    parts = [_attendance(result), _scores(result), _votes(result), _proposals(result)]
    if handover is not None:
        parts.append(_handover(result, handover))
    sections = tuple(Section(s.key, f"{ROMAN[i]}. {s.heading}", s.paragraphs, s.items, s.votes, s.after)
                     for i, s in enumerate(parts))
    return Minutes(
        header=_header(result, config, f"Số: {by.number}" if by.number else "Số:     /BB-KTĐ"),
        title="BIÊN BẢN",
        subject=f"Họp tổng kết, bình xét thi đua, khen thưởng năm {year}",
        opening=opening, sections=sections,
        closing=("Biên bản đã được thông qua tại Hội nghị./.",),
        signatures=(_signature(result),),
    )


def _attendance(result: BlocResult) -> Section:
    by = result.bloc_year
    review = _review(result)
    present_ids = [r.id for r in review.present] if review else []
    if not present_ids:
        return Section("attendance", "THÀNH PHẦN", (f"Các đơn vị thành viên của Khối ({len(by.members)} đơn vị).",))
    absent = [m.name for m in by.members if m.id not in present_ids]
    return Section("attendance", "THÀNH PHẦN",
                   (f"Các đơn vị thành viên dự họp ({len(present_ids)}/{len(by.members)} đơn vị):",),
                   items=tuple(member_name(by, i) for i in present_ids),
                   after=(f"Vắng: {', '.join(absent)}.",) if absent else ())


def _scores(result: BlocResult) -> Section:
    by = result.bloc_year
    scored = sum(1 for r in result.ranked if r.total.scored)
    if not scored:
        return Section("scores", "KẾT QUẢ CHẤM ĐIỂM", ("Chưa có kết quả chấm điểm.",))
    lines = [f"Hội nghị thống nhất kết quả chấm điểm thi đua năm {by.year} của {scored} đơn vị "
             "(Bảng tổng hợp kèm theo)."]
    first = [r.total for r in result.ranked if r.rank == 1]
    if first:
        lines.append("Đơn vị dẫn đầu: " + "; ".join(
            f"{t.member.name} ({vn_number(t.total)} điểm" + (f", xếp loại {t.band})" if t.band else ")")
            for t in first) + ".")
    return Section("scores", "KẾT QUẢ CHẤM ĐIỂM", tuple(lines))


def _bloc_awards(result: BlocResult) -> list:
    return [a for a in result.awards if a.level == "bloc"]


def vote_tables(result: BlocResult) -> tuple[VoteTable, ...]:
    """Each award's ballot result, in the configured order (awards not configured after, by id)."""
    by = result.bloc_year
    votes = by.votes
    if votes is None:
        return ()
    known = {a.id: a for a in _bloc_awards(result)}
    ids = list(known) + sorted({c.award for c in votes.counts} - set(known))
    base = votes.voters
    out = []
    for award in ids:
        counts = [c for c in votes.counts if c.award == award]
        if not counts:
            continue
        counts.sort(key=lambda c: sort_key(member_name(by, c.member.id)))
        counts.sort(key=lambda c: -c.count)
        policy = known.get(award)
        name = policy.name if policy else award
        need = f" (cần từ {share_text(policy.vote_threshold)} số phiếu)" if policy and policy.vote_threshold is not None \
            else ""
        rows = tuple(VoteRow(
            no=j, name=member_name(by, c.member.id), count=c.count, base=base,
            share=(Decimal(c.count) / Decimal(base)) if base else None,
            count_text=f"{c.count}/{base}" if base is not None else str(c.count),
            share_text=vn_percent(c.count, base) if base else "",
        ) for j, c in enumerate(counts, start=1))
        out.append(VoteTable(award, name, f"{len(out) + 1}. {name}{need}:", rows))
    return tuple(out)


def _votes(result: BlocResult) -> Section:
    by = result.bloc_year
    tables = vote_tables(result)
    if not tables:
        return Section("votes", "KẾT QUẢ BỎ PHIẾU BÌNH XÉT", ("Chưa có kết quả bỏ phiếu.",))
    return Section("votes", "KẾT QUẢ BỎ PHIẾU BÌNH XÉT", (f"Số đơn vị bỏ phiếu: {by.votes.voters}.",), votes=tables)


def _proposal_groups(result: BlocResult) -> tuple[ProposalGroup, ...]:
    by = result.bloc_year
    ranked = {r.total.member.id: r for r in result.ranked}
    order = [a.id for a in _bloc_awards(result)]
    groups: dict[str, list] = {}
    names: dict[str, str] = {}
    for p in sorted(result.proposals, key=lambda p: order.index(p.award) if p.award in order else len(order)):
        names[p.award] = p.award_name
        r = ranked.get(p.member)
        groups.setdefault(p.award, []).append(ProposalEntry(
            no=len(groups.get(p.award, [])) + 1, member=p.member, name=member_name(by, p.member),
            total=r.total.total if r else None, band=(r.total.band or "") if r else "", reason="; ".join(p.reasons)))
    return tuple(ProposalGroup(award, names[award], f"{i}. {names[award]} ({len(entries)} đơn vị)", tuple(entries))
                 for i, (award, entries) in enumerate(groups.items(), start=1))


def _proposals(result: BlocResult) -> Section:
    groups = _proposal_groups(result)
    if not groups:
        return Section("proposals", "ĐỀ NGHỊ KHEN THƯỞNG",
                       (f"Năm {result.bloc_year.year}, Khối không có đơn vị đủ điều kiện đề nghị khen thưởng.",))
    return Section("proposals", "ĐỀ NGHỊ KHEN THƯỞNG",
                   ("Căn cứ kết quả chấm điểm và bỏ phiếu, Hội nghị thống nhất suy tôn, đề nghị:",),
                   after=tuple(f"{i}. {g.award_name}: {', '.join(e.name for e in g.entries)}."
                               for i, g in enumerate(groups, start=1)))


def _handover(result: BlocResult, h: Handover) -> Section:
    by = result.bloc_year
    lines = []
    decided = bool(h.decided_leader or h.decided_deputy)
    matches = h.decided_leader == h.leader and h.decided_deputy == h.deputy
    if decided:
        roles = [f"{member_name(by, h.decided_leader)} làm Trưởng khối" if h.decided_leader else "",
                 f"{member_name(by, h.decided_deputy)} làm Phó khối" if h.decided_deputy else ""]
        lines.append(f"Hội nghị thống nhất: {', '.join(r for r in roles if r)} năm {h.next_year}"
                     + (f" ({h.rule_name})." if matches else "."))
    if not (decided and matches):
        if h.rule.kind == "elected":
            lines.append(f"Khối bầu Trưởng khối, Phó khối năm {h.next_year}; các đơn vị đủ điều kiện: "
                         f"{', '.join(member_name(by, i) for i in h.eligible)}.")
        else:
            lines.append(f"Đề xuất theo quy tắc luân phiên ({h.rule_name}): "
                         f"{member_name(by, h.leader) or 'không có đơn vị'} làm Trưởng khối ({h.leader_reason}), "
                         f"{member_name(by, h.deputy) or 'không có đơn vị'} làm Phó khối ({h.deputy_reason}) "
                         f"năm {h.next_year}.")
    return Section("handover", f"BÀN GIAO TRƯỞNG KHỐI NĂM {h.next_year}", tuple(lines))


# -- the proposal -------------------------------------------------------------------------------

def proposal(result: BlocResult, config: Config) -> Proposal:
    by = result.bloc_year
    review = _review(result)
    year = by.year
    addressee = _addressee(config)
    when = f" tại Hội nghị tổng kết ngày {short_date(review.date)}" if review and review.date else ""
    ref = f" (Biên bản số {by.number})" if by.number else ""
    groups = _proposal_groups(result)
    label = province_label(config.province)
    return Proposal(
        header=_header(result, config, "Số:     /TTr-KTĐ"),
        title="TỜ TRÌNH",
        subject=f"Về việc đề nghị khen thưởng thi đua năm {year}",
        addressee=f"Kính gửi: {addressee}.",
        grounds=(f"Căn cứ kết quả chấm điểm, bình xét thi đua năm {year}{when}{ref}, {by.name} kính đề nghị "
                 f"{addressee} xem xét, trình khen thưởng các đơn vị sau:",),
        groups=groups,
        empty="" if groups else f"Năm {year}, Khối không có đơn vị đủ điều kiện đề nghị khen thưởng.",
        closing=f"{by.name} kính trình {addressee} xem xét, quyết định./.",
        recipients=(addressee, f"Ban Thi đua - Khen thưởng {label}".strip(), "Các đơn vị thành viên Khối", "Lưu: VT"),
        signature=_signature(result),
        places=result.scoring.places,
    )
