"""E200 wrong-type: Sai kiểu giá trị."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E200",
    name="wrong-type",
    severity=Severity.ERROR,
    title="Sai kiểu giá trị",
    hint="Sửa giá trị theo kiểu được mô tả trong docs/format.md.",
    stage="schema",
)
