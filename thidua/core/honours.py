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

from thidua.model import HONOUR_LEVELS, BlocYear, Honour, HonourDecision, Person


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
