"""What a change to the data means: two snapshots compared bloc-year by bloc-year (``thidua diff``).

Each side is read through the one evaluation (thidua.evaluation): checked, scored and
handed over as every command does; thidua.core.compare says what changed between them.
``read_one`` reads one file for git's diff driver (``thidua diff --textconv``).
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from thidua.core.changes import DiffRun, FileDiff, OneFile, Side
from thidua.core.compare import compare, compare_configs, compare_tables
from thidua.diagnostics import Diagnostic, has_errors, sorted_diagnostics
from thidua.evaluation import HISTORY_YEARS, assess, evaluate
from thidua.git import Snapshot, snapshot, toplevel
from thidua.loading.load import Workspace
from thidua.loading.root import classify
from thidua.model import Config

# -- the comparison --------------------------------------------------------------------

class _Reader:
    """Loads, checks and scores bloc-years of one snapshot."""

    def __init__(self, snap: Snapshot) -> None:
        self.snap = snap
        self.ws = Workspace(snap.root)
        self.config, config_diags = self.ws.config()
        self.config_errors = tuple(d for d in config_diags if d.is_error)

    def has(self, rel: str) -> bool:
        return rel in self.snap.files

    def bloc_year(self, rel: str) -> tuple[Side | None, tuple[Diagnostic, ...]]:
        ev = evaluate(self.ws, self.snap.root / rel, score=True, handover=True)
        errors = tuple(d for d in ev.findings if d.is_error)
        if ev.bloc_year is None:
            return None, errors
        if ev.refused:
            return Side(ev.bloc_year), errors
        return Side(ev.bloc_year, ev.result, ev.handover), ()

    def table(self, rel: str):
        table, diags = self.ws.table(f"_tables/{PurePosixPath(rel).stem}")
        return table, tuple(sorted_diagnostics(d for d in diags if d.is_error))


def _kind(rel: str) -> str:
    return classify(Path("."), Path(rel))


def _status(a: _Reader, b: _Reader, rel: str) -> str:
    if not a.has(rel):
        return "added"
    if not b.has(rel):
        return "removed"
    return "modified" if a.snap.files[rel] != b.snap.files[rel] else "affected"


def _candidates(a: Snapshot, b: Snapshot) -> tuple[list[str], list[str]]:
    """(changed files, bloc-years to compare): all of them when thidua.yaml or a table changed."""
    every = sorted(set(a.files) | set(b.files))
    changed = [rel for rel in every if a.files.get(rel) != b.files.get(rel)]
    bloc_years = [rel for rel in every if _kind(rel) == "bloc-year"]
    if any(_kind(rel) != "bloc-year" for rel in changed):
        return changed, bloc_years
    wanted: set[str] = set()
    for rel in changed:
        p = PurePosixPath(rel)
        wanted.add(rel)
        if p.stem.isdigit():  # later years of the bloc: their handover reads this one as history
            wanted.update(str(p.with_name(f"{int(p.stem) + k}.yaml")) for k in range(1, HISTORY_YEARS + 1))
    return changed, [rel for rel in bloc_years if rel in wanted]


def compare_snapshots(old: Snapshot, new: Snapshot) -> DiffRun:
    a, b = _Reader(old), _Reader(new)
    changed, bloc_years = _candidates(old, new)
    out: list[FileDiff] = []
    config_rel = next((rel for rel in (*old.files, *new.files) if _kind(rel) == "config"), None)
    if config_rel is not None and (config_rel in changed or a.config_errors or b.config_errors):
        status = _status(a, b, config_rel) if config_rel in changed else "affected"
        out.append(FileDiff(config_rel, "config", status, a.config_errors, b.config_errors,
                            config_keys=compare_configs(a.config, b.config)))
    for rel in changed:
        if _kind(rel) == "table":
            old_table, old_errors = a.table(rel) if a.has(rel) else (None, ())
            new_table, new_errors = b.table(rel) if b.has(rel) else (None, ())
            out.append(FileDiff(rel, "table", _status(a, b, rel), old_errors, new_errors,
                                table=compare_tables(old_table, new_table)))
    for rel in bloc_years:
        old_side, old_errors = a.bloc_year(rel) if a.has(rel) else (None, ())
        new_side, new_errors = b.bloc_year(rel) if b.has(rel) else (None, ())
        unreadable = (a.has(rel) and old_side is None) or (b.has(rel) and new_side is None)
        change = None if unreadable else compare(old_side, new_side)
        out.append(FileDiff(rel, "bloc-year", _status(a, b, rel), old_errors, new_errors, bloc_year=change))
    kept = tuple(f for f in out if not f.empty)
    quiet = tuple(f.path for f in out if f.empty and f.status != "affected")
    return DiffRun(old.label, old.commit, new.label, new.commit, kept, quiet)


def diff_at(root: Path, old_rev: str | None = None, new_rev: str | None = None) -> DiffRun:
    """Like `git diff`: no revision compares HEAD with the working tree; one compares it with
    the working tree; two compare the revisions."""
    top = toplevel(root)
    old = old_rev or "HEAD"
    with snapshot(root, top, old) as a, snapshot(root, top, new_rev) as b:
        return compare_snapshots(a, b)


# -- git's diff driver ---------------------------------------------------------------------

def read_one(root: Path | None, file: Path) -> OneFile:
    """Read ``file`` (git hands the driver a temporary copy) with the config and tables of ``root``."""
    from thidua.errors import ThiduaError
    from thidua.loading.load import MAX_FILE_BYTES
    from thidua.loading.reading import ReadRefused, read_bounded

    try:
        data = read_bounded(file, MAX_FILE_BYTES)
    except ReadRefused as refused:
        raise ThiduaError(f"{file}: {refused.message}") from None
    ws = Workspace(root) if root is not None else _Alone(file.parent)
    config, config_diags = ws.config()
    load = ws.bloc_year(file)
    by, result = load.bloc_year, None
    findings = [*config_diags, *load.diagnostics]
    if by is not None:
        # git's temporary copy has another name and folder: the file is judged where it belongs
        done = assess(by, config, by.bloc, str(by.year), loading=load.diagnostics, score=True,
                      config_errors=has_errors(config_diags))
        findings = [*config_diags, *done.findings]
        result = done.result
    return OneFile(data.decode("utf-8", "replace"), by, result, tuple(sorted_diagnostics(findings)))


class _Alone(Workspace):
    """A file read outside any data root: the province's defaults, no thidua.yaml looked for."""

    def config(self) -> tuple[Config, tuple[Diagnostic, ...]]:
        return Config(), ()
