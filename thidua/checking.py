"""Validation: every stage's findings for a set of data files. Reads only, never writes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from thidua.diagnostics import Diagnostic, sorted_diagnostics
from thidua.loading.load import Workspace, bulk_reading
from thidua.loading.root import all_data_files, classify
from thidua.model import BlocYear, Config
from thidua.rules import checks, e306_table_total, e307_duplicate_criterion
from thidua.rules.context import BlocCheck
from thidua.schema.formats import CONFIG, TABLE


@dataclass(frozen=True, slots=True)
class FileReport:
    name: str
    diagnostics: tuple[Diagnostic, ...]


def bloc_checks(by: BlocYear, config: Config, folder: str, stem: str,
                history: tuple[BlocYear, ...] = ()) -> list[Diagnostic]:
    """The bloc and history rules for one loaded bloc-year (pure).

    ``history`` holds the bloc's earlier years that load without errors, ascending;
    the history rules run when the year just before is among them.
    """
    previous = history[-1] if history and history[-1].year == by.year - 1 else None
    ctx = BlocCheck(by, config, folder, stem, previous, history if previous else ())
    out: list[Diagnostic] = []
    for check in checks("bloc", by.complete):
        out.extend(check(ctx))
    if by.awards:  # a bloc's own award rules are held to the province's standard
        for check in checks("config"):
            out.extend(check(config, by.awards))
    if previous is not None:
        for check in checks("history"):
            out.extend(check(ctx))
    return out


def check_bloc_year(ws: Workspace, path: Path) -> list[Diagnostic]:
    load = ws.bloc_year(path)
    diags = list(load.diagnostics)
    by = load.bloc_year
    if by is None:
        return diags
    config, _ = ws.config()
    diags.extend(bloc_checks(by, config, path.parent.name, path.stem, history_before(ws, path)))
    return diags


HISTORY_YEARS = 21  # the longest history any rule can need: cooldown_years ≤ 20, plus the year before


def history_before(ws: Workspace, path: Path) -> tuple[BlocYear, ...]:
    """The bloc's earlier years that load cleanly, ascending, stopping at the first gap or broken file.

    Reads only as far back as the rotation rule needs: the year before and the one before it
    (to know who is new), or the rule's cooldown when it is longer.
    """
    if not path.stem.isdigit():
        return ()
    out: list[BlocYear] = []
    year = int(path.stem)
    needed = 2
    y = year - 1
    while y >= year - needed:
        load = ws.bloc_year_of(path.parent.name, y)
        if load is None or load.has_errors or load.bloc_year is None:
            break
        if not out:
            rule = load.bloc_year.rotation or ws.config()[0].rotation
            needed = min(HISTORY_YEARS, max(needed, rule.cooldown_years + 1))
        out.append(load.bloc_year)
        y -= 1
    return tuple(reversed(out))


def check_table_file(ws: Workspace, path: Path) -> list[Diagnostic]:
    from thidua.loading.build import build_table

    loaded = ws.read(path, TABLE)
    diags = list(loaded.diagnostics)
    if loaded.fields is not None:
        table = build_table(loaded.fields, path.stem)
        probe = BlocYear(bloc="", year=0, name="", src=loaded.fields.src, bloc_src=loaded.fields.src,
                         year_src=loaded.fields.src, table=table)
        ctx = BlocCheck(probe, Config(), "", "")
        for rule in (e306_table_total, e307_duplicate_criterion):  # the rules a table alone can break
            diags.extend(rule.check(ctx))
    return diags


def check_file(ws: Workspace, path: Path) -> FileReport:
    kind = classify(ws.root, path)
    if kind == "config":
        loaded = ws.read(path, CONFIG)
        diags = list(loaded.diagnostics)
        if loaded.fields is not None:
            from thidua.loading.build import build_config

            for check in checks("config"):
                diags.extend(check(build_config(loaded.fields)))
    elif kind == "table":
        diags = check_table_file(ws, path)
    else:
        diags = check_bloc_year(ws, path)
    return FileReport(ws.name(path), tuple(sorted_diagnostics(diags)))


def expand(root: Path, paths: Iterable[Path]) -> list[Path]:
    """Files named, and every data file under folders named; the whole root when none."""
    paths = list(paths)
    if not paths:
        return all_data_files(root)
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            if (p / "blocs").is_dir() or (p / "thidua.yaml").is_file():
                out.extend(all_data_files(p))
            else:
                out.extend(sorted(f for f in p.rglob("*.yaml") if f.is_file()))
        else:
            out.append(p)
    return out


def validate(root: Path, paths: Iterable[Path] = ()) -> list[FileReport]:
    """Findings per file, in the order given (the whole data root when no path is given)."""
    ws = Workspace(root)
    reports = []
    with bulk_reading():
        for path in expand(root, paths):
            reports.append(check_file(ws, path))
            if path.stem.isdigit():  # files come bloc by bloc, year by year: old years are done with
                ws.forget(path.parent / f"{int(path.stem) - HISTORY_YEARS}.yaml")
    return reports
