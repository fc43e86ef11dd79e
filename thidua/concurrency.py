"""Rendering two documents on two cores: the workbook in a forked child, the Markdown here.

`thidua report` writes an xlsx and a Markdown file from one scored model; each renderer
spends most of its time importing its library (openpyxl, jinja2) and is independent of
the other. On a machine with fork() the workbook is made in a child process while the
parent makes the Markdown. Where fork() is missing, or THIDUA_NO_FORK is set, the two
run one after the other. The bytes are the same either way.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from thidua.errors import ThiduaError


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 1 << 16):
        chunks.append(chunk)
    return b"".join(chunks)


class ChildFailed(Exception):
    """The forked child stopped with an unexpected error (its type and message)."""


def both(first: Callable[[], bytes], second: Callable[[], bytes]) -> tuple[bytes, bytes]:
    """``(first(), second())``, with ``first`` run in a forked child when that is possible."""
    if (not hasattr(os, "fork") or os.environ.get("THIDUA_NO_FORK") or os.environ.get("THIDUA_DEBUG")
            or (os.cpu_count() or 1) < 2):
        return first(), second()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: render, send the bytes (or the error) up the pipe, leave without cleanup
        os.close(read_end)
        status = 0
        try:
            data = b"+" + first()
        except ThiduaError as exc:
            data, status = b"!" + exc.message.encode("utf-8"), 1
        except BaseException as exc:  # noqa: BLE001 - reported by the parent as an internal error
            data, status = b"?" + f"{type(exc).__name__}: {exc}".encode(), 1
        try:
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(data)
        finally:
            os._exit(status)
    os.close(write_end)
    try:
        second_result = second()
    finally:
        with os.fdopen(read_end, "rb", closefd=True) as pipe:
            data = pipe.read()
        os.waitpid(pid, 0)
    if data.startswith(b"!"):
        raise ThiduaError(data[1:].decode("utf-8", "replace"))
    if not data.startswith(b"+"):
        raise ChildFailed(data[1:].decode("utf-8", "replace") or "tiến trình xuất Excel dừng giữa chừng")
    return data[1:], second_result
