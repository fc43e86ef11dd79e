"""E107 control-character: Chuỗi chứa ký tự điều khiển (viết bằng mã thoát YAML hoặc dán từ nơi khác)."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E107",
    name="control-character",
    severity=Severity.ERROR,
    title="Chuỗi chứa ký tự điều khiển (mã thoát như \\e, \\x07, \\u202e, hoặc ký tự tách dòng)",
    hint="Xóa mã thoát (\\e, \\x.., \\u....) hoặc ký tự lạ khỏi chuỗi; chỉ ghi chữ, số và dấu câu.",
    stage="yaml",
)
