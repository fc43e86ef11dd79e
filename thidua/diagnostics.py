"""Where a value came from, and what is wrong with it.

Every finding thidua reports is a :class:`Diagnostic`: a value, never an
exception. Checks yield them; the edges (CLI, API) decide how to show them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Source:
    """A 1-based position in a file, as editors count it.

    Attributes:
      file: the path as the user should see it (relative to the data root when possible).
      line: 1-based line number; 0 when the finding is about the whole file.
      col: 1-based column, counted in characters.
    """

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.col or 1}"
        return self.file


class Severity(enum.IntEnum):
    WARNING = 1
    ERROR = 2

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding: where, which rule, what is wrong and how to fix it."""

    source: Source
    code: str
    severity: Severity
    message: str
    hint: str = ""

    @property
    def sort_key(self) -> tuple:
        return (self.source.file, self.source.line, self.source.col, self.code, self.message)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def sorted_diagnostics(diags) -> list[Diagnostic]:
    """Position order, duplicates removed (two checks may reach one fault)."""
    seen: set = set()
    out = []
    for d in sorted(diags, key=lambda d: d.sort_key):
        key = (d.source, d.code, d.message)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


def count(diags) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = sum(1 for d in diags if d.severity is Severity.ERROR)
    return errors, len(diags) - errors
