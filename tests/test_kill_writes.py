"""kill -9 at random moments during `form import --write` and `handover --write` (a bounded loop).

Each run is a real process killed with SIGKILL after a random delay; the children wait a little before
each fsync and rename (tests/killhook/sitecustomize.py) so that many kills land while a temporary file
exists. After every kill, every input is either fully old or fully new; after the loop, one run that is
left to finish cleans the temporaries the killed runs left, and none remains.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from form_support import SELF, SHEETS, YEAR_FILE, export, fill, make_root, run

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

REPO = Path(__file__).resolve().parent.parent
HOOK = Path(__file__).resolve().parent / "killhook"
KILLS = 10
DELAY = "0.15"


def start(*args) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HOOK), str(REPO)]), "THIDUA_TEST_WRITE_DELAY": DELAY}
    return subprocess.Popen([sys.executable, "-m", "thidua", *map(str, args)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(".*.tmp"))


def timed(*args) -> float:
    t = time.monotonic()
    proc = start(*args)
    assert proc.wait(timeout=120) == 0
    return time.monotonic() - t


def kill_loop(args, reset, states: set[bytes], read, seed: int) -> list[str]:
    """Start, kill after a random delay, check; returns what each kill left (old, new, temporaries)."""
    rng = random.Random(seed)
    outcomes = []
    for _ in range(KILLS):
        reset()
        proc = start(*args)
        time.sleep(rng.uniform(0.0, WINDOW[0]))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        now = read()
        assert now in states, "a killed write left a file that is neither the old one nor the new one"
        outcomes.append(next(k for k, v in STATE_NAMES.items() if v == now) if now in STATE_NAMES.values() else "?")
    return outcomes


WINDOW = [1.0]
STATE_NAMES: dict[str, bytes] = {}


def test_kill_9_during_form_import_leaves_the_file_old_or_new(tmp_path):
    root = make_root(tmp_path)
    path = root / YEAR_FILE
    form = export(root, tmp_path / "f.xlsx")
    filled = fill(form, tmp_path / "filled.xlsx", {SHEETS["beta"]: {SELF["1.2"]: 6}, SHEETS["gamma"]: {SELF["1.1"]: 7}})
    old = path.read_bytes()
    reference = tmp_path / "reference"
    shutil.copytree(root, reference)
    assert run("form", "import", filled, "--root", reference, "--write").exit_code == 0
    new = (reference / YEAR_FILE).read_bytes()
    assert new != old
    timing = tmp_path / "timing"
    shutil.copytree(root, timing)
    WINDOW[0] = timed("form", "import", filled, "--root", timing, "--write") * 1.2  # a whole run, writing
    STATE_NAMES.clear()
    STATE_NAMES.update(old=old, new=new)
    leftovers = []

    def reset():
        leftovers.extend(temporaries(root / "blocs"))
        path.write_bytes(old)

    outcomes = kill_loop(["form", "import", filled, "--root", root, "--write"], reset, {old, new},
                         path.read_bytes, seed=14)
    assert set(outcomes) <= {"old", "new"}
    # a run left to finish: it writes, and removes what the killed runs left
    path.write_bytes(old)
    proc = start("form", "import", filled, "--root", root, "--write")
    assert proc.wait(timeout=120) == 0
    assert path.read_bytes() == new
    assert temporaries(root) == []
    print(f"form import: {KILLS} kills: {outcomes}; temporaries seen between kills: {len(set(leftovers))}")


def test_kill_9_during_handover_write_leaves_no_file_or_the_whole_file(tmp_path):
    root = make_root(tmp_path)
    nxt = root / "blocs" / "kt" / "2025.yaml"
    reference = tmp_path / "reference"
    shutil.copytree(root, reference)
    WINDOW[0] = timed("handover", "2024", "--bloc", "kt", "--root", reference, "--write") * 1.3
    whole = (reference / "blocs" / "kt" / "2025.yaml").read_bytes()
    STATE_NAMES.clear()
    STATE_NAMES.update(absent=b"", whole=whole)
    this_year = (root / YEAR_FILE).read_bytes()

    def reset():
        if nxt.exists():
            nxt.unlink()

    def read() -> bytes:
        return nxt.read_bytes() if nxt.exists() else b""

    outcomes = kill_loop(["handover", "2024", "--bloc", "kt", "--root", root, "--write"], reset, {b"", whole},
                         read, seed=16)
    assert set(outcomes) <= {"absent", "whole"}
    assert (root / YEAR_FILE).read_bytes() == this_year
    reset()
    assert start("handover", "2024", "--bloc", "kt", "--root", root, "--write").wait(timeout=120) == 0
    assert nxt.read_bytes() == whole
    assert temporaries(root) == []
    print(f"handover: {KILLS} kills: {outcomes}")
