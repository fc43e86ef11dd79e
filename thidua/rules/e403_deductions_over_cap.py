"""E403 deductions-over-cap: Điểm trừ vượt mức tối đa."""

from decimal import Decimal

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

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
    if table is None or table.deduction_cap is None:
        return
    for sheet in ctx.by.scores:
        total = sum((a.points for a in sheet.deductions), Decimal(0))
        if total > table.deduction_cap and sheet.deductions:
            yield RULE.at(sheet.deductions[0].src or sheet.src, f"{sheet.member.id}: điểm trừ {total} vượt mức tối đa {table.deduction_cap}")
