"""Handover under a data root: read the bloc's history, propose, optionally open next year's file."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from thidua.core.handover import Handover
from thidua.diagnostics import Diagnostic, sorted_diagnostics
from thidua.errors import ThiduaError
from thidua.evaluation import evaluate
from thidua.loading.load import Workspace
from thidua.loading.root import bloc_year_path, require_bloc, years_of
from thidua.model import BlocYear


@dataclass(frozen=True, slots=True)
class HandoverRun:
    handover: Handover | None
    current: BlocYear | None
    next_file: Path
    next_year: BlocYear | None  # the next year's file, when it exists and loads
    findings: tuple[Diagnostic, ...]
    broken: tuple[str, ...] = ()  # the files with errors that stop the handover (this year's or earlier)
    root: Path | None = None

    @property
    def refused(self) -> bool:
        return self.handover is None


def handover_at(root: Path, year: int, bloc: str, ws: Workspace | None = None) -> HandoverRun:
    """Propose the handover after ``year``; ``ws`` shares files another step already read."""
    require_bloc(root, bloc)
    path = bloc_year_path(root, bloc, year)
    if not os.path.lexists(path):  # a broken or looping link is there: reading it reports E008
        have = ", ".join(str(y) for y in years_of(root, bloc)) or "chưa có năm nào"
        raise ThiduaError(f"khối '{bloc}' không có tệp năm {year} (các năm: {have})")
    ws = ws or Workspace(root)
    config, config_diags = ws.config()
    ev = evaluate(ws, path, handover=True)
    findings = [*config_diags, *ev.findings, *ev.history_errors]
    next_path = bloc_year_path(root, bloc, year + 1)
    if ev.handover is None:
        broken = sorted({d.source.file for d in findings if d.is_error})
        return HandoverRun(None, ev.bloc_year, next_path, None, tuple(sorted_diagnostics(findings)),
                           tuple(broken or [ev.name]), root)
    nxt = ws.bloc_year_of(bloc, year + 1)
    return HandoverRun(ev.handover, ev.bloc_year, next_path, nxt.bloc_year if nxt else None,
                       tuple(sorted_diagnostics(findings)), root=root)
