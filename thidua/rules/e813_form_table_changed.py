"""E813 form-table-changed: Bảng chấm điểm đã thay đổi sau khi xuất biểu mẫu."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E813",
    name="form-table-changed",
    severity=Severity.ERROR,
    title="Bảng chấm điểm đã thay đổi sau khi xuất biểu mẫu",
    hint="Xuất biểu mẫu mới bằng 'thidua form export' và điền lại.",
    stage="form",
)
