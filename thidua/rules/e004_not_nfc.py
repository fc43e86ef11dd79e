"""E004 not-nfc: Chữ không ở dạng Unicode dựng sẵn (NFC)."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E004",
    name="not-nfc",
    severity=Severity.ERROR,
    title="Chữ không ở dạng Unicode dựng sẵn (NFC)",
    hint="Chuyển sang Unicode dựng sẵn (NFC), ví dụ chuyển mã bằng Unikey, rồi lưu lại.",
    stage="text",
)
