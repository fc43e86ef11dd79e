"""E408 negative-total: Tổng điểm dưới 0 (điểm trừ vượt điểm đạt được)."""

from thidua.core.numbers import vn_number
from thidua.diagnostics import Severity
from thidua.rules.base import Rule, unit

RULE = Rule(
    code="E408",
    name="negative-total",
    severity=Severity.ERROR,
    title="Tổng điểm dưới 0 (điểm trừ vượt điểm đạt được)",
    hint="Kiểm tra lại điểm trừ; nếu quy chế tính tổng âm bằng 0, ghi 'scoring: negative_total: floor' "
         "trong thidua.yaml (hoặc trong tệp khối-năm).",
    stage="bloc",
    needs_complete=True,
)


def check(ctx):
    if ctx.scoring.negative_total != "error":
        return
    sheets = {s.member.id: s for s in ctx.by.scores}
    for sheet in ctx.by.scores:  # only a member with scores can fall below zero
        t = ctx.total_of(sheet.member.id)
        if t is not None and t.scored and t.total < 0:
            sheet = sheets.get(t.member.id)
            where = (sheet.deductions[0].src if sheet and sheet.deductions else sheet.src) if sheet else t.member.src
            yield RULE.at(where, f"{unit(ctx.by, t.member.id)}: tổng {vn_number(t.total)} điểm (tiêu chí {vn_number(t.criteria)}, "
                                 f"thưởng {vn_number(t.bonus)}, trừ {vn_number(t.deductions)}) dưới 0")
