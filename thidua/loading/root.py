"""Finding the data root and the bloc-year files under it, like git finds its repository."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from thidua.errors import ThiduaError
from thidua.ids import ID_RE, YEAR_FILE_RE

CONFIG_NAME = "thidua.yaml"
BLOCS_DIR = "blocs"
TABLES_DIR = "_tables"
_YEAR_FILE = YEAR_FILE_RE
_BLOC_DIR = ID_RE  # a bloc folder is a bloc id


class RootNotFound(ThiduaError):
    """No folder upward holds thidua.yaml or blocs/ (an environment error, exit 2)."""


def _present(path: Path) -> bool:
    """Something stands at ``path`` that is not a folder: a file, or a FIFO, device or socket that
    the reader refuses with a finding (E009) rather than skipping it unseen."""
    return path.exists() and not path.is_dir()


def config_path(root: Path) -> Path | None:
    """thidua.yaml at the root, or inside blocs/ (the bundled data keeps it there)."""
    for candidate in (root / CONFIG_NAME, root / BLOCS_DIR / CONFIG_NAME):
        if _present(candidate):
            return candidate
    return None


def _root_of(folder: Path) -> Path:
    """The data root a folder with thidua.yaml or blocs/ belongs to.

    The bundled layout keeps thidua.yaml inside blocs/ (``<root>/blocs/thidua.yaml``): a folder
    named blocs/ that holds thidua.yaml and no blocs/ of its own is that folder, and the root is
    its parent — so ``cd blocs`` or a file under it finds the same root as the folder above.
    """
    if folder.name == BLOCS_DIR and (folder / CONFIG_NAME).is_file() and not (folder / BLOCS_DIR).is_dir():
        return folder.parent
    return folder


def find_root(explicit: str | os.PathLike | None = None, start: Path | None = None) -> Path:
    """``--root``, else ``$THIDUA_ROOT``, else the nearest folder upward with thidua.yaml or blocs/.

    Every command finds the same root from anywhere inside it: the root itself, blocs/, a bloc's
    folder, or (for a file named on the command line) the file's folder.
    """
    given = explicit or os.environ.get("THIDUA_ROOT")
    if given:
        root = Path(given)
        if not root.is_dir():
            if os.path.lexists(root):
                raise RootNotFound(f"thư mục dữ liệu '{given}' là một tệp, không phải thư mục")
            raise RootNotFound(f"thư mục dữ liệu '{given}' không tồn tại")
        if root.name == BLOCS_DIR and not (root / BLOCS_DIR).is_dir():
            root = root.absolute().parent  # the root's blocs/ folder, named as the root: its parent is meant
        if not ((root / CONFIG_NAME).is_file() or (root / BLOCS_DIR).is_dir()):
            inner = next((f for f in (root, *root.parents) if (f / BLOCS_DIR).is_dir() or (f / CONFIG_NAME).is_file()),
                         None)
            hint = f"; có phải ý là '{_root_of(inner)}'?" if inner is not None else ""
            raise RootNotFound(f"'{given}' không phải thư mục dữ liệu thi đua: không có {CONFIG_NAME} "
                               f"hoặc {BLOCS_DIR}/ trong đó{hint}")
        return root
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file() or (folder / BLOCS_DIR).is_dir():
            return _root_of(folder)
    raise RootNotFound(
        f"không tìm thấy thư mục dữ liệu (có {CONFIG_NAME} hoặc {BLOCS_DIR}/) từ {here} trở lên; "
        "dùng --root hoặc biến THIDUA_ROOT"
    )


# Who is told of each folder listed by bloc_ids()/years_of(): the result cache records, for each
# file it checks, which listings its evaluation read (a check that reads "every bloc of the year"
# depends on which blocs there are), as it records the files read (thidua/loading/tracing.py).
_listing_observers: list[Callable[[str, Path, str | None], None]] = []


def _listed(root: Path, bloc: str | None) -> None:
    for observe in _listing_observers:
        observe("blocs" if bloc is None else "years", root, bloc)


def folder_entries(folder: Path) -> list[os.DirEntry]:
    """A folder's entries (none when it is missing, not a folder or not readable), without a Path
    per entry, in no particular order."""
    try:
        with os.scandir(folder) as it:
            return list(it)
    except OSError:
        return []


def bloc_ids(root: Path) -> list[str]:
    if _listing_observers:
        _listed(root, None)
    return sorted(e.name for e in folder_entries(root / BLOCS_DIR) if _BLOC_DIR.match(e.name) and entry_is_dir(e))


def entry_is_dir(e: os.DirEntry) -> bool:
    """A folder (through a link); a link that loops is none (Python raises on it, not False)."""
    try:
        return e.is_dir()
    except OSError:
        return False


def require_bloc(root: Path, bloc: str) -> None:
    """Stop (exit 2) with the blocs there are when ``bloc`` is not one of them."""
    known = bloc_ids(root)
    if bloc not in known:
        raise ThiduaError(f"không có khối '{bloc}' trong {root / BLOCS_DIR} "
                          f"(các khối: {', '.join(known) or 'không có khối nào'})")


def years_of(root: Path, bloc: str) -> list[int]:
    if _listing_observers:
        _listed(root, bloc)
    # Anything named like a year file counts, folders and FIFOs too: reading it reports E009.
    return sorted(int(m[1]) for e in folder_entries(root / BLOCS_DIR / bloc) if (m := _YEAR_FILE.match(e.name)))


def bloc_year_path(root: Path, bloc: str, year: int) -> Path:
    return root / BLOCS_DIR / bloc / f"{year}.yaml"


def bloc_year_paths(root: Path, year: int | None = None, bloc: str | None = None) -> list[Path]:
    """Every ``blocs/<bloc>/<year>.yaml``, sorted by bloc then year; narrowed by year and bloc."""
    out = []
    for b in bloc_ids(root):
        if bloc is not None and b != bloc:
            continue
        for y in years_of(root, b):
            if year is None or y == year:
                out.append(bloc_year_path(root, b, y))
    return out


def all_data_files(root: Path) -> list[Path]:
    """Bloc-year files, shared tables and thidua.yaml: what `validate` reads by default."""
    out = []
    cfg = config_path(root)
    if cfg is not None:
        out.append(cfg)
    tables = root / BLOCS_DIR / TABLES_DIR
    if tables.is_dir():
        out.extend(sorted(p for p in tables.glob("*.yaml") if _present(p)))
    out.extend(bloc_year_paths(root))
    return out


def real_path(path: str | os.PathLike) -> Path:
    """``path`` with its links followed, like ``Path.resolve()`` but never raising: a symlink loop in
    the data (``2025.yaml -> loop -> 2025.yaml``) stays a path the reader reports (E008), where
    ``resolve()`` raises RuntimeError on Python 3.11."""
    return Path(os.path.realpath(path))


def display_path(root: Path, path: Path) -> str:
    """A file's name in findings and results: relative to the data root when inside it."""
    try:
        return real_path(path).relative_to(real_path(root)).as_posix()
    except ValueError:
        return str(path)


def display_paths(root: Path, paths) -> list[str]:
    """:func:`display_path` of many files at once: each folder is resolved once, not once per file."""
    top = str(real_path(root))
    folders: dict[str, str] = {}
    out = []
    for path in paths:
        folder, name = os.path.split(os.path.abspath(path))
        real_folder = folders.get(folder)
        if real_folder is None:
            real_folder = folders[folder] = os.path.realpath(folder)
        real = os.path.join(real_folder, name)
        if os.path.islink(real):
            real = os.path.realpath(real)
        if real.startswith(top + os.sep):
            out.append(real[len(top) + 1:].replace(os.sep, "/"))
        else:
            out.append(display_path(root, Path(path)))
    return out


def user_path(root: Path, name: str, base: str | os.PathLike | None = None) -> str:
    """A name from :func:`display_path` as the user can open it from ``base`` (the current folder).

    Relative to ``base`` when the file lies under it, or when both lie inside the data root
    (``../_tables/mttq-2024.yaml`` from a bloc's folder); absolute otherwise (run from elsewhere
    with ``--root``, or written with ``-o`` outside the data), rather than a climb of ``../`` out of
    one tree into another.
    """
    if not name:
        return name
    here = os.path.abspath(base if base is not None else os.curdir)
    target = os.path.normpath(os.path.join(os.path.abspath(root), name))
    top = os.path.abspath(root)
    try:
        under_root = os.path.commonpath([here, top]) == top and os.path.commonpath([target, top]) == top
        inside = os.path.commonpath([here, target]) == here or under_root
        shown = os.path.relpath(target, here) if inside else target
    except ValueError:  # another drive (Windows)
        shown = target
    return Path(shown).as_posix()


def classify(root: Path, path: Path) -> str:
    """``config``, ``table`` or ``bloc-year``, by where the file stands."""
    if path.name == CONFIG_NAME:
        return "config"
    if path.parent.name == TABLES_DIR:
        return "table"
    return "bloc-year"
