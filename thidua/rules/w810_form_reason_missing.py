"""W810 form-reason-missing: Điểm thưởng hoặc điểm trừ chưa ghi lý do."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="W810",
    name="form-reason-missing",
    severity=Severity.WARNING,
    title="Điểm thưởng hoặc điểm trừ chưa ghi lý do",
    hint="Ghi lý do vào ô lý do cùng dòng.",
    stage="form",
)
