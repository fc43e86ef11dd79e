"""thidua.concurrency.both: the same results with or without fork, errors reported, never lost."""

import os

import pytest

from thidua.concurrency import both
from thidua.errors import ThiduaError


@pytest.mark.parametrize("no_fork", ["", "1"])
def test_both_returns_each_result_in_order(monkeypatch, no_fork):
    monkeypatch.setenv("THIDUA_NO_FORK", no_fork)
    big = bytes(range(256)) * 4096  # larger than a pipe's buffer: the parent must read while the child writes
    assert both(lambda: big, lambda: b"md") == (big, b"md")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork()")
def test_a_failing_child_is_an_error_with_its_message(monkeypatch):
    monkeypatch.delenv("THIDUA_NO_FORK", raising=False)

    def broken() -> bytes:
        raise ThiduaError("mẫu hỏng")

    with pytest.raises(ThiduaError, match="mẫu hỏng"):
        both(broken, lambda: b"md")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork()")
def test_an_unexpected_error_in_the_child_is_named(monkeypatch):
    monkeypatch.delenv("THIDUA_NO_FORK", raising=False)
    with pytest.raises(ThiduaError, match="ZeroDivisionError"):
        both(lambda: bytes(1 // 0), lambda: b"md")
