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

_VOWELS = frozenset(b"aeiouyAEIOUY")
_VIETNAMESE_LETTERS = frozenset(
    unicodedata.normalize("NFC", base + tone)
    for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
    for tone in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
) | {"đ", "Đ"}


def _position(text: str, index: int, file: str) -> Source:
    line = text.count("\n", 0, index) + 1
    start = text.rfind("\n", 0, index) + 1
    return Source(file, line, index - start + 1)


def guess_legacy_encoding(data: bytes) -> str:
    """Best guess among Windows-1258, VNI and TCVN3 for bytes that are not UTF-8.

    Windows-1258 is the only one of the three Python can decode: when its reading
    gives Vietnamese letters only, that is the answer. VNI writes a tone or a hat as
    a byte after the vowel ("Hoäi"), TCVN3 writes a whole letter as one byte ("Héi").
    """
    as_1258 = unicodedata.normalize("NFC", data.decode("cp1258", "replace"))
    foreign = [ch for ch in as_1258 if not ch.isascii()]
    if foreign and sum(ch in _VIETNAMESE_LETTERS for ch in foreign) >= 0.9 * len(foreign):
        return "Windows-1258"
    after_vowel = sum(1 for a, b in zip(data, data[1:], strict=False) if b >= 0x80 and a in _VOWELS)
    elsewhere = sum(1 for a, b in zip(data, data[1:], strict=False) if b >= 0x80 and a not in _VOWELS)
    return "VNI" if after_vowel > elsewhere else "TCVN3 (ABC)"


def _first_bad_utf8(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return -1


def decode(data: bytes, file: str) -> Decoded:
    """Decode a bloc file's bytes; the text is NFC even when a finding says it was not."""
    if data and not data.strip(b"\x00"):
        return Decoded(None, (e002_utf16.RULE.at(
            Source(file, 1, 1), "tệp chỉ gồm byte 0 (NUL), không có chữ nào: tệp hỏng hoặc bị ghi đè",
            "Lấy lại tệp từ bản lưu trước (git checkout -- TỆP, hoặc bản sao lưu)."),))
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) or (
        len(data) >= 8 and data[2::4].count(0) > len(data) // 5 and (data[1::4].count(0) > len(data) // 5
                                                                     or data[3::4].count(0) > len(data) // 5)
    ):  # before UTF-16: UTF-32's little-endian BOM starts with UTF-16's
        return Decoded(None, (e002_utf16.RULE.at(Source(file, 1, 1), "tệp được lưu bằng UTF-32, không phải UTF-8",
                                                 "Lưu lại tệp với bảng mã UTF-8 thay cho UTF-32."),))
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
