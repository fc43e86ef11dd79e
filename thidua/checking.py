"""Validation: every stage's findings for a set of data files. Reads only, never writes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from thidua.core.settings import settings_for
from thidua.diagnostics import Diagnostic, sorted_diagnostics
from thidua.evaluation import HISTORY_YEARS, check_config, evaluate
from thidua.loading.load import Workspace
from thidua.loading.root import all_data_files, classify
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
        diags = list(evaluate(ws, path, score=True).findings)  # score: W700 is validate's too
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
    for path in expand(root, paths):
        reports.append(check_file(ws, path))
        if path.stem.isdigit():  # files come bloc by bloc, year by year: old years are done with
            ws.forget(path.parent / f"{int(path.stem) - HISTORY_YEARS}.yaml")
    return reports
