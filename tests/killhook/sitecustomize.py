"""Loaded by the kill -9 test's child processes only (tests/test_kill_writes.py puts this folder on PYTHONPATH).

It widens the moments a crash can hit: each fsync and each rename waits a little first, so a kill at a
random time often lands while a temporary file exists, between writing and renaming. thidua itself is
unchanged.
"""

import os
import time

_DELAY = float(os.environ.get("THIDUA_TEST_WRITE_DELAY", "0"))

if _DELAY:
    _fsync, _replace, _link = os.fsync, os.replace, os.link

    def fsync(fd):
        time.sleep(_DELAY)
        return _fsync(fd)

    def replace(src, dst, *a, **k):
        time.sleep(_DELAY)
        return _replace(src, dst, *a, **k)

    def link(src, dst, *a, **k):
        time.sleep(_DELAY)
        return _link(src, dst, *a, **k)

    os.fsync, os.replace, os.link = fsync, replace, link
