"""E325 honour-count-below-named: Số lượng ghi trong count nhỏ hơn số tập thể, cá nhân đã ghi tên."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E325",
    name="honour-count-below-named",
    severity=Severity.ERROR,
    title="Số lượng ghi trong count nhỏ hơn số tập thể, cá nhân đã ghi tên",
    hint="'count' là tổng số được khen, kể cả những tập thể, cá nhân đã ghi tên: sửa số cho đúng, hoặc bỏ "
         "'count' khi đã ghi đủ tên.",
    stage="bloc",
)


def check(ctx):
    for h in ctx.by.honours:
        named_units, named_people = len(h.unit_ids), len(h.people)
        for count, named, src, what in ((h.collective_count, named_units, h.collective_count_src, "tập thể"),
                                        (h.individual_count, named_people, h.individual_count_src, "cá nhân")):
            if count is not None and count < named:
                yield RULE.at(src or h.src, f"{h.award}: ghi {count} {what} nhưng đã ghi tên {named} {what}")
