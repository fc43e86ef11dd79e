"""Where a value came from, what rule it breaks, and what is wrong with it (a leaf module).

Every finding thidua reports is a :class:`Diagnostic`: a value, never an exception.
A data file's finding points at a line and column; a form's at a sheet and cell. Each
carries the stable code and name of the :class:`Rule` it breaks. Checks yield them; the
edges (CLI, API) decide how to show them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Source:
    """A position in a file, as editors and spreadsheets count it.

    Attributes:
      file: the path as the user should see it (relative to the data root when possible).
      line: 1-based line number; 0 when the finding is about the whole file (or a form's cell).
      col: 1-based column, counted in characters.
      sheet, cell: in a workbook, the sheet's title and the cell (``D9``); empty in a text file.
    """

    file: str
    line: int = 0
    col: int = 0
    sheet: str = ""
    cell: str = ""

    def __str__(self) -> str:
        if self.sheet or self.cell:
            return "!".join(p for p in (self.file, self.sheet, self.cell) if p)
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
    """One finding: where, which rule (code and name), what is wrong and how to fix it."""

    source: Source
    code: str
    severity: Severity
    message: str
    hint: str = ""
    name: str = ""  # the rule's kebab-case name (``duplicate-key``)

    @property
    def sort_key(self) -> tuple:
        s = self.source
        return (s.file, s.line, s.col, s.sheet, s.cell, self.code, self.message)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


@dataclass(frozen=True, slots=True)
class Rule:
    """A stable code and what it means.

    Attributes:
      code: stable identifier such as ``E101``; never reused for another meaning.
      name: short kebab-case name (``duplicate-key``).
      severity: default severity.
      title: one line, Vietnamese, used in docs/rules.md.
      hint: default one-line fix, Vietnamese.
      stage: where the finding is made: ``text`` (decoding), ``yaml`` (parsing), ``schema``
        (keys and types), ``config`` (thidua.yaml and award rules), ``bloc`` (one bloc-year),
        ``score`` (the scored bloc-year), ``history`` (a bloc-year against the years before),
        ``form`` (an Excel form and its import).
      needs_complete: the check reads every score, so a value dropped for an earlier error
        would make it report a phantom problem (a total that does not match, a missing score).
    """

    code: str
    name: str
    severity: Severity
    title: str
    hint: str
    stage: str
    needs_complete: bool = False  # skipped when some values failed to load: they would look missing

    def at(self, source: Source, message: str, hint: str | None = None,
           severity: Severity | None = None) -> Diagnostic:
        return Diagnostic(source, self.code, severity or self.severity, message,
                          self.hint if hint is None else hint, self.name)


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


def has_errors(diags) -> bool:
    return any(d.severity is Severity.ERROR for d in diags)
