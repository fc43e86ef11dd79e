"""E400 score-out-of-range: Điểm vượt điểm tối đa của tiêu chí hoặc âm."""

from thidua.core.numbers import vn_number
from thidua.diagnostics import Severity
from thidua.rules.base import Rule, unit

RULE = Rule(
    code="E400",
    name="score-out-of-range",
    severity=Severity.ERROR,
    title="Điểm vượt điểm tối đa của tiêu chí hoặc âm",
    hint="Sửa điểm trong khoảng từ 0 đến điểm tối đa của tiêu chí.",
    stage="bloc",
)

def check(ctx):
    table = ctx.by.table
    if table is None:
        return
    maxima = {c.id: c.max for c in table.leaves()}
    for sheet in ctx.by.scores:
        for kind, points in (("tự chấm", sheet.self_points), ("thống nhất", sheet.agreed)):
            for p in points:
                top = maxima.get(p.criterion)
                if top is not None and p.points > top:
                    yield RULE.at(p.src, f"{unit(ctx.by, sheet.member.id)}: điểm {kind} tiêu chí {p.criterion} là "
                                         f"{vn_number(p.points)}, vượt điểm tối đa {vn_number(top)}",
                                  f"Sửa điểm trong khoảng 0 đến {vn_number(top)}.")
