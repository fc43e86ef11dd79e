"""E206 bad-id: Mã không hợp lệ."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E206",
    name="bad-id",
    severity=Severity.ERROR,
    title="Mã không hợp lệ",
    hint="Mã chỉ gồm chữ thường không dấu, chữ số, '-' hoặc '_', bắt đầu bằng chữ, ví dụ: hlhpn, ldld.",
    stage="schema",
)
