"""E821 form-tampered: Trang ẩn _thidua không khớp với nội dung biểu mẫu."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E821",
    name="form-tampered",
    severity=Severity.ERROR,
    title="Trang ẩn _thidua không khớp với nội dung biểu mẫu (đã bị sửa)",
    hint="Không sửa trang ẩn _thidua; xuất lại biểu mẫu bằng 'thidua form export' và điền lại.",
    stage="form",
)
