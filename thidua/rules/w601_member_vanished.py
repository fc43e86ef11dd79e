"""W601 member-vanished: Đơn vị của năm trước không còn mà không ghi lý do."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="W601",
    name="member-vanished",
    severity=Severity.WARNING,
    title="Đơn vị của năm trước không còn mà không ghi lý do",
    hint="Thêm đơn vị vào 'departures:' với lý do (merged, dissolved, moved, other).",
    stage="history",
)

def check(ctx):
    prev = ctx.previous
    if prev is None or not ctx.by.members:  # no members read this year: E202/E205 says why, once
        return
    by = ctx.by
    now = by.member_ids
    accounted = {d.member.id for d in by.departures}
    for member in by.members:
        accounted.update(p.id for p in member.predecessors)
    for member in prev.members:
        if member.id in now or member.id in accounted or member.left is not None:
            continue
        yield RULE.at(by.src, f"'{member.name}' ({member.id}) có trong khối năm {prev.year} nhưng không có năm {by.year} và không ghi lý do",
                      f"Thêm vào 'departures:' một mục 'member: {member.id}' với 'reason:' (merged, dissolved, moved, renamed, other).")
