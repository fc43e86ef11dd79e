"""Reading a file's bytes safely: regular files only, never more than a limit, never a hang.

A FIFO named as a data file would block ``read()`` forever, ``/dev/zero`` would fill memory,
a socket cannot be opened. Each is refused with a reason instead: the file is opened
without blocking, checked with ``fstat`` on the open descriptor (so it cannot be swapped
between the check and the read), and read up to one byte past the limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from thidua.oserrors import os_error_text


class ReadRefused(Exception):
    """Why a path was not read: ``kind`` is ``too-large``, ``not-regular`` or ``unreadable``."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


def _what(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "một thư mục"
    if stat.S_ISFIFO(mode):
        return "một đường ống (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "một thiết bị"
    if stat.S_ISSOCK(mode):
        return "một socket"
    return "không phải tệp thường"


_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them; else :class:`ReadRefused`."""
    try:
        before = os.stat(path)
    except OSError as exc:
        raise ReadRefused("unreadable", f"không đọc được tệp: {os_error_text(exc)}") from None
    if not stat.S_ISREG(before.st_mode):
        raise ReadRefused("not-regular", f"đường dẫn này là {_what(before.st_mode)}, không phải một tệp dữ liệu")
    if before.st_size > limit:
        raise ReadRefused("too-large", f"tệp quá lớn ({before.st_size} byte, tối đa {limit})")
    try:
        fd = os.open(path, _FLAGS)
    except OSError as exc:
        raise ReadRefused("unreadable", f"không đọc được tệp: {os_error_text(exc)}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):  # swapped for something else since the first look
            raise ReadRefused("not-regular", f"đường dẫn này là {_what(st.st_mode)}, không phải một tệp dữ liệu")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise ReadRefused("unreadable", f"không đọc được tệp: {os_error_text(exc)}") from None
    finally:
        os.close(fd)
    if size > limit:
        raise ReadRefused("too-large", f"tệp quá lớn (hơn {limit} byte)")
    return b"".join(chunks)
