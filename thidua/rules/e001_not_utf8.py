"""E001 not-utf8: Tệp không phải UTF-8."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E001",
    name="not-utf8",
    severity=Severity.ERROR,
    title="Tệp không phải UTF-8",
    hint="Mở tệp bằng trình soạn thảo và lưu lại với bảng mã UTF-8 (Unicode dựng sẵn).",
    stage="text",
)
