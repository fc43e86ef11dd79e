"""E306 table-total: Tổng điểm tối đa của các tiêu chí không khớp."""

from decimal import Decimal

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E306",
    name="table-total",
    severity=Severity.ERROR,
    title="Tổng điểm tối đa của các tiêu chí không khớp",
    hint="Sửa điểm tối đa của tiêu chí hoặc tổng điểm khai báo để hai số bằng nhau.",
    stage="bloc",
)

def _check_node(node):
    if node.children and node.max is not None:
        inner = sum((c.ceiling for c in node.children), Decimal(0))
        if inner != node.max:
            yield RULE.at(node.src, f"tiêu chí {node.id} có max {node.max} nhưng các tiêu chí con cộng lại {inner}")
    if not node.children and node.max is None:
        yield RULE.at(node.src, f"tiêu chí {node.id} không có tiêu chí con nên cần 'max'",
                      "Thêm 'max:' (điểm tối đa) cho tiêu chí.")
    for c in node.children:
        yield from _check_node(c)


def check(ctx):
    table = ctx.by.table
    if table is None:
        return
    for group in table.groups:
        yield from _check_node(group)
    if table.total is not None and table.groups:
        inner = sum((g.ceiling for g in table.groups), Decimal(0))
        if inner != table.total:
            yield RULE.at(table.src, f"bảng khai báo tổng {table.total} nhưng các nhóm cộng lại {inner}")
