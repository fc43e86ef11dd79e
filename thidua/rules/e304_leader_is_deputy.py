"""E304 leader-is-deputy: Trưởng khối trùng Phó khối."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E304",
    name="leader-is-deputy",
    severity=Severity.ERROR,
    title="Trưởng khối trùng Phó khối",
    hint="Trưởng khối và Phó khối phải là hai đơn vị khác nhau.",
    stage="bloc",
)

def check(ctx):
    by = ctx.by
    if by.leader and by.deputy and by.leader.id == by.deputy.id:
        yield RULE.at(by.deputy.src, f"'{by.deputy.id}' vừa là Trưởng khối vừa là Phó khối")
