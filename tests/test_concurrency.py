"""thidua.concurrency.both: the same results with or without fork, errors reported, never lost."""

import os
import traceback
from pathlib import Path

import pytest
from report_support import data_root, report

from thidua.concurrency import ChildFailed, both
from thidua.errors import ThiduaError

REPOSITORY = Path(__file__).resolve().parent.parent


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
    with pytest.raises(ChildFailed, match="ZeroDivisionError"):
        both(lambda: bytes(1 // 0), lambda: b"md")


def _broken_workbook(ctx):
    raise ValueError("hỏng khi dựng bảng tính")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork()")
def test_report_child_error_is_an_internal_error_and_under_debug_its_traceback(tmp_path, monkeypatch):
    import thidua.render.xlsx as xlsx

    monkeypatch.setattr(xlsx, "bloc_workbook", _broken_workbook)
    root = data_root(tmp_path)
    result = report(root, "--bloc", "mttq")
    assert result.exit_code == 2
    assert "lỗi nội bộ của thidua (ValueError: hỏng khi dựng bảng tính)" in result.stderr
    assert "THIDUA_DEBUG=1" in result.stderr
    monkeypatch.setenv("THIDUA_DEBUG", "1")
    result = report(root, "--bloc", "mttq")
    assert isinstance(result.exception, ValueError)  # raised here, with its traceback, not a line from a child
    assert result.exc_info[2] is not None and "_broken_workbook" in "".join(
        traceback.format_tb(result.exc_info[2]))


def test_library_calls_leave_the_garbage_collector_alone(monkeypatch):
    import gc

    import thidua

    calls = []
    for name in ("disable", "enable", "set_threshold", "freeze"):
        monkeypatch.setattr(gc, name, lambda *a, _n=name: calls.append(_n))
    thidua.validate(REPOSITORY)
    thidua.score(REPOSITORY, 2024)
    assert calls == []
