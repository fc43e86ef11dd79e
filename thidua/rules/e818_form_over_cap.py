"""E818 form-over-cap: Tổng điểm thưởng hoặc điểm trừ vượt mức tối đa."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E818",
    name="form-over-cap",
    severity=Severity.ERROR,
    title="Tổng điểm thưởng hoặc điểm trừ vượt mức tối đa",
    hint="Giảm điểm cho tổng không quá mức tối đa của bảng chấm điểm.",
    stage="form",
)
