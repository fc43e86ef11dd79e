"""E317 merge-target-unknown: Đơn vị kế tục ('into:') không có trong khối nào năm nay."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E317",
    name="merge-target-unknown",
    severity=Severity.ERROR,
    title="Đơn vị kế tục ('into:') không có trong khối nào năm nay",
    hint="'into:' ghi mã của đơn vị kế tục, là thành viên của khối này hoặc của một khối khác trong năm "
         "(blocs/*/<năm>.yaml). Kiểm tra chính tả của mã.",
    stage="province",
)


def check(ctx):
    by, units = ctx.by, ctx.units
    for d in by.departures:
        target = d.into
        if target is None or target.id in by.member_ids or units is not None and target.id in units.units:
            continue  # a member of this bloc (units holds it too) or of another this year
        yield RULE.at(target.src, f"{d.member.id} kế tục vào '{target.id}' nhưng không khối nào năm {by.year} "
                                  f"có đơn vị '{target.id}'")
