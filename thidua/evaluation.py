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
from thidua.core.handover import Handover, propose
from thidua.core.results import BlocResult, score_bloc
from thidua.core.scoring import MemberTotal, member_total, rank, totals
from thidua.core.settings import Settings, settings_for
from thidua.diagnostics import Diagnostic, has_errors, sorted_diagnostics
from thidua.loading.load import Workspace
from thidua.model import BlocYear, Config
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
      handover: the proposal for next year, when asked for and the file has no errors.
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
    previous = history[-1] if history and history[-1].year == by.year - 1 else None
    total_of = _totals_on_demand(by, settings)
    ctx = CheckContext(config, settings, by, folder, stem, previous, history if previous else (), total_of)
    findings = [*e303_unknown_member.with_name_hints(loading, by), *rules.run("bloc", ctx, by.complete)]
    if by.awards:  # a bloc's own award policies, against the bands in force for it
        findings.extend(rules.run("config", ctx))
    if previous is not None and history_checks:
        ctx = _with(ctx, previous_handover=handover_after(list(ctx.history), config))
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
             handover: bool = False) -> Evaluation:
    """Evaluate the bloc-year at ``path``.

    ``history`` reads the earlier years and runs the history rules; ``handover`` proposes next
    year's leader and deputy (reading the earlier years too); ``score`` ranks the members and
    proposes awards, then runs the score-stage checks.
    """
    load = ws.bloc_year(path)
    config, config_diags = ws.config()
    config_errors = has_errors(config_diags)
    by = load.bloc_year
    if by is None:
        return Evaluation(path, load.name, None, None, (), tuple(sorted_diagnostics(load.diagnostics)), config_errors)
    earlier = history_before(ws, path, config) if (history or handover) else ()
    done = assess(by, config, path.parent.name, path.stem, earlier, loading=load.diagnostics,
                  history_checks=history, score=score, handover=handover, config_errors=config_errors)
    return Evaluation(path, load.name, by, done.settings, earlier, done.findings, config_errors,
                      done.result, done.handover)


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
    if settings.rotation.kind == "best-ranked":
        ranked = rank(last, totals(last, settings.scoring), settings.scoring)
    return propose(history, settings.rotation, ranked)


def history_before(ws: Workspace, path: Path, config: Config | None = None) -> tuple[BlocYear, ...]:
    """The bloc's earlier years that load cleanly, ascending, stopping at the first gap or broken file.

    Reads only as far back as the rotation rule needs: the year before and the one before it
    (to know who is new), or the rule's cooldown when it is longer.
    """
    if not path.stem.isdigit():
        return ()
    config = config if config is not None else ws.config()[0]
    out: list[BlocYear] = []
    year = int(path.stem)
    needed = 2
    y = year - 1
    while y >= year - needed:
        load = ws.bloc_year_of(path.parent.name, y)
        if load is None or load.has_errors or load.bloc_year is None:
            break
        if not out:
            rotation = settings_for(load.bloc_year, config).rotation
            needed = min(HISTORY_YEARS, max(needed, rotation.cooldown_years + 1))
        out.append(load.bloc_year)
        y -= 1
    return tuple(reversed(out))


def check_config(config: Config) -> list[Diagnostic]:
    """The config-stage checks on thidua.yaml itself."""
    return rules.run("config", CheckContext(config, settings_for(None, config)))
