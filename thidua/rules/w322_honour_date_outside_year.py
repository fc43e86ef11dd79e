"""W322 honour-date-outside-year: Ngày quyết định khen thưởng không thuộc năm thi đua."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="W322",
    name="honour-date-outside-year",
    severity=Severity.WARNING,
    title="Ngày quyết định khen thưởng không thuộc năm thi đua",
    hint="Kiểm tra lại năm của ngày, hoặc ghi khen thưởng vào tệp của năm có quyết định: quyết định theo phong "
         "trào chuyên đề thì trong năm; khen thưởng thường xuyên (tổng kết năm) có thể đến hết tháng 6 năm sau.",
    stage="bloc",
)

LAST_MONTH_AFTER = 6  # a year-end award is decided in the first months of the next year (often Q1, at most June)


def check(ctx):
    year = ctx.by.year
    for h in ctx.by.honours:
        d = h.decision
        if d is None or d.date is None or not year:
            continue
        ok = d.date.year == year or (h.regular and d.date.year == year + 1 and d.date.month <= LAST_MONTH_AFTER)
        if not ok:
            what = "khen thưởng thường xuyên" if h.regular else "khen thưởng theo phong trào chuyên đề"
            yield RULE.at(d.date_src or d.src, f"quyết định {h.award} ngày {d.date.isoformat()} không thuộc năm thi "
                                               f"đua {year} ({what})")
