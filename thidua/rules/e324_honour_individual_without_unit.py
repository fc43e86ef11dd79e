"""E324 honour-individual-without-unit: Cá nhân được khen không ghi đơn vị công tác."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E324",
    name="honour-individual-without-unit",
    severity=Severity.ERROR,
    title="Cá nhân được khen không ghi đơn vị công tác",
    hint="Ghi đơn vị của cá nhân bằng mã đơn vị thành viên, ví dụ {name: Nguyễn Văn An, unit: vpty}: cá nhân "
         "được tính cho đơn vị đó trong báo cáo và lịch sử của khối.",
    stage="bloc",
)


def check(ctx):
    for h in ctx.by.honours:
        for p in h.individuals:
            if p.unit is None:
                yield RULE.at(p.src, f"cá nhân {p.name} ({h.award}) không ghi đơn vị công tác")
