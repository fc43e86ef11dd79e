"""E002 utf16: Tệp mã hóa UTF-16."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E002",
    name="utf16",
    severity=Severity.ERROR,
    title="Tệp mã hóa UTF-16",
    hint="Lưu lại tệp với bảng mã UTF-8 thay cho UTF-16 (Unicode).",
    stage="text",
)
