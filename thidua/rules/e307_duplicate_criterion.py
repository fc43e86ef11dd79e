"""E307 duplicate-criterion: Mã tiêu chí bị trùng."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E307",
    name="duplicate-criterion",
    severity=Severity.ERROR,
    title="Mã tiêu chí bị trùng",
    hint="Mỗi tiêu chí trong bảng cần một mã riêng.",
    stage="bloc",
)

def check(ctx):
    table = ctx.by.table
    if table is None:
        return
    seen = {}
    stack = list(reversed(table.groups))
    while stack:
        node = stack.pop()
        if node.id in seen:
            yield RULE.at(node.src, f"mã tiêu chí '{node.id}' đã có ở dòng {seen[node.id].line}")
        else:
            seen[node.id] = node.src
        stack.extend(reversed(node.children))
