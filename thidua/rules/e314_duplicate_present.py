"""E314 duplicate-present: Một đơn vị ghi hai lần trong danh sách dự họp."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E314",
    name="duplicate-present",
    severity=Severity.ERROR,
    title="Một đơn vị ghi hai lần trong danh sách dự họp",
    hint="Mỗi đơn vị chỉ ghi một lần trong 'present:'; số đơn vị dự họp là cơ sở đối chiếu số phiếu.",
    stage="bloc",
)


def check(ctx):
    for e in ctx.by.events:
        seen = set()
        for r in e.present:
            if r.id in seen:
                yield RULE.at(r.src, f"{r.id} ghi hai lần trong danh sách dự họp ({e.kind})")
            seen.add(r.id)
