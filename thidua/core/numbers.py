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


def vn_percent(numerator: int, denominator: int) -> str:
    """4/7 → "57%" (rounded down, so a share never looks larger than it is)."""
    if denominator <= 0:
        return "0%"
    return f"{(Decimal(numerator) * 100 / Decimal(denominator)).to_integral_value(rounding=ROUND_DOWN)}%"


def share_text(share: Decimal) -> str:
    """Decimal('0.7') → "70%"."""
    pct = plain(share * 100)
    return f"{vn_number(pct)}%"
