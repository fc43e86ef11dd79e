"""The province summary of a year: every bloc's ranking, awards and next leader (pure).

A bloc that has recorded its decision is shown with it; one that has not shows the rules'
proposal, said so in a note, and the summary is then a DỰ THẢO.
"""

from __future__ import annotations

from thidua.core.awards import quota_size
from thidua.core.handover import Handover
from thidua.core.numbers import share_text, vn_number
from thidua.core.province import population
from thidua.core.results import YearResult
from thidua.documents.common import header, member_name, province_label, score_rows
from thidua.documents.dates import place_date_line, short_date
from thidua.documents.facts import gather
from thidua.documents.honours import BLOC_HEADING, honour_summary, summary_lines
from thidua.documents.minutes import awarded
from thidua.documents.phrases import share_gave
from thidua.documents.province_records import BlocSummary, ProvinceSummary, RankRow
from thidua.documents.records import Signature
from thidua.documents.words import group_word
from thidua.model import Config


def province_summary(year: YearResult, handovers: dict[str, Handover | None], config: Config) -> ProvinceSummary:
    label = province_label(config.province)
    names = {(b.bloc_year.bloc, m.id): m.name for b in year.blocs for m in b.bloc_year.members}
    bloc_names = {b.bloc_year.bloc: b.bloc_year.name for b in year.blocs}
    blocs = []
    for i, b in enumerate(year.blocs, start=1):
        by = b.bloc_year
        facts = gather(b, handovers.get(by.bloc), config)
        first = [r.total for r in b.ranked if r.rank == 1]
        h = facts.handover
        given: dict[str, tuple[str, ...]] = {}  # member → the awards decided (or proposed) for it
        for a, members in awarded(facts):
            for m in members:
                given[m] = (*given.get(m, ()), facts.award_names.get(a, a))
        line = []
        if facts.date:
            line.append(f"Tổng kết ngày {short_date(facts.date)}.")
        if by.table is not None:
            line.append(f"Điểm tối đa: {vn_number(by.table.ceiling)}.")
        if not facts.decided:
            line.append(f"{facts.words.Bloc} chưa ghi kết quả bình xét: khen thưởng là đề xuất theo quy định.")
        blocs.append(BlocSummary(
            no=i, bloc=by.bloc, name=by.name, member_count=len(by.members),
            leading=" = ".join(t.member.name for t in first),
            leading_total=first[0].total if first else None,
            awards=tuple(f"{facts.award_names.get(a, a)}: {', '.join(facts.name(m) for m in members)}"
                         for a, members in awarded(facts)),
            decided=facts.decided,
            next_leader=member_name(by, (h.decided_leader or h.leader)) if h else "",
            next_deputy=member_name(by, (h.decided_deputy or h.deputy)) if h else "",
            leader_word=facts.words.leader, deputy_word=facts.words.deputy,
            detail_heading=f"{i}. {by.name}",
            detail_line=" ".join(line),
            rows=tuple(RankRow(r.rank, r.rank_text, r.tied, r.name, r.total, r.band, given.get(r.member, ()))
                       for r in score_rows(b)),
            handover=_handover_line(facts),
            places=b.scoring.places,
            honours_heading=BLOC_HEADING if by.honours else "",
            honours=summary_lines(facts),
        ))
    many = group_word(b.bloc_year.kind for b in year.blocs)
    limits = {a.id: _limit(a, year, many, config) for a in config.awards if a.level == "province"}
    proposals = tuple(
        f"{i}. {p.award_name}: {names.get((p.bloc, p.member), p.member)} ({bloc_names.get(p.bloc, p.bloc)}) — "
        f"{'; '.join(_in_limit(p.reasons, limits.get(p.award)))}."
        for i, p in enumerate(year.province_proposals, start=1))
    misses = tuple(f"{names.get((m.bloc, m.member), m.member)} ({bloc_names.get(m.bloc, m.bloc)}): "
                   f"{_past_limit(m, limits.get(m.award))}."
                   for m in year.province_misses)
    docs = config.documents
    undecided = [b.name for b in blocs if not b.decided]
    notes = (f"Các {many} chưa ghi kết quả bình xét (cột Đề nghị khen thưởng là đề xuất theo quy định): "
             f"{'; '.join(undecided)}.",) if undecided else ()
    signer = docs.signer
    council = f"Hội đồng Thi đua - Khen thưởng {label}".strip()
    return ProvinceSummary(
        header=header((docs.office_superior or f"Sở Nội vụ {label}".strip()).upper(),
                      (docs.office or "Ban Thi đua - Khen thưởng").upper(), "Số:      /BC-TĐKT",
                      place_date_line(config.place or config.province, None)),
        title=f"BẢNG TỔNG HỢP KẾT QUẢ THI ĐUA CÁC {many.upper()} NĂM {year.year}",
        subject=f"(Gồm {len(year.blocs):02d} {many} thi đua của {label})",
        draft=bool(undecided),
        year=year.year, next_year=year.year + 1,
        **_headings(many, year.year),
        blocs=tuple(blocs),
        province_heading="ĐỀ NGHỊ KHEN THƯỞNG CẤP TỈNH" if proposals or misses else "",
        province_proposals=proposals,
        province_misses_heading="Chưa đề nghị:" if misses else "",
        province_misses=misses,
        dates=tuple(r.date if (r := b.bloc_year.event("review")) else None for b in year.blocs),
        signature=Signature(((signer.title if signer and signer.title else "Trưởng ban").upper(),),
                            signer.name if signer else ""),
        recipients=(*(docs.recipients or (council,)), "Lưu: VT"),
        notes=notes,
        honours=honour_summary(year.year, tuple(b.bloc_year for b in year.blocs)),
    )


def _limit(award, year: YearResult, many: str, config: Config) -> str:
    """The province's quota for ``award`` as an officer writes it: ``1 đơn vị (20% số đơn vị dẫn đầu các
    khối)``, the share named only when it, not a count or a minimum, set the number; never a formula."""
    count, base = population(year.blocs, award)
    size = quota_size(award.quota, count)
    if size is None:
        return ""
    text = f"{size} đơn vị"
    if share_gave(award.quota, count, size):
        source = next((a.name for a in config.awards if a.id == award.from_award), award.from_award or "")
        what = f"đơn vị được đề nghị {source}" if base == "proposed" else f"đơn vị dẫn đầu các {many}"
        text += f" ({share_text(award.quota.share)} số {what})"
    return text


def _in_limit(reasons: tuple[str, ...], limit: str | None) -> tuple[str, ...]:
    """The reasons, the quota's formula (``trong hạn mức 1/1 (20% của 5 = 1,00 → 1 …)``) said in words."""
    if not limit:
        return reasons
    return tuple(f"trong hạn mức của tỉnh: {limit}" if r.startswith("trong hạn mức ") else r for r in reasons)


def _past_limit(miss, limit: str | None) -> str:
    if miss.kind == "quota" and limit:
        return f"ngoài hạn mức của tỉnh: {limit}"
    return miss.reason


def _headings(many: str, year: int) -> dict[str, str]:
    """The summary's headings in the province's words: khối, cụm, or both."""
    leader = {"khối": "Trưởng khối", "cụm": "Cụm trưởng"}.get(many, "Trưởng khối, Cụm trưởng")
    deputy = {"khối": "Phó khối", "cụm": "Cụm phó"}.get(many, "Phó khối, Cụm phó")
    return {"bloc_column": f"{many.capitalize()} thi đua", "leader_column": f"{leader} năm {year + 1}",
            "deputy_column": f"{deputy} năm {year + 1}", "results_heading": f"KẾT QUẢ CỦA CÁC {many.upper()} THI ĐUA",
            "details_heading": f"XẾP HẠNG CÁC ĐƠN VỊ TRONG TỪNG {many.upper()} NĂM {year}"}


def _handover_line(facts) -> str:
    h, w = facts.handover, facts.words
    if h is None:
        return ""
    leader = facts.name(h.decided_leader or h.leader)
    deputy = facts.name(h.decided_deputy or h.deputy)
    if not leader:
        return f"Bàn giao năm {h.next_year}: {w.bloc} bầu, chưa ghi kết quả."
    how = f"{w.bloc} đã thống nhất" if (h.decided_leader or h.decided_deputy) else f"đề xuất: {h.rule_name}"
    return f"Bàn giao năm {h.next_year}: {w.leader} {leader}, {w.deputy} {deputy or 'chưa có'} ({how})."
