"""An exclusive lock on a data file, held from reading it to replacing it (portable, no library).

Two runs that rewrite the same bloc-year (two ``form import --write`` for two members,
an import and a ``handover --write``) take turns: the second waits, then reads the file
the first wrote, so both changes land. A file replaced by a program that does not take
the lock (an editor) is noticed before the rename (:meth:`FileLock.check_unchanged`).

- POSIX: ``fcntl.flock`` on the file itself, so no lock file is ever left in the data
  folder. The file is replaced by a rename while locked, so a run that waited holds a
  lock on the old inode: after locking, it checks that the path still names the inode
  it locked, and starts again on the new one if not.
- Windows: ``msvcrt.locking`` on one byte of a lock file beside the data file
  (``.<name>.lock``): Windows cannot rename over a file another handle keeps open, so
  the data file itself cannot be held. The lock file is removed on release when no
  other run has it open.

Why not the ``filelock`` package: it always uses a separate lock file (left behind on
POSIX), and the inode check after locking is still ours to write; the two system calls
are all we need.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from thidua.errors import ThiduaError
from thidua.writing import remove_stale_temporaries

DEFAULT_TIMEOUT = 120.0  # seconds a run waits for another that writes the same file


def lock_timeout() -> float:
    try:
        return max(0.0, float(os.environ.get("THIDUA_LOCK_TIMEOUT", DEFAULT_TIMEOUT)))
    except ValueError:
        return DEFAULT_TIMEOUT


class LockTimeout(ThiduaError):
    pass


def _identity(st: os.stat_result) -> tuple[int, int]:
    return st.st_dev, st.st_ino


class FileLock:
    """An exclusive lock on one existing file; see the module docstring."""

    def __init__(self, path: Path, shown: str | None = None) -> None:
        self.path = Path(os.path.realpath(path))
        self.shown = shown or str(path)
        self._fd: int | None = None
        self._lockfile: Path | None = None
        self.identity: tuple[int, int] | None = None

    # -- acquiring -------------------------------------------------------------
    def acquire(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (lock_timeout() if timeout is None else timeout)
        delay = 0.005
        while True:
            if self._try():
                return
            if time.monotonic() >= deadline:
                raise LockTimeout(f"{self.shown}: một lần chạy khác đang ghi tệp này và chưa xong; "
                                  "chờ lần chạy đó kết thúc rồi chạy lại lệnh")
            time.sleep(delay)
            delay = min(delay * 2, 0.1)

    def _try(self) -> bool:
        if os.name == "nt":  # pragma: no cover - exercised on Windows only
            return self._try_windows()
        import fcntl

        try:
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_NONBLOCK", 0))
        except FileNotFoundError:
            raise ThiduaError(f"không có tệp {self.shown}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        except OSError:
            os.close(fd)
            raise
        try:
            now = _identity(os.stat(self.path))
        except FileNotFoundError:
            now = None
        locked = _identity(os.fstat(fd))
        if now != locked:  # replaced while we waited: lock the file that is there now
            os.close(fd)
            return False
        self._fd, self.identity = fd, locked
        return True

    def _try_windows(self) -> bool:  # pragma: no cover - exercised on Windows only
        import msvcrt

        lockfile = self.path.with_name(f".{self.path.name}.lock")
        fd = os.open(lockfile, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o666)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            os.close(fd)
            return False
        self._fd, self._lockfile = fd, lockfile
        self.identity = _identity(os.stat(self.path))
        return True

    # -- while held ----------------------------------------------------------------
    def check_unchanged(self, expected: bytes | None = None) -> bool:
        """Whether the path still names the file locked (and, given ``expected``, holds those bytes)."""
        from thidua.loading.reading import ReadRefused, read_bounded

        try:
            if _identity(os.stat(self.path)) != self.identity:
                return False
            if expected is None:
                return True
            return read_bounded(self.path, max(len(expected), 1) * 2 + 1024) == expected
        except (OSError, ReadRefused):
            return False

    # -- releasing -----------------------------------------------------------------
    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if os.name == "nt":  # pragma: no cover - exercised on Windows only
            import msvcrt

            with contextlib.suppress(OSError):
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
            os.close(fd)
            with contextlib.suppress(OSError):  # fails while another run has it open: it stays for that run
                os.unlink(self._lockfile)
            return
        os.close(fd)  # closing the descriptor releases the flock


@contextlib.contextmanager
def locked(paths: Iterable[Path], shown=str, timeout: float | None = None) -> Iterator[dict[Path, FileLock]]:
    """Hold an exclusive lock on each existing file of ``paths``, in one order (no deadlock)."""
    locks: dict[Path, FileLock] = {}
    ordered = sorted({Path(p) for p in paths}, key=lambda p: os.path.realpath(p))
    try:
        for p in ordered:
            if not p.exists():
                continue
            lock = FileLock(p, shown(p))
            lock.acquire(timeout)
            locks[p] = lock
            remove_stale_temporaries(lock.path)  # left by a run killed while it held this lock
        yield locks
    finally:
        for lock in reversed(list(locks.values())):
            lock.release()
