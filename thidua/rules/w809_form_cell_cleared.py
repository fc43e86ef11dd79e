"""W809 form-cell-cleared: Ô bị xóa trống; giữ nguyên số liệu trong tệp."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="W809",
    name="form-cell-cleared",
    severity=Severity.WARNING,
    title="Ô bị xóa trống; giữ nguyên số liệu trong tệp",
    hint="Để trống không xóa điểm; muốn sửa, ghi số mới vào ô.",
    stage="form",
)
