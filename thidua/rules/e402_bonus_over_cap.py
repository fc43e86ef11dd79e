"""E402 bonus-over-cap: Điểm thưởng vượt mức tối đa."""

from decimal import Decimal

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

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
    if table is None or table.bonus_cap is None:
        return
    for sheet in ctx.by.scores:
        total = sum((a.points for a in sheet.bonus), Decimal(0))
        if total > table.bonus_cap and sheet.bonus:
            yield RULE.at(sheet.bonus[0].src or sheet.src, f"{sheet.member.id}: điểm thưởng {total} vượt mức tối đa {table.bonus_cap}")
