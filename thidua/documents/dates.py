"""Dates as Vietnamese administrative documents write them (Nghị định 30/2020/NĐ-CP).

Days below 10 and the months 1 and 2 take a leading zero ("ngày 05 tháng 02 năm
2024"); other months do not ("ngày 20 tháng 3 năm 2024"). A missing date leaves
dotted blanks for the office to fill in by hand, as printed forms do. Pure functions.
"""

from __future__ import annotations

import datetime as dt

BLANK = "......"  # room to write a day, a month or a year by hand


def day_text(day: int) -> str:
    return f"{day:02d}"


def month_text(month: int) -> str:
    """Months 1 and 2 get a leading zero so "tháng 1" cannot be altered into "tháng 12"."""
    return f"{month:02d}" if month <= 2 else str(month)


def date_text(date: dt.date | None) -> str:
    """``ngày 05 tháng 02 năm 2024``; blanks when the date is not known."""
    if date is None:
        return f"ngày {BLANK} tháng {BLANK} năm {BLANK}"
    return f"ngày {day_text(date.day)} tháng {month_text(date.month)} năm {date.year}"


def place_date_line(place: str, date: dt.date | None) -> str:
    """The line under the national motto: ``Khánh Hòa, ngày 05 tháng 02 năm 2024``."""
    text = date_text(date)
    return f"{place}, {text}" if place else text[:1].upper() + text[1:]


def short_date(date: dt.date | None) -> str:
    """``20/12/2024`` for running text and tables; empty when unknown."""
    if date is None:
        return ""
    return f"{day_text(date.day)}/{month_text(date.month)}/{date.year}"
