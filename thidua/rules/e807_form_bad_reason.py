"""E807 form-bad-reason: Ô lý do không hợp lệ."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E807",
    name="form-bad-reason",
    severity=Severity.ERROR,
    title="Ô lý do không hợp lệ",
    hint="Ghi lý do bằng chữ tiếng Việt Unicode, ngắn gọn.",
    stage="form",
)
