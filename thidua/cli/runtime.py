"""Settings of the thidua process itself, applied by the console script only.

A library caller (``thidua.validate()``, ``thidua.score()``) gets the interpreter as it
left it; only a run of the ``thidua`` command tunes it, for that run, and restores it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_THRESHOLD = 100_000


@contextmanager
def command_run() -> Iterator[None]:
    """The cyclic garbage collector looks at young objects less often during the run.

    Each file read leaves thousands of small records (nodes, sources, fields) that live
    until the run is done with the bloc; with the default threshold (700 allocations)
    every collection of the youngest generation walks them again, a tenth of `validate`'s
    time on the bench data. The records hold no cycles, so nothing lives longer for it.
    """
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], YOUNG_THRESHOLD), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
