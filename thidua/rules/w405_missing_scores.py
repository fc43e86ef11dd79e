"""W405 missing-scores: Đơn vị chưa có điểm."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule, unit

RULE = Rule(
    code="W405",
    name="missing-scores",
    severity=Severity.WARNING,
    title="Đơn vị chưa có điểm",
    hint="Thêm điểm của đơn vị vào 'scores:' (hoặc bỏ qua nếu chưa chấm).",
    stage="bloc",
)

def check(ctx):
    by = ctx.by
    if not by.scores:
        return  # scoring has not started: nothing is missing yet
    scored = {s.member.id for s in by.scores}
    for member in by.members:
        if member.id not in scored:
            yield RULE.at(member.src, f"{unit(by, member.id)} chưa có điểm trong 'scores:' trong khi các đơn vị khác đã có")
