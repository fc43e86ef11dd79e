"""Scoring a year under a data root: load each bloc-year, refuse broken ones, score the rest.

Streams bloc by bloc: each bloc-year is dropped from memory once scored, so the
memory a run needs does not grow with the number of years on disk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from thidua.core.results import BlocResult, YearResult, score_year
from thidua.diagnostics import Diagnostic, sorted_diagnostics
from thidua.errors import ThiduaError
from thidua.evaluation import check_config, evaluate
from thidua.loading.load import Workspace
from thidua.loading.root import bloc_ids, bloc_year_paths, config_path, require_bloc, years_of
from thidua.model import Config


@dataclass(frozen=True, slots=True)
class ScoreRun:
    """A year's result, the files refused for errors, and every finding met on the way."""

    result: YearResult
    config: Config
    refused: tuple[str, ...]
    findings: tuple[Diagnostic, ...]

    @property
    def has_errors(self) -> bool:
        return bool(self.refused) or any(d.is_error for d in self.findings)


def score_year_at(root: Path, year: int, bloc: str | None = None,
                  progress: Callable[[int, int], None] | None = None, ws: Workspace | None = None) -> ScoreRun:
    """Score ``year`` (one bloc with ``bloc``); ``ws`` shares files another step already read."""
    if bloc is not None:
        require_bloc(root, bloc)
    paths = bloc_year_paths(root, year, bloc)
    if not paths:
        where = f"khối '{bloc}'" if bloc else f"{root / 'blocs'}"
        years = sorted({y for b in ([bloc] if bloc else bloc_ids(root)) for y in years_of(root, b)})
        there = f"các năm có dữ liệu: {', '.join(map(str, years))}" if years else "chưa có tệp năm nào"
        raise ThiduaError(f"không có tệp năm {year} cho {where} ({there})")
    ws = ws or Workspace(root)
    config, config_diags = ws.config()
    if bloc is not None and any(a.level == "province" for a in config.awards):
        # A share of the blocs' leaders depends on every bloc: score them all, show one.
        paths = bloc_year_paths(root, year)
    if not any(d.is_error for d in config_diags):
        # thidua.yaml's own checks too: a province without bands or awards (W326) is told why no one is
        # proposed, and award policies that contradict each other (E310) are not scored on.
        config_diags = (*config_diags, *check_config(config))
    findings: list[Diagnostic] = list(config_diags)
    if any(d.is_error for d in config_diags):
        where = config_path(ws.root) or ws.root / "thidua.yaml"
        return ScoreRun(score_year(year, [], config), config, (ws.name(where),), tuple(sorted_diagnostics(findings)))
    results: list[BlocResult] = []
    refused: list[str] = []
    _score_paths(ws, config, paths, year, bloc, progress, results, refused, findings)
    return ScoreRun(score_year(year, results, config, bloc), config, tuple(refused), tuple(sorted_diagnostics(findings)))


def former_province(by, config: Config) -> bool:
    """A bloc-year of another (former) province, kept beside this one's as history (``province:``);
    the province step leaves it out even when ``--bloc`` names it (:func:`thidua.core.results.score_year`)."""
    return bool(by.province) and by.province != config.province


def _score_paths(ws: Workspace, config: Config, paths: list[Path], year: int, bloc: str | None,
                 progress, results: list[BlocResult], refused: list[str], findings: list[Diagnostic]) -> None:
    """Load, check and score each file in turn, forgetting each bloc once it is done."""
    for i, path in enumerate(paths):
        # The history rules only warn (rotation, vanished members: validate's and handover's
        # business); skipping them spares reading the years before, a third of the run.
        ev = evaluate(ws, path, history=False, score=True)
        shown = bloc is None or path.parent.name == bloc
        if ev.bloc_year is not None and former_province(ev.bloc_year, config) and path.parent.name != bloc:
            ws.forget(path)  # a former province's history: not scored with this province's blocs
            continue
        if ev.refused:
            if shown:
                refused.append(ev.name)
                findings.extend(ev.findings)
        else:
            results.append(ev.result)
            if shown:
                findings.extend(ev.findings)
        ws.forget(path)  # the next bloc needs nothing of this one
        if progress is not None:
            progress(i + 1, len(paths))
