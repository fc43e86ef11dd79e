"""What rule modules share: the Rule record (defined in thidua.diagnostics, a leaf) and small helpers."""

from __future__ import annotations

from decimal import Decimal

from thidua.diagnostics import Rule

__all__ = ["Rule", "adjustments_over_cap"]


def adjustments_over_cap(rule: Rule, ctx, kind: str, cap: Decimal | None, label: str):
    """Findings for sheets whose ``kind`` (bonus or deductions) adds up past ``cap``."""
    if cap is None:
        return
    for sheet in ctx.by.scores:
        items = getattr(sheet, kind)
        total = sum((a.points for a in items), Decimal(0))
        if items and total > cap:
            yield rule.at(items[0].src or sheet.src, f"{sheet.member.id}: {label} {total} vượt mức tối đa {cap}")
