"""Writing files safely: temporary file in the same folder, fsync, then rename.

A crash in the middle leaves the previous file (or no file) in place, never half
of one. Nothing is ever written over an input the user gave us.

- The temporary file is created with ``O_CREAT | O_EXCL`` and mode 0666, so the
  kernel applies the umask itself (no process-wide umask flip to read it); a file
  that exists keeps its permissions.
- Its name, ``.<name>.<host>-<pid>-<random>.tmp``, says which run made it: a run
  killed between creating and renaming it leaves one behind, and the next write
  of the same file removes it once that run is gone (never a live run's file).
  The loaders never read such a name (only ``*.yaml`` files are data).
- A symbolic link is written through to its target, the link kept, when the
  target lies inside the folder the caller allows (``within``, by default the
  link's own folder); otherwise the write is refused with a message naming both.
- An error names the user's file, never the temporary file beside it.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import secrets
import socket
import stat
import time
from collections.abc import Iterable
from pathlib import Path

from thidua.errors import ThiduaError

TEMP_SUFFIX = ".tmp"
STALE_AFTER = 24 * 3600  # seconds: a temporary file this old is left by a dead run, wherever it ran
_BINARY = getattr(os, "O_BINARY", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _host() -> str:
    return hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:6]


_HOST = _host()


def _owner_tag() -> str:
    return f"{_HOST}-{os.getpid()}"


def _temp_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"^\.{re.escape(name)}\.([0-9a-f]{{6}})-([0-9]+)-[0-9a-f]+{re.escape(TEMP_SUFFIX)}\Z")


def _alive(pid: int) -> bool:
    """Whether a process of this machine is running (POSIX); on Windows, assume it is."""
    if os.name == "nt":  # os.kill(pid, 0) would terminate it there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, another user's
    return True


def stale_temporaries(path: Path) -> list[Path]:
    """Temporary files of ``path`` left by runs that are gone (killed between write and rename)."""
    pattern = _temp_pattern(path.name)
    out = []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return []
    now = time.time()
    for entry in entries:
        m = pattern.match(entry.name)
        if not m:
            continue
        host, pid = m[1], int(m[2])
        try:
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER
        except OSError:
            continue
        mine = host == _HOST and pid == os.getpid()
        if old or (host == _HOST and not mine and not _alive(pid)):
            out.append(Path(entry.path))
    return sorted(out)


def remove_stale_temporaries(path: Path) -> None:
    for tmp in stale_temporaries(path):
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def write_target(path: Path, within: Path | None = None) -> Path:
    """The file a write of ``path`` replaces: ``path``, or the target of the link ``path`` is.

    A link whose target is outside ``within`` (default: the link's folder) is refused.
    """
    if not path.is_symlink():
        return path
    target = os.path.realpath(path)
    allowed = os.path.realpath(within if within is not None else path.parent)
    if not _inside(target, allowed):
        raise ThiduaError(f"'{path}' là liên kết (symlink) tới '{target}', nằm ngoài thư mục '{allowed}'; "
                          "thidua không ghi ra ngoài thư mục đó. Thay liên kết bằng chính tệp, hoặc ghi vào "
                          "tệp đích.")
    if os.path.isdir(target):
        raise ThiduaError(f"'{path}' là liên kết tới thư mục '{target}', không phải một tệp")
    return Path(target)


def _named(exc: OSError, path: Path) -> OSError:
    """The same error, naming the user's file rather than the temporary one."""
    return OSError(exc.errno, exc.strerror or str(exc), str(path))


def _write_temp(path: Path, data: bytes, shown: Path) -> Path:
    """``data`` in a synced temporary file beside ``path``, with the permissions ``path`` should have."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            existing = stat.S_IMODE(os.stat(path).st_mode)
        except FileNotFoundError:
            existing = None
        remove_stale_temporaries(path)
        for _ in range(100):
            tmp = path.with_name(f".{path.name}.{_owner_tag()}-{secrets.token_hex(4)}{TEMP_SUFFIX}")
            try:
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY | _NOFOLLOW,
                             0o600 if existing is not None else 0o666)  # 0666: the kernel applies the umask
                break
            except FileExistsError:
                continue
        else:  # pragma: no cover - a hundred random names all taken
            raise OSError(errno.EEXIST, "không tạo được tệp tạm", str(path))
    except OSError as exc:
        raise _named(exc, shown) from None
    try:
        with os.fdopen(fd, "wb") as f:
            if existing is not None:
                if hasattr(os, "fchmod"):
                    os.fchmod(f.fileno(), existing)
                else:  # pragma: no cover - Windows: only the read-only bit exists
                    os.chmod(tmp, existing)
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _named(exc, shown) from None
        raise
    return tmp


def _sync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to sync."""
    if os.name == "nt":  # pragma: no cover
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def atomic_write(path: Path, data: bytes, *, protect: Iterable[Path] = (), within: Path | None = None,
                 before_replace=None) -> None:
    """Write ``data`` to ``path`` atomically; refuse when ``path`` is one of ``protect``.

    ``before_replace(target)``, when given, runs after the new bytes are safely on disk and
    just before the rename: it may raise to give up (the previous file stays).
    """
    resolved = os.path.realpath(path)  # not Path.resolve(): a symlink loop must not raise
    for p in protect:
        if os.path.realpath(p) == resolved:
            raise ThiduaError(f"không ghi đè lên tệp đầu vào '{path}'")
    target = write_target(path, within)
    tmp = _write_temp(target, data, path)
    try:
        if before_replace is not None:
            before_replace(target)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _named(exc, path) from None
        raise
    _sync_folder(target.parent)


def create_new(path: Path, data: bytes) -> bool:
    """Write ``path`` only if it does not exist yet (atomically); False when it already exists."""
    remove_stale_temporaries(path)
    if os.path.lexists(path):
        return False
    tmp = _write_temp(path, data, path)
    try:
        os.link(tmp, path)  # fails if someone created the file meanwhile: never overwrite
    except FileExistsError:
        return False
    except OSError as exc:
        raise _named(exc, path) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    _sync_folder(path.parent)
    return True
