"""What a form carries about itself, and how a problem in a form is reported.

A form holds a hidden sheet (:data:`META_SHEET`) naming the bloc, the year, the
criteria table and its fingerprint, and one row per input cell: which member,
criterion or bonus/deduction slot it fills and the value it held when exported
(the baseline). Import takes only the cells that differ from their baseline, so
seven members can each return the whole workbook and only their own edits count.
A problem in a form is a finding like any other (codes E800–E820), located by sheet and cell.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal

from thidua.core.numbers import plain
from thidua.model import Criterion, Table

META_SHEET = "_thidua"
MAGIC = "thidua-form"
VERSION = 3  # 2: a self form fills self_bonus and self_deductions, never the counted lists; 3: the decree's
# header on each self sheet (its title, member line and points column moved: thidua.forms.plan.SELF_LAYOUTS)
KINDS = {"self": "tự chấm", "agreed": "thống nhất"}
FIELDS = ("score", "bonus", "deductions")
PARTS = ("points", "reason")
MAX_REASON = 1000  # as the bloc-year format allows


def number_text(value: Decimal | None) -> str:
    """A decimal as the form stores it and YAML writes it: 9.5, 10 (never 1E+1)."""
    return "" if value is None else f"{plain(value):f}"


def fingerprint(table: Table) -> str:
    """A short digest of the table's criteria ids, nesting and maxima, and of the caps.

    Two tables with the same fingerprint give the same form; any change to what a
    member may score changes it, so an older form is refused.
    """
    lines: list[str] = []

    def walk(c: Criterion, depth: int) -> None:
        lines.append(f"{depth}|{c.id}|{number_text(c.max)}")
        for child in c.children:
            walk(child, depth + 1)

    for group in table.groups:
        walk(group, 0)
    lines.append(f"bonus|{number_text(table.bonus_cap)}")
    lines.append(f"deductions|{number_text(table.deduction_cap)}")
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Slot:
    """One input cell of a form and what it fills.

    Attributes:
      sheet, cell: where it is (``D9``).
      member: the member id.
      field: ``score`` (the form's kind: self or agreed), ``bonus`` or ``deductions``.
      key: the criterion id for a score; the slot number (``1``, ``2`` …) for bonus and deductions.
      part: ``points`` or ``reason``.
      baseline: what the cell held when exported ("" when empty).
      maximum: the largest number the cell accepts (None: no upper bound, or a reason).
    """

    sheet: str
    cell: str
    member: str
    field: str
    key: str
    part: str
    baseline: str
    maximum: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Check:
    """A locked cell that must still hold ``expected``: rows or columns were not moved."""

    sheet: str
    cell: str
    expected: str


@dataclass(frozen=True, slots=True)
class FormMeta:
    kind: str
    bloc: str
    year: int
    table: str
    fingerprint: str
    slots: tuple[Slot, ...]
    checks: tuple[Check, ...]
    version: int = VERSION


def cell_ref(file: str, sheet: str, cell: str) -> str:
    return "!".join(p for p in (file, sheet, cell) if p)
