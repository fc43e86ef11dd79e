"""Exact decimals: rounding by one configured rule, and the Vietnamese way of writing them."""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

_MODES = {"half-up": ROUND_HALF_UP, "half-even": ROUND_HALF_EVEN, "down": ROUND_DOWN}


def round_to(value: Decimal, places: int, mode: str = "half-up") -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=_MODES.get(mode, ROUND_HALF_UP))


def plain(value: Decimal) -> Decimal:
    """Drop trailing zeros without going to exponent form (95.50 → 95.5, 100.00 → 100)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def vn_number(value: Decimal | int | None, places: int | None = None) -> str:
    """95.5 → "95,5"; 1234.5 → "1.234,5" (dấu chấm ngăn cách hàng nghìn, dấu phẩy thập phân)."""
    if value is None:
        return ""
    d = Decimal(value)
    d = round_to(d, places) if places is not None else plain(d)
    sign = "-" if d < 0 else ""
    text = f"{abs(d):f}"
    whole, _, frac = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ".".join(groups)
    return f"{sign}{out},{frac}" if frac else f"{sign}{out}"


def vn_percent(numerator: int, denominator: int, places: int = 2, fixed: bool = False) -> str:
    """A share as people write it, rounded half-up (never truncated): 6/7 → "85,71%", 4/7 → "57,14%",
    7/7 → "100%", 5/8 → "62,5%"; with ``fixed`` every share keeps ``places`` decimals ("100,00%")."""
    if denominator <= 0:
        return "—"
    value = round_to(Decimal(numerator) * 100 / Decimal(denominator), places, "half-up")
    return f"{vn_number(value, places) if fixed else vn_number(plain(value))}%"


def share_compare_texts(numerator: int, denominator: int, threshold: Decimal) -> tuple[str, str]:
    """The share and the threshold as two texts that never look equal when they are not.

    The comparison itself is exact (fractions); only the display rounds. When 2 decimals would
    show a share and a threshold as the same number although they differ (2/3 against 66.67 %),
    more decimals are shown, up to 6.
    """
    exact = Decimal(numerator) / Decimal(denominator)
    for places in range(2, 7):
        a = vn_percent(numerator, denominator, places)
        b = share_text(threshold, places)
        if a != b or exact == threshold:
            return a, b
    return a, b


def share_text(share: Decimal, places: int = 2) -> str:
    """Decimal('0.7') → "70%"; a share written with more decimals is rounded half-up to ``places``."""
    pct = plain(round_to(share * 100, places, "half-up"))
    return f"{vn_number(pct)}%"


def vn_date(date) -> str:
    """A date in a sentence as Vietnamese write it: ``30/06/2025`` (the data keeps ISO dates)."""
    return f"{date.day:02d}/{date.month:02d}/{date.year}"
