"""W505 review-quorum: Hội nghị bình xét có ít đơn vị dự hơn số quy chế yêu cầu (review.quorum)."""

from math import ceil

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="W505",
    name="review-quorum",
    severity=Severity.WARNING,
    title="Hội nghị bình xét có ít đơn vị dự hơn số quy chế yêu cầu (review.quorum)",
    hint="Ghi đủ các đơn vị dự họp vào 'events: review: present:'; nếu hội nghị thật sự thiếu, quy chế "
         "thường yêu cầu họp lại trước khi bình xét, bỏ phiếu.",
    stage="bloc",
)


def check(ctx):
    quorum = ctx.config.quorum
    review = ctx.by.event("review")
    if quorum is None or review is None or not review.present or not ctx.by.members:
        return
    members = len(ctx.by.members)
    present = len({r.id for r in review.present})
    need = ceil(quorum * members)  # a Fraction: 2/3 of 9 is 6 exactly
    if present < need:
        # as a regulation writes it: 2/3, or 50% / 70% when the share is a whole percent
        share = f"{quorum * 100}%" if (quorum * 100).denominator == 1 else f"{quorum.numerator}/{quorum.denominator}"
        yield RULE.at(review.present[0].src,
                      f"{present}/{members} đơn vị dự hội nghị tổng kết, bình xét; quy chế cần ít nhất {share} "
                      f"số thành viên ({need} đơn vị)")
