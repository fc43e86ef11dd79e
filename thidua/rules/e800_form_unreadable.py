"""E800 form-unreadable: Không đọc được tệp biểu mẫu."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E800",
    name="form-unreadable",
    severity=Severity.ERROR,
    title="Không đọc được tệp biểu mẫu",
    hint="Mở tệp bằng Excel rồi lưu lại dạng .xlsx, hoặc xin đơn vị gửi lại tệp.",
    stage="form",
)
