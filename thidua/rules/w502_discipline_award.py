"""W502 discipline-award: Đơn vị bị kỷ luật nhưng được ghi nhận khen thưởng."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="W502",
    name="discipline-award",
    severity=Severity.WARNING,
    title="Đơn vị bị kỷ luật (hoặc đang xem xét kỷ luật) nhưng được ghi nhận khen thưởng",
    hint="Đơn vị bị kỷ luật trong năm không đủ điều kiện khen thưởng; kiểm tra lại 'decided:'.",
    stage="bloc",
)

def check(ctx):
    by = ctx.by
    if not by.decided:
        return
    disciplined = {d.member.id: d for d in by.discipline if d.bars(by.year)}  # a penalty over before the year: none
    for a in by.decided.awards:
        d = disciplined.get(a.member.id)
        if d is not None:
            what = "đang xem xét kỷ luật" if d.pending else "bị kỷ luật"
            yield RULE.at(a.src, f"{a.member.id} {what} ({d.reason or 'không ghi lý do'}) nhưng được ghi nhận '{a.award}'")
