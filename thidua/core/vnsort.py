"""Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.

Python's ``sorted()`` puts "Đ" after "Z" and "Ă" after "Z" too. Dictionaries sort
by letters first (ă, â, đ, ê, ô, ơ, ư are letters of their own) and only then by
tone (không dấu, huyền, hỏi, ngã, sắc, nặng), which is what this key does.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_ORDER = {ch: i for i, ch in enumerate(_ALPHABET)}
# Tone marks, in dictionary order (no tone sorts first).
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


@lru_cache(maxsize=4096)
def _letter_and_tone(ch: str) -> tuple[int, int]:
    decomposed = unicodedata.normalize("NFD", ch.lower())
    tone = 0
    kept = []
    for c in decomposed:
        if c in _TONES:
            tone = _TONES[c]
        else:
            kept.append(c)
    base = unicodedata.normalize("NFC", "".join(kept))
    if base in _ORDER:
        return 1000 + _ORDER[base], tone
    if base.isdigit():
        return 100 + ord(base), tone
    return 2000 + ord(base[0]) if base else 0, tone


def sort_key(text: str) -> tuple:
    """A key that sorts names as a Vietnamese reader expects."""
    text = unicodedata.normalize("NFC", text)
    letters = tuple(_letter_and_tone(ch)[0] for ch in text)
    # One tone per syllable, wherever it is placed: "Hòa" and "Hoà" name one place.
    tones = tuple(max((_letter_and_tone(ch)[1] for ch in word), default=0) for word in text.split())
    return (letters, tones, text)


def vn_sorted(items, key=lambda x: x):
    return sorted(items, key=lambda item: sort_key(key(item)))
