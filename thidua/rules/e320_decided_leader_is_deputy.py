"""E320 decided-leader-is-deputy: Trưởng khối năm sau khối thống nhất trùng Phó khối năm sau."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E320",
    name="decided-leader-is-deputy",
    severity=Severity.ERROR,
    title="Trưởng khối năm sau khối thống nhất trùng Phó khối năm sau",
    hint="'decided: next_leader' và 'next_deputy' phải là hai đơn vị khác nhau.",
    stage="bloc",
)


def check(ctx):
    d = ctx.by.decided
    if d is not None and d.next_leader and d.next_deputy and d.next_leader.id == d.next_deputy.id:
        yield RULE.at(d.next_deputy.src, f"'{d.next_deputy.id}' vừa là Trưởng khối vừa là Phó khối năm {ctx.by.year + 1}")
