"""The rule contract: a code, a default severity, a title, a hint."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from thidua.diagnostics import Diagnostic, Severity, Source


@dataclass(frozen=True, slots=True)
class Rule:
    """A stable code and what it means.

    Attributes:
      code: stable identifier such as ``E101``; never reused for another meaning.
      name: short kebab-case name (``duplicate-key``).
      severity: default severity.
      title: one line, Vietnamese, used in docs/rules.md.
      hint: default one-line fix, Vietnamese.
      stage: where the check runs: ``text`` (decoding), ``yaml`` (parsing),
        ``schema`` (keys and types), ``bloc`` (one bloc-year), ``history``
        (a bloc-year against the years before), ``score`` (scoring).
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
                          self.hint if hint is None else hint)


def adjustments_over_cap(rule: Rule, ctx, kind: str, cap: Decimal | None, label: str):
    """Findings for sheets whose ``kind`` (bonus or deductions) adds up past ``cap``."""
    if cap is None:
        return
    for sheet in ctx.by.scores:
        items = getattr(sheet, kind)
        total = sum((a.points for a in items), Decimal(0))
        if items and total > cap:
            yield rule.at(items[0].src or sheet.src, f"{sheet.member.id}: {label} {total} vượt mức tối đa {cap}")
