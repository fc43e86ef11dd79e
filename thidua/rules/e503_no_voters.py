"""E503 no-voters: Kết quả bỏ phiếu ghi 0 người bỏ phiếu."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E503",
    name="no-voters",
    severity=Severity.ERROR,
    title="Kết quả bỏ phiếu ghi 0 người bỏ phiếu",
    hint="Ghi số đơn vị đã bỏ phiếu vào 'voters:'; nếu khối chưa bỏ phiếu, bỏ cả mục 'votes:'.",
    stage="bloc",
)


def check(ctx):
    votes = ctx.by.votes
    if votes is not None and votes.voters == 0:
        yield RULE.at(votes.voters_src or votes.src, "'voters: 0': không có phiếu nào thì không tính được tỷ lệ phiếu")
