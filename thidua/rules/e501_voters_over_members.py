"""E501 voters-over-members: Số người bỏ phiếu nhiều hơn số đơn vị thành viên."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E501",
    name="voters-over-members",
    severity=Severity.ERROR,
    title="Số người bỏ phiếu nhiều hơn số đơn vị thành viên",
    hint="Mỗi đơn vị thành viên có một phiếu; sửa 'voters:'.",
    stage="bloc",
)

def check(ctx):
    votes = ctx.by.votes
    if votes is None or votes.voters is None or not ctx.by.members:
        return
    if votes.voters > len(ctx.by.members):
        yield RULE.at(votes.voters_src or votes.src, f"{votes.voters} người bỏ phiếu nhưng khối chỉ có {len(ctx.by.members)} đơn vị")
