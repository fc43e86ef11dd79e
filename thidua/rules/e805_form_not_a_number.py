"""E805 form-not-a-number: Ô điểm không chứa một con số."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E805",
    name="form-not-a-number",
    severity=Severity.ERROR,
    title="Ô điểm không chứa một con số",
    hint="Gõ thẳng con số vào ô (ô số tự căn lề phải).",
    stage="form",
)
