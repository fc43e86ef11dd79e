"""E003 legacy-font-text: Chữ gõ bằng phông cũ (TCVN3/VNI) lẫn trong UTF-8."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E003",
    name="legacy-font-text",
    severity=Severity.ERROR,
    title="Chữ gõ bằng phông cũ (TCVN3/VNI) lẫn trong UTF-8",
    hint="Chuyển mã đoạn chữ sang Unicode dựng sẵn (ví dụ bằng Unikey: Công cụ chuyển mã) rồi lưu lại.",
    stage="text",
)
