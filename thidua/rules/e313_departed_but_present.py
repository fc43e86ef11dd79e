"""E313 departed-but-present: Đơn vị ghi đã rời khối nhưng vẫn có trong danh sách thành viên."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E313",
    name="departed-but-present",
    severity=Severity.ERROR,
    title="Đơn vị ghi đã rời khối nhưng vẫn có trong danh sách thành viên",
    hint="'departures:' chỉ ghi đơn vị của năm trước không còn trong 'members:'; đơn vị rời khối giữa năm "
         "thì ghi 'left:' ở mục thành viên.",
    stage="bloc",
)


def check(ctx):
    ids = ctx.by.member_ids
    for d in ctx.by.departures:
        if d.member.id in ids:
            yield RULE.at(d.member.src, f"{d.member.id} ghi trong 'departures:' nhưng vẫn là thành viên năm {ctx.by.year}")
