"""Output a console can show: Vietnamese text on a stream that cannot encode it, and JSON on any stream.

An office PC's console or a redirect to a file may use a legacy code page (cp1258, cp1252) or
ASCII. Python then raises UnicodeEncodeError on the first "ố", which would turn every command
into an internal error. The console script (and nothing a library caller runs) makes its
streams safe once, at start:

- a file or a pipe whose encoding was not chosen (no PYTHONIOENCODING) gets UTF-8: the text as
  written, which Notepad, Excel's import and git all read;
- a console, or an encoding the user chose, keeps its encoding, and what it cannot encode is
  written the nearest way it can: "ố" as "ô" and a combining acute in cp1258 (its own way of
  writing Vietnamese), as "o" in cp1252 or ASCII, "đ" as "d", "—" as "-", "→" as "->".

JSON is never written with those substitutions (a name in JSON is data): on such a stream it
is written with \\u escapes instead (``ensure_ascii``).
"""

from __future__ import annotations

import codecs
import os
import sys
import unicodedata

HANDLER = "thidua-nearest"
UNICODE_CODECS = {"utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf-8-sig"}
_PUNCTUATION = {"—": "-", "–": "-", "…": "...", "→": "->", "←": "<-", "≥": ">=", "≤": "<=", "•": "*", "×": "x",
                "“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " ", "\u202f": " ", "·": "-", "✓": "v", "✗": "x",
                "đ": "d", "Đ": "D"}


def nearest(ch: str, encoding: str) -> str:
    """``ch`` as near as ``encoding`` can write it: precomposed base and combining tone, the bare letter, or ?."""
    marks = unicodedata.normalize("NFD", ch)
    base, rest = marks[0], marks[1:]
    # cp1258 writes "ộ" as "ô" and a combining dot below: the base composed with one of its marks
    tries = [unicodedata.normalize("NFC", base + m) + rest[:i] + rest[i + 1:] for i, m in enumerate(rest)]
    tries.append(marks)
    tries.append(_PUNCTUATION.get(ch) or "".join(c for c in marks if not unicodedata.combining(c)))
    for text in tries:
        try:
            if text:
                text.encode(encoding)
                return text
        except UnicodeEncodeError:
            continue
    return "?"


def _handler_for(encoding: str):
    """An error handler that writes what ``encoding`` cannot as :func:`nearest` says (the exception names
    only the codec's machinery, "charmap", not the code page the stream uses)."""

    def handler(exc: UnicodeError) -> tuple[str, int]:
        if not isinstance(exc, UnicodeEncodeError):
            raise exc
        return "".join(nearest(ch, encoding) for ch in exc.object[exc.start:exc.end]), exc.end

    return handler


def is_unicode(stream) -> bool:
    encoding = getattr(stream, "encoding", None)
    try:
        return encoding is None or codecs.lookup(encoding).name in UNICODE_CODECS
    except LookupError:
        return False


def make_streams_safe() -> None:
    """Called by the console script before anything is printed (typer's --help included)."""
    for stream in (sys.stdout, sys.stderr):
        if is_unicode(stream) or not hasattr(stream, "reconfigure"):
            continue
        try:
            if not os.environ.get("PYTHONIOENCODING") and not stream.isatty():
                stream.reconfigure(encoding="utf-8")
                continue
            encoding = codecs.lookup(stream.encoding).name
            name = f"{HANDLER}-{encoding}"
            try:
                codecs.lookup_error(name)
            except LookupError:
                codecs.register_error(name, _handler_for(encoding))
            stream.reconfigure(errors=name)
        except (OSError, ValueError, LookupError):  # a closed or detached stream: nothing to make safe
            continue


def json_text(doc) -> str:
    """``doc`` as indented JSON for stdout: Vietnamese as written, or \\u escapes where stdout cannot write it."""
    import json

    return json.dumps(doc, ensure_ascii=not is_unicode(sys.stdout), indent=2) + "\n"
