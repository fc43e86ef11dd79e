"""E203 bad-number: Không phải là số."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E203",
    name="bad-number",
    severity=Severity.ERROR,
    title="Không phải là số",
    hint="Viết số với dấu chấm thập phân, ví dụ 9.5 (không viết 9,5).",
    stage="schema",
)
