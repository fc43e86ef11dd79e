"""One bloc in one year, and where the province's units stand across its files of a year."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from thidua.diagnostics import Source
from thidua.model.honours import Honour
from thidua.model.policies import AwardPolicy, DocumentSettings, RotationPolicy, ScoringPolicy
from thidua.model.records import (
    BlocId,
    Decided,
    Departure,
    Discipline,
    Event,
    Member,
    MemberId,
    MemberScores,
    Ref,
    Table,
    Votes,
)


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
