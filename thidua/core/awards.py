"""Award proposals (đề nghị khen thưởng) from rules that are data.

Each bloc-level award is considered in the configured order. Candidates are
taken in rank order; each condition (discipline, whole year, band, score, votes)
is checked and a member that misses says which condition and by how much. A
member gets at most one bloc-level proposal. Province-level awards (Cờ thi đua
của Chính phủ) are chosen afterwards among the blocs' leading units (đơn vị dẫn đầu), within a share.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from thidua.core.numbers import share_text, vn_number, vn_percent
from thidua.core.scoring import Ranked
from thidua.model import AwardPolicy, BlocYear, Quota, ScoringPolicy


@dataclass(frozen=True, slots=True)
class Proposal:
    """Đề nghị: ``member`` for ``award`` with the reasons that support it."""

    award: str
    award_name: str
    member: str
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Miss:
    """Why ``member`` is not proposed for ``award``."""

    award: str
    award_name: str
    member: str
    reason: str


def quota_size(quota: Quota | None, population: int) -> int | None:
    """How many may be proposed: a count, or a share of ``population`` with its rounding."""
    if quota is None:
        return None
    sizes = []
    if quota.count is not None:
        sizes.append(quota.count)
    if quota.share is not None:
        exact = quota.share * population
        mode = {"down": ROUND_FLOOR, "up": ROUND_CEILING, "nearest": ROUND_HALF_UP}[quota.rounding]
        sizes.append(max(int(exact.to_integral_value(rounding=mode)), quota.minimum))
    return min(sizes) if sizes else None


def quota_text(quota: Quota | None, population: int) -> str:
    size = quota_size(quota, population)
    if quota is None or size is None:
        return "không giới hạn"
    if quota.share is not None:
        exact = quota.share * population
        return f"{share_text(quota.share)} của {population} = {vn_number(exact, 2)} → {size}"
    return str(size)


def _band_rank(name: str | None, scoring: ScoringPolicy) -> int:
    names = [b.name for b in scoring.bands]
    return names.index(name) if name in names else math.inf  # type: ignore[return-value]


def check_conditions(award: AwardPolicy, r: Ranked, by: BlocYear, scoring: ScoringPolicy,
                     disciplined: dict[str, str]) -> tuple[list[str], str | None]:
    """(reasons it meets, the first condition it misses or None)."""
    t = r.total
    reasons = [f"hạng {r.rank}/{len(by.members)}, {vn_number(t.total)} điểm" + (f" ({t.band})" if t.band else "")]
    mid = t.member.id
    if award.no_discipline and mid in disciplined:
        return reasons, f"bị kỷ luật trong năm ({disciplined[mid] or 'không ghi lý do'})"
    if award.full_year and (t.member.joined or t.member.left):
        when = f"vào khối {t.member.joined.isoformat()}" if t.member.joined else f"rời khối {t.member.left.isoformat()}"
        return reasons, f"không là thành viên cả năm ({when})"
    if not t.agreed:
        reasons.append("điểm tự chấm, chưa thống nhất")
    if award.min_band is not None:
        if _band_rank(t.band, scoring) > _band_rank(award.min_band, scoring):
            return reasons, f"xếp loại {t.band or 'chưa xếp loại'}, cần từ {award.min_band}"
        reasons.append(f"đạt xếp loại {t.band}")
    if award.min_score is not None and t.total < award.min_score:
        return reasons, f"{vn_number(t.total)} điểm < {vn_number(award.min_score)}"
    if award.vote_threshold is not None:
        votes = by.votes
        if votes is None or votes.voters is None or not any(c.award == award.id for c in votes.counts):
            return reasons, "đủ điểm, chưa có kết quả bỏ phiếu cho danh hiệu này"
        n = votes.count(award.id, mid)
        need = award.vote_threshold
        text = f"{n}/{votes.voters} phiếu ({vn_percent(n, votes.voters)}"
        if Decimal(n) < need * votes.voters:
            return reasons, f"đủ điểm nhưng chỉ {text} < {share_text(need)})"
        reasons.append(f"{text} ≥ {share_text(need)})")
    return reasons, None


def propose_bloc(by: BlocYear, ranked: tuple[Ranked, ...], awards: tuple[AwardPolicy, ...],
                 scoring: ScoringPolicy) -> tuple[tuple[Proposal, ...], tuple[Miss, ...]]:
    disciplined = {d.member.id: d.reason for d in by.discipline}
    taken: set[str] = set()
    proposals: list[Proposal] = []
    misses: list[Miss] = []
    candidates = [r for r in ranked if r.total.scored]
    rank_of = {r.total.member.id: r.rank for r in candidates}
    for award in awards:
        if award.level != "bloc":
            continue
        size = quota_size(award.quota, len(by.members))
        granted = 0
        for r in candidates:
            mid = r.total.member.id
            if mid in taken:
                continue
            reasons, miss = check_conditions(award, r, by, scoring, disciplined)
            if miss is None and size is not None and granted >= size:
                miss = f"đủ điều kiện nhưng đã hết hạn mức ({quota_text(award.quota, len(by.members))})"
                rivals = [i for i, p in enumerate(proposals) if p.award == award.id and rank_of[p.member] == r.rank]
                if rivals:  # the last place is shared: the scoring cannot choose, the bloc must
                    names = ", ".join(proposals[i].member for i in rivals)
                    miss = f"đồng hạng {r.rank} với {names} ở suất cuối cùng, {miss}; khối cần bình xét lại"
                    for i in rivals:
                        p = proposals[i]
                        proposals[i] = Proposal(p.award, p.award_name, p.member, (
                            *p.reasons, f"đồng hạng {r.rank} với {mid} ở suất cuối cùng (xếp theo thứ tự chữ cái); "
                                        "khối cần bình xét lại"))
            if miss is not None:
                misses.append(Miss(award.id, award.name, mid, miss))
                continue
            if size is not None:
                reasons.append(f"trong hạn mức {granted + 1}/{size}")
            proposals.append(Proposal(award.id, award.name, mid, tuple(reasons)))
            taken.add(mid)
            granted += 1
    return tuple(proposals), tuple(misses)


@dataclass(frozen=True, slots=True)
class LeadingUnit:
    """A bloc's leading member, as the province-level step sees it."""

    bloc: str
    bloc_name: str
    member: str
    member_name: str
    total: Decimal
    ceiling: Decimal
    proposed: frozenset[str]
    votes: tuple[tuple[str, int], ...]  # (award id, votes) at the bloc's ballot
    voters: int | None

    def votes_for(self, award: AwardPolicy) -> int:
        counts = dict(self.votes)
        return counts.get(award.id, counts.get(award.from_award or "", 0))

    @property
    def share_of_max(self) -> Decimal:
        return self.total / self.ceiling if self.ceiling else Decimal(0)


@dataclass(frozen=True, slots=True)
class ProvinceProposal:
    award: str
    award_name: str
    bloc: str
    member: str
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ProvinceMiss:
    award: str
    award_name: str
    bloc: str
    member: str
    reason: str


def propose_province(leading: list[LeadingUnit], awards: tuple[AwardPolicy, ...],
                     blocs: int | None = None) -> tuple[tuple[ProvinceProposal, ...], tuple[ProvinceMiss, ...]]:
    """Province-level awards among the blocs' leading units, best share of the table's maximum first.

    The quota's share applies to ``blocs`` (every bloc scored, one leading place each), so a
    bloc whose first place is shared still counts; at most one proposal per bloc.
    """
    population = blocs if blocs is not None else len({c.bloc for c in leading})
    proposals: list[ProvinceProposal] = []
    misses: list[ProvinceMiss] = []
    names = {a.id: a.name for a in awards}
    for award in awards:
        if award.level != "province":
            continue
        size = quota_size(award.quota, population)
        order = sorted(leading, key=lambda c: (-c.share_of_max, -c.votes_for(award), c.bloc, c.member))
        granted = 0
        done_blocs: set[str] = set()
        for c in order:
            pct = (c.share_of_max * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            reason = [f"dẫn đầu {c.bloc_name}, {vn_number(c.total)}/{vn_number(c.ceiling)} điểm ({vn_number(pct)}% điểm tối đa)"]
            miss = None
            if award.from_award and award.from_award not in c.proposed:
                miss = f"không được khối đề nghị {names.get(award.from_award, award.from_award)}"
            elif c.bloc in done_blocs:
                miss = "khối đã có một đơn vị được đề nghị (đồng hạng nhất)"
            elif size is not None and granted >= size:
                miss = f"ngoài hạn mức ({quota_text(award.quota, population)} khối dẫn đầu)"
            if miss:
                misses.append(ProvinceMiss(award.id, award.name, c.bloc, c.member, miss))
                continue
            granted += 1
            done_blocs.add(c.bloc)
            if size is not None:
                reason.append(f"trong hạn mức {granted}/{size} ({quota_text(award.quota, population)})")
            proposals.append(ProvinceProposal(award.id, award.name, c.bloc, c.member, tuple(reason)))
    return tuple(proposals), tuple(misses)
