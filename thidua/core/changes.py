"""The records of a comparison between two versions of a bloc-year (``thidua diff``), frozen and pure.

:mod:`thidua.core.compare` makes them; the renderers (text, JSON) read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from thidua.core.handover import Handover
from thidua.core.results import BlocResult
from thidua.diagnostics import Diagnostic
from thidua.model import BlocYear

ADDED, REMOVED, MODIFIED = "added", "removed", "modified"


@dataclass(frozen=True, slots=True)
class Side:
    """One version of a bloc-year: the model, and its result and handover when it could be scored."""

    bloc_year: BlocYear
    result: BlocResult | None = None
    handover: Handover | None = None


@dataclass(frozen=True, slots=True)
class Named:
    """A member id with the name it has (on the newer side when it has one)."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class MemberChange:
    """A change to the member list.

    Attributes:
      change: ``added``, ``removed``, ``renamed`` (same id, new name), ``succeeded`` (new id
        continuing one predecessor), ``merged`` (new id continuing several) or ``departed``
        (a departure newly recorded for a member that is not in either list).
      member: the member (the old one for ``removed`` and ``departed``).
      old_name: the name before, for ``renamed``.
      predecessors: the ids it continues, for ``succeeded`` and ``merged``.
      reason, into: the departure recorded in the newer file (merged, dissolved …), if any.
    """

    change: str
    member: Named
    old_name: str = ""
    predecessors: tuple[Named, ...] = ()
    reason: str = ""
    into: Named | None = None


@dataclass(frozen=True, slots=True)
class RoleChange:
    """``leader``/``deputy`` of the year, or ``next_leader``/``next_deputy`` the bloc decided."""

    role: str
    old: Named | None
    new: Named | None


@dataclass(frozen=True, slots=True)
class CriterionChange:
    """A criterion of the scoring table added, removed, or with another name or maximum."""

    change: str
    id: str
    name: str
    old_name: str = ""
    old_max: Decimal | None = None
    new_max: Decimal | None = None


@dataclass(frozen=True, slots=True)
class ScoreChange:
    """One figure of one member's sheet.

    ``kind``: ``self`` (tự chấm) or ``agreed`` (thống nhất) for a criterion; ``bonus``,
    ``deductions``, the member's own ``self_bonus`` and ``self_deductions`` (sums) and ``total`` (the
    paper total) with an empty criterion.
    """

    member: Named
    kind: str
    old: Decimal | None
    new: Decimal | None
    criterion: str = ""
    criterion_name: str = ""


@dataclass(frozen=True, slots=True)
class VoteChange:
    """Votes for one member and award; ``award`` and ``member`` empty for the number of voters."""

    award: str
    member: Named | None
    old: int | None
    new: int | None


@dataclass(frozen=True, slots=True)
class DisciplineChange:
    change: str
    member: Named
    reason: str = ""


@dataclass(frozen=True, slots=True)
class TotalChange:
    """A member's total, rank or band before → after (rank 0: not ranked, total None: not scored)."""

    member: Named
    old_total: Decimal | None
    new_total: Decimal | None
    old_rank: int | None
    new_rank: int | None
    old_tied: bool = False
    new_tied: bool = False
    old_band: str | None = None
    new_band: str | None = None


@dataclass(frozen=True, slots=True)
class AwardChange:
    """An award proposal (``proposed``: what the rules give) or decision (``decided``) added or removed."""

    kind: str
    change: str
    award: str
    award_name: str
    member: Named


@dataclass(frozen=True, slots=True)
class HonourChange:
    """An award received during the year (``honours:``): a recipient added or removed, or how many changed.

    Attributes:
      change: ``added``, ``removed``, or ``modified`` (a number).
      award, campaign, proposed: which award (campaign empty: thường xuyên; proposed: only proposed).
      kind: ``collective`` (``member`` is the unit awarded), ``individual`` (``person`` is the name,
        ``member`` their unit), or ``collectives``/``individuals``: how many (lượt, named and counted
        together), ``old`` → ``new`` (None: the award is not recorded on that side).
    """

    change: str
    award: str
    campaign: str
    proposed: bool
    kind: str
    member: Named | None = None
    person: str = ""
    old: int | None = None
    new: int | None = None


@dataclass(frozen=True, slots=True)
class HandoverChange:
    """The proposed leader (Trưởng khối) or deputy for next year, before → after, with the reasons."""

    role: str
    old: Named | None
    new: Named | None
    old_reason: str = ""
    new_reason: str = ""


@dataclass(frozen=True, slots=True)
class BlocYearChange:
    """Everything that changed in one bloc-year.

    Attributes:
      status: ``added``, ``removed`` or ``modified``.
      results_compared: every side present could be scored, so totals, awards and handover are compared.
      other: keys of the file that changed beyond what the other fields itemise (events, note …).
    """

    bloc: str
    year: int
    name: str
    old_name: str
    status: str
    results_compared: bool
    members: tuple[MemberChange, ...] = ()
    roles: tuple[RoleChange, ...] = ()
    criteria: tuple[CriterionChange, ...] = ()
    scores: tuple[ScoreChange, ...] = ()
    votes: tuple[VoteChange, ...] = ()
    discipline: tuple[DisciplineChange, ...] = ()
    totals: tuple[TotalChange, ...] = ()
    awards: tuple[AwardChange, ...] = ()
    honours: tuple[HonourChange, ...] = ()
    handover: tuple[HandoverChange, ...] = ()
    other: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return self.status == MODIFIED and not any(
            (self.members, self.roles, self.criteria, self.scores, self.votes, self.discipline,
             self.totals, self.awards, self.honours, self.handover, self.other, self.name != self.old_name))


@dataclass(frozen=True, slots=True)
class TableChange:
    """A shared scoring table (blocs/_tables/…): its criteria, and other keys that changed."""

    criteria: tuple[CriterionChange, ...]
    other: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not self.criteria and not self.other


# -- a whole diff (thidua.diffing makes it) and one file for git's diff driver ----------------

@dataclass(frozen=True, slots=True)
class FileDiff:
    """One data file that changed, or whose results change because thidua.yaml, a table or an earlier year did.

    Attributes:
      kind: ``config``, ``table`` or ``bloc-year``.
      status: ``added``, ``removed``, ``modified``, or ``affected`` (same bytes, other results).
      old_errors, new_errors: the errors that kept a side from being read or scored.
      bloc_year / table / config_keys: what changed, by kind (None when a side could not be read).
    """

    path: str
    kind: str
    status: str
    old_errors: tuple[Diagnostic, ...] = ()
    new_errors: tuple[Diagnostic, ...] = ()
    bloc_year: BlocYearChange | None = None
    table: TableChange | None = None
    config_keys: tuple[str, ...] = ()

    @property
    def has_errors(self) -> bool:
        return bool(self.old_errors or self.new_errors)

    @property
    def empty(self) -> bool:
        """Nothing to say: no finding and no change of meaning."""
        if self.has_errors:
            return False
        if self.kind == "bloc-year":
            return self.bloc_year is None or self.bloc_year.empty
        if self.kind == "table":
            return self.table is None or self.table.empty
        return not self.config_keys


@dataclass(frozen=True, slots=True)
class DiffRun:
    old_label: str
    old_commit: str | None
    new_label: str
    new_commit: str | None
    files: tuple[FileDiff, ...]
    unchanged_meaning: tuple[str, ...]  # files whose bytes changed but not what they mean

    @property
    def has_errors(self) -> bool:
        return any(f.has_errors for f in self.files)


@dataclass(frozen=True, slots=True)
class OneFile:
    """One bloc-year file read on its own (for the textconv driver)."""

    text: str
    bloc_year: BlocYear | None
    result: BlocResult | None
    findings: tuple[Diagnostic, ...]
