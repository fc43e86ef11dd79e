"""E207 bad-choice: Giá trị không thuộc danh sách cho phép."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E207",
    name="bad-choice",
    severity=Severity.ERROR,
    title="Giá trị không thuộc danh sách cho phép",
    hint="Chọn một trong các giá trị được liệt kê.",
    stage="schema",
)
