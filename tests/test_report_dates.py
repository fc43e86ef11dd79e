"""The place-and-date line of NĐ 30/2020: days below 10 and months 1–2 take a leading zero."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thidua.documents.dates import date_text, month_text, place_date_line, short_date


@pytest.mark.parametrize(("date", "expected"), [
    (dt.date(2024, 2, 5), "Khánh Hòa, ngày 05 tháng 02 năm 2024"),
    (dt.date(2024, 12, 20), "Khánh Hòa, ngày 20 tháng 12 năm 2024"),
    (dt.date(2024, 12, 9), "Khánh Hòa, ngày 09 tháng 12 năm 2024"),
    (dt.date(2024, 1, 31), "Khánh Hòa, ngày 31 tháng 01 năm 2024"),
    (dt.date(2024, 3, 15), "Khánh Hòa, ngày 15 tháng 3 năm 2024"),  # tháng 3, not 03
    (dt.date(2025, 10, 1), "Khánh Hòa, ngày 01 tháng 10 năm 2025"),
])
def test_place_date_line(date, expected):
    assert place_date_line("Khánh Hòa", date) == expected


def test_unknown_date_leaves_room_to_write_it_by_hand():
    line = place_date_line("Khánh Hòa", None)
    assert line.startswith("Khánh Hòa, ngày ")
    assert "tháng" in line and "năm" in line
    assert not any(ch.isdigit() for ch in line)


def test_without_a_place_the_line_starts_with_a_capital():
    assert place_date_line("", dt.date(2024, 2, 5)) == "Ngày 05 tháng 02 năm 2024"


def test_short_date():
    assert short_date(dt.date(2024, 2, 5)) == "05/02/2024"
    assert short_date(dt.date(2024, 3, 9)) == "09/3/2024"
    assert short_date(None) == ""


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1945, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_padding_rule_for_every_date(date):
    words = date_text(date).split()
    assert words[0] == "ngày" and words[2] == "tháng" and words[4] == "năm"
    day, month, year = words[1], words[3], words[5]
    assert len(day) == 2 and int(day) == date.day
    assert int(month) == date.month
    assert month.startswith("0") == (date.month <= 2)
    assert month == month_text(date.month)
    assert year == str(date.year)
