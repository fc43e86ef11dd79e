"""Bloc-level award proposals (đề nghị khen thưởng) from rules that are data.

Each bloc-level award is considered in the configured order. Candidates are taken in rank
order; each condition (discipline, whole year, band, score, votes) is checked, and a member
that misses says which condition and by how much. A member gets at most one bloc-level
proposal unless an award names the awards it combines with (``combines_with``). Members tied
for the last places of a quota are never separated by the alphabet: none of them is proposed
and the bloc chooses. The province-level step is in :mod:`thidua.core.province`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from fractions import Fraction

from thidua.core.numbers import share_compare_texts, share_text, vn_date, vn_number
from thidua.core.scoring import Ranked
from thidua.model import AwardPolicy, BlocYear, Quota, ScoringPolicy

BASE_WORDS = {"voters": "phiếu", "members": "thành viên"}


@dataclass(frozen=True, slots=True)
class VoteShare:
    """A member's votes for an award against the rule's threshold (exact comparison).

    Attributes:
      votes: votes in favour; base: what the share is taken of, as a count.
      base_kind: ``voters`` (the ballots cast) or ``members`` (all the bloc's members).
      threshold: the share needed; strict: more than it ("trên"), else at least it ("từ … trở lên").
    """

    votes: int
    base: int
    base_kind: str
    threshold: Decimal
    strict: bool = False

    @property
    def passes(self) -> bool:
        have, need = Fraction(self.votes, self.base), Fraction(self.threshold)
        return have > need if self.strict else have >= need

    def text(self) -> str:
        """``6/7 phiếu (85,71% ≥ 70%)``, ``4/5 thành viên (80% > 50%)``, ``3/6 phiếu (50% ≤ 50%)``."""
        share, need = share_compare_texts(self.votes, self.base, self.threshold)
        sign = (">" if self.passes else "≤") if self.strict else ("≥" if self.passes else "<")
        return f"{self.votes}/{self.base} {BASE_WORDS[self.base_kind]} ({share} {sign} {need})"


@dataclass(frozen=True, slots=True)
class Proposal:
    """Đề nghị: ``member`` for ``award`` with the reasons that support it.

    The reasons are sentences; the other attributes are the same facts as values, for documents
    that phrase their own: the member's rank among ``of`` members, its total and band, its vote
    share (``vote``, None when the award takes no vote), its place within the quota (``place`` of
    ``quota``; None without a quota), and whether its points are agreed (not only self-scored).
    """

    award: str
    award_name: str
    member: str
    reasons: tuple[str, ...]
    rank: int = 0
    of: int = 0
    total: Decimal | None = None
    band: str | None = None
    agreed: bool = True
    vote: VoteShare | None = None
    place: int | None = None
    quota: int | None = None


@dataclass(frozen=True, slots=True)
class Miss:
    """Why ``member`` is not proposed for ``award``.

    ``condition`` names the condition missed: ``discipline``, ``pending`` (a discipline case under
    review), ``full_year``, ``band``, ``score``, ``votes``, ``no_vote`` (no ballot recorded for the
    award), ``quota`` (eligible, no place left) or ``tie`` (tied for the last places: the bloc
    chooses). ``vote`` holds the vote share when it was counted; ``tied_with`` the members tied,
    and ``places_left`` the places they are tied for.
    """

    award: str
    award_name: str
    member: str
    reason: str
    condition: str = ""
    rank: int = 0
    total: Decimal | None = None
    vote: VoteShare | None = None
    tied_with: tuple[str, ...] = ()
    places_left: int | None = None


def quota_base(quota: Quota | None, level: str = "bloc") -> str:
    """What a quota's share is taken of: written, or the level's default."""
    if quota is not None and quota.base:
        return quota.base
    return "members" if level == "bloc" else "blocs"


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
        what = " đơn vị còn lại" if quota.base == "rest" else ""
        return f"{share_text(quota.share)} của {population}{what} = {vn_number(exact, 2)} → {size}"
    return str(size)


def quota_population(award: AwardPolicy, by: BlocYear, earlier: set[str]) -> int:
    """What a bloc-level quota's share is taken of: the bloc's members, or with ``of: rest`` the
    members not proposed for an award considered before this one (``earlier``: their ids), as in
    "không quá 50% số đơn vị còn lại" (Quảng Ninh, QĐ 1174/QĐ-UBND, 2017)."""
    if award.quota is not None and award.quota.base == "rest":
        return sum(1 for m in by.members if m.id not in earlier)
    return len(by.members)


def _band_rank(name: str | None, scoring: ScoringPolicy) -> int:
    names = [b.name for b in scoring.bands]
    return names.index(name) if name in names else math.inf  # type: ignore[return-value]


def _band_words(band: str | None) -> str:
    return f"xếp loại {band}" if band else "chưa đạt mức xếp loại nào"


def vote_base(award: AwardPolicy, by: BlocYear) -> int | None:
    """The count a vote share is taken of: the ballots cast, or the members at the vote (those
    that did not leave during the year)."""
    if award.vote_base == "members":
        return sum(1 for m in by.members if m.left is None)
    return by.votes.voters if by.votes is not None else None


def discipline_miss(member_id: str, by: BlocYear) -> tuple[str, str] | None:
    """(condition, reason) when a discipline entry bars ``member_id`` from this year's awards."""
    for d in by.discipline:
        if d.member.id != member_id or not d.bars(by.year):
            continue
        why = d.reason or "không ghi lý do"
        if d.pending:
            return "pending", f"đang xem xét kỷ luật ({why}): chưa xét khen thưởng cho đến khi có kết luận"
        if d.until is not None:
            return "discipline", (f"bị kỷ luật ({why}) đến {vn_date(d.until)}: thành tích chỉ tính từ sau "
                                  "ngày này, chưa đủ cả năm")
        return "discipline", f"bị kỷ luật trong năm ({why})"
    return None


@dataclass(frozen=True, slots=True)
class Check:
    """What checking one candidate against one award's conditions found."""

    reasons: tuple[str, ...]
    miss: str | None = None
    condition: str = ""
    vote: VoteShare | None = None


def check_conditions(award: AwardPolicy, r: Ranked, by: BlocYear, scoring: ScoringPolicy) -> Check:
    """The reasons a candidate meets ``award``'s conditions, or the first condition it misses."""
    t = r.total
    reasons = [f"hạng {r.rank}/{len(by.members)}, {vn_number(t.total)} điểm" + (f" ({t.band})" if t.band else "")]
    mid = t.member.id
    barred = discipline_miss(mid, by) if award.no_discipline else None
    if barred is not None:
        return Check(tuple(reasons), barred[1], barred[0])
    if award.full_year and (t.member.joined or t.member.left):
        when = f"vào khối {vn_date(t.member.joined)}" if t.member.joined else f"rời khối {vn_date(t.member.left)}"
        return Check(tuple(reasons), f"không là thành viên cả năm ({when})", "full_year")
    if not t.agreed:
        reasons.append("điểm tự chấm, chưa thống nhất")
    if award.min_band is not None:
        if _band_rank(t.band, scoring) > _band_rank(award.min_band, scoring):
            return Check(tuple(reasons), f"{_band_words(t.band)}, cần từ {award.min_band}", "band")
        reasons.append(f"đạt xếp loại {t.band}")
    if award.min_score is not None and t.total < award.min_score:
        return Check(tuple(reasons), f"{vn_number(t.total)} điểm < {vn_number(award.min_score)}", "score")
    vote = None
    if award.vote_threshold is not None:
        votes = by.votes
        base = vote_base(award, by)
        # "đủ điểm" only where the award sets a score or a band to reach: else there was nothing to reach
        scored = award.min_band is not None or award.min_score is not None
        if votes is None or votes.voters is None or not any(c.award == award.id for c in votes.counts):
            return Check(tuple(reasons), ("đủ điểm, " if scored else "")
                         + "chưa có kết quả bỏ phiếu cho danh hiệu này", "no_vote")
        if not base:
            return Check(tuple(reasons), ("đủ điểm, nhưng " if scored else "")
                         + "không tính được tỷ lệ phiếu (0 người bỏ phiếu)", "no_vote")
        vote = VoteShare(votes.count(award.id, mid), base, award.vote_base, award.vote_threshold, award.vote_strict)
        if not vote.passes:
            return Check(tuple(reasons), f"{'đủ điểm nhưng chỉ' if scored else 'chỉ được'} {vote.text()}", "votes",
                         vote)
        reasons.append(vote.text())
    return Check(tuple(reasons), None, "", vote)


def may_combine(award: AwardPolicy, held: set[str]) -> bool:
    """Whether a member already proposed for the awards ``held`` may still be proposed for ``award``."""
    return held <= set(award.combines_with)


def propose_bloc(by: BlocYear, ranked: tuple[Ranked, ...], awards: tuple[AwardPolicy, ...],
                 scoring: ScoringPolicy) -> tuple[tuple[Proposal, ...], tuple[Miss, ...]]:
    held: dict[str, set[str]] = {}
    proposals: list[Proposal] = []
    misses: list[Miss] = []
    candidates = [r for r in ranked if r.total.scored]
    position = {r.total.member.id: i for i, r in enumerate(candidates)}
    for award in awards:
        if award.level != "bloc":
            continue
        population = quota_population(award, by, set(held))
        size = quota_size(award.quota, population)
        eligible: list[tuple[Ranked, Check]] = []
        first = len(misses)
        for r in candidates:
            mid = r.total.member.id
            if not may_combine(award, held.get(mid, set())):
                continue
            c = check_conditions(award, r, by, scoring)
            if c.miss is not None:
                misses.append(Miss(award.id, award.name, mid, c.miss, c.condition, r.rank, r.total.total, c.vote))
            else:
                eligible.append((r, c))
        granted = 0
        for rank_group in _by_rank(eligible):
            if size is not None and granted + len(rank_group) > size:
                if granted < size and len(rank_group) > 1:  # tied across the last places: the bloc chooses
                    misses.extend(_tie_misses(award, rank_group, size - granted))
                else:
                    for r, c in rank_group:
                        misses.append(Miss(award.id, award.name, r.total.member.id,
                                           f"đủ điều kiện nhưng đã hết hạn mức ({quota_text(award.quota, population)})",
                                           "quota", r.rank, r.total.total, c.vote))
                granted = size
                continue
            for r, c in rank_group:
                granted += 1
                reasons = (*c.reasons, f"trong hạn mức {granted}/{size}") if size is not None else c.reasons
                t = r.total
                proposals.append(Proposal(award.id, award.name, t.member.id, reasons, r.rank, len(by.members),
                                          t.total, t.band, t.agreed, c.vote, granted if size is not None else None,
                                          size))
                held.setdefault(t.member.id, set()).add(award.id)
        misses[first:] = sorted(misses[first:], key=lambda m: position[m.member])  # rank order, as ranked
    return tuple(proposals), tuple(misses)


def _by_rank(eligible: list[tuple[Ranked, Check]]) -> list[list[tuple[Ranked, Check]]]:
    groups: list[list[tuple[Ranked, Check]]] = []
    for item in eligible:
        if groups and groups[-1][0][0].rank == item[0].rank:
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def _tie_misses(award: AwardPolicy, group: list[tuple[Ranked, Check]], left: int) -> list[Miss]:
    ids = [r.total.member.id for r, _ in group]
    out = []
    for r, c in group:
        others = [i for i in ids if i != r.total.member.id]
        out.append(Miss(award.id, award.name, r.total.member.id,
                        f"đủ điều kiện, đồng hạng {r.rank} với {', '.join(others)} sau mọi tiêu chí phân định: "
                        f"còn {left} suất cho {len(group)} đơn vị; khối bình xét chọn (không xếp theo thứ tự chữ cái)",
                        "tie", r.rank, r.total.total, c.vote, tuple(others), left))
    return out
