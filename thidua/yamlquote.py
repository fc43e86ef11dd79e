"""Text as a YAML double-quoted scalar that reads back as the same text (a leaf module).

JSON's escaping is not enough: YAML folds a raw U+2028, U+2029 or U+0085 inside quotes
into a space, and libyaml refuses raw C1 control characters and DEL. Everything that is
not plainly printable is written as an escape (``\\e``, ``\\x07``, ``\\u2028``), so any
string, even one a check would refuse, gives a file that parses and says the same.
"""

from __future__ import annotations

import re

_NAMED = {"\0": "\\0", "\a": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\v": "\\v", "\f": "\\f",
          "\r": "\\r", "\x1b": "\\e", '"': '\\"', "\\": "\\\\", "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}
_ESCAPE = re.compile("[\\\\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")


def _escape(m: re.Match[str]) -> str:
    ch = m[0]
    named = _NAMED.get(ch)
    if named is not None:
        return named
    code = ord(ch)
    return f"\\x{code:02X}" if code < 0x100 else f"\\u{code:04X}"


def double_quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar."""
    return '"' + _ESCAPE.sub(_escape, text) + '"'
