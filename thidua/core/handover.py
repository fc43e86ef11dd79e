"""Chair handover (bàn giao Trưởng khối): who should chair and deputise next year, and why.

The rule is data (RotationPolicy); the history is the bloc's earlier files. A
member's history follows it through renames and mergers: years chaired by a
predecessor count for its successor. Every member passed over says why.
"""

from __future__ import annotations

from dataclasses import dataclass

from thidua.core.lineage import leader_years, lineage
from thidua.core.scoring import Ranked
from thidua.model import BlocYear, Member, RotationPolicy

RULE_NAMES = {
    "fixed-order": "luân phiên theo thứ tự",
    "deputy-succeeds": "Phó khối lên Trưởng khối, đơn vị kế tiếp theo thứ tự làm Phó khối",
    "best-ranked": "đơn vị xếp hạng cao nhất đủ điều kiện",
    "elected": "khối bầu (công cụ chỉ liệt kê đơn vị đủ điều kiện)",
}


@dataclass(frozen=True, slots=True)
class Passed:
    """A member considered and passed over, with the reason."""

    member: str
    role: str  # "leader" (Trưởng khối) | "deputy" (Phó khối)
    reason: str


@dataclass(frozen=True, slots=True)
class Handover:
    """The proposal for ``next_year``.

    Attributes:
      leader, deputy: proposed member ids (None when the rule is ``elected`` or nobody is eligible).
      leader_reason, deputy_reason: why, in Vietnamese.
      passed: members considered before the proposed ones, and why they were passed over.
      eligible: every member eligible to chair next year (the whole answer for ``elected``).
      decided_leader, decided_deputy: what the bloc recorded in ``decided:``, if anything.
    """

    bloc: str
    year: int
    next_year: int
    rule: RotationPolicy
    leader: str | None
    deputy: str | None
    leader_reason: str
    deputy_reason: str
    passed: tuple[Passed, ...]
    eligible: tuple[str, ...]
    ineligible: tuple[Passed, ...]
    decided_leader: str | None = None
    decided_deputy: str | None = None

    @property
    def rule_name(self) -> str:
        return RULE_NAMES.get(self.rule.kind, self.rule.kind)


def _ineligibility(member: Member, current: BlocYear, history: list[BlocYear], rule: RotationPolicy) -> str | None:
    """Why ``member`` may not chair next year, or None."""
    if member.left is not None:
        return f"rời khối ngày {member.left.isoformat()}"
    if rule.cooldown_years:
        ids = lineage(member, history)
        recent = [y for y in leader_years(ids, history) if y > current.year - rule.cooldown_years]
        if recent:
            via = "" if any(by.year == recent[-1] and by.leader and by.leader.id == member.id for by in history) \
                else " (tính cả đơn vị tiền thân)"
            return f"đã làm Trưởng khối năm {recent[-1]}{via}, chưa đủ {rule.cooldown_years} năm"
    if rule.skip_first_year:
        if member.joined is not None and member.joined.year == current.year:
            return f"mới vào khối ngày {member.joined.isoformat()} (năm đầu trong khối)"
        earlier = [by for by in history if by.year == current.year - 1]
        if earlier and member.id not in earlier[0].member_ids:
            before = earlier[0].member_ids
            preds = [p.id for p in member.predecessors]
            if len(preds) > 1:  # a merger makes a new unit: its first year, whatever its parts did
                return f"mới hợp nhất năm {current.year} từ {', '.join(preds)} (năm đầu trong khối)"
            if not preds or preds[0] not in before:  # one predecessor in the bloc is a rename: it continues
                return f"mới vào khối năm {current.year} (năm đầu trong khối)"
    return None


def _order(current: BlocYear, rule: RotationPolicy) -> list[str]:
    ids = [m.id for m in current.members]
    order = [r.id for r in rule.order if r.id in ids]
    return order + [i for i in ids if i not in order]  # members missing from the order go last, file order


def _after(order: list[str], start: str | None) -> list[str]:
    """The order read cyclically, starting just after ``start``."""
    if start in order:
        i = order.index(start)
        return order[i + 1:] + order[:i + 1]
    return list(order)


def propose(history: list[BlocYear], rule: RotationPolicy, ranked: tuple[Ranked, ...] = ()) -> Handover:
    """Propose next year's leader (Trưởng khối) and deputy from the bloc's files up to the current year.

    ``history`` is ascending by year and ends with the current year; ``ranked`` is the
    current year's ranking (needed by ``best-ranked``).
    """
    current = history[-1]
    names = {m.id: m for m in current.members}
    why_not = {m.id: _ineligibility(m, current, history, rule) for m in current.members}
    eligible = tuple(i for i in _order(current, rule) if why_not[i] is None)
    ineligible = tuple(Passed(i, "leader", r) for i, r in why_not.items() if r is not None)
    current_leader = current.leader.id if current.leader else None
    current_deputy = current.deputy.id if current.deputy else None
    decided = current.decided
    base = dict(bloc=current.bloc, year=current.year, next_year=current.year + 1, rule=rule,
                eligible=eligible, ineligible=ineligible,
                decided_leader=decided.next_leader.id if decided and decided.next_leader else None,
                decided_deputy=decided.next_deputy.id if decided and decided.next_deputy else None)
    passed: list[Passed] = []

    def first_eligible(sequence: list[str], role: str, exclude: set[str]) -> str | None:
        for i in sequence:
            if i in exclude:
                continue
            if why_not.get(i) is None:
                return i
            passed.append(Passed(i, role, why_not[i] or ""))
        return None

    if rule.kind == "elected":
        return Handover(leader=None, deputy=None, passed=(),
                        leader_reason="khối bầu Trưởng khối; các đơn vị đủ điều kiện được liệt kê",
                        deputy_reason="khối bầu Phó khối", **base)

    order = _order(current, rule)
    leader: str | None
    if rule.kind == "best-ranked":
        by_rank = [r.total.member.id for r in ranked if r.total.scored and r.total.member.id in names]
        leader = first_eligible(by_rank, "leader", set())
        leader_reason = (f"xếp hạng cao nhất trong các đơn vị đủ điều kiện (hạng "
                         f"{next(r.rank for r in ranked if r.total.member.id == leader)} năm {current.year})"
                         if leader else "chưa có kết quả xếp hạng")
        deputy = first_eligible([i for i in by_rank if i != leader], "deputy", {leader} if leader else set())
        deputy_reason = "xếp hạng kế tiếp trong các đơn vị đủ điều kiện" if deputy else "không còn đơn vị đủ điều kiện"
        return Handover(leader=leader, deputy=deputy, passed=tuple(passed),
                        leader_reason=leader_reason, deputy_reason=deputy_reason, **base)

    if rule.kind == "deputy-succeeds" and current_deputy is not None and current_deputy in names:
        if why_not[current_deputy] is None:
            leader = current_deputy
            leader_reason = f"Phó khối năm {current.year} lên làm Trưởng khối"
        else:
            passed.append(Passed(current_deputy, "leader",
                                 f"Phó khối năm {current.year} nhưng {why_not[current_deputy]}"))
            leader = first_eligible(_after(order, current_deputy), "leader", {current_deputy})
            leader_reason = f"đơn vị kế tiếp Phó khối theo thứ tự luân phiên (Phó khối {why_not[current_deputy]})"
    else:
        leader = first_eligible(_after(order, current_leader), "leader", set())
        leader_reason = (f"đơn vị kế tiếp Trưởng khối năm {current.year} theo thứ tự luân phiên"
                         if current_leader else "đơn vị đầu tiên đủ điều kiện theo thứ tự luân phiên")
    deputy = first_eligible(_after(order, leader), "deputy", {leader} if leader else set())
    deputy_reason = "đơn vị kế tiếp Trưởng khối mới theo thứ tự luân phiên" if deputy else \
        "không còn đơn vị đủ điều kiện"
    return Handover(leader=leader, deputy=deputy, passed=tuple(passed),
                    leader_reason=leader_reason if leader else "không có đơn vị đủ điều kiện",
                    deputy_reason=deputy_reason, **base)
