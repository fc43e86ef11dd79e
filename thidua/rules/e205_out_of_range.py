"""E205 out-of-range: Số nằm ngoài khoảng cho phép."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E205",
    name="out-of-range",
    severity=Severity.ERROR,
    title="Số nằm ngoài khoảng cho phép",
    hint="Dùng một số hữu hạn trong khoảng cho phép.",
    stage="schema",
)
