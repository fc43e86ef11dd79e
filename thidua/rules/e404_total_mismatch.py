"""E404 total-mismatch: Tổng điểm ghi trong tệp khác tổng tính được."""

from thidua.core.numbers import round_to, vn_number
from thidua.diagnostics import Severity
from thidua.rules.base import Rule, unit

RULE = Rule(
    code="E404",
    name="total-mismatch",
    severity=Severity.ERROR,
    title="Tổng điểm ghi trong tệp khác tổng tính được",
    hint="Đối chiếu lại bảng điểm giấy: sửa điểm thành phần hoặc sửa 'total:'.",
    stage="bloc",
    needs_complete=True,
)


def check(ctx):
    scoring = ctx.scoring
    for sheet in ctx.by.scores:
        if sheet.asserted_total is None:
            continue
        computed = ctx.total_of(sheet.member.id)
        if computed is None:
            continue
        member = computed.member
        stated = round_to(sheet.asserted_total, scoring.places, scoring.rounding)
        if stated != computed.total:
            yield RULE.at(sheet.asserted_src or sheet.src,
                          f"{unit(ctx.by, member.id)}: tệp ghi tổng {vn_number(sheet.asserted_total)} nhưng tính "
                          f"được {vn_number(computed.total)} (tiêu chí {vn_number(computed.criteria)}, thưởng "
                          f"{vn_number(computed.bonus)}, trừ {vn_number(computed.deductions)})")
