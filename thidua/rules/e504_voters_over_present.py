"""E504 voters-over-present: Số phiếu nhiều hơn số đơn vị dự hội nghị bình xét."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E504",
    name="voters-over-present",
    severity=Severity.ERROR,
    title="Số phiếu nhiều hơn số đơn vị dự hội nghị bình xét",
    hint="Mỗi đơn vị dự họp có một phiếu: sửa 'voters:', hoặc bổ sung đơn vị còn thiếu vào "
         "'events: review: present:'.",
    stage="bloc",
)


def check(ctx):
    votes = ctx.by.votes
    review = ctx.by.event("review")
    if votes is None or not votes.voters or review is None or not review.present:
        return
    present = len({r.id for r in review.present})
    if votes.voters > present:
        yield RULE.at(votes.voters_src or votes.src,
                      f"{votes.voters} phiếu nhưng chỉ {present} đơn vị dự hội nghị tổng kết, bình xét "
                      f"(events.review.present)")
