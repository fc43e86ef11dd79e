"""Validation: every stage's findings for a set of data files. Reads only, never writes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from thidua.core.settings import settings_for
from thidua.diagnostics import Diagnostic, sorted_diagnostics
from thidua.evaluation import HISTORY_YEARS, check_config, cross_check, evaluate
from thidua.loading.load import Workspace, bulk_reading
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
    return _check_file(ws, path)[0]


def _check_file(ws: Workspace, path: Path) -> tuple[FileReport, BlocYear | None]:
    """The file's findings, and its bloc-year when it is one that loads (for the cross-file checks)."""
    kind = classify(ws.root, path)
    by = None
    if kind == "config":
        loaded = ws.read(path, CONFIG)
        diags = list(loaded.diagnostics)
        if loaded.fields is not None:
            from thidua.loading.build import build_config

            diags.extend(check_config(build_config(loaded.fields)))
    elif kind == "table":
        diags = check_table_file(ws, path)
    else:
        ev = evaluate(ws, path)
        diags, by = list(ev.findings), ev.bloc_year
    return FileReport(ws.name(path), tuple(sorted_diagnostics(diags))), by


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
    """Findings per file, in the order given (the whole data root when no path is given).

    Each file is checked on its own, then every bloc-year against the province's other files of its
    year and the year before (:mod:`thidua.crosscheck`).
    """
    from thidua import crosscheck

    ws = Workspace(root)
    reports = []
    index = crosscheck.UnitIndex()
    checked: list[tuple[int, BlocYear]] = []
    paths = list(paths)
    with bulk_reading():
        for path in [*expand(root, paths), *misnamed_year_files(root, paths)]:
            report, by = _check_file(ws, path)
            reports.append(report)
            if by is not None and by.year:
                index.add(by, path.parent.name)
                checked.append((len(reports) - 1, path, by if paths else crosscheck.slim(by)))
            if path.stem.isdigit():  # files come bloc by bloc, year by year: old years are done with
                ws.forget(path.parent / f"{int(path.stem) - HISTORY_YEARS}.yaml")
        whole = not paths
        if not whole:
            crosscheck.complete(ws, root, index, [by for _, _, by in checked])
    config = ws.config()[0]
    listed: dict[int, frozenset[str]] = {}
    for i, path, by in checked:
        if by.year - 1 not in listed:
            listed[by.year - 1] = index.blocs(by.year - 1) if whole else crosscheck.blocs_with_year(root, by.year - 1)
        if whole and index.shares(by.year, by.bloc):  # rare: read it again, whole, for E318
            by = ws.bloc_year(path).bloc_year or by
        found = cross_check(by, config, index.province(by.year, listed[by.year - 1]))
        if found:
            reports[i] = FileReport(reports[i].name, tuple(sorted_diagnostics([*reports[i].diagnostics, *found])))
    return reports


def misnamed_year_files(root: Path, paths: list[Path]) -> list[Path]:
    """Files in bloc folders named like a year in another script's digits ("２０２４.yaml"): the
    listing of a data root skips them (only [0-9]{4}.yaml is a year file), so they are added here
    to be reported (E319) rather than ignored unseen."""
    from thidua.loading.root import BLOCS_DIR
    from thidua.rules.e319_year_file_name import misnamed

    roots = [root] if not paths else [p for p in paths if p.is_dir() and ((p / "blocs").is_dir() or
                                                                         (p / "thidua.yaml").is_file())]
    out = []
    for r in roots:
        blocs = r / BLOCS_DIR
        if not blocs.is_dir():
            continue
        for folder in sorted(f for f in blocs.iterdir() if f.is_dir()):
            out.extend(sorted(f for f in folder.iterdir() if f.suffix == ".yaml" and misnamed(f.stem)))
    return out
