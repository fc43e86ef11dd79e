"""The data root as it stands in a git revision, read with the git command line (no git library).

`git rev-parse` finds the repository and checks a revision; `git ls-tree` lists the
revision's data files and `git cat-file --batch` reads them all in one process, as
bytes. :func:`snapshot` copies them into a temporary folder laid out like the data
root, so the one Workspace (and every check) reads a revision exactly as it reads the
working tree: nothing about loading is written twice.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from thidua.errors import ThiduaError
from thidua.loading.root import BLOCS_DIR, CONFIG_NAME, all_data_files, display_path

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
        if not empty and git(top, "rev-parse", "--is-shallow-repository").stdout.strip() == b"true":
            raise ThiduaError(f"không có phiên bản '{rev}' trong kho git {top}: kho là bản sao nông (shallow clone) "
                              "chỉ có vài commit gần nhất; lấy đủ lịch sử bằng 'git fetch --unshallow' "
                              "(GitHub Actions: actions/checkout với fetch-depth: 0)")
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
