"""E105 complex-key: Khóa không phải là chữ hoặc số đơn giản."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E105",
    name="complex-key",
    severity=Severity.ERROR,
    title="Khóa không phải là chữ hoặc số đơn giản",
    hint="Dùng khóa là một chữ đơn giản (ví dụ: name, members, '1.1').",
    stage="yaml",
)
