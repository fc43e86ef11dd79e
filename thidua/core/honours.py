"""The awards a bloc's members received during the year, added up (pure).

A bloc-year's ``honours:`` entries are grouped per campaign (or thường xuyên) and award, and
whether the award is received or only proposed to a higher level; each group counts its
collectives and individuals, named and counted together: an entry's count when the source
gives one (the names it writes are among them), else its names. Counts are *lượt*: a unit
awarded twice (two decisions) counts twice. The documents, ``history`` and the province
summary read these tallies; nothing else adds honours up.
"""

from __future__ import annotations

from dataclasses import dataclass

from thidua.core.changes import ADDED, MODIFIED, REMOVED, HonourChange
from thidua.model import HONOUR_LEVELS, BlocYear, Honour, HonourDecision, Person, person_key


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


@dataclass(frozen=True, slots=True)
class AwardTally:
    """One award in one campaign (or thường xuyên), received or proposed, every entry added up.

    Attributes:
      award, level, campaign: as first written (campaign empty: thường xuyên).
      proposed: only proposed to a higher level; proposed_by: who sent the proposals.
      decisions: the decisions recorded, in the order written.
      unit_ids, people: the recipients named (a unit awarded by two decisions stands twice).
      collectives, individuals: how many (lượt), named and counted together.
    """

    award: str
    level: str
    campaign: str
    proposed: bool
    proposed_by: tuple[str, ...]
    decisions: tuple[HonourDecision, ...]
    unit_ids: tuple[str, ...]
    people: tuple[Person, ...]
    collectives: int
    individuals: int

    @property
    def unnamed_collectives(self) -> int:
        return self.collectives - len(self.unit_ids)

    @property
    def unnamed_individuals(self) -> int:
        return self.individuals - len(self.people)


@dataclass(frozen=True, slots=True)
class CampaignTally:
    """The awards of one campaign (``campaign`` empty: khen thưởng thường xuyên), received before proposed."""

    campaign: str
    awards: tuple[AwardTally, ...]


@dataclass(frozen=True, slots=True)
class HonourTotals:
    """A bloc's (or the province's) honours added up: received, and proposed to a higher level (lượt)."""

    collectives: int = 0
    individuals: int = 0
    proposed_collectives: int = 0
    proposed_individuals: int = 0

    def __add__(self, other: HonourTotals) -> HonourTotals:
        return HonourTotals(self.collectives + other.collectives, self.individuals + other.individuals,
                            self.proposed_collectives + other.proposed_collectives,
                            self.proposed_individuals + other.proposed_individuals)


def _level_rank(level: str) -> int:
    return HONOUR_LEVELS.index(level) if level in HONOUR_LEVELS else len(HONOUR_LEVELS)


def _award(entries: list[Honour]) -> AwardTally:
    first = entries[0]
    return AwardTally(
        award=first.award, level=next((h.level for h in entries if h.level), ""), campaign=first.campaign,
        proposed=first.proposed,
        proposed_by=tuple(dict.fromkeys(h.proposed_by for h in entries if h.proposed_by)),
        decisions=tuple(h.decision for h in entries if h.decision is not None),
        unit_ids=tuple(u for h in entries for u in h.unit_ids),
        people=tuple(p for h in entries for p in h.people),
        collectives=sum(h.collectives_total for h in entries),
        individuals=sum(h.individuals_total for h in entries),
    )


def tally(honours: tuple[Honour, ...]) -> tuple[CampaignTally, ...]:
    """Campaigns in the order first written; in each, the awards received, then those only proposed,
    each by level (Nhà nước first), then as first written."""
    campaigns: dict[str, dict[tuple[str, bool], list[Honour]]] = {}
    for h in honours:
        campaigns.setdefault(_norm(h.campaign), {}).setdefault((_norm(h.award), h.proposed), []).append(h)
    out = []
    for groups in campaigns.values():
        awards = [_award(entries) for entries in groups.values()]
        awards.sort(key=lambda a: (a.proposed, _level_rank(a.level)))  # stable: as written otherwise
        out.append(CampaignTally(awards[0].campaign, tuple(awards)))
    return tuple(out)


def totals(honours: tuple[Honour, ...]) -> HonourTotals:
    out = HonourTotals()
    for h in honours:
        if h.proposed:
            out += HonourTotals(proposed_collectives=h.collectives_total, proposed_individuals=h.individuals_total)
        else:
            out += HonourTotals(h.collectives_total, h.individuals_total)
    return out


@dataclass(frozen=True, slots=True)
class MemberHonour:
    """An award one member received (``person`` None: the unit itself; else one of its people)."""

    member: str
    honour: Honour
    person: Person | None = None


def by_member(by: BlocYear) -> dict[str, tuple[MemberHonour, ...]]:
    """Member id → the awards it and its people received, in the order written (counted-only ones
    cannot be given to a member: they stay with the bloc)."""
    out: dict[str, list[MemberHonour]] = {}
    for h in by.honours:
        for unit in h.unit_ids:
            out.setdefault(unit, []).append(MemberHonour(unit, h))
        for p in h.people:
            if p.unit is not None:
                out.setdefault(p.unit.id, []).append(MemberHonour(p.unit.id, h, p))
    return {k: tuple(v) for k, v in out.items()}


def compare_honours(old: BlocYear | None, new: BlocYear | None, named) -> tuple[HonourChange, ...]:
    """What ``thidua diff`` says of ``honours:``: per award (in the newer side's order), the recipients
    added and removed, then how many changed; ``named`` gives a member id its Named."""
    def awards(by: BlocYear | None) -> dict[tuple, AwardTally]:
        if by is None:
            return {}
        return {(_norm(a.award), _norm(a.campaign), a.proposed): a for c in tally(by.honours) for a in c.awards}

    def recipients(a: AwardTally | None) -> dict[tuple, tuple[str, str, str]]:
        """(kind, key) → (kind, member id, person name), each recipient once."""
        if a is None:
            return {}
        out: dict[tuple, tuple[str, str, str]] = {("unit", u): ("collective", u, "") for u in a.unit_ids}
        out.update({("person", *person_key(p)): ("individual", p.unit.id if p.unit else "", p.name)
                    for p in a.people})
        return out

    before, after = awards(old), awards(new)
    out: list[HonourChange] = []
    for key in [*after, *(k for k in before if k not in after)]:
        a, b = before.get(key), after.get(key)
        shown = b or a
        ra, rb = recipients(a), recipients(b)
        for change, items in ((ADDED, [v for k, v in rb.items() if k not in ra]),
                              (REMOVED, [v for k, v in ra.items() if k not in rb])):
            out.extend(HonourChange(change, shown.award, shown.campaign, shown.proposed, kind, named(mid or None),
                                    person) for kind, mid, person in items)
        for kind in ("collectives", "individuals"):
            x, y = (getattr(a, kind) if a else None), (getattr(b, kind) if b else None)
            if x != y and (x or y):
                change = ADDED if a is None else REMOVED if b is None else MODIFIED
                out.append(HonourChange(change, shown.award, shown.campaign, shown.proposed, kind, old=x, new=y))
    return tuple(out)
