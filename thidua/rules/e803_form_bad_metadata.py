"""E803 form-bad-metadata: Trang ẩn _thidua của biểu mẫu không hợp lệ."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E803",
    name="form-bad-metadata",
    severity=Severity.ERROR,
    title="Trang ẩn _thidua của biểu mẫu không hợp lệ",
    hint="Xuất lại biểu mẫu bằng 'thidua form export'.",
    stage="form",
)
