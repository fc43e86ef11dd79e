"""The fixture data root of the report tests (tests/golden/report/data), and helpers the
tests/test_report_*.py modules share (a helper module: it holds no tests).

The root holds two blocs of Khánh Hòa in 2024: ``mttq`` (7 members, one named
"Liên hiệp các Hội KH&KT | tỉnh *Khánh Hòa*" so Markdown escaping is exercised,
votes, decisions, a handover that follows the rule; 2023 as its history) and
``kinh-te`` (4 members, reviewed on 09/01/2025).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from fixtures_scoring import run_cli

DATA = Path(__file__).resolve().parent / "golden" / "report" / "data"


def data_root(tmp_path: Path) -> Path:
    """A fresh copy of the fixture root (reports are written inside it)."""
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    return root


def report(root: Path, *args: str):
    return run_cli(["report", "--root", str(root), *args])
