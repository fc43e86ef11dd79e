"""`thidua score YEAR`: totals, ranks, bands and award proposals for every bloc of a year."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from thidua.cli.common import BlocOption, JsonOption, RootOption, handles_errors, resolve_root, use_color
from thidua.cli.output import json_text


def print_findings(findings, stream=None, root=None) -> None:
    """Findings go to stderr, one line each, so stdout stays the result; with the data ``root``, each
    file is named as it opens from the current folder; the data they quote is made safe for a terminal
    and a CI log (thidua.textsafe)."""
    from dataclasses import replace

    from thidua.loading.root import user_path
    from thidua.render.diagnostics import TEXT_LABELS
    from thidua.textsafe import shown_text

    stream = stream or sys.stderr
    for d in findings:
        hint = f" — gợi ý: {d.hint}" if d.hint and d.is_error else ""
        src = replace(d.source, file=user_path(root, d.source.file)) if root is not None else d.source
        stream.write(shown_text(f"{src}: {TEXT_LABELS[d.severity]} {d.code}: {d.message}{hint}") + "\n")


def _progress_bar():
    """A progress callback on stderr for long runs on a terminal, else None."""
    if not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import Progress

    bar = Progress(transient=True, console=Console(stderr=True))
    task = None

    def update(done: int, total: int) -> None:
        nonlocal task
        if total < 40:
            return  # a few files take no time: no bar
        if task is None:
            bar.start()
            task = bar.add_task("Đang chấm điểm", total=total)
        bar.update(task, completed=done)
        if done >= total:
            bar.stop()

    return update


@handles_errors
def score(
    year: Annotated[int, typer.Argument(help="Năm thi đua, ví dụ 2024.", min=1945, max=2200)],
    root: RootOption = None,
    bloc: BlocOption = None,
    as_json: JsonOption = False,
) -> None:
    """Tính tổng điểm, xếp hạng, xếp loại và đề xuất khen thưởng của các khối trong một năm.

    Tệp có lỗi bị từ chối (mã thoát 1, kèm các lỗi); cảnh báo được in ra nhưng vẫn chấm điểm.

    Example: thidua score 2020 --root examples/bac-kan --bloc mttq
    """
    from thidua.scoring_run import score_year_at

    data_root = resolve_root(root)
    update = None if as_json else _progress_bar()
    run = score_year_at(data_root, year, bloc, update)
    if as_json:
        from thidua.render.score_json import year_dict

        sys.stdout.write(json_text(year_dict(run.result, run.refused, run.findings)))
    else:
        if use_color():
            from rich.console import Console

            from thidua.render.rich_score import print_year

            print_year(run.result, Console(highlight=False))
        else:
            from thidua.render.plain import render_year

            sys.stdout.write(render_year(run.result))
        print_findings(run.findings, root=data_root)
        if run.refused:
            from thidua.loading.root import user_path

            names = ", ".join(user_path(data_root, name) for name in run.refused)
            sys.stderr.write(f"thidua: không chấm {len(run.refused)} tệp có lỗi: {names}; "
                             "chạy 'thidua validate' để xem chi tiết\n")
    raise typer.Exit(1 if run.has_errors else 0)
