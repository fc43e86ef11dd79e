"""E321 honour-unknown-unit: Tập thể hoặc đơn vị của cá nhân được khen không phải đơn vị thành viên."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E321",
    name="honour-unknown-unit",
    severity=Severity.ERROR,
    title="Tập thể hoặc đơn vị của cá nhân được khen không phải đơn vị thành viên",
    hint="Ghi mã một đơn vị trong 'members:'. Tập thể không phải đơn vị thành viên (phòng, ban trực thuộc) "
         "không ghi tên ở đây: tính vào 'count: {collectives: …}'.",
    stage="bloc",
)


def check(ctx):
    by = ctx.by
    ids = by.member_ids
    hint = f"{RULE.hint} Các mã hiện có: {', '.join(sorted(ids))}." if ids else None
    for h in by.honours:
        for ref in h.collectives:
            if ref.id not in ids:
                yield RULE.at(ref.src, f"tập thể '{ref.id}' được khen ({h.award}) không phải là đơn vị thành viên "
                                       f"của khối năm {by.year}", hint)
        for person in h.individuals:
            if person.unit is not None and person.unit.id not in ids:
                yield RULE.at(person.unit.src, f"đơn vị '{person.unit.id}' của {person.name} ({h.award}) không phải "
                                               f"là đơn vị thành viên của khối năm {by.year}",
                              hint)
