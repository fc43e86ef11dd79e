"""Text from the data, made safe to print on a terminal or into a CI log (a leaf module).

Names, reasons, cell contents and file names come from people and from files others send.
Printed raw, an escape sequence (``\\x1b[2J``, ``\\x1b]8;;…``) drives the terminal, a line break
starts a new line of our output, and a line that begins with ``::`` (leading blanks aside)
or holds ``##[`` anywhere is read by GitHub Actions as a workflow command (an annotation, a
masked value, ``stop-commands``). So every control character, line or paragraph separator and
bidirectional override is shown as a visible escape (``\\x1b``, ``\\u202e``), ``##[`` is broken
up, and a line cannot open with ``::``. Plain text, Vietnamese included, passes unchanged.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff"
                     "\ud800-\udfff]|##\\[")


def _escape(m: re.Match[str]) -> str:
    ch = m[0]
    if ch == "##[":
        return "##\\["
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown_text(text: str) -> str:
    """``text`` with nothing a terminal or a CI log would act on; unchanged when already safe."""
    text = _UNSAFE.sub(_escape, text)
    stripped = text.lstrip()
    if stripped.startswith("::"):
        at = len(text) - len(stripped)
        text = text[:at] + "\\x3a" + text[at + 1:]
    return text


def visible_text(text: str) -> str:
    """:func:`shown_text`, and every character one cannot see escaped too (a zero-width space, a no-break
    space, a word joiner, a private-use or unassigned code point): for a quoted id or key, where
    'hlhpn' + U+200B printed as it is looks exactly like the valid 'hlhpn'."""
    import unicodedata

    return "".join(f"\\u{ord(c):04x}" if (c != " " and unicodedata.category(c) in ("Cf", "Zs", "Co", "Cn"))
                   else c for c in shown_text(text))


def is_safe(text: str) -> bool:
    return shown_text(text) == text
