"""E500 votes-over-voters: Số phiếu nhiều hơn số người bỏ phiếu."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E500",
    name="votes-over-voters",
    severity=Severity.ERROR,
    title="Số phiếu nhiều hơn số người bỏ phiếu",
    hint="Số phiếu của mỗi đơn vị không được vượt 'voters:'.",
    stage="bloc",
)

def check(ctx):
    votes = ctx.by.votes
    if votes is None or votes.voters is None:
        return
    for c in votes.counts:
        if c.count > votes.voters:
            yield RULE.at(c.src, f"{c.member.id} có {c.count} phiếu ({c.award}) nhưng chỉ có {votes.voters} người bỏ phiếu")
