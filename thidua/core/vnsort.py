"""Vietnamese alphabetical order, as ICU's ``vi`` collation (CLDR) has it.

Letters: a ă â b c d đ e ê (f) g h i (j) k l m n o ô ơ p q r s t u ư v (w) x y (z): ă, â, đ, ê,
ô, ơ, ư are letters of their own, and f, j, w, z, which Vietnamese words do not use, sit where
the Latin alphabet puts them. Python's ``sorted()`` puts "Đ", "Ă" and "Ư" after "Z" and every
capital before every small letter; this key does what a Vietnamese reader and ICU do.

**Syllable by syllable.** A space (and any punctuation) sorts before every digit and letter, so a
name is compared syllable by syllable: "Hà Giang" < "Hà Nội" < "Hải Dương" (the space after "Hà"
comes before the "i" of "Hải"), "An Giang" < "Anh", "Hồ Chí Minh" < "Hội" < "Hồng". The key has
the levels of ICU's collation, compared one after the other, each over the whole name:

1. primary: the letters, in the order above; before them, in ICU's root order, white space,
   then punctuation (``_ - , ; : ! ? . ' " ( ) [ ] { } @ * / \\ & # %`` …), then symbols, then
   currency signs; then digits; after z, letters of other scripts (by code point);
2. secondary: the tones, không dấu < huyền < hỏi < ngã < sắc < nặng (the ``vi`` tailoring's
   ``& U+0300 << U+0309 << U+0303 << U+0301 << U+0323``), and other diacritics (ü, ç …) in ICU's
   order. A tone decides only between names with the same letters: "Hà Giang" < "Hạ Long" <
   "Hà Nội" (G < L < N first), and "Ha Long" < "Hà Long" < "Hạ Long". (A printed dictionary
   that finishes each syllable, tone included, before the next would put "Hà Nội" before
   "Hạ Long"; ICU, and this key, do not.);
3. tertiary: case, lower before upper, letter by letter ("ubnd" < "Ubnd" < "UBND"); ICU's
   compatibility variants (a non-breaking space, full-width letters) come after their plain form;
4. the exact text, so that the order is total and the same on every run even for names ICU
   calls equal (a text and its NFD form).

**Digits** compare character by character, as plain ICU ``vi`` does (numeric collation is off
there): "Khối 1" < "Khối 10" < "Khối 2". A reader who wants "Khối 2" before "Khối 10" writes
"Khối 02".

**Tone placement.** "Hòa"/"Hoà", "Thủy"/"Thuỷ", "Khỏe"/"Khoẻ" are one name written in the old
and the new style. ICU compares tones by position and so sorts "Hoà" < "Hoá" < "Hòa"; here the
tones of a run of vowels count as sitting on its last vowel, which makes both spellings equal at
levels 1-3 (they sort next to each other, told apart only by level 4) and orders mixed-style
data by tone: "Hoà" = "Hòa" < "Hoá" = "Hóa". This is the one place where the key departs from
ICU; when every name is spelt in one style the two orders are the same. NFD text is equal to its
NFC form at levels 1-3. Control and format characters (soft hyphen, zero-width space) are
ignored, as ICU ignores them.

``tests/data/collation/vi-reference.txt`` holds a few thousand names in the order ICU 72 gives
(made by ``tests/data/collation/make_reference.py`` with PyICU, which is needed only there);
``tests/test_vnsort.py`` checks this key against it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

# -- weights ------------------------------------------------------------------------------------
# Each level of a key is a str whose characters are weights, so keys compare in C. Every weight is
# one character, or a lead character that only two-character weights use, so no weight is a prefix
# of another and comparing the strings compares the weight sequences.

# Primary. White space, punctuation, symbols and currency signs that have no compatibility
# decomposition, in the order of ICU's root collation (which ``vi`` does not change); one weight
# each. Generated from ICU 72 (make_reference.py --check prints any difference).
_VARIABLE = (
    "\t\n\x0b\x0c\r\u2028\u2029 "  # white space
    "_-\u2010\u2012\u2013\u2014\u2015\u2053,;\u204f:!\xa1?\xbf\u203d.\xb7\u2055\u2056\u2058\u2059\u205a"
    "\u205b\u205c\u205d\u205e'\u2018\u2019\u201a\u201b\u2039\u203a\"\u201c\u201d\u201e\u201f\xab\xbb"
    "()[]{}\u2045\u2046\u2016\xa7\xb6\u204b@*\u204e\u2051/\\&\u204a#%\u2030\u2031\u2020\u2021\u2022"
    "\u2023\u2027\u2043\u204c\u204d\u2032\u2035\u2038\u203b\u203f\u2054\u2040\u2050\u2041\u2042"  # punctuation
    "`^\xb0\xa9\xae\u2190\u2192\u2191\u2193+\xb1\xf7\xd7<=>\xac|\xa6~\u2212\u2052\u2044\u221e\u2264"
    "\u2265\u25a0\u25a1\u25aa\u25ab\u25cb\u25cf\u25e6\u2605\u2606\u2713\u2714\u2717\u2718"  # symbols
    "\xa4\xa2$\xa3\xa5\u20a0\u20a1\u20a2\u20a3\u20a4\u20a5\u20a6\u20a7\u20a9\u20aa\u20ab\u20ac\u20ad"
    "\u20ae\u20af\u20b0\u20b1\u20b2\u20b3\u20b4\u20b5\u20b6\u20b7\u20b8\u20b9\u20ba\u20bb\u20bc\u20bd"
    "\u20be\u20bf\u20c0"  # currency
)
_P_VARIABLE = 0x100  # chr(0x100 + i) for _VARIABLE[i]
_P_OTHER_SYMBOL = "\u0700"  # + the character: other punctuation and symbols, after those above
_P_DIGIT = 0x800  # + the digit's value, for the digits of every script
_ALPHABET = "aăâbcdđeêfghiıjklmnoôơpqrstuưvwxyz"
_P_LETTER = 0x900  # + the letter's place in _ALPHABET
_P_OTHER_LETTER = "\u0a00"  # + the lower-case letter: letters of other scripts, after z

# Letters spelt with a mark of their own (ă â ê ô ơ ư) and Latin letters ICU sorts as variants of
# one or two letters of the alphabet (with a secondary difference, like a diacritic).
_VN_LETTERS = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê", ("o", "\u0302"): "ô",
               ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}
_VARIANTS = {"ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O",
             "ł": "l", "Ł": "L", "ð": "d", "Ð": "D"}

# Secondary: "\x01" for each primary weight, then a weight for each mark on it. The marks of
# U+0300..U+0362 (but U+034F, which ICU ignores) in ICU's ``vi`` order, a string for marks ICU
# weighs alike; the tones are U+0300 huyền, U+0309 hỏi, U+0303 ngã, U+0301 sắc, U+0323 nặng.
_COMMON = "\x01"
_MARK_ORDER = (
    "\u0332", "\u0313\u0343", "\u0314", "\u0300\u0340", "\u0309", "\u0303", "\u0301\u0341", "\u0323",
    "\u0306", "\u0302", "\u030c", "\u030a", "\u0342", "\u0308", "\u0344", "\u030b", "\u0307", "\u0338", "\u0327",
    "\u0328", "\u0304",
    "\u030d\u030e\u0312\u0315\u031a\u033d\u033e\u033f\u0346\u034a\u034b\u034c\u0350\u0351\u0352\u0357\u035b"
    "\u035d\u035e",
    "\u0316\u0317\u0318\u0319\u031c\u031d\u031e\u031f\u0320\u0329\u032a\u032b\u032c\u032f\u0333\u033a\u033b"
    "\u033c\u0347\u0348\u0349\u034d\u034e\u0353\u0354\u0355\u0356\u0359\u035a\u035c\u035f\u0362",
    "\u0336\u0337", "\u0335", "\u0305", "\u030f", "\u0310", "\u0311", "\u031b", "\u0321", "\u0322", "\u0324",
    "\u0325", "\u0326", "\u032d", "\u032e", "\u0330", "\u0331", "\u0334", "\u0339", "\u0345", "\u0358", "\u0360",
    "\u0361",
)
_MARK_WEIGHT = {m: chr(2 + i) for i, group in enumerate(_MARK_ORDER) for m in group}
_MARK_WEIGHT["\u034f"] = ""  # the combining grapheme joiner, which ICU ignores
_S_VARIANT = "\x7e"  # the difference between ß and ss, ø and o …
_S_OTHER_MARK = "\x7f"  # + the mark: marks not listed, after those listed
_TONES = "\u0300\u0309\u0303\u0301\u0323"

# Tertiary: one weight for each primary weight.
_LOWER, _LOWER_VARIANT, _UPPER, _UPPER_VARIANT = "\x01", "\x02", "\x03", "\x04"


def _mark(m: str) -> str:
    weight = _MARK_WEIGHT.get(m)
    return _S_OTHER_MARK + m if weight is None else weight


def _letters(decomposed: str, variant: bool) -> tuple[str, str, str]:
    """Weights of decomposed text (NFD or NFKD): base characters each followed by their marks."""
    primary, secondary, tertiary = [], [], []
    i, n = 0, len(decomposed)
    while i < n:
        base = decomposed[i]
        j = i + 1
        while j < n and unicodedata.category(decomposed[j])[0] == "M":
            j += 1
        marks = decomposed[i + 1:j]
        i = j
        if unicodedata.category(base)[0] == "M":  # a mark with nothing before it
            secondary.append(_mark(base))
            continue
        lower = base.lower() if len(base.lower()) == 1 else base
        upper = lower != base
        for m in marks:
            letter = _VN_LETTERS.get((lower, m))
            if letter:
                lower, marks = letter, marks.replace(m, "", 1)
                break
        case = ((_LOWER_VARIANT, _UPPER_VARIANT) if variant else (_LOWER, _UPPER))[upper]
        extra = ""
        if base in _VARIANTS:
            lower, extra = _VARIANTS[base].lower(), _S_VARIANT
        for k, ch in enumerate(lower):
            p = _base_weight(ch)
            if not p:
                continue
            primary.append(p)
            tertiary.append(case)
            secondary.append(_COMMON)
            if k == len(lower) - 1:
                secondary.append(extra + "".join(_mark(m) for m in marks))
    return "".join(primary), "".join(secondary), "".join(tertiary)


def _base_weight(ch: str) -> str:
    """The primary weight of one character without marks (lower case), "" when ICU ignores it."""
    place = _ALPHABET.find(ch)
    if place >= 0:
        return chr(_P_LETTER + place)
    place = _VARIABLE.find(ch)
    if place >= 0:
        return chr(_P_VARIABLE + place)
    digit = unicodedata.decimal(ch, None)
    if digit is not None:
        return chr(_P_DIGIT + digit)
    category = unicodedata.category(ch)
    if category in ("Cc", "Cf"):
        return ""
    if category[0] == "L":
        return _P_OTHER_LETTER + ch
    return _P_OTHER_SYMBOL + ch


@cache
def _weights(ch: str) -> tuple[str, str, str]:
    """(primary, secondary, tertiary) weights of one NFC character."""
    if unicodedata.category(ch)[0] == "M":
        return "", _mark(ch), ""
    decomposed = unicodedata.normalize("NFD", ch)
    compatible = unicodedata.normalize("NFKD", ch)
    if compatible != decomposed and ch not in _VARIABLE:
        return _letters(compatible, variant=True)
    return _letters(decomposed, variant=False)


class _Level(dict):
    """A ``str.translate`` table for one level, filled in as characters are met."""

    def __init__(self, level: int) -> None:
        super().__init__()
        self.level = level

    def __missing__(self, code: int) -> str:
        value = self[code] = _weights(chr(code))[self.level]
        return value


_PRIMARY, _SECONDARY, _TERTIARY = _Level(0), _Level(1), _Level(2)

# -- tone placement -----------------------------------------------------------------------------
# In NFD text, a run of vowels (a e i o u y, each with its marks) has its tones moved after its
# last vowel: "Hòa" and "Hoà" both become "Hoa" + U+0300. make_reference.py does the same before
# asking ICU, with these very definitions.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_VOWEL_RUN = re.compile(f"(?:[aeiouyAEIOUY][{_MARKS}]*)+")
_TONE = re.compile(f"[{_TONES}]")


def _tones_last(run: re.Match) -> str:
    text = run.group()
    tones = _TONE.findall(text)
    return _TONE.sub("", text) + "".join(tones) if tones else text


def _canonical(text: str) -> str:
    """NFC text with the tones of each vowel run after its last vowel."""
    return unicodedata.normalize("NFC", _VOWEL_RUN.sub(_tones_last, unicodedata.normalize("NFD", text)))


def _vowel_classes() -> tuple[str, str]:
    vowels, moved = [], []
    for code in (*range(0x41, 0x7b), *range(0xc0, 0x250), *range(0x1e00, 0x1f00)):
        ch = chr(code)
        if unicodedata.normalize("NFD", ch)[0] in "aeiouyAEIOUY":
            vowels.append(ch)
            if any(t in unicodedata.normalize("NFD", ch) for t in _TONES):
                moved.append(ch)
    return "".join(vowels), "".join(moved)


_VOWELS, _TONED_VOWELS = _vowel_classes()
# Text that _canonical would change (NFC): a toned vowel, or a tone mark left alone by NFC, with a
# vowel or a mark after it; or a precomposed vowel that has a mark after its tone ("ṏ").
_NEEDS_MOVING = re.compile(
    f"[{_TONED_VOWELS}{_TONES}][{_VOWELS}{_MARKS}]"
    f"|[{''.join(ch for ch in _TONED_VOWELS if _canonical(ch) != ch)}]"
)


# -- the key ------------------------------------------------------------------------------------


@lru_cache(maxsize=1 << 14)
def sort_key(text: str) -> tuple[str, str, str, str]:
    """A key that sorts names as a Vietnamese reader (and ICU's ``vi`` collation) expects.

    (primary, secondary, tertiary, text): letters, tones and other marks, case, exact text.
    """
    nfc = unicodedata.normalize("NFC", text)
    if _NEEDS_MOVING.search(nfc):
        nfc = _canonical(nfc)
    return nfc.translate(_PRIMARY), nfc.translate(_SECONDARY), nfc.translate(_TERTIARY), text


def vn_sorted(items, key=lambda x: x):
    return sorted(items, key=lambda item: sort_key(key(item)))
