"""E311 impossible-dates: Ngày vào/rời khối hoặc thời hạn kỷ luật không hợp lý."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E311",
    name="impossible-dates",
    severity=Severity.ERROR,
    title="Ngày vào/rời khối hoặc thời hạn kỷ luật không hợp lý",
    hint="'joined' và 'left' là ngày trong năm thi đua, 'left' sau 'joined'; thời hạn kỷ luật 'until' sau ngày "
         "quyết định 'date'. Đơn vị vào khối từ năm trước thì không ghi 'joined'.",
    stage="bloc",
)


def check(ctx):
    year = ctx.by.year
    for m in ctx.by.members:
        for key, day in (("joined", m.joined), ("left", m.left)):
            if day is not None and year and day.year != year:
                yield RULE.at(m.src, f"{m.id}: {key} {day.isoformat()} không thuộc năm thi đua {year}")
        if m.joined is not None and m.left is not None and m.left < m.joined:
            yield RULE.at(m.src, f"{m.id}: rời khối ({m.left.isoformat()}) trước khi vào khối ({m.joined.isoformat()})")
    for d in ctx.by.discipline:
        if d.date is not None and d.until is not None and d.until < d.date:
            yield RULE.at(d.src, f"{d.member.id}: kỷ luật đến {d.until.isoformat()}, trước ngày quyết định "
                                 f"{d.date.isoformat()}")
