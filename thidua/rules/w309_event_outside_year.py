"""W309 event-outside-year: Ngày sự kiện không thuộc năm thi đua."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="W309",
    name="event-outside-year",
    severity=Severity.WARNING,
    title="Ngày sự kiện không thuộc năm thi đua",
    hint="Kiểm tra lại năm của ngày: ký kết có thể từ tháng 10 năm trước (tại hội nghị tổng kết năm trước), "
         "tổng kết có thể sang quý I năm sau, sơ kết thì trong năm.",
    stage="bloc",
)

def check(ctx):
    year = ctx.by.year
    for e in ctx.by.events:
        if e.date is None or not year:
            continue
        # Blocs often sign next year's covenant at this year's year-end review (seed 001: the 2021
        # covenant signed on 29/12/2020), and hold the review in the first quarter after the year.
        ok = (e.date.year == year
              or (e.kind == "review" and e.date.year == year + 1 and e.date.month <= 3)
              or (e.kind == "covenant" and e.date.year == year - 1 and e.date.month >= 10))
        if not ok:
            yield RULE.at(e.src, f"ngày {e.date.isoformat()} không thuộc năm thi đua {year}")
