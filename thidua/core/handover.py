"""Chair handover (bàn giao Trưởng khối): who should chair and deputise next year, and why.

The rule is data (RotationPolicy); the history is the bloc's earlier files, and those of the
blocs it was re-formed from (``predecessors:`` of the bloc-year). A member's history follows it
through renames and mergers: years chaired by a predecessor count for its successor. With no
rule stated anywhere, nothing is proposed. Every member passed over says why, once.
"""

from __future__ import annotations

from dataclasses import dataclass

from thidua.core.lineage import leader_years, lineage
from thidua.core.numbers import vn_date
from thidua.core.scoring import Ranked
from thidua.model import BlocYear, Member, RotationPolicy

# The rule in force when neither thidua.yaml nor the bloc-year writes ``rotation:`` (never written
# in a file): nothing is proposed and nothing is excluded but a member that leaves.
NO_RULE = RotationPolicy(kind="none", skip_first_year=False, cooldown_years=0)
NO_PROPOSAL = ("elected", "none")

RULE_NAMES = {
    "fixed-order": "luân phiên theo thứ tự",
    "deputy-succeeds": "Phó khối lên Trưởng khối, đơn vị kế tiếp theo thứ tự làm Phó khối",
    "best-ranked": "đơn vị xếp hạng cao nhất đủ điều kiện",
    "elected": "khối bầu (công cụ chỉ liệt kê đơn vị đủ điều kiện)",
    "none": "chưa có quy tắc luân phiên (thidua.yaml và tệp khối-năm không ghi 'rotation:'); "
            "công cụ không đề xuất, chỉ liệt kê đơn vị đủ điều kiện",
}


@dataclass(frozen=True, slots=True)
class Passed:
    """A member considered and passed over, with the reason."""

    member: str
    role: str  # "leader" (Trưởng khối) | "deputy" (Phó khối)
    reason: str


@dataclass(frozen=True, slots=True)
class NotProposed:
    """A member passed over or not eligible, listed once with its reason for each role.

    ``leader_reason``/``deputy_reason`` are None for a role it was not considered for.
    """

    member: str
    leader_reason: str | None
    deputy_reason: str | None

    @property
    def same_reason(self) -> bool:
        return self.leader_reason == self.deputy_reason


@dataclass(frozen=True, slots=True)
class Handover:
    """The proposal for ``next_year``.

    Attributes:
      leader, deputy: proposed member ids (None when the rule is ``elected``, when no rule is
        stated, or when nobody is eligible).
      leader_reason, deputy_reason: why, in Vietnamese.
      passed: members considered before the proposed ones, and why they were passed over (a member
        may appear for both roles).
      eligible: every member eligible to chair next year (the whole answer for ``elected``).
      ineligible: every member not eligible to chair next year, with the reason.
      not_proposed: each member of ``passed`` and ``ineligible`` once, with its reasons for both roles.
      decided_leader, decided_deputy: what the bloc recorded in ``decided:``, if anything.
      founding: this year is the bloc's first on file (no file of its own for the year before), so
        its members are its founding members, not members in their first year.
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
    not_proposed: tuple[NotProposed, ...] = ()
    founding: bool = False

    @property
    def rule_name(self) -> str:
        return RULE_NAMES.get(self.rule.kind, self.rule.kind)

    @property
    def proposes(self) -> bool:
        """False for ``elected`` and when no rule is stated: the eligible members are the answer."""
        return self.rule.kind not in NO_PROPOSAL


def _continues(member: Member, current: BlocYear) -> list[str]:
    """Ids of earlier units ``member`` continues: its predecessors, and departures recorded into it."""
    ids = [p.id for p in member.predecessors]
    ids += [d.member.id for d in current.departures if d.into is not None and d.into.id == member.id
            and d.member.id not in ids]
    return ids


def _founding_day(current: BlocYear):
    """In a bloc's first year on file: the day it was formed, as far as its file tells (None: the year's start)."""
    days = [m.joined for m in current.members]
    return None if any(d is None for d in days) or not days else min(days)


def _first_year(member: Member, current: BlocYear, before: frozenset[str] | None) -> str | None:
    """Why ``member`` is in its first year in the bloc, or None.

    ``before`` holds the ids of last year's members of this bloc and of the blocs it was re-formed
    from; None when the bloc has no file for last year (this is its first year: its members are
    founding members, except those that joined after it was formed).
    """
    if before is None:
        formed = _founding_day(current)
        if member.joined is not None and (formed is None or member.joined > formed):
            return f"mới vào khối ngày {vn_date(member.joined)} (năm đầu trong khối)"
        return None
    if member.joined is not None and member.joined.year == current.year:
        return f"mới vào khối ngày {vn_date(member.joined)} (năm đầu trong khối)"
    if member.id in before:
        return None
    preds = _continues(member, current)
    if len(preds) > 1:  # a merger makes a new unit: its first year, whatever its parts did
        return f"mới hợp nhất năm {current.year} từ {', '.join(preds)} (năm đầu trong khối)"
    if not preds or preds[0] not in before:  # one predecessor of last year is a rename: it continues
        return f"mới vào khối năm {current.year} (năm đầu trong khối)"
    return None


def _ineligibility(member: Member, current: BlocYear, history: list[BlocYear], rule: RotationPolicy,
                   before: frozenset[str] | None) -> str | None:
    """Why ``member`` may not chair next year, or None."""
    if member.left is not None:
        return f"rời khối ngày {vn_date(member.left)}"
    if rule.cooldown_years:
        ids = lineage(member, history)
        recent = [y for y in leader_years(ids, history) if y > current.year - rule.cooldown_years]
        if recent:
            via = "" if any(by.year == recent[-1] and by.leader and by.leader.id == member.id for by in history) \
                else " (tính cả đơn vị tiền thân)"
            return f"đã làm Trưởng khối năm {recent[-1]}{via}, chưa đủ {rule.cooldown_years} năm"
    if rule.skip_first_year:
        return _first_year(member, current, before)
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


def _last_year_ids(history: list[BlocYear], current: BlocYear) -> frozenset[str] | None:
    """Ids of last year's members of the bloc and of the blocs it was re-formed from; None when the
    bloc itself has no file for last year."""
    last = [by for by in history if by.year == current.year - 1]
    if not any(by.bloc == current.bloc for by in last):
        return None
    return frozenset(i for by in last for i in by.member_ids)


def _not_proposed(passed: list[Passed], ineligible: tuple[Passed, ...], order: list[str]) -> tuple[NotProposed, ...]:
    """Each member once: its reason for the role it was passed over for, else its ineligibility."""
    why = {p.member: p.reason for p in ineligible}
    firsts = list(dict.fromkeys([p.member for p in passed] + [i for i in order if i in why]))
    out = []
    for mid in firsts:
        lead = next((p.reason for p in passed if p.member == mid and p.role == "leader"), why.get(mid))
        dep = next((p.reason for p in passed if p.member == mid and p.role == "deputy"), why.get(mid))
        out.append(NotProposed(mid, lead, dep))
    return tuple(out)


def propose(history: list[BlocYear], rule: RotationPolicy | None, ranked: tuple[Ranked, ...] = ()) -> Handover:
    """Propose next year's leader (Trưởng khối) and deputy from the bloc's files up to the current year.

    ``history`` is ascending by year and ends with the current year; it may hold, besides the
    bloc's own years, those of the blocs it was re-formed from. ``rule`` None means no rule is
    stated anywhere: nothing is proposed. ``ranked`` is the current year's ranking (``best-ranked``).
    """
    rule = rule or NO_RULE
    current = history[-1]
    names = {m.id: m for m in current.members}
    before = _last_year_ids(history, current)
    why_not = {m.id: _ineligibility(m, current, history, rule, before) for m in current.members}
    order = _order(current, rule)
    eligible = tuple(i for i in order if why_not[i] is None)
    ineligible = tuple(Passed(i, "leader", r) for i, r in why_not.items() if r is not None)
    current_leader = current.leader.id if current.leader else None
    current_deputy = current.deputy.id if current.deputy else None
    decided = current.decided
    base = dict(bloc=current.bloc, year=current.year, next_year=current.year + 1, rule=rule,
                eligible=eligible, ineligible=ineligible, founding=before is None,
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

    def done(leader, deputy, leader_reason, deputy_reason) -> Handover:
        return Handover(leader=leader, deputy=deputy, passed=tuple(passed), leader_reason=leader_reason,
                        deputy_reason=deputy_reason, not_proposed=_not_proposed(passed, ineligible, order), **base)

    if rule.kind == "elected":
        return done(None, None, "khối bầu Trưởng khối; các đơn vị đủ điều kiện được liệt kê", "khối bầu Phó khối")
    if rule.kind == "none":
        return done(None, None, "không có quy tắc luân phiên nào được ghi (thidua.yaml, tệp khối-năm): "
                                "không đề xuất; các đơn vị đủ điều kiện được liệt kê",
                    "không có quy tắc luân phiên nào được ghi: không đề xuất")

    leader: str | None
    if rule.kind == "best-ranked":
        by_rank = [r.total.member.id for r in ranked if r.total.scored and r.total.member.id in names]
        leader = first_eligible(by_rank, "leader", set())
        leader_reason = (f"xếp hạng cao nhất trong các đơn vị đủ điều kiện (hạng "
                         f"{next(r.rank for r in ranked if r.total.member.id == leader)} năm {current.year})"
                         if leader else "chưa có kết quả xếp hạng")
        deputy = first_eligible([i for i in by_rank if i != leader], "deputy", {leader} if leader else set())
        deputy_reason = "xếp hạng kế tiếp trong các đơn vị đủ điều kiện" if deputy else "không còn đơn vị đủ điều kiện"
        return done(leader, deputy, leader_reason, deputy_reason)

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
    return done(leader, deputy, leader_reason if leader else "không có đơn vị đủ điều kiện", deputy_reason)
