"""W406 not-agreed: Chỉ có điểm tự chấm, chưa có điểm khối thống nhất."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule, unit

RULE = Rule(
    code="W406",
    name="not-agreed",
    severity=Severity.WARNING,
    title="Chỉ có điểm tự chấm, chưa có điểm khối thống nhất",
    hint="Thêm 'agreed:' sau khi khối chấm chéo và thống nhất.",
    stage="bloc",
)

def check(ctx):
    for sheet in ctx.by.scores:
        if sheet.self_points and not sheet.agreed:
            yield RULE.at(sheet.member.src, f"{unit(ctx.by, sheet.member.id)}: chỉ có điểm tự chấm; tổng điểm sẽ tính theo điểm tự chấm và ghi 'chưa thống nhất'")
