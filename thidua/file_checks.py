"""The findings of one data file, by kind: thidua.yaml, a shared table, a bloc-year.

Kept apart from :mod:`thidua.checking` so that a run whose findings all come from the
result cache never imports the pipeline (the rules, the format, the model): a warm
`thidua validate` starts as fast as a command that reads no YAML.
"""

from __future__ import annotations

from pathlib import Path

from thidua.core.settings import settings_for
from thidua.diagnostics import Diagnostic
from thidua.evaluation import check_config, evaluate
from thidua.loading.load import Workspace
from thidua.loading.root import classify
from thidua.model import BlocYear, Config
from thidua.rules import e306_table_total, e307_duplicate_criterion
from thidua.rules.context import CheckContext
from thidua.schema.formats import CONFIG, TABLE


def check_table_file(ws: Workspace, path: Path) -> list[Diagnostic]:
    from thidua.loading.build import build_table

    loaded = ws.read(path, TABLE)
    diags = list(loaded.diagnostics)
    if loaded.fields is not None:
        table = build_table(loaded.fields, path.stem)
        probe = BlocYear(bloc="", year=0, name="", src=loaded.fields.src, bloc_src=loaded.fields.src,
                         year_src=loaded.fields.src, table=table)
        ctx = CheckContext(Config(), settings_for(None, Config()), probe)
        for rule in (e306_table_total, e307_duplicate_criterion):  # the rules a table alone can break
            diags.extend(rule.check(ctx))
    return diags


def findings_of(ws: Workspace, path: Path) -> tuple[list[Diagnostic], BlocYear | None]:
    """Every finding of the file at ``path`` (but the checks across files), by where it stands under the
    root; and the bloc-year, when the file is one that loads (for the checks across files)."""
    kind = classify(ws.root, path)
    if kind == "config":
        loaded = ws.read(path, CONFIG)
        diags = list(loaded.diagnostics)
        if loaded.fields is not None:
            from thidua.loading.build import build_config

            diags.extend(check_config(build_config(loaded.fields)))
        return diags, None
    if kind == "table":
        return check_table_file(ws, path), None
    ev = evaluate(ws, path, score=True)  # score: W700 is validate's too
    return list(ev.findings), ev.bloc_year
