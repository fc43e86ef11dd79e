"""E101 duplicate-key: Khóa bị lặp lại trong cùng một mục."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E101",
    name="duplicate-key",
    severity=Severity.ERROR,
    title="Khóa bị lặp lại trong cùng một mục",
    hint="Xóa hoặc gộp khóa lặp; YAML chỉ giữ giá trị sau cùng nên giá trị trước sẽ bị mất.",
    stage="yaml",
)
