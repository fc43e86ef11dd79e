"""A FIFO, a folder or a device where a data file belongs is a finding for every command, never a hang.

Each command runs as a real process with a time limit: a read that blocked on the FIFO would hit it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import write_root

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")

VALID = (Path(__file__).parent / "data" / "bad" / "ok-crlf-line-endings.yaml").read_bytes()  # bloc k, 2024
REPO = Path(__file__).resolve().parent.parent


def thidua(*args, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "thidua", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", timeout=60, cwd=cwd, env=env, stdin=subprocess.DEVNULL)


def _commit(root: Path) -> None:
    """The root as one commit, for ``diff`` (when git is there)."""
    if shutil.which("git"):
        git = ["git", "-c", "user.name=t", "-c", "user.email=t@t.invalid", "-c", "commit.gpgsign=false"]
        subprocess.run([*git, "init", "-q", "."], cwd=root, check=True)
        subprocess.run([*git, "add", "-A"], cwd=root, check=True)
        subprocess.run([*git, "commit", "-qm", "base"], cwd=root, check=True)


@pytest.fixture
def root(tmp_path):
    root = write_root(tmp_path / "root", {"blocs/k/2024.yaml": VALID})
    _commit(root)
    os.mkfifo(root / "blocs" / "k" / "2025.yaml")
    return root


@pytest.mark.parametrize("args", [["validate"], ["score", "2025"], ["handover", "2025", "--bloc", "k"],
                                  ["history", "--bloc", "k"], ["diff"], ["report", "--bloc", "k", "--year", "2025"]],
                         ids=lambda a: a[0])
def test_a_fifo_in_blocs_is_a_finding_for_every_command(root, args):
    if args[0] == "diff" and not shutil.which("git"):
        pytest.skip("no git")
    done = thidua(*args, "--root", root, cwd=root)
    assert done.returncode in (0, 1, 2), done.stderr
    assert "Traceback" not in done.stderr and "lỗi nội bộ" not in done.stderr
    if args[0] in ("validate", "score", "handover"):
        assert ("blocs/k/2025.yaml: lỗi E009: đường dẫn này là một đường ống (FIFO), không phải một tệp dữ liệu"
                in done.stderr + done.stdout)


@pytest.fixture
def looped(tmp_path):
    """A root whose blocs/k/2025.yaml is a symlink loop (2025.yaml → loop → 2025.yaml)."""
    root = write_root(tmp_path / "root", {"blocs/k/2024.yaml": VALID})
    _commit(root)
    (root / "blocs" / "k" / "2025.yaml").symlink_to("loop")
    (root / "blocs" / "k" / "loop").symlink_to("2025.yaml")
    return root


@pytest.mark.parametrize("args", [["validate"], ["validate", "blocs/k/2025.yaml"], ["score", "2025"],
                                  ["handover", "2025", "--bloc", "k"], ["history", "--bloc", "k"], ["diff"],
                                  ["report", "--bloc", "k", "--year", "2025"]],
                         ids=lambda a: "-".join(a[:2]))
def test_a_symlink_loop_in_blocs_is_a_finding_for_every_command(looped, args):
    if args[0] == "diff" and not shutil.which("git"):
        pytest.skip("no git")
    done = thidua(*args, cwd=looped)
    assert done.returncode in (0, 1, 2), done.stderr
    assert "Traceback" not in done.stderr and "lỗi nội bộ" not in done.stderr, done.stderr
    if args[0] in ("validate", "score", "handover"):
        assert "blocs/k/2025.yaml: lỗi E008: " in done.stderr + done.stdout, done.stderr + done.stdout
