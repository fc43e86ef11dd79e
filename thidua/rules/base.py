"""What rule modules share: the Rule record (defined in thidua.diagnostics, a leaf) and small helpers."""

from __future__ import annotations

from decimal import Decimal

from thidua.core.numbers import vn_number
from thidua.diagnostics import Rule

__all__ = ["Rule", "adjustments_over_cap", "unit"]


def unit(by, member_id: str) -> str:
    """A member as findings name it, the way the score and the documents do: 'Hội Liên hiệp Phụ nữ tỉnh
    (hlhpn)'; the id alone when it is no member of ``by``."""
    m = by.member(member_id)
    return f"{m.name} ({member_id})" if m is not None and m.name and m.name != member_id else member_id


def adjustments_over_cap(rule: Rule, ctx, kind: str, cap: Decimal | None, label: str):
    """Findings for sheets whose ``kind`` (bonus or deductions) adds up past ``cap``."""
    if cap is None:
        return
    for sheet in ctx.by.scores:
        items = getattr(sheet, kind)
        total = sum((a.points for a in items), Decimal(0))
        if items and total > cap:
            yield rule.at(items[0].src or sheet.src, f"{unit(ctx.by, sheet.member.id)}: {label} {vn_number(total)} "
                                                     f"vượt mức tối đa {vn_number(cap)}")
