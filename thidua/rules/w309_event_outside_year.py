"""W309 event-outside-year: Ngày sự kiện không thuộc năm thi đua."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="W309",
    name="event-outside-year",
    severity=Severity.WARNING,
    title="Ngày sự kiện không thuộc năm thi đua",
    hint="Kiểm tra lại năm của ngày; tổng kết có thể sang tháng 1 năm sau, các sự kiện khác thì không.",
    stage="bloc",
)

def check(ctx):
    year = ctx.by.year
    for e in ctx.by.events:
        if e.date is None or not year:
            continue
        ok = e.date.year == year or (e.kind == "review" and e.date.year == year + 1 and e.date.month <= 3)
        if not ok:
            yield RULE.at(e.src, f"ngày {e.date.isoformat()} không thuộc năm thi đua {year}")
