"""What a bloc-year file records: members, people, events, the scoring table, scores, votes, discipline and
the bloc's decisions, each value with the :class:`Source` a finding may point at."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from thidua.diagnostics import Source

MemberId = str
CriterionId = str
AwardId = str
BlocId = str


@dataclass(frozen=True, slots=True)
class Ref:
    """An id as written in a file (leader, a rotation entry, a vote …)."""

    id: str
    src: Source


@dataclass(frozen=True, slots=True)
class Member:
    """Đơn vị thành viên.

    Attributes:
      id: short stable ASCII id, unique in the bloc-year.
      name: full Vietnamese name as on documents.
      short: the short name used in tables (defaults to name).
      joined: set when the member joined during this year.
      left: set when the member left during this year.
      predecessors: ids of earlier years' members this one continues (rename or merger).
    """

    id: MemberId
    name: str
    src: Source
    short: str = ""
    joined: dt.date | None = None
    left: dt.date | None = None
    predecessors: tuple[Ref, ...] = ()

    @property
    def label(self) -> str:
        return self.short or self.name


@dataclass(frozen=True, slots=True)
class Departure:
    """A member of last year that is not in this year's file, and why."""

    member: Ref
    reason: str  # merged | dissolved | moved | renamed | other
    src: Source
    into: Ref | None = None
    date: dt.date | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Person:
    """Someone a document names: who chairs, who takes the minutes, who signs.

    Attributes:
      name: full name; title: chức vụ (may be empty); unit: the member unit they work for, if given.
    """

    name: str
    src: Source
    title: str = ""
    unit: Ref | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """Ký kết (covenant), sơ kết (midyear) or tổng kết (review).

    ``start`` and ``end`` are times as ``HH:MM`` (empty when not recorded).
    """

    kind: str
    date: dt.date | None
    src: Source
    place: str = ""
    host: Ref | None = None
    present: tuple[Ref, ...] = ()
    note: str = ""
    start: str = ""
    end: str = ""
    chair: Person | None = None
    secretary: Person | None = None


@dataclass(frozen=True, slots=True)
class Criterion:
    """A criterion of a scoring table; a leaf has no children and is what members score."""

    id: CriterionId
    name: str
    max: Decimal | None
    src: Source
    children: tuple[Criterion, ...] = ()

    @property
    def is_leaf(self) -> bool:
        return not self.children

    def leaves(self) -> tuple[Criterion, ...]:
        if self.is_leaf:
            return (self,)
        return tuple(leaf for c in self.children for leaf in c.leaves())

    @property
    def ceiling(self) -> Decimal:
        """The declared maximum, or the sum of the children's when none is declared."""
        if self.max is not None:
            return self.max
        return sum((c.ceiling for c in self.children), Decimal(0))


@dataclass(frozen=True, slots=True)
class Table:
    """Bảng chấm điểm: groups of criteria, a declared total, caps on bonus and deductions."""

    id: str
    name: str
    groups: tuple[Criterion, ...]
    src: Source
    total: Decimal | None = None
    bonus_cap: Decimal | None = None
    deduction_cap: Decimal | None = None

    def leaves(self) -> tuple[Criterion, ...]:
        return tuple(leaf for g in self.groups for leaf in g.leaves())

    @property
    def ceiling(self) -> Decimal:
        return self.total if self.total is not None else sum((g.ceiling for g in self.groups), Decimal(0))


@dataclass(frozen=True, slots=True)
class Points:
    """Points given to one criterion."""

    criterion: CriterionId
    points: Decimal
    src: Source
    key_src: Source | None = None  # where the criterion id is written


@dataclass(frozen=True, slots=True)
class Adjustment:
    """Điểm thưởng or điểm trừ, with its reason."""

    points: Decimal
    src: Source
    reason: str = ""


@dataclass(frozen=True, slots=True)
class MemberScores:
    """One member's sheet: self scores (and the bonus and deductions it claims, never counted), agreed
    scores, the bonus and deductions that count, the paper total."""

    member: Ref
    src: Source
    self_points: tuple[Points, ...] = ()
    agreed: tuple[Points, ...] = ()
    bonus: tuple[Adjustment, ...] = ()
    deductions: tuple[Adjustment, ...] = ()
    asserted_total: Decimal | None = None
    asserted_src: Source | None = None
    self_bonus: tuple[Adjustment, ...] = ()
    self_deductions: tuple[Adjustment, ...] = ()


@dataclass(frozen=True, slots=True)
class VoteCount:
    award: AwardId
    member: Ref
    count: int
    src: Source
    award_src: Source | None = None  # where the award id is written


@dataclass(frozen=True, slots=True)
class Votes:
    """Kết quả bỏ phiếu kín: how many voted, and each member's votes per award."""

    src: Source
    voters: int | None = None
    voters_src: Source | None = None
    counts: tuple[VoteCount, ...] = ()

    def count(self, award: AwardId, member: MemberId) -> int:
        return sum(c.count for c in self.counts if c.award == award and c.member.id == member)


@dataclass(frozen=True, slots=True)
class Discipline:
    """Kỷ luật, or a discipline case still under review (*đang xem xét kỷ luật*).

    Attributes:
      pending: the case is still under review: no award until it is concluded (NĐ 152/2025).
      date: the day the penalty was decided; until: the day the penalty ends. After a penalty,
        achievements count from its end (NĐ 152/2025), so a penalty that ends during the year
        still bars that year's awards, and one that ended before the year began does not.
    """

    member: Ref
    src: Source
    reason: str = ""
    pending: bool = False
    date: dt.date | None = None
    until: dt.date | None = None

    def bars(self, year: int) -> bool:
        """Whether this entry bars ``member`` from an award for ``year``."""
        if self.pending or self.until is None:
            return True
        return self.until >= dt.date(year, 1, 1)


@dataclass(frozen=True, slots=True)
class AwardDecision:
    award: AwardId
    member: Ref
    src: Source
    award_src: Source | None = None


@dataclass(frozen=True, slots=True)
class Decided:
    """What the bloc actually decided at its review, recorded beside what thidua proposes."""

    src: Source
    awards: tuple[AwardDecision, ...] = ()
    next_leader: Ref | None = None
    next_deputy: Ref | None = None
    note: str = ""
