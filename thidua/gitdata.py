"""The data root as it stands in a git revision, read with the git command line (no git library).

`git rev-parse` finds the repository and checks a revision; `git ls-tree` lists
the revision's data files and `git cat-file --batch` reads them all in one
process, as bytes. The files are copied into a temporary folder laid out like
the data root, so the one Workspace (and every check) reads a revision exactly
as it reads the working tree: nothing about loading is written twice.

``diff_at`` compares two such snapshots bloc-year by bloc-year (thidua.core.compare
says what changed); ``textconv_at`` renders one file for git's diff driver.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from thidua.core.compare import BlocYearChange, Side, TableChange, compare, compare_configs, compare_tables
from thidua.core.results import BlocResult
from thidua.diagnostics import Diagnostic, has_errors, sorted_diagnostics
from thidua.errors import ThiduaError
from thidua.evaluation import HISTORY_YEARS, assess, evaluate
from thidua.loading.load import Workspace
from thidua.loading.root import BLOCS_DIR, CONFIG_NAME, all_data_files, classify, display_path
from thidua.model import BlocYear, Config

WORKTREE = "thư mục làm việc"
GIT_TIMEOUT = 300


# -- git ------------------------------------------------------------------------

def git(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """Run git; a missing git is an environment error (exit 2). The caller judges the status."""
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        return subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, env=env,
                              timeout=GIT_TIMEOUT, check=False)
    except FileNotFoundError:
        raise ThiduaError("không tìm thấy lệnh git; cài git rồi chạy lại") from None
    except subprocess.TimeoutExpired:
        raise ThiduaError(f"git {args[0]} chạy quá {GIT_TIMEOUT} giây") from None


def _stderr(proc: subprocess.CompletedProcess) -> str:
    text = proc.stderr.decode("utf-8", "replace").strip().splitlines()
    return text[0] if text else f"mã thoát {proc.returncode}"


def toplevel(root: Path) -> Path:
    """The top of the git repository holding ``root``, or a ThiduaError (exit 2)."""
    proc = git(root, "rev-parse", "--show-toplevel")
    if proc.returncode != 0 or not proc.stdout.strip():
        raise ThiduaError(f"thư mục dữ liệu {root} không nằm trong một kho git ({_stderr(proc)}); "
                          "thidua diff đọc các phiên bản cũ qua git: chạy 'git init' và commit dữ liệu trước")
    return Path(os.fsdecode(proc.stdout.rstrip(b"\n")))


def resolve(top: Path, rev: str) -> str:
    """The commit ``rev`` names, or a ThiduaError (exit 2) for an unknown revision."""
    if not rev or rev.startswith("-"):
        raise ThiduaError(f"'{rev}' không phải là một phiên bản git")
    proc = git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")
    if proc.returncode != 0:
        empty = git(top, "rev-parse", "--verify", "--quiet", "HEAD").returncode != 0
        why = "kho chưa có commit nào" if empty else "xem 'git log --oneline' để chọn phiên bản"
        raise ThiduaError(f"không có phiên bản '{rev}' trong kho git {top} ({why})")
    return proc.stdout.decode("ascii").strip()


def _prefix(top: Path, root: Path) -> PurePosixPath:
    try:
        return PurePosixPath(root.resolve().relative_to(top.resolve()).as_posix())
    except ValueError:
        raise ThiduaError(f"thư mục dữ liệu {root} nằm ngoài kho git {top}") from None


def _wanted(rel: PurePosixPath) -> bool:
    """thidua.yaml and the YAML files under blocs/: what a snapshot needs to read the data root."""
    if rel.as_posix() == CONFIG_NAME:
        return True
    return len(rel.parts) >= 2 and rel.parts[0] == BLOCS_DIR and rel.suffix == ".yaml"


def revision_files(top: Path, commit: str, root: Path) -> dict[str, bytes]:
    """The data files of ``root`` at ``commit``: root-relative POSIX path → bytes."""
    prefix = _prefix(top, root)
    specs = [str(prefix / CONFIG_NAME), str(prefix / BLOCS_DIR)] if str(prefix) != "." else [CONFIG_NAME, BLOCS_DIR]
    listing = git(top, "ls-tree", "-r", "-z", "--full-tree", commit, "--", *specs)
    if listing.returncode != 0:
        raise ThiduaError(f"git ls-tree {commit[:12]} thất bại: {_stderr(listing)}")
    wanted: list[tuple[str, str]] = []  # (object id, root-relative path)
    for entry in listing.stdout.split(b"\0"):
        if not entry:
            continue
        meta, _, name = entry.partition(b"\t")
        mode, kind, oid = meta.decode("ascii").split(" ")
        if kind != "blob" or mode == "120000":  # symbolic links and submodules are not data
            continue
        path = PurePosixPath(os.fsdecode(name))
        rel = PurePosixPath(*path.parts[len(prefix.parts):]) if str(prefix) != "." else path
        if _wanted(rel):
            wanted.append((oid, rel.as_posix()))
    if not wanted:
        return {}
    batch = git(top, "cat-file", "--batch", stdin="".join(f"{oid}\n" for oid, _ in wanted).encode("ascii"))
    if batch.returncode != 0:
        raise ThiduaError(f"git cat-file thất bại: {_stderr(batch)}")
    out: dict[str, bytes] = {}
    data, pos = batch.stdout, 0
    for _, rel in wanted:
        end = data.index(b"\n", pos)
        header = data[pos:end].decode("ascii").split(" ")
        if len(header) != 3:
            raise ThiduaError(f"git cat-file không đọc được {rel}: {' '.join(header)}")
        size = int(header[2])
        out[rel] = data[end + 1:end + 1 + size]
        pos = end + 1 + size + 1
    return out


def worktree_files(root: Path) -> dict[str, bytes]:
    """The data files of ``root`` as they are on disk (untracked ones included).

    Read with a bounded read: a FIFO or a device under blocs/ is left out (validate reports it, E009),
    never read forever.
    """
    from thidua.loading.load import MAX_FILE_BYTES
    from thidua.loading.reading import ReadRefused, read_bounded

    out = {}
    for p in all_data_files(root):
        with contextlib.suppress(ReadRefused):
            out[display_path(root, p)] = read_bounded(p, MAX_FILE_BYTES)
    return out


# -- snapshots -----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Snapshot:
    """One side of a comparison: a folder laid out like the data root, and its data files' bytes."""

    label: str
    commit: str | None  # None: the working tree
    root: Path
    files: dict[str, bytes]


def _materialize(folder: Path, files: dict[str, bytes]) -> None:
    base = folder.resolve()
    for rel, data in files.items():
        target = (folder / rel).resolve()
        if base not in target.parents:
            raise ThiduaError(f"đường dẫn lạ trong kho git: {rel}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)  # a private temporary copy, never a user's file


@contextlib.contextmanager
def snapshot(root: Path, top: Path | None, rev: str | None) -> Iterator[Snapshot]:
    """The data root at ``rev`` (a temporary copy, removed afterwards), or the working tree for None."""
    if rev is None:
        yield Snapshot(WORKTREE, None, root, worktree_files(root))
        return
    assert top is not None
    commit = resolve(top, rev)
    files = revision_files(top, commit, root)
    with tempfile.TemporaryDirectory(prefix="thidua-") as tmp:
        folder = Path(tmp)
        _materialize(folder, files)
        # the data files as the working tree would list them (same rules, same names)
        yield Snapshot(rev, commit, folder, {display_path(folder, p): files[display_path(folder, p)]
                                             for p in all_data_files(folder)})


# -- the comparison --------------------------------------------------------------------

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

@dataclass(frozen=True, slots=True)
class OneFile:
    """One bloc-year file read on its own (for the textconv driver)."""

    text: str
    bloc_year: BlocYear | None
    result: BlocResult | None
    findings: tuple[Diagnostic, ...]


def read_one(root: Path | None, file: Path) -> OneFile:
    """Read ``file`` (git hands the driver a temporary copy) with the config and tables of ``root``."""
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
