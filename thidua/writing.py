"""Writing files safely: temporary file in the same folder, fsync, then rename.

A crash in the middle leaves the previous file (or no file) in place, never half
of one. Nothing is ever written over an input the user gave us.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from thidua.errors import ThiduaError


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; give a new one what the umask allows (mkstemp's 0600 would not)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _write_temp(path: Path, data: bytes) -> str:
    """``data`` in a synced temporary file beside ``path``, with the permissions ``path`` should have."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            os.fchmod(f.fileno(), mode)
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def atomic_write(path: Path, data: bytes, *, protect: Iterable[Path] = ()) -> None:
    """Write ``data`` to ``path`` atomically; refuse when ``path`` is one of ``protect``."""
    target = path.resolve()
    for p in protect:
        if Path(p).resolve() == target:
            raise ThiduaError(f"không ghi đè lên tệp đầu vào '{path}'")
    tmp = _write_temp(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def create_new(path: Path, data: bytes) -> bool:
    """Write ``path`` only if it does not exist yet (atomically); False when it already exists."""
    if path.exists():
        return False
    tmp = _write_temp(path, data)
    try:
        os.link(tmp, path)  # fails if someone created the file meanwhile: never overwrite
        return True
    except FileExistsError:
        return False
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
