"""E816 form-list-changed: Danh sách điểm thưởng/điểm trừ trong tệp đã thay đổi sau khi xuất biểu mẫu."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E816",
    name="form-list-changed",
    severity=Severity.ERROR,
    title="Danh sách điểm thưởng/điểm trừ trong tệp đã thay đổi sau khi xuất biểu mẫu",
    hint="Xuất biểu mẫu mới và điền lại phần này.",
    stage="form",
)
