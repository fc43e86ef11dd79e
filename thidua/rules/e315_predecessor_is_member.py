"""E315 predecessor-is-member: Đơn vị tiền thân là chính đơn vị hoặc một thành viên hiện tại."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E315",
    name="predecessor-is-member",
    severity=Severity.ERROR,
    title="Đơn vị tiền thân là chính đơn vị hoặc một thành viên hiện tại",
    hint="'predecessors:' ghi mã các đơn vị năm trước mà đơn vị này kế tục (đổi tên, hợp nhất), không ghi "
         "chính nó hay đơn vị vẫn còn trong khối; khối tiền thân không ghi chính khối này.",
    stage="bloc",
)


def check(ctx):
    by = ctx.by
    ids = by.member_ids
    for m in by.members:
        for p in m.predecessors:
            if p.id == m.id:
                yield RULE.at(p.src, f"{m.id} ghi chính nó là đơn vị tiền thân")
            elif p.id in ids:
                yield RULE.at(p.src, f"{m.id} ghi {p.id} là đơn vị tiền thân nhưng {p.id} vẫn là thành viên năm {by.year}")
    for p in by.predecessors:
        if p.id == by.bloc:
            yield RULE.at(p.src, f"khối {by.bloc} ghi chính nó là khối tiền thân")
