"""E402 bonus-over-cap: Điểm thưởng vượt mức tối đa."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule, adjustments_over_cap

RULE = Rule(
    code="E402",
    name="bonus-over-cap",
    severity=Severity.ERROR,
    title="Điểm thưởng vượt mức tối đa",
    hint="Giảm điểm thưởng cho bằng hoặc dưới mức tối đa của bảng.",
    stage="bloc",
)


def check(ctx):
    table = ctx.by.table
    if table is not None:
        yield from adjustments_over_cap(RULE, ctx, "bonus", table.bonus_cap, "điểm thưởng")
