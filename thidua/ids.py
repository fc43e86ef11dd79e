"""The shapes of identifiers: bloc, member and award ids, criterion keys, file names (a leaf module).

One place for these patterns, so the format (JSON Schema and checks), the data root's
folder names and the table references cannot disagree. ``\\Z``, not ``$``: in Python
``$`` also matches before a final newline, so "k\\n" would pass as an id. ``[0-9]``,
not ``\\d``: ``\\d`` also matches other scripts' digits ("２０２４").
"""

from __future__ import annotations

import re

ID_PATTERN = r"^[a-z][a-z0-9_-]{0,39}\Z"
KEY_PATTERN = r"^[0-9A-Za-z][0-9A-Za-z._-]{0,29}\Z"
TABLE_REF_PATTERN = r"^_tables/([a-z0-9][a-z0-9._-]{0,79})\Z"
YEAR_FILE_PATTERN = r"^([0-9]{4})\.yaml\Z"

ID_RE = re.compile(ID_PATTERN)
KEY_RE = re.compile(KEY_PATTERN)
TABLE_REF_RE = re.compile(TABLE_REF_PATTERN)
YEAR_FILE_RE = re.compile(YEAR_FILE_PATTERN)

_ANY_DIGITS = re.compile(r"\d{4}")
_ASCII_DIGITS = re.compile(r"[0-9]{4}")


def misnamed_year(stem: str) -> bool:
    """A year written with digits of another script (fullwidth, Arabic-Indic …): not a year file (E319)."""
    return bool(_ANY_DIGITS.fullmatch(stem)) and not _ASCII_DIGITS.fullmatch(stem)
