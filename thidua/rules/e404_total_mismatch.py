"""E404 total-mismatch: Tổng điểm ghi trong tệp khác tổng tính được."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

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
    from thidua.core.numbers import plain, round_to
    from thidua.core.scoring import member_total

    by = ctx.by
    rules = ctx.scoring
    for sheet in by.scores:
        if sheet.asserted_total is None:
            continue
        member = by.member(sheet.member.id)
        if member is None:
            continue
        computed = member_total(member, sheet, by.table, rules)
        stated = round_to(sheet.asserted_total, rules.places, rules.rounding)
        if stated != computed.total:
            yield RULE.at(sheet.asserted_src or sheet.src,
                          f"{member.id}: tệp ghi tổng {plain(sheet.asserted_total)} nhưng tính được "
                          f"{plain(computed.total)} (tiêu chí {plain(computed.criteria)}, thưởng "
                          f"{plain(computed.bonus)}, trừ {plain(computed.deductions)})")
