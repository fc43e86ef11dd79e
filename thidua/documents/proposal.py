"""Tờ trình đề nghị khen thưởng: the bloc's proposal to the province, with reasons a person would write (pure)."""

from __future__ import annotations

from thidua.core.numbers import vn_number
from thidua.documents.bloc import document_header, number_line, signing_name
from thidua.documents.common import province_label
from thidua.documents.dates import short_date
from thidua.documents.facts import BlocFacts
from thidua.documents.minutes import awarded
from thidua.documents.phrases import ground, percent
from thidua.documents.records import Proposal, ProposalEntry, ProposalGroup, Signature


def reason(facts: BlocFacts, award: str, member: str) -> str:
    """``Xếp thứ 2/7 đơn vị của Khối với 97,50 điểm, xếp loại Xuất sắc; được 5/6 đơn vị bỏ phiếu
    đồng ý (83,33 %).``: the member's place, total and band, then the ballot for this award."""
    w = facts.words
    r = next((x for x in facts.result.ranked if x.total.member.id == member), None)
    sentences = []
    if r is not None and r.total.scored:
        t = r.total
        total = vn_number(t.total, facts.result.scoring.places)
        band = f", xếp loại {t.band}" if t.band else ""
        place = f"Dẫn đầu {w.Bloc}" if r.rank == 1 and not r.tied else \
            f"Xếp thứ {r.rank}{' (đồng hạng)' if r.tied else ''}/{len(facts.by.members)} đơn vị của {w.Bloc}"
        part = f"{place} với {total} điểm{band}"
        if not t.agreed:
            part += " (điểm tự chấm, chưa thống nhất)"
        sentences.append(part)
    votes = facts.by.votes
    if votes is not None and votes.voters and any(c.award == award for c in votes.counts):
        n = votes.count(award, member)
        sentences.append(f"được {n}/{votes.voters} đơn vị bỏ phiếu đồng ý ({percent(n, votes.voters)[1]})")
    if not sentences:
        return "Khối thống nhất đề nghị."
    text = "; ".join(sentences)
    return text[0].upper() + text[1:] + "."


def proposal(facts: BlocFacts) -> Proposal:
    by, w = facts.by, facts.words
    year = by.year
    places = facts.result.scoring.places
    ranked = {r.total.member.id: r for r in facts.result.ranked}
    groups = []
    for i, (award, members) in enumerate(awarded(facts), start=1):
        name = facts.award_names.get(award, award)
        entries = tuple(ProposalEntry(
            no=j, member=m, name=facts.name(m),
            total=ranked[m].total.total if m in ranked and ranked[m].total.scored else None,
            band=(ranked[m].total.band or "") if m in ranked else "", reason=reason(facts, award, m),
        ) for j, m in enumerate(members, start=1))
        groups.append(ProposalGroup(award, name, f"{i}. {name} ({len(entries)} đơn vị)", entries))
    minutes_ref = " số " + by.number if by.number else ""
    when = f" ngày {short_date(facts.date)}" if facts.date else ""
    grounds = [ground(g) + ";" for g in facts.grounds]
    grounds.append(f"Căn cứ Biên bản họp bình xét thi đua, khen thưởng năm {year}{minutes_ref}{when} của {by.name},")
    signer = facts.signer
    lines = [w.on_behalf, w.LEADER]
    if signer is not None and signer.title:
        lines.append(f"{signer.title} {signer.unit}".strip().upper())
    recipients = facts.recipients or (f"Ban Thi đua - Khen thưởng {province_label(facts.config.province)}".strip(),
                                      f"Các đơn vị thành viên {w.Bloc}")
    return Proposal(
        header=document_header(facts, number_line(facts.proposal_number, "TTr", facts)),
        title="TỜ TRÌNH",
        subject=f"Về việc đề nghị khen thưởng năm {year}",
        draft=facts.draft,
        addressee=f"Kính gửi: {facts.addressee}.",
        grounds=tuple(grounds),
        groups=tuple(groups),
        empty="" if groups else f"Năm {year}, {w.Bloc} không có đơn vị đề nghị khen thưởng.",
        intro=(f"{by.name} kính đề nghị {facts.addressee} xem xét, khen thưởng các đơn vị có thành tích xuất sắc "
               f"trong phong trào thi đua năm {year} như sau:") if groups else "",
        closing=f"{by.name} kính trình {facts.addressee} xem xét, quyết định./.",
        recipients=("Như trên", *recipients, f"Lưu: VT, {w.Bloc}"),
        signature=Signature(tuple(lines), signer.name if signer is not None else signing_name(facts)),
        places=places,
    )
