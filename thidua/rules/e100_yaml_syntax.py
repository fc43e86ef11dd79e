"""E100 yaml-syntax: Lỗi cú pháp YAML."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E100",
    name="yaml-syntax",
    severity=Severity.ERROR,
    title="Lỗi cú pháp YAML",
    hint="Sửa cú pháp tại vị trí được chỉ; thường là thiếu dấu hai chấm, thụt lề lệch hoặc ngoặc/nháy chưa đóng.",
    stage="yaml",
)
