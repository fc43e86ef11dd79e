"""Bytes to NFC text, with findings for every encoding problem an office file has.

Vietnamese files come from Word, Excel and old font encodings (TCVN3/ABC, VNI,
Windows-1258). Python has no codec for TCVN3 or VNI, so such files either fail to
decode as UTF-8 or decode into mojibake; both must be caught, never accepted.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from thidua.diagnostics import Diagnostic, Source
from thidua.rules import (
    e001_not_utf8,
    e002_utf16,
    e003_legacy_font_text,
    e004_not_nfc,
    e005_eth_for_dj,
    e006_empty_file,
)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text ready for the YAML parser (NFC, no BOM), or None when unreadable."""

    text: str | None
    diagnostics: tuple[Diagnostic, ...]


# Characters that do not occur in Vietnamese but do occur when TCVN3 or VNI bytes
# are read as Windows-1252/Latin-1 (e.g. "Héi Liªn hiÖp" or "Hoäi Lieân hieäp").
_LEGACY_MARKS = "ª¬­®§©¨«µ¸¶·¹¼½¾ÆÇËÎÏÑÖ×ØÛÞßäåæçëîïñöøûüþÿ÷¤¥¦¯°±²³"
_LEGACY_RE = re.compile(f"[A-Za-z][{_LEGACY_MARKS}]|[{_LEGACY_MARKS}][A-Za-z]")

# Signatures of each legacy encoding in raw bytes (letter followed by mark byte).
_VNI_MARKS = frozenset(b"\xf8\xf9\xfb\xf5\xef\xd8\xd9\xdb\xd5\xcf\xe2\xea\xf4\xf6\xe6\xe5\xe4\xe3\xe1\xe0")
_CP1258_MARKS = frozenset(b"\xcc\xec\xde\xd2\xf2")
_TCVN3_BYTES = frozenset(range(0xA1, 0x100)) - frozenset(b"\xd7\xf7")


def _position(text: str, index: int, file: str) -> Source:
    line = text.count("\n", 0, index) + 1
    start = text.rfind("\n", 0, index) + 1
    return Source(file, line, index - start + 1)


def guess_legacy_encoding(data: bytes) -> str:
    """Best guess among Windows-1258, VNI and TCVN3 for bytes that are not UTF-8."""
    letters = b"aeiouyAEIOUYdD"
    scores = {"Windows-1258": 0, "VNI": 0, "TCVN3 (ABC)": 0}
    prev = 0
    for b in data:
        if b >= 0x80:
            if prev in letters and b in _CP1258_MARKS:
                scores["Windows-1258"] += 2
            if prev in letters and b in _VNI_MARKS:
                scores["VNI"] += 1
            if b in _TCVN3_BYTES and not (prev in letters and b in _VNI_MARKS):
                scores["TCVN3 (ABC)"] += 1
        prev = b
    # VNI writes đ as "ñ" (0xF1) and tones as a byte after the vowel; TCVN3 uses one byte per letter.
    if data.count(b"\xf1") and scores["VNI"]:
        scores["VNI"] += data.count(b"\xf1")
    return max(scores, key=lambda k: (scores[k], k == "TCVN3 (ABC)"))


def _first_bad_utf8(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return -1


def decode(data: bytes, file: str) -> Decoded:
    """Decode a bloc file's bytes; the text is NFC even when a finding says it was not."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
        len(data) >= 4 and (data[1::2].count(0) > len(data) // 4 or data[0::2].count(0) > len(data) // 4)
    ):
        return Decoded(None, (e002_utf16.RULE.at(Source(file, 1, 1), "tệp được lưu bằng UTF-16, không phải UTF-8"),))
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]  # Notepad's BOM is harmless: accept it silently
    if not data.strip():
        return Decoded(None, (e006_empty_file.RULE.at(Source(file, 1, 1), "tệp rỗng, không có dữ liệu"),))
    bad = _first_bad_utf8(data)
    if bad >= 0:
        head = data[:bad].decode("utf-8", "replace")
        where = _position(head + "?", len(head), file)
        enc = guess_legacy_encoding(data)
        return Decoded(None, (e001_not_utf8.RULE.at(
            where,
            f"tệp không phải UTF-8 (byte 0x{data[bad]:02X}); có vẻ được lưu bằng bảng mã {enc}",
            f"Mở tệp, chuyển mã từ {enc} sang Unicode dựng sẵn (ví dụ bằng Unikey) rồi lưu với UTF-8.",
        ),))
    text = data.decode("utf-8")
    diags: list[Diagnostic] = []
    if "\x00" in text:
        return Decoded(None, (e002_utf16.RULE.at(_position(text, text.index("\x00"), file),
                                                 "tệp chứa ký tự NUL; có thể là UTF-16 hoặc tệp nhị phân"),))
    m = _LEGACY_RE.search(text)
    if m:
        diags.append(e003_legacy_font_text.RULE.at(
            _position(text, m.start(), file),
            f"chữ '{_word_at(text, m.start())}' có vẻ được gõ bằng phông TCVN3 hoặc VNI rồi dán vào",
        ))
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        idx = _first_not_nfc(text)
        word = _word_at(text, idx)
        diags.append(e004_not_nfc.RULE.at(
            _position(text, idx, file),
            f"chữ '{unicodedata.normalize('NFC', word)}' được viết ở dạng tổ hợp (NFD), không phải dựng sẵn (NFC)",
        ))
        text = unicodedata.normalize("NFC", text)
    for ch in ("\u00d0", "\u00f0"):
        i = text.find(ch)
        if i >= 0:
            diags.append(e005_eth_for_dj.RULE.at(
                _position(text, i, file),
                f"chữ '{_word_at(text, i)}' dùng {ch!r} (U+{ord(ch):04X}, chữ eth), không phải Đ/đ tiếng Việt",
            ))
    return Decoded(text, tuple(diags))


def _first_not_nfc(text: str) -> int:
    for i, ch in enumerate(text):
        if unicodedata.combining(ch) or not unicodedata.is_normalized("NFC", text[max(0, i - 1):i + 2]):
            return max(0, i - 1) if unicodedata.combining(ch) else i
    return 0


def _word_at(text: str, index: int) -> str:
    start = index
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in ":'\"[{,":
        start -= 1
    end = index
    while end < len(text) and not text[end].isspace() and text[end] not in "'\"]},":
        end += 1
    return text[start:end][:40]
