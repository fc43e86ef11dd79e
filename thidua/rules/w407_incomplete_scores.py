"""W407 incomplete-scores: Thiếu điểm một số tiêu chí (tính là 0)."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule, unit

RULE = Rule(
    code="W407",
    name="incomplete-scores",
    severity=Severity.WARNING,
    title="Thiếu điểm một số tiêu chí (tính là 0)",
    hint="Thêm điểm cho các tiêu chí còn thiếu.",
    stage="bloc",
    needs_complete=True,
)

def check(ctx):
    table = ctx.by.table
    if table is None:
        return
    leaves = [c.id for c in table.leaves()]
    for sheet in ctx.by.scores:
        points = sheet.agreed or sheet.self_points
        if not points:
            continue
        given = {p.criterion for p in points}
        missing = [c for c in leaves if c not in given]
        if missing:
            shown = ", ".join(missing[:8]) + (" …" if len(missing) > 8 else "")
            yield RULE.at(sheet.member.src, f"{unit(ctx.by, sheet.member.id)}: thiếu điểm {len(missing)} tiêu chí ({shown}), tính là 0")
