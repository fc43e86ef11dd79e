"""E208 empty-value: Giá trị bị bỏ trống."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E208",
    name="empty-value",
    severity=Severity.ERROR,
    title="Giá trị bị bỏ trống",
    hint="Điền giá trị hoặc xóa cả dòng nếu khóa không bắt buộc.",
    stage="schema",
)
