"""Awards the bloc's members received during the year (khen thưởng), as the bloc-year records them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from thidua.diagnostics import Source
from thidua.model.records import MemberId, Person, Ref

HONOUR_LEVELS = ("state", "ministry", "province", "local")  # highest first


def person_key(p: Person) -> tuple[str, str]:
    """Who a named person is: the name (case and spacing aside) and the unit id."""
    return " ".join(p.name.casefold().split()), p.unit.id if p.unit else ""


@dataclass(frozen=True, slots=True)
class HonourDecision:
    """Quyết định khen thưởng: its number (``1234/QĐ-UBND``), date and issuer, each empty when not known."""

    src: Source
    number: str = ""
    date: dt.date | None = None
    issuer: str = ""
    date_src: Source | None = None


@dataclass(frozen=True, slots=True)
class Honour:
    """An award the bloc's members received during the year, by a decision of a higher level.

    Not what the bloc proposes (that is ``decided:``): what the province (or the state) gave.

    Attributes:
      award: the award's name (``Bằng khen của Chủ tịch UBND tỉnh``); level: one of HONOUR_LEVELS, or empty.
      decision: the decision, when known; campaign: the phong trào thi đua chuyên đề (empty: thường xuyên).
      proposed_by: set when the award is only proposed to a higher level (who proposed it): no decision yet.
      collectives: member units awarded; individuals: people awarded, each with their unit.
      collective_count, individual_count: the figures a source gives (named ones included), None when not
        given; *_count_src: where they are written.
    """

    award: str
    src: Source
    level: str = ""
    decision: HonourDecision | None = None
    campaign: str = ""
    proposed_by: str = ""
    collectives: tuple[Ref, ...] = ()
    individuals: tuple[Person, ...] = ()
    collective_count: int | None = None
    individual_count: int | None = None
    collective_count_src: Source | None = None
    individual_count_src: Source | None = None
    note: str = ""

    @property
    def proposed(self) -> bool:
        return bool(self.proposed_by)

    @property
    def unit_ids(self) -> tuple[MemberId, ...]:
        """The collectives named, each once, in the order written."""
        return tuple(dict.fromkeys(r.id for r in self.collectives))

    @property
    def people(self) -> tuple[Person, ...]:
        """The individuals named, each once (by name and unit), in the order written."""
        first: dict[tuple[str, str], Person] = {}
        for p in self.individuals:
            first.setdefault(person_key(p), p)
        return tuple(first.values())

    @property
    def collectives_total(self) -> int:
        """How many collectives: the count when given (never below the names: E325), else the names."""
        return max(self.collective_count or 0, len(self.unit_ids))

    @property
    def individuals_total(self) -> int:
        return max(self.individual_count or 0, len(self.people))

    @property
    def regular(self) -> bool:
        """Khen thưởng thường xuyên (year-end), not a campaign's."""
        return not self.campaign
