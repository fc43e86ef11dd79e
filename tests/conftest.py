"""What every test starts from: no setting of the user's shell leaks into a run.

A developer's or CI's THIDUA_ROOT, THIDUA_DEBUG, NO_COLOR/FORCE_COLOR or GITHUB_ACTIONS would change
what the commands print or where they look; each test starts without them and sets what it needs.
"""

from __future__ import annotations

import os

import pytest

SCRUBBED = ("THIDUA_ROOT", "THIDUA_DEBUG", "THIDUA_NO_FORK", "NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS",
            "GITHUB_WORKSPACE", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE")


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch):
    for name in SCRUBBED:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def git_env(tmp_path_factory, monkeypatch):
    """No user or system git configuration; an identity for commits."""
    home = tmp_path_factory.mktemp("home")
    for key, value in {"HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
                       "GIT_AUTHOR_NAME": "Văn phòng", "GIT_AUTHOR_EMAIL": "vp@example.invalid",
                       "GIT_COMMITTER_NAME": "Văn phòng", "GIT_COMMITTER_EMAIL": "vp@example.invalid"}.items():
        monkeypatch.setenv(key, value)
