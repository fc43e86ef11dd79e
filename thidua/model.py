"""The bloc-year model: frozen records that know where they came from.

Nothing here reads files or prints. Loading builds these records from checked
YAML (see thidua.loading.build); rules, scoring, handover and the renderers only
read them. Every value a finding may point at carries a :class:`Source`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
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


@dataclass(frozen=True, slots=True)
class Band:
    """Xếp loại: a name and the lowest total that earns it."""

    name: str
    min: Decimal


QUOTA_BASES = ("members", "blocs", "proposed")


@dataclass(frozen=True, slots=True)
class Quota:
    """At most ``count`` members, or ``share`` of a base rounded by ``rounding``.

    ``base`` is what the share is taken of: ``members`` (the bloc's members, for a bloc-level
    award), ``blocs`` (the blocs' leading units, one a bloc: CV 5007/BNV-TĐKT) or ``proposed``
    (the units the blocs proposed for ``from_award``: NĐ 91/2017, art. 11); empty means the
    level's default (``members`` for a bloc-level award, ``blocs`` for a province-level one).
    """

    count: int | None = None
    share: Decimal | None = None
    rounding: str = "down"  # down | up | nearest
    minimum: int = 0
    base: str = ""


@dataclass(frozen=True, slots=True)
class AwardPolicy:
    """One award and the conditions to propose it (quota, votes, score, eligibility).

    ``level`` is ``bloc`` (each bloc proposes its own members) or ``province``
    (chosen among the blocs' leaders, e.g. Cờ thi đua của Chính phủ). ``vote_threshold`` is
    compared with the votes over ``vote_base``: at least it, or more than it with ``vote_strict``.
    A member receives at most one bloc-level award unless each award it already holds is in
    the next award's ``combines_with``.
    """

    id: AwardId
    name: str
    level: str = "bloc"
    quota: Quota | None = None
    vote_threshold: Decimal | None = None
    min_score: Decimal | None = None
    min_band: str | None = None
    no_discipline: bool = True
    full_year: bool = True
    from_award: AwardId | None = None
    src: Source | None = None
    vote_base: str = "voters"  # voters (the ballots cast) | members (tính trên tổng số thành viên)
    vote_strict: bool = False  # True: more than the share ("trên 50%"); False: at least ("từ 70% trở lên")
    combines_with: tuple[AwardId, ...] = ()  # awards a member may already hold and still receive this one
    vote_keys: tuple[str, ...] = ()  # which of votes.min / votes.over the file writes (E310 wants exactly one)


@dataclass(frozen=True, slots=True)
class ScoringPolicy:
    """How totals are rounded, classified and ranked, and what a total below zero becomes."""

    places: int = 2
    rounding: str = "half-up"
    bands: tuple[Band, ...] = ()
    tie_breaks: tuple[str, ...] = ()
    negative_total: str = "error"  # error (finding E408) | floor (counted as 0)


@dataclass(frozen=True, slots=True)
class RotationPolicy:
    """How the chair passes on.

    ``kind``: ``fixed-order`` (luân phiên theo thứ tự), ``deputy-succeeds`` (Phó khối
    lên Trưởng khối, the next in order becomes deputy), ``best-ranked`` (the
    best-ranked eligible member) or ``elected`` (no proposal, only who is eligible).
    """

    kind: str = "deputy-succeeds"
    order: tuple[Ref, ...] = ()
    skip_first_year: bool = True
    cooldown_years: int = 0


@dataclass(frozen=True, slots=True)
class DocumentSettings:
    """What the documents print that the scores do not say (thidua.yaml's, or a bloc-year's, ``documents:``).

    Empty strings and tuples mean "not stated": a bloc-year's value replaces the province's, its
    ``grounds`` come after the province's.
    """

    superior: str = ""
    addressee: str = ""
    grounds: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    signer: Person | None = None
    proposal_number: str = ""
    office: str = ""
    office_superior: str = ""


@dataclass(frozen=True, slots=True)
class Config:
    """Province-wide defaults from thidua.yaml."""

    province: str = ""
    place: str = ""
    scoring: ScoringPolicy = field(default_factory=ScoringPolicy)
    awards: tuple[AwardPolicy, ...] = ()
    rotation: RotationPolicy | None = None  # None: thidua.yaml states no rotation rule
    src: Source | None = None
    documents: DocumentSettings = field(default_factory=DocumentSettings)
    bands_src: Source | None = None   # where 'bands:' is written (None: not written)
    awards_src: Source | None = None  # where 'awards:' is written (None: not written)

    def award(self, award_id: AwardId) -> AwardPolicy | None:
        return next((a for a in self.awards if a.id == award_id), None)


@dataclass(frozen=True, slots=True)
class BlocYear:
    """One bloc in one year: the unit every command works on."""

    bloc: BlocId
    year: int
    name: str
    src: Source
    bloc_src: Source
    year_src: Source
    members: tuple[Member, ...] = ()
    leader: Ref | None = None
    deputy: Ref | None = None
    rotation: RotationPolicy | None = None
    events: tuple[Event, ...] = ()
    criteria_ref: Ref | None = None
    table: Table | None = None
    scores: tuple[MemberScores, ...] = ()
    votes: Votes | None = None
    discipline: tuple[Discipline, ...] = ()
    decided: Decided | None = None
    honours: tuple[Honour, ...] = ()
    departures: tuple[Departure, ...] = ()
    scoring: ScoringPolicy | None = None
    awards: tuple[AwardPolicy, ...] = ()
    number: str = ""
    note: str = ""
    complete: bool = True  # False when some values failed to load (their findings say which)
    kind: str = "khối"  # khối | cụm: the word the documents use
    documents: DocumentSettings = field(default_factory=DocumentSettings)
    predecessors: tuple[Ref, ...] = ()  # the blocs this one was re-formed from (khối tiền thân)
    province: str = ""  # a former province's bloc-year kept as history (empty: thidua.yaml's province)

    def member(self, member_id: MemberId) -> Member | None:
        return next((m for m in self.members if m.id == member_id), None)

    def event(self, kind: str) -> Event | None:
        return next((e for e in self.events if e.kind == kind), None)

    @property
    def member_ids(self) -> frozenset[MemberId]:
        return frozenset(m.id for m in self.members)


@dataclass(frozen=True, slots=True)
class UnitPlace:
    """Where a unit stands in the province's files of one year: its bloc, its name, its member entry."""

    bloc: BlocId
    name: str
    src: Source
    joined: dt.date | None = None
    left: dt.date | None = None


@dataclass(frozen=True, slots=True)
class ProvinceUnits:
    """Every unit in the province's bloc-year files of ``year`` and of the year before (the checks that
    need more than one file: a unit in two blocs, a predecessor or a merger target that exists nowhere).

    Attributes:
      units: unit id → every place it stands in ``year``'s files.
      previous: the same for ``year - 1``; previous_blocs: the blocs with a file for ``year - 1``.
    """

    year: int
    units: Mapping[str, tuple[UnitPlace, ...]]
    previous: Mapping[str, tuple[UnitPlace, ...]]
    previous_blocs: frozenset[BlocId] = frozenset()
