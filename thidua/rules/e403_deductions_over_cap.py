"""E403 deductions-over-cap: Điểm trừ vượt mức tối đa."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule, adjustments_over_cap

RULE = Rule(
    code="E403",
    name="deductions-over-cap",
    severity=Severity.ERROR,
    title="Điểm trừ vượt mức tối đa",
    hint="Giảm điểm trừ cho bằng hoặc dưới mức tối đa của bảng.",
    stage="bloc",
)


def check(ctx):
    table = ctx.by.table
    if table is not None:
        yield from adjustments_over_cap(RULE, ctx, "deductions", table.deduction_cap, "điểm trừ")
