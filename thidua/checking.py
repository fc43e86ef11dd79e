"""Validation: every stage's findings for a set of data files. Reads the data only (the result cache
of thidua/cache.py is the one thing written, under the data root, and only when asked for)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from thidua.core.settings import settings_for
from thidua.diagnostics import Diagnostic, sorted_diagnostics
from thidua.evaluation import HISTORY_YEARS, check_config, evaluate
from thidua.loading.load import Workspace, bulk_reading
from thidua.loading.root import BLOCS_DIR, CONFIG_NAME, all_data_files, classify, config_path
from thidua.loading.tracing import TracingWorkspace
from thidua.model import BlocYear, Config
from thidua.rules import e306_table_total, e307_duplicate_criterion
from thidua.rules.context import CheckContext
from thidua.schema.formats import CONFIG, TABLE


@dataclass(frozen=True, slots=True)
class FileReport:
    name: str
    diagnostics: tuple[Diagnostic, ...]


def check_table_file(ws: Workspace, path: Path) -> list[Diagnostic]:
    from thidua.loading.build import build_table

    loaded = ws.read(path, TABLE)
    diags = list(loaded.diagnostics)
    if loaded.fields is not None:
        table = build_table(loaded.fields, path.stem)
        probe = BlocYear(bloc="", year=0, name="", src=loaded.fields.src, bloc_src=loaded.fields.src,
                         year_src=loaded.fields.src, table=table)
        ctx = CheckContext(Config(), settings_for(None, Config()), probe)
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

            diags.extend(check_config(build_config(loaded.fields)))
    elif kind == "table":
        diags = check_table_file(ws, path)
    else:
        diags = list(evaluate(ws, path).findings)
    return FileReport(ws.name(path), tuple(sorted_diagnostics(diags)))


def expand(root: Path, paths: Iterable[Path]) -> list[Path]:
    """Files named, and every data file under folders named; the whole root when none (each once)."""
    paths = list(paths)
    if not paths:
        return all_data_files(root)
    top = {root.resolve(), (root / BLOCS_DIR).resolve()} if config_path(root) == root / BLOCS_DIR / CONFIG_NAME \
        else {root.resolve()}
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            if p.resolve() in top or (p / BLOCS_DIR).is_dir() or (p / CONFIG_NAME).is_file():
                out.extend(all_data_files(root if p.resolve() in top else p))
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
    universe = all_data_files(root)
    targets = expand(root, paths) if paths else None
    if targets is not None:
        known = {os.path.abspath(p) for p in universe}
        universe.extend(p for p in targets if os.path.abspath(p) not in known)
    store = None
    if cache:
        from thidua.cache import ResultCache

        store = ResultCache(root)
    traced = store is not None or targets is not None
    ws: Workspace = TracingWorkspace(root) if traced else Workspace(root)
    done: dict[str, tuple[frozenset[str], FileReport]] = {}
    with bulk_reading():
        for path in universe:
            name = ws.name(path)
            hit = store.lookup(name) if store is not None else None
            if hit is not None:
                done[name] = (hit[0], FileReport(name, hit[1]))
                continue
            if store is not None:
                store.digest(f"file:{name}")  # the content judged is the content before reading
            if traced:
                with ws.trace() as read:  # type: ignore[attr-defined]
                    report = check_file(ws, path)
                deps = frozenset(read)
            else:
                report, deps = check_file(ws, path), frozenset()
            if store is not None:
                store.store(name, set(deps), report.diagnostics)
            done[name] = (deps, report)
            if path.stem.isdigit():  # files come bloc by bloc, year by year: old years are done with
                ws.forget(path.parent / f"{int(path.stem) - HISTORY_YEARS}.yaml")
    if store is not None:
        store.save()
    if targets is None:
        return [report for _, report in done.values()]
    named = [ws.name(p) for p in targets]
    wanted = {f"file:{n}" for n in named}
    dependents = [report for n, (deps, report) in done.items() if n not in set(named) and deps & wanted]
    return [done[n][1] for n in named] + dependents
