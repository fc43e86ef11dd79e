"""thidua: emulation blocs (khối thi đua) kept as YAML files in git.

The Python API, usable without the CLI::

    from pathlib import Path
    import thidua

    reports = thidua.validate(Path("blocs/.."))           # findings per file
    year = thidua.score(Path("."), 2024)                    # totals, ranks, proposals
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "validate", "score"]


def validate(root, paths=(), cache=False):
    """Findings for the data files under ``root`` (see thidua.checking.validate); ``cache`` uses and
    updates the root's result cache, as the command line does."""
    from thidua.checking import validate as run

    return run(root, paths, cache=cache)


def score(root, year, bloc=None):
    """Score every bloc of ``year`` under ``root`` (see thidua.scoring_run.score_year_at)."""
    from thidua.scoring_run import score_year_at

    return score_year_at(root, year, bloc)
