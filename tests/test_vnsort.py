"""Vietnamese alphabetical order (thidua.core.vnsort) against ICU's vi collation.

tests/data/collation/vi-reference.txt holds names in the order ICU gives (make_reference.py there,
run with PyICU); this test needs only the standard library and the file.
"""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thidua.core import vnsort
from thidua.core.vnsort import sort_key, vn_sorted

REFERENCE = Path(__file__).parent / "data" / "collation" / "vi-reference.txt"
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def shuffled(items, seed=0):
    items = list(items)
    random.Random(seed).shuffle(items)
    return items


def level(a: str, b: str) -> int:
    """The level at which the keys of a and b differ: 1 letters, 2 tones, 3 case, 4 text only, 0 same."""
    ka, kb = sort_key(a), sort_key(b)
    return next((i + 1 for i in range(4) if ka[i] != kb[i]), 0)


# -- the examples of the issue ------------------------------------------------------------------


def test_syllable_by_syllable():
    assert vn_sorted(["Hải Dương", "Hà Nội", "Hà Giang"]) == ["Hà Giang", "Hà Nội", "Hải Dương"]
    assert vn_sorted(["Anh", "An Giang"]) == ["An Giang", "Anh"]
    assert vn_sorted(["Hồng", "Hội", "Hồ Chí Minh"]) == ["Hồ Chí Minh", "Hội", "Hồng"]


def test_vietnamese_alphabet_order():
    words = ["Đà", "Ban", "Ăn", "Dân", "An", "Ân", "Ơn", "Ôn", "On", "Ưu", "Uy", "Zê"]
    assert vn_sorted(words) == ["An", "Ăn", "Ân", "Ban", "Dân", "Đà", "On", "Ôn", "Ơn", "Uy", "Ưu", "Zê"]
    alphabet = list("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")
    assert vn_sorted(shuffled(alphabet)) == alphabet


def test_tones_in_icu_order_and_only_after_the_letters():
    tones = ["Ba", "Bà", "Bả", "Bã", "Bá", "Bạ"]  # không dấu, huyền, hỏi, ngã, sắc, nặng
    assert vn_sorted(shuffled(tones)) == tones
    assert vn_sorted(["Hà Nội", "Hạ Long", "Hà Giang"]) == ["Hà Giang", "Hạ Long", "Hà Nội"]
    assert vn_sorted(["Hạ Long", "Hà Long", "Ha Long"]) == ["Ha Long", "Hà Long", "Hạ Long"]
    assert level("Hà", "Hạ") == 2 and level("Ha", "Hà") == 2 and level("Da", "Đa") == 1


def test_case_is_a_tertiary_difference():
    assert vn_sorted(["UBND", "Ubnd", "ubnd"]) == ["ubnd", "Ubnd", "UBND"]
    assert vn_sorted(["ab", "AB", "Ab", "aB"]) == ["ab", "aB", "Ab", "AB"]
    assert vn_sorted(["ĐÀ", "đà", "Đa"]) == ["Đa", "đà", "ĐÀ"]
    assert level("Sở Nội vụ", "SỞ NỘI VỤ") == 3


def test_space_and_punctuation_before_digits_before_letters():
    names = ["Sở Nội vụ tỉnh", "Sở Nội vụ (cũ)", "Sở Nội vụ", "Sở Nội vụ-A", "Sở Nội vụ - Ban Thi đua"]
    assert vn_sorted(names) == ["Sở Nội vụ", "Sở Nội vụ - Ban Thi đua", "Sở Nội vụ (cũ)", "Sở Nội vụ tỉnh",
                                "Sở Nội vụ-A"]
    assert vn_sorted(["UBND tỉnh (cũ)", "UBND tỉnh"]) == ["UBND tỉnh", "UBND tỉnh (cũ)"]
    assert vn_sorted(["An1", "An Giang", "An-Giang", "An"]) == ["An", "An Giang", "An-Giang", "An1"]
    assert vn_sorted(["Khối A", "Khối 2", "Khối (2)", "Khối"]) == ["Khối", "Khối (2)", "Khối 2", "Khối A"]


def test_digits_compare_one_by_one_as_plain_icu():
    assert vn_sorted(["Khối 2", "Khối 10", "Khối 1", "Khối 02"]) == ["Khối 02", "Khối 1", "Khối 10", "Khối 2"]


def test_tone_placement_and_nfd_are_equal_but_for_the_last_level():
    for old, new in [("Hòa", "Hoà"), ("Thủy", "Thuỷ"), ("Khỏe", "Khoẻ"), ("Hòa Bình", "Hoà Bình"),
                     ("Ủy ban", "Uỷ ban"), ("THỦY", "THUỶ"), ("Người", "Ngừơi")]:
        assert level(old, new) == 4, (old, new)
        assert level(old, unicodedata.normalize("NFD", old)) == 4
        assert level(new, unicodedata.normalize("NFD", old)) == 4
    # Mixed-style data is ordered by tone, where ICU would interleave ("Hoà" < "Hoá" < "Hòa").
    assert vn_sorted(["Hóa", "Hoá", "Hòa", "Hoà", "Hoa"])[:3] in (["Hoa", "Hoà", "Hòa"], ["Hoa", "Hòa", "Hoà"])
    assert vn_sorted(["Hóa", "Hoà"]) == ["Hoà", "Hóa"]


def test_ties_are_broken_by_the_text():
    assert sort_key("Hòa") != sort_key("Hoà")
    assert vn_sorted(["Hòa", "Hoà"]) == vn_sorted(["Hoà", "Hòa"])


def test_ignorable_characters():
    assert level("Hà\u00adNội", "HàNội") == 4  # soft hyphen
    assert level("Hà\u200bNội", "HàNội") == 4  # zero-width space


def test_other_letters_and_symbols_have_a_place():
    assert vn_sorted(["Zürich", "Zurich", "Zebra"]) == ["Zebra", "Zurich", "Zürich"]
    assert vn_sorted(["Straße", "Strasse", "Strasbourg"]) == ["Strasbourg", "Strasse", "Straße"]
    assert vn_sorted(["Ωmega", "Zalo", "Яблоко", "Ăn"]) == ["Ăn", "Zalo", "Ωmega", "Яблоко"]
    assert vn_sorted(["Hà Nội\u00a0", "Hà Nội ", "Hà Nội"]) == ["Hà Nội", "Hà Nội ", "Hà Nội\u00a0"]
    assert vn_sorted(["1", "€", "-", " ", "a"]) == [" ", "-", "€", "1", "a"]


def test_keys_are_cached():
    sort_key.cache_clear()
    sort_key("Hà Nội")
    sort_key("Hà Nội")
    assert sort_key.cache_info().hits == 1


# -- the reference list --------------------------------------------------------------------------


def read_reference() -> list[tuple[str, str]]:
    rows = []
    for line in REFERENCE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lvl, name = line.split("\t", 1)
            rows.append((lvl, name))
    return rows


def test_reference_file_is_sound():
    rows = read_reference()
    assert len(rows) > 3000
    names = [name for _, name in rows]
    assert len(set(names)) == len(names)
    assert all(unicodedata.is_normalized("NFC", n) for n in names)
    assert {lvl for lvl, _ in rows} == {"1", "2", "3", "="}
    for must in ("Hà Giang", "Hà Nội", "Hải Dương", "An Giang", "Anh", "Hồ Chí Minh", "Hội", "Hồng", "Khối 10",
                 "Khối 2", "Hòa Bình", "Hoà Bình", "Thừa Thiên Huế", "Huế", "Nguyễn Văn Ánh", "Đặng Thị Ơn"):
        assert must in names


def test_order_matches_icu_reference():
    """Sorting the shuffled list gives ICU's order; ICU's equal names may come in any order."""
    rows = read_reference()
    group: dict[str, int] = {}
    g = -1
    for lvl, name in rows:
        g += lvl != "="
        group[name] = g
    # NFD forms are the same names to ICU: they join their NFC form's group.
    extra = {unicodedata.normalize("NFD", name): group[name] for _, name in rows[::7]}
    extra = {k: v for k, v in extra.items() if k not in group}
    assert extra
    group.update(extra)
    result = vn_sorted(shuffled(group))
    wrong = [(a, b) for a, b in zip(result, result[1:], strict=False) if group[a] > group[b]]
    assert not wrong, f"{len(wrong)} pairs out of ICU order, e.g. {wrong[:5]}"


def test_levels_match_icu_reference():
    """Between neighbours, the key differs at the level where ICU tells them apart, not earlier or later."""
    rows = read_reference()
    expected = {"1": 1, "2": 2, "3": 3, "=": 4}
    wrong = [(a, b, lvl, level(a, b)) for (_, a), (lvl, b) in zip(rows, rows[1:], strict=False)
             if level(a, b) != expected[lvl]]
    assert not wrong, f"{len(wrong)} neighbours told apart at another level than ICU's, e.g. {wrong[:5]}"


# -- properties ----------------------------------------------------------------------------------

VOWELS = "aăâeêioôơuưy"
TONED = "".join(unicodedata.normalize("NFC", v + t) for v in VOWELS for t in ("", *vnsort._TONES))
LETTERS = TONED + "bcdđghklmnpqrstvx" + "fjwz"
ALPHABET = LETTERS + LETTERS.upper() + "  -–.,()'/&0123456789"
texts = st.text(alphabet=ALPHABET, max_size=24)

# Words with two spellings (old and new tone placement) and words with one.
TWO_STYLES = [("Hòa", "Hoà"), ("Thủy", "Thuỷ"), ("Khỏe", "Khoẻ"), ("Tòa", "Toà"), ("Hóa", "Hoá"), ("Thụy", "Thuỵ"),
              ("Xòe", "Xoè"), ("Họa", "Hoạ"), ("Lũy", "Luỹ"), ("Hỏa", "Hoả"), ("Thúy", "Thuý"), ("Ủy", "Uỷ"),
              ("HÒA", "HOÀ"), ("Người", "Ngừơi")]
ONE_STYLE = ["Hà", "Nội", "Hải", "Dương", "An", "Anh", "Giang", "Bình", "Ban", "Sở", "Khánh", "Hoàng", "Thuận",
             "Huy", "Hoa", "Hoà", "Hòa", "Thủy", "Ha", "Hạ", "Khoe", "Khóe", "Xã", "Hội", "Hồ", "Hồng", "-", "2", "10"]


@st.composite
def two_spellings(draw):
    words = draw(st.lists(st.one_of(st.sampled_from(ONE_STYLE), st.sampled_from(TWO_STYLES)), min_size=1,
                          max_size=4).filter(lambda ws: any(isinstance(w, tuple) for w in ws)))
    old = " ".join(w[0] if isinstance(w, tuple) else w for w in words)
    new = " ".join(w[1] if isinstance(w, tuple) else w for w in words)
    return old, new


@SETTINGS
@given(texts)
def test_nfc_and_nfd_are_equal_but_for_the_text(text):
    nfc, nfd = unicodedata.normalize("NFC", text), unicodedata.normalize("NFD", text)
    assert sort_key(nfc)[:3] == sort_key(nfd)[:3]


@SETTINGS
@given(st.lists(texts, max_size=30))
def test_sorting_is_total_idempotent_and_independent_of_input_order(items):
    once = vn_sorted(items)
    assert vn_sorted(once) == once
    assert vn_sorted(list(reversed(items))) == once
    for a, b in zip(once, once[1:], strict=False):
        assert sort_key(a) <= sort_key(b)
        assert (sort_key(a) == sort_key(b)) == (a == b)


@SETTINGS
@given(two_spellings(), st.lists(st.one_of(texts, two_spellings().map(lambda p: p[0])), max_size=20))
def test_a_name_and_its_other_spelling_sort_next_to_each_other(pair, others):
    old, new = pair
    assert sort_key(old)[:3] == sort_key(new)[:3]
    result = vn_sorted([*others, old, new])
    i, j = sorted((result.index(old), result.index(new)))
    between = result[i + 1:j]
    assert all(sort_key(x)[:3] == sort_key(old)[:3] for x in between), between


@SETTINGS
@given(texts)
def test_levels_are_nested(text):
    """Case changes only the tertiary level; removing tones only the secondary and tertiary ones."""
    assert sort_key(text.upper())[:2] == sort_key(text.lower())[:2] == sort_key(text)[:2]
    plain = "".join(c for c in unicodedata.normalize("NFD", text) if c not in vnsort._TONES)
    assert sort_key(plain)[0] == sort_key(text)[0]


@SETTINGS
@given(texts)
def test_the_shortcut_skips_only_text_that_needs_no_moving(text):
    nfc = unicodedata.normalize("NFC", text)
    if not vnsort._NEEDS_MOVING.search(nfc):
        assert vnsort._canonical(nfc) == nfc


@SETTINGS
@given(st.text(max_size=12))
def test_any_text_has_a_key(text):
    key = sort_key(text)
    assert key[3] == text and all(isinstance(part, str) for part in key)


@pytest.mark.parametrize("text", ["", " ", "\u0300", "a\u0300\u0300", "Ṏ", "ǅ", "½", "ﬁ", "İ", "\U0001f600"])
def test_odd_text(text):
    assert sort_key(text)[3] == text
    assert vn_sorted([text, "a", ""])[0] == ""


def test_tones_move_past_other_marks():
    # ṏ is o + tilde + diaeresis; with the tone moved last it is ö + tilde.
    assert level("ṏ", "ö\u0303") == 4
    assert level("ó\u0308a", "öá") == 4
    assert level("ö\u0301a", "öá") == 4  # a tone NFC cannot compose with its vowel
    assert level("Zöe", "Zoë") == 2
