"""E202 missing-key: Thiếu khóa bắt buộc."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E202",
    name="missing-key",
    severity=Severity.ERROR,
    title="Thiếu khóa bắt buộc",
    hint="Thêm khóa còn thiếu (xem docs/format.md).",
    stage="schema",
)
