"""E302 duplicate-member: Mã đơn vị bị trùng."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E302",
    name="duplicate-member",
    severity=Severity.ERROR,
    title="Mã đơn vị bị trùng",
    hint="Mỗi đơn vị thành viên cần một mã riêng.",
    stage="bloc",
)

def check(ctx):
    seen = {}
    for member in ctx.by.members:
        if member.id in seen:
            yield RULE.at(member.src, f"mã '{member.id}' đã dùng cho '{seen[member.id].name}' (dòng {seen[member.id].src.line})")
        else:
            seen[member.id] = member
