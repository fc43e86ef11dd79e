"""The rule contract: a code, a default severity, a title, a hint."""

from __future__ import annotations

from dataclasses import dataclass

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
    """

    code: str
    name: str
    severity: Severity
    title: str
    hint: str
    stage: str

    def at(self, source: Source, message: str, hint: str | None = None,
           severity: Severity | None = None) -> Diagnostic:
        return Diagnostic(source, self.code, severity or self.severity, message,
                          self.hint if hint is None else hint)
