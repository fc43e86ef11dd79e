"""The one way to evaluate a bloc-year: load → checks → history → score → handover.

Every command, the diff, the history and the form import call :func:`evaluate` with
what they need, and read the same :class:`Evaluation`: the model, the settings in
force, the earlier years the rules read, every finding, and — when the file has no
errors — its scored result and the handover proposal. Nothing here prints or writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from thidua import rules
from thidua.core.handover import NO_RULE, Handover, propose
from thidua.core.results import BlocResult, score_bloc
from thidua.core.scoring import MemberTotal, member_total, rank, totals
from thidua.core.settings import Settings, settings_for
from thidua.diagnostics import Diagnostic, has_errors, sorted_diagnostics
from thidua.loading.load import Workspace
from thidua.model import BlocYear, Config, ProvinceUnits, RotationPolicy
from thidua.rules import e303_unknown_member
from thidua.rules.context import CheckContext

HISTORY_YEARS = 21  # the longest history any rule can need: cooldown_years ≤ 20, plus the year before


@dataclass(frozen=True, slots=True)
class Evaluation:
    """One bloc-year as every command sees it.

    Attributes:
      path, name: the file, and its name as the user should see it.
      bloc_year: the model; None when the file cannot be read at all.
      settings: the settings in force (None with ``bloc_year``).
      history: the bloc's earlier years that load without errors, ascending.
      findings: every finding of the file (loading, then each check stage), in position order.
      config_errors: thidua.yaml has errors, so nothing is scored.
      result: the scored bloc-year, when asked for and the file has no errors.
      handover: the proposal for next year, when asked for and neither the file nor an earlier
        year the rotation rule needs has errors.
      history_errors: the errors of the earlier years the rotation rule needs (its cooldown, the
        year before for a first year), when asked for a handover: the handover is refused rather
        than proposed from a shortened history.
    """

    path: Path
    name: str
    bloc_year: BlocYear | None
    settings: Settings | None
    history: tuple[BlocYear, ...]
    findings: tuple[Diagnostic, ...]
    config_errors: bool = False
    result: BlocResult | None = None
    handover: Handover | None = None
    history_errors: tuple[Diagnostic, ...] = ()

    @property
    def has_errors(self) -> bool:
        return has_errors(self.findings)

    @property
    def refused(self) -> bool:
        """Unreadable, or with errors (its own or thidua.yaml's): not to be scored or handed over."""
        return self.bloc_year is None or self.has_errors or self.config_errors


@dataclass(frozen=True, slots=True)
class Assessment:
    """What the rules and the core say of one loaded bloc-year (see :func:`assess`)."""

    settings: Settings
    findings: tuple[Diagnostic, ...]
    result: BlocResult | None = None
    handover: Handover | None = None


def assess(by: BlocYear, config: Config, folder: str, stem: str, history: tuple[BlocYear, ...] = (), *,
           loading: tuple[Diagnostic, ...] = (), history_checks: bool = True, score: bool = False,
           handover: bool = False, config_errors: bool = False) -> Assessment:
    """The checks, the score and the handover of a loaded bloc-year (pure: no file is read).

    ``history`` holds the bloc's earlier years that load without errors, ascending; the
    history rules run (with ``history_checks``) when the year just before is among them.
    ``loading`` holds the findings made while reading the file. The score and the handover
    are made only when there is no error, here or in thidua.yaml (``config_errors``).
    """
    settings = settings_for(by, config)
    previous = next((h for h in reversed(history) if h.year == by.year - 1 and h.bloc == by.bloc), None)
    total_of = _totals_on_demand(by, settings)
    ctx = CheckContext(config, settings, by, folder, stem, previous, history if previous else (), total_of)
    findings = [*e303_unknown_member.with_name_hints(loading, by), *rules.run("bloc", ctx, by.complete)]
    if by.awards:  # a bloc's own award policies, against the bands in force for it
        findings.extend(rules.run("config", ctx))
    if previous is not None and history_checks:
        ctx = _with(ctx, previous_handover=handover_after(_own_lineage(list(ctx.history), previous), config))
        findings.extend(rules.run("history", ctx))
    result = next_handover = None
    if not has_errors(findings) and not config_errors:
        if score or handover:
            result = score_bloc(by, settings, tuple(total_of(m.id) for m in by.members))
        if score:
            findings.extend(rules.run("score", _with(ctx, result=result)))
        if handover:
            next_handover = propose([*history, by], settings.rotation, result.ranked if result else ())
    return Assessment(settings, tuple(sorted_diagnostics(findings)), result if score else None, next_handover)


def evaluate(ws: Workspace, path: Path, *, history: bool = True, score: bool = False,
             handover: bool = False, data: bytes | None = None) -> Evaluation:
    """Evaluate the bloc-year at ``path``.

    ``history`` reads the earlier years and runs the history rules; ``handover`` proposes next
    year's leader and deputy (reading the earlier years too, and refusing when one the rule needs
    has errors); ``score`` ranks the members and proposes awards, then runs the score-stage checks.
    ``data`` is evaluated as if it were the file at ``path`` (a file about to be written:
    ``handover --write`` checks what it would create).
    """
    load = ws.bloc_year(path) if data is None else ws.bloc_year_text(path, data)
    config, config_diags = ws.config()
    config_errors = has_errors(config_diags)
    by = load.bloc_year
    if by is None:
        return Evaluation(path, load.name, None, None, (), tuple(sorted_diagnostics(load.diagnostics)), config_errors)
    earlier = history_before(ws, path, config, by) if (history or handover) else History()
    broken = earlier.broken if handover else ()
    done = assess(by, config, path.parent.name, path.stem, earlier.years, loading=load.diagnostics,
                  history_checks=history, score=score, handover=handover and not broken,
                  config_errors=config_errors)
    return Evaluation(path, load.name, by, done.settings, earlier.years, done.findings, config_errors,
                      done.result, done.handover, broken)


def _totals_on_demand(by: BlocYear, settings: Settings):
    """A member's arithmetic (core.scoring.member_total), computed the first time it is asked for.

    A check may need a few members' totals (E404: those with a stated total); scoring needs all.
    Each is computed once either way.
    """
    sheets = {s.member.id: s for s in by.scores}
    members = {m.id: m for m in by.members}
    done: dict[str, MemberTotal | None] = {}

    def total_of(member_id: str) -> MemberTotal | None:
        if member_id not in done:
            member = members.get(member_id)
            done[member_id] = None if member is None else \
                member_total(member, sheets.get(member_id), by.table, settings.scoring)
        return done[member_id]

    return total_of


def _with(ctx: CheckContext, **changes) -> CheckContext:
    from dataclasses import replace

    return replace(ctx, **changes)


def handover_after(history: list[BlocYear], config: Config) -> Handover:
    """The handover the rules proposed after the last year of ``history`` (for W600)."""
    last = history[-1]
    settings = settings_for(last, config)
    ranked = ()
    if settings.rotation is not None and settings.rotation.kind == "best-ranked":
        ranked = rank(last, totals(last, settings.scoring), settings.scoring)
    return propose(history, settings.rotation, ranked)


def _own_lineage(history: list[BlocYear], last: BlocYear) -> list[BlocYear]:
    """The years of ``history`` up to ``last`` that belong to its bloc or to the blocs it (or an earlier
    year of it) was re-formed from, ending with ``last``."""
    blocs = {last.bloc, *(p.id for by in history if by.bloc == last.bloc for p in by.predecessors),
             *(p.id for p in last.predecessors)}
    kept = [by for by in history if by.year < last.year and by.bloc in blocs]
    return [*kept, last]


@dataclass(frozen=True, slots=True)
class History:
    """The earlier years a bloc-year's rules read.

    Attributes:
      years: ascending by year; in each year the blocs it was re-formed from come before the bloc itself.
      broken: the errors of the earlier files the rotation rule needs for the next handover.
    """

    years: tuple[BlocYear, ...] = ()
    broken: tuple[Diagnostic, ...] = ()


def handover_span(rotation: RotationPolicy | None) -> int:
    """How many years back the handover after a year reads: the year before (who is new) and the cooldown."""
    rule = rotation or NO_RULE
    return max(1 if rule.skip_first_year else 0, rule.cooldown_years - 1)


def history_before(ws: Workspace, path: Path, config: Config | None = None,
                   by: BlocYear | None = None) -> History:
    """The bloc's earlier years that load cleanly, and those of the blocs it was re-formed from.

    Each bloc's years are read back from the year before, stopping at its first missing or
    broken file, only as far as the rules need: two years (the year before, and the one before it
    to know who was new), or the cooldown when it is longer. A bloc-year that names predecessor
    blocs (``predecessors:``) brings in their years before it, the same way. The broken files
    within the span the next handover needs are listed with their errors.
    """
    if not path.stem.isdigit():
        return History()
    config = config if config is not None else ws.config()[0]
    year = int(path.stem)
    own = path.parent.name
    rotation = settings_for(by, config).rotation if by is not None else None
    needed = _span(rotation)
    span = handover_span(rotation)
    out: list[BlocYear] = []
    broken: list[Diagnostic] = []
    todo = [(own, year - 1)] + [(p.id, year - 1) for p in (by.predecessors if by is not None else ())]
    seen: set[str] = set()
    while todo:
        bloc, y = todo.pop(0)
        if bloc in seen:
            continue
        seen.add(bloc)
        while y >= year - needed:
            load = ws.bloc_year_of(bloc, y)
            if load is None:
                break
            if load.has_errors or load.bloc_year is None:
                if y >= year - span:
                    broken.extend(d for d in load.diagnostics if d.is_error)
                break
            earlier = load.bloc_year
            if bloc == own and y == year - 1:  # W600 replays the handover after it, under its own rule
                needed = max(needed, _span(settings_for(earlier, config).rotation))
            out.append(earlier)
            todo.extend((p.id, y - 1) for p in earlier.predecessors)
            y -= 1
    out.sort(key=lambda b: (b.year, b.bloc == own, b.bloc))
    return History(tuple(out), tuple(sorted_diagnostics(broken)))


def _span(rotation: RotationPolicy | None) -> int:
    cooldown = rotation.cooldown_years if rotation is not None else 0
    return min(HISTORY_YEARS, max(2, cooldown + 1))


def cross_check(by: BlocYear, config: Config, units: ProvinceUnits) -> list[Diagnostic]:
    """The province-stage checks of one bloc-year against the province's files of its year and the year
    before (see :mod:`thidua.crosscheck` for how ``units`` is gathered)."""
    return rules.run("province", CheckContext(config, settings_for(by, config), by, units=units))


def check_config(config: Config) -> list[Diagnostic]:
    """The config-stage checks on thidua.yaml itself."""
    return rules.run("config", CheckContext(config, settings_for(None, config)))
