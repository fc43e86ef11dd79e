"""W600 rotation-mismatch: Trưởng/Phó khối khác với quy tắc luân phiên."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="W600",
    name="rotation-mismatch",
    severity=Severity.WARNING,
    title="Trưởng/Phó khối khác với quy tắc luân phiên",
    hint="Kiểm tra lại Trưởng khối, Phó khối theo năm trước và quy tắc luân phiên; ghi rõ lý do nếu khối bầu khác.",
    stage="history",
)


def check(ctx):
    prev = ctx.previous
    proposal = ctx.previous_handover
    if prev is None or proposal is None or ctx.by.leader is None or not proposal.proposes:
        return  # elected, or no rule stated: nothing was proposed to compare with
    decided = prev.decided
    names = {m.id: m.name for m in prev.members}
    for role, ref, expected, recorded in (
        ("Trưởng khối", ctx.by.leader, proposal.leader, decided.next_leader if decided else None),
        ("Phó khối", ctx.by.deputy, proposal.deputy, decided.next_deputy if decided else None),
    ):
        if ref is None or expected is None or ref.id == expected:
            continue
        member = ctx.by.member(ref.id)
        if member is None:
            continue  # not a member at all: E303 says so, one mistake gets one finding
        if expected in {p.id for p in member.predecessors}:
            continue  # the expected unit, renamed or merged into this one
        if recorded is not None and recorded.id == ref.id:
            continue  # the bloc decided otherwise and recorded it in last year's file
        yield RULE.at(ref.src, f"{role} năm {ctx.by.year} là {ref.id} nhưng theo quy tắc "
                               f"'{proposal.rule_name}' và tệp năm {prev.year}, đơn vị dự kiến là "
                               f"{names.get(expected, expected)} ({expected})",
                      f"Nếu khối đã bầu khác, ghi 'decided: next_leader/next_deputy' trong tệp năm {prev.year}.")
