"""E401 unknown-criterion: Chấm điểm cho tiêu chí không có trong bảng."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E401",
    name="unknown-criterion",
    severity=Severity.ERROR,
    title="Chấm điểm cho tiêu chí không có trong bảng",
    hint="Dùng mã tiêu chí lá (không có tiêu chí con) của bảng chấm điểm.",
    stage="bloc",
)

def check(ctx):
    table = ctx.by.table
    if table is None:
        return
    leaves = {c.id for c in table.leaves()}
    groups = set()
    stack = list(table.groups)
    while stack:
        node = stack.pop()
        if node.children:
            groups.add(node.id)
            stack.extend(node.children)
    for sheet in ctx.by.scores:
        for p in (*sheet.self_points, *sheet.agreed):
            if p.criterion in groups:
                yield RULE.at(p.key_src or p.src, f"'{p.criterion}' là nhóm có tiêu chí con; chấm điểm cho từng tiêu chí con",
                              "Chấm vào các tiêu chí con; tổng nhóm do thidua tự cộng.")
            elif p.criterion not in leaves:
                yield RULE.at(p.key_src or p.src, f"bảng '{table.name}' không có tiêu chí '{p.criterion}'",
                              f"Các tiêu chí của bảng: {', '.join(sorted(leaves))[:300]}.")
