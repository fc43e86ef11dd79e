"""The province summary of a year: every bloc's ranking, proposals and next leader (pure)."""

from __future__ import annotations

from thidua.core.handover import Handover
from thidua.core.results import YearResult
from thidua.documents.bloc import _proposal_groups
from thidua.documents.common import header, member_name, province_label, score_rows
from thidua.documents.dates import place_date_line, short_date
from thidua.documents.records import BlocSummary, ProvinceSummary, RankRow
from thidua.model import Config


def province_summary(year: YearResult, handovers: dict[str, Handover | None], config: Config) -> ProvinceSummary:
    place = config.place or config.province
    label = province_label(config.province)
    names = {(b.bloc_year.bloc, m.id): m.name for b in year.blocs for m in b.bloc_year.members}
    bloc_names = {b.bloc_year.bloc: b.bloc_year.name for b in year.blocs}
    blocs = []
    for i, b in enumerate(year.blocs, start=1):
        by = b.bloc_year
        first = [r.total for r in b.ranked if r.rank == 1]
        h = handovers.get(by.bloc)
        review = by.event("review")
        line = []
        if review and review.date:
            line.append(f"Tổng kết ngày {short_date(review.date)}.")
        if by.table is not None:
            from thidua.core.numbers import vn_number

            line.append(f"Điểm tối đa: {vn_number(by.table.ceiling)}.")
        blocs.append(BlocSummary(
            no=i, bloc=by.bloc, name=by.name, member_count=len(by.members),
            leading=" = ".join(t.member.name for t in first),
            leading_total=first[0].total if first else None,
            awards=tuple(f"{g.award_name}: {', '.join(e.name for e in g.entries)}" for g in _proposal_groups(b)),
            next_leader=member_name(by, (h.decided_leader or h.leader)) if h else "",
            next_deputy=member_name(by, (h.decided_deputy or h.deputy)) if h else "",
            detail_heading=f"{i}. {by.name}",
            detail_line=" ".join(line),
            rows=tuple(RankRow(r.rank, r.rank_text, r.tied, r.name, r.total, r.band, r.proposals)
                       for r in score_rows(b)),
            handover=_handover_line(by, h),
            places=b.scoring.places,
        ))
    proposals = tuple(
        f"{i}. {p.award_name}: {names.get((p.bloc, p.member), p.member)} ({bloc_names.get(p.bloc, p.bloc)}) — "
        f"{'; '.join(p.reasons)}."
        for i, p in enumerate(year.province_proposals, start=1))
    misses = tuple(f"{names.get((m.bloc, m.member), m.member)} (khối {m.bloc}): {m.reason}."
                   for m in year.province_misses)
    return ProvinceSummary(
        header=header(f"Sở Nội vụ {label}".strip().upper(), "BAN THI ĐUA - KHEN THƯỞNG", "Số:     /BC-TĐKT",
                      place_date_line(place, None)),
        title=f"BẢNG TỔNG HỢP KẾT QUẢ THI ĐUA CÁC KHỐI NĂM {year.year}",
        subject=f"{len(year.blocs)} khối thi đua của {label}.",
        year=year.year, next_year=year.year + 1,
        blocs=tuple(blocs),
        province_heading="Đề nghị khen thưởng cấp tỉnh" if proposals or misses else "",
        province_proposals=proposals,
        province_misses_heading="Không đề nghị:" if misses else "",
        province_misses=misses,
        dates=tuple(r.date if (r := b.bloc_year.event("review")) else None for b in year.blocs),
    )


def _handover_line(by, h: Handover | None) -> str:
    if h is None:
        return ""
    leader = member_name(by, h.decided_leader or h.leader)
    deputy = member_name(by, h.decided_deputy or h.deputy)
    if not leader:
        return f"Bàn giao năm {h.next_year}: khối bầu, chưa ghi kết quả."
    how = "khối đã thống nhất" if (h.decided_leader or h.decided_deputy) else f"đề xuất: {h.rule_name}"
    return f"Bàn giao năm {h.next_year}: Trưởng khối {leader}, Phó khối {deputy or 'chưa có'} ({how})."
