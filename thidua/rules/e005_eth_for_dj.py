"""E005 eth-for-dj: Chữ Ð (U+00D0, eth) thay cho Đ (U+0110)."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E005",
    name="eth-for-dj",
    severity=Severity.ERROR,
    title="Chữ Ð (U+00D0, eth) thay cho Đ (U+0110)",
    hint="Gõ lại chữ Đ/đ bằng bộ gõ tiếng Việt (Đ là U+0110, đ là U+0111).",
    stage="text",
)
