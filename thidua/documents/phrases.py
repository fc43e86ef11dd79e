"""Small phrases the documents share: shares, times, people, dotted blanks (pure)."""

from __future__ import annotations

import dataclasses
from decimal import ROUND_HALF_UP, Decimal

from thidua.core.awards import quota_size
from thidua.core.numbers import share_text, vn_number

DOTS = "………………"      # a word or two to write by hand
LONG_DOTS = "………………………………………"  # a name and a title


def percent(count: int, base: int | None) -> tuple[Decimal | None, str]:
    """The exact share ``count/base`` and its text with two decimals, rounded half up (``85,71 %``,
    the space a no-break space)."""
    if not base:
        return None, ""
    exact = Decimal(count) / Decimal(base)
    shown = (exact * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return exact, f"{vn_number(shown, 2)}\u00a0%"  # a no-break space: "85,71" and "%" stay on one line


def clock(time: str) -> str:
    """``08:00`` → ``08 giờ 00``; dots when the time is not recorded."""
    if not time:
        return "…… giờ ……"
    hours, minutes = time.split(":")
    return f"{hours} giờ {minutes}"


def person(name: str, title: str = "", unit: str = "") -> str:
    """``Nguyễn Thị Hà, Chủ tịch Hội Liên hiệp Phụ nữ tỉnh``; dots for what is not recorded."""
    who = name or LONG_DOTS
    role = " ".join(p for p in (title, unit) if p)
    return f"{who}, {role}" if role else who


def ground(text: str) -> str:
    """A line of the proposal's grounds: ``Căn cứ …`` (the word added when the line lacks it)."""
    text = text.strip().rstrip(";.,")
    return text if text.lower().startswith("căn cứ") else f"Căn cứ {text}"


def quota_reached(quota, population: int, size: int | None, bloc: str) -> str:
    """Why an eligible unit is left out for want of a place, as an officer writes it: ``đủ điều kiện
    nhưng Khối đã đề nghị đủ 2 đơn vị theo hạn mức (30% số đơn vị của Khối)``, never a formula."""
    if size is None:
        return "đủ điều kiện nhưng đã hết hạn mức"
    limit = f"{size} đơn vị theo hạn mức"
    if share_gave(quota, population, size):
        limit += f" ({share_text(quota.share)} số đơn vị của {bloc})"
    return f"đủ điều kiện nhưng {bloc} đã đề nghị đủ {limit}"


def share_gave(quota, population: int, size: int | None) -> bool:
    """Whether ``quota``'s share, not a count or its minimum, set the ``size`` places: only then is the
    share worth saying beside the number ("2 đơn vị (30% số đơn vị của Khối)")."""
    return quota is not None and quota.share is not None and quota.count is None and size is not None and \
        quota_size(dataclasses.replace(quota, minimum=0), population) == size
