"""Validation: every stage's findings for a set of data files. Reads the data only (the result cache
of thidua/cache.py is the one thing written, under the data root, and only when asked for)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from thidua.diagnostics import Diagnostic, Source, sorted_diagnostics
from thidua.loading.root import BLOCS_DIR, CONFIG_NAME, all_data_files, config_path, display_paths, real_path

# As thidua.evaluation.HISTORY_YEARS (a test keeps them equal): not imported, so that a run answered by
# the cache never loads the pipeline.
HISTORY_YEARS = 21


@dataclass(frozen=True, slots=True)
class FileReport:
    name: str
    diagnostics: tuple[Diagnostic, ...]


def check_file(ws, path: Path) -> FileReport:
    """The findings of one file, in position order (without the checks across files)."""
    from thidua.file_checks import findings_of

    return FileReport(ws.name(path), tuple(sorted_diagnostics(findings_of(ws, path)[0])))


def _units_after_check(ws, path: Path) -> dict | None:
    """The units of the bloc-year just checked (the Workspace still holds it), for the checks across files."""
    from thidua.loading.root import classify

    if classify(ws.root, path) != "bloc-year":
        return None
    by = ws.bloc_year(path).bloc_year
    if by is None or not by.year:
        return None
    from thidua.crosscheck import units_of

    return units_of(by, path.parent.name)


def expand(root: Path, paths: Iterable[Path]) -> list[Path]:
    """Files named, and every data file under folders named; the whole root when none (each once)."""
    paths = list(paths)
    if not paths:
        return all_data_files(root)
    top = {real_path(root), real_path(root / BLOCS_DIR)} if config_path(root) == root / BLOCS_DIR / CONFIG_NAME \
        else {real_path(root)}
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            if real_path(p) in top or (p / BLOCS_DIR).is_dir() or (p / CONFIG_NAME).is_file():
                out.extend(all_data_files(root if real_path(p) in top else p))
            else:
                out.extend(sorted(f for f in p.rglob("*.yaml") if f.is_file()))
        else:
            out.append(p)
    seen: set[str] = set()
    return [p for p in out if not (os.path.abspath(p) in seen or seen.add(os.path.abspath(p)))]


def validate(root: Path, paths: Iterable[Path] = (), *, cache: bool = False) -> list[FileReport]:
    """Findings per file: the whole data root when no path is given, else the files named (in that
    order) and then every other data file whose evaluation reads one of them — the bloc-years of a
    table or of thidua.yaml, the later years of a bloc — so a change is judged by what it breaks.

    With ``cache``, each file's findings come from the data root's result cache (thidua/cache.py)
    while nothing its evaluation read has changed; the findings are the same either way.
    """
    paths = list(paths)
    universe = [*all_data_files(root), *misnamed_year_files(root)]
    targets = expand(root, paths) if paths else None
    if targets is not None:
        known = {os.path.abspath(p) for p in universe}
        universe.extend(p for p in targets if os.path.abspath(p) not in known)
    store = None
    if cache:
        from thidua.cache import ResultCache

        store = ResultCache(root)
    done: dict[str, tuple[frozenset[str], FileReport]] = {}
    facts: dict[str, dict | None] = {}  # name → its units, for the checks across files
    names = dict(zip((os.path.abspath(p) for p in universe), display_paths(root, universe), strict=True))
    todo = universe
    if store is not None:  # first what the cache answers: a run it answers whole reads no file twice
        todo = []
        for path in universe:
            name = names[os.path.abspath(path)]
            hit = store.lookup(name)
            if hit is None:
                todo.append(path)
            else:
                done[name] = (hit[0], FileReport(name, hit[1]))
                facts[name] = store.facts_of(name)
    if todo:
        _check_all(root, todo, store, traced=store is not None or targets is not None, done=done, facts=facts)
    if store is not None:
        store.save()
    order = [names[os.path.abspath(p)] for p in universe]
    done = {n: done[n] for n in order}
    if targets is None:
        reports = [report for _, report in done.values()]
        return _with_cross_checks(root, reports, facts, set(done)) + unread_reports(root)
    named = [names[os.path.abspath(p)] for p in targets]
    wanted = {f"file:{n}" for n in named}
    dependents = [n for n, (deps, _) in done.items() if n not in set(named) and deps & wanted]
    # the checks across files: a named bloc-year against the others, and the others of its years against it
    years = {f["year"] for n in named if (f := facts.get(n))}
    crossed = _with_cross_checks(root, [report for _, report in done.values()], facts,
                                 {n for n in done if (f := facts.get(n)) and f["year"] in years})
    by_name = {r.name: r for r in crossed}
    also = [n for n in done if n not in set(named) and n not in set(dependents)
            and by_name[n].diagnostics != done[n][1].diagnostics]
    return [by_name[n] for n in (*named, *dependents, *also)]


def _with_cross_checks(root: Path, reports: list[FileReport], facts: dict, which: set[str]) -> list[FileReport]:
    """``reports`` with the findings of the checks across files (E316–E318) added to those in ``which``.

    They are made fresh on every run from each bloc-year's units (read, or kept in the cache with its
    entry): what they say depends on several files, so they are never cached themselves.
    """
    known = {n: f for n, f in facts.items() if f}
    if not known or not which:
        return reports
    from thidua.crosscheck import cross_findings

    found = cross_findings(root, known, which)
    return [FileReport(r.name, tuple(sorted_diagnostics([*r.diagnostics, *found[r.name]])))
            if found.get(r.name) else r for r in reports]


def _check_all(root: Path, paths: list[Path], store, *, traced: bool,
               done: dict[str, tuple[frozenset[str], FileReport]], facts: dict) -> None:
    """Check each file in turn; with ``traced``, record what each one read (its dependencies)."""
    from thidua.loading.load import Workspace
    from thidua.loading.tracing import TracingWorkspace

    ws = TracingWorkspace(root) if traced else Workspace(root)
    for path in paths:
        name = ws.name(path)
        if store is not None:
            store.digest(f"file:{name}")  # the content judged is the content before reading
        if traced:
            with ws.trace() as read:
                report = check_file(ws, path)
            deps = frozenset(read)
        else:
            report, deps = check_file(ws, path), frozenset()
        units = _units_after_check(ws, path)
        if store is not None:
            store.store(name, set(deps), report.diagnostics, facts=units)
        done[name] = (deps, report)
        facts[name] = units
        if path.stem.isdigit():  # files come bloc by bloc, year by year: old years are done with
            ws.forget(path.parent / f"{int(path.stem) - HISTORY_YEARS}.yaml")


def unread_reports(root: Path) -> list[FileReport]:
    """W010 for each YAML file under blocs/ that the listing skips: a whole-root run that says "0 lỗi"
    has read every data file there is."""
    from thidua.loading.unread import unread_files

    found = unread_files(root)
    if not found:
        return []  # a warm run imports no rule (start-up)
    from thidua.rules import w010_file_not_read

    names = display_paths(root, [path for path, _, _ in found])
    return [FileReport(name, (w010_file_not_read.RULE.at(Source(name), message, hint),))
            for name, (_, message, hint) in zip(names, found, strict=True)]


def misnamed_year_files(root: Path) -> list[Path]:
    """Files in bloc folders named like a year in another script's digits ("２０２４.yaml"): the listing
    of a data root skips them (only [0-9]{4}.yaml is a year file), so they are added here to be
    reported (E319) rather than ignored unseen."""
    from thidua.ids import misnamed_year
    from thidua.loading.root import bloc_ids

    out = []
    for bloc in bloc_ids(root):
        folder = root / BLOCS_DIR / bloc
        out.extend(sorted(f for f in folder.iterdir() if f.suffix == ".yaml" and misnamed_year(f.stem)))
    return out
