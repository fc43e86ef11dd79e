"""Text values that would act on a terminal or a CI log: findings at the character that does it.

Raw control bytes in a file are refused by the YAML reader (E100). Written as escapes
in a double-quoted string (``"\\e[31m"``, ``"\\x07"``, ``"\\u202e"``) they reach the value
unseen; so does a line separator or a bidirectional override pasted from elsewhere.
Every scalar, keys included, is checked for them (E107, at the escape or the character),
and for text GitHub Actions would read as a workflow command: a line that begins with
``::`` or holds ``##[`` (E108). A line break inside a one-line text such as a name is
the schema's business (E209).

The check costs nothing on an ordinary file: the tree is walked only when the text holds
an escape that makes a control character, one of those characters, ``::`` or
``##[`` at all.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

from thidua.diagnostics import Diagnostic, Source
from thidua.rules import e107_control_character, e108_ci_command_text
from thidua.yamlnodes import Mapping, Node, Scalar, Sequence

# An escape that makes a control character (``\"`` and ``\\`` do not: real names quote "Dân vận khéo").
_SUSPECT = re.compile("\\\\[0abvfreNLPxuU]|[\x85\u2028\u2029\u202a-\u202e\u2066-\u2069]|::|##\\[")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
COMMAND = re.compile(r"^[ \t]*::|##\[", re.MULTILINE)
_SIMPLE = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r",
           "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0", "L": "\u2028",
           "P": "\u2029"}
_HEX = {"x": 2, "u": 4, "U": 8}


def describe(ch: str) -> str:
    code = ord(ch)
    name = {"\x1b": "ESC", "\x07": "BEL", "\x08": "BS", "\r": "CR", "\x7f": "DEL", "\x85": "NEL",
            "\u2028": "LINE SEPARATOR", "\u2029": "PARAGRAPH SEPARATOR"}.get(ch) or unicodedata.name(ch, "")
    return f"U+{code:04X}" + (f" ({name})" if name else "")


def _scalars(root: Node):
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, Scalar):
            yield node
        elif isinstance(node, Mapping):
            for key, value in node.items:
                stack.append(value)
                stack.append(key)
        elif isinstance(node, Sequence):
            stack.extend(node.items)


def _escape_at(text: str, start: int, bad) -> int | None:
    """In a double-quoted scalar starting at ``start``, the offset of the first escape or character ``bad`` accepts."""
    i = start + 1
    while i < len(text):
        ch = text[i]
        if ch == '"':
            return None
        if ch == "\\" and i + 1 < len(text):
            code = text[i + 1]
            if code in _HEX:
                digits = text[i + 2:i + 2 + _HEX[code]]
                try:
                    value = chr(int(digits, 16))
                except (ValueError, OverflowError):
                    return None
                if bad(value):
                    return i
                i += 2 + _HEX[code]
                continue
            if bad(_SIMPLE.get(code, "")):
                return i
            i += 2
            continue
        if bad(ch):
            return i
        i += 1
    return None


def check_text(text: str, root: Node | None, file: str) -> list[Diagnostic]:
    if root is None or not _SUSPECT.search(text):
        return []
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    out: list[Diagnostic] = []

    def source_at(offset: int) -> Source:
        line = bisect.bisect_right(starts, offset) - 1
        return Source(file, line + 1, offset - starts[line] + 1)

    for node in _scalars(root):
        value = node.value
        control = CONTROL.search(value)
        if control is None and not COMMAND.search(value):
            continue
        line, col = node.src.line, node.src.col
        at = starts[line - 1] + col - 1 if 0 < line <= len(starts) else -1
        if control is not None:
            ch = control[0]
            where = node.src
            if 0 <= at < len(text) and text[at] == '"':
                found = _escape_at(text, at, lambda c: bool(c) and CONTROL.match(c) is not None)
                if found is not None:
                    where = source_at(found)
            elif 0 <= at < len(text):
                raw = text.find(ch, at)
                where = source_at(raw) if raw >= 0 else where
            out.append(e107_control_character.RULE.at(
                where, f"chuỗi chứa ký tự điều khiển {describe(ch)}, không in ra được và có thể điều khiển màn hình"))
        else:
            out.append(e108_ci_command_text.RULE.at(
                node.src, "chuỗi có dòng bắt đầu bằng '::' hoặc chứa '##[': nhật ký CI (GitHub Actions) đọc đó là "
                "một lệnh"))
    return out
