"""Totals, bands and ranks of one bloc-year, in exact decimal arithmetic.

Agreed scores (khối thống nhất) count; where a member has only self scores they
are used and the total is marked not agreed. Bonus and deductions are capped by
the table. One rounding rule, from the config, applies to the total only.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from thidua.core.numbers import round_to
from thidua.core.vnsort import sort_key
from thidua.model import BlocYear, Criterion, Member, MemberScores, ScoringPolicy, Table

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class Subtotal:
    """A criterion group's points against its maximum (shown as group subtotals)."""

    id: str
    name: str
    points: Decimal
    max: Decimal


@dataclass(frozen=True, slots=True)
class MemberTotal:
    """One member's arithmetic, before ranking.

    Attributes:
      raw: exact total before rounding; total: rounded by the configured rule.
      agreed: False when only self scores were available.
      scored: False when the member has no scores at all.
      floored: the rounded total was below zero and ``scoring.negative_total: floor`` counts it as 0
        (with ``error``, the default, the negative total stays and is finding E408).
    """

    member: Member
    subtotals: tuple[Subtotal, ...]
    criteria: Decimal
    bonus: Decimal
    deductions: Decimal
    raw: Decimal
    total: Decimal
    agreed: bool
    scored: bool
    band: str | None
    floored: bool = False


@dataclass(frozen=True, slots=True)
class Ranked:
    """A member's total with its rank; ``tied`` when it shares the rank with another."""

    total: MemberTotal
    rank: int
    tied: bool
    tie_note: str = ""


def _leaf_points(sheet: MemberScores | None) -> tuple[dict[str, Decimal], bool]:
    if sheet is None:
        return {}, False
    if sheet.agreed:
        return {p.criterion: p.points for p in sheet.agreed}, True
    return {p.criterion: p.points for p in sheet.self_points}, False


def _subtotal(node: Criterion, points: dict[str, Decimal]) -> Decimal:
    if node.is_leaf:
        return points.get(node.id, ZERO)
    return sum((_subtotal(c, points) for c in node.children), ZERO)


def band_for(total: Decimal, scoring: ScoringPolicy) -> str | None:
    for band in scoring.bands:  # highest first
        if total >= band.min:
            return band.name
    return None


def member_total(member: Member, sheet: MemberScores | None, table: Table | None,
                 scoring: ScoringPolicy) -> MemberTotal:
    points, agreed = _leaf_points(sheet)
    groups = table.groups if table is not None else ()
    subtotals = tuple(Subtotal(g.id, g.name, _subtotal(g, points), g.ceiling) for g in groups)
    criteria = sum((s.points for s in subtotals), ZERO) if table is not None else sum(points.values(), ZERO)
    bonus = sum((a.points for a in sheet.bonus), ZERO) if sheet else ZERO
    deductions = sum((a.points for a in sheet.deductions), ZERO) if sheet else ZERO
    if table is not None and table.bonus_cap is not None:
        bonus = min(bonus, table.bonus_cap)
    if table is not None and table.deduction_cap is not None:
        deductions = min(deductions, table.deduction_cap)
    raw = criteria + bonus - deductions
    total = round_to(raw, scoring.places, scoring.rounding)
    floored = total < 0 and scoring.negative_total == "floor"
    if floored:
        total = round_to(ZERO, scoring.places, scoring.rounding)
    scored = sheet is not None and bool(sheet.agreed or sheet.self_points)
    return MemberTotal(member, subtotals, criteria, bonus, deductions, raw, total, agreed, scored,
                       band_for(total, scoring) if scored else None, floored)


def totals(by: BlocYear, scoring: ScoringPolicy) -> tuple[MemberTotal, ...]:
    sheets = {s.member.id: s for s in by.scores}
    return tuple(member_total(m, sheets.get(m.id), by.table, scoring) for m in by.members)


def tie_break_value(t: MemberTotal, key: str, by: BlocYear) -> Decimal:
    """The value a tie-break compares; larger is better (deductions are negated)."""
    kind, _, arg = key.partition(":")
    if kind == "group":
        return next((s.points for s in t.subtotals if s.id == arg), ZERO)
    if kind == "deductions":
        return -t.deductions
    if kind == "bonus":
        return t.bonus
    if kind == "votes":
        return Decimal(by.votes.count(arg, t.member.id)) if by.votes else ZERO
    return ZERO


TIE_BREAK_LABELS = {"group": "điểm nhóm {}", "deductions": "ít điểm trừ hơn", "bonus": "điểm thưởng",
                    "votes": "số phiếu {}"}


def tie_break_label(key: str) -> str:
    kind, _, arg = key.partition(":")
    return TIE_BREAK_LABELS.get(kind, key).format(arg)


def rank(by: BlocYear, member_totals: tuple[MemberTotal, ...], scoring: ScoringPolicy) -> tuple[Ranked, ...]:
    """Competition ranking (1, 1, 3) by total then the configured tie-breaks.

    Members left equal after every tie-break share a rank, are flagged, and are
    listed in Vietnamese alphabetical order. Unscored members rank last, unranked.
    """
    def merit(t: MemberTotal) -> tuple:
        return (t.total, *(tie_break_value(t, k, by) for k in scoring.tie_breaks))

    scored = [t for t in member_totals if t.scored]
    ordered = sorted(scored, key=lambda t: sort_key(t.member.name))
    ordered.sort(key=merit, reverse=True)  # stable: equal merit keeps alphabetical order
    out: list[Ranked] = []
    for i, t in enumerate(ordered):
        same_as_prev = i > 0 and merit(ordered[i - 1]) == merit(t)
        position = out[-1].rank if same_as_prev else i + 1
        tied = same_as_prev or (i + 1 < len(ordered) and merit(ordered[i + 1]) == merit(t))
        note = ""
        if not tied and scoring.tie_breaks:
            neighbours = [o for o in ordered if o is not t and o.total == t.total]
            if neighbours:
                decisive = next((k for k in scoring.tie_breaks
                                 if any(tie_break_value(o, k, by) != tie_break_value(t, k, by) for o in neighbours)),
                                None)
                if decisive:
                    note = f"bằng điểm, phân định theo {tie_break_label(decisive)}"
        elif tied:
            note = "đồng hạng sau mọi tiêu chí phân định"
        out.append(Ranked(t, position, tied, note))
    unscored = sorted((t for t in member_totals if not t.scored), key=lambda t: sort_key(t.member.name))
    out.extend(Ranked(t, 0, False, "chưa có điểm") for t in unscored)
    return tuple(out)
