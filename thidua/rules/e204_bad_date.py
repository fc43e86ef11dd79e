"""E204 bad-date: Ngày không hợp lệ."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E204",
    name="bad-date",
    severity=Severity.ERROR,
    title="Ngày không hợp lệ",
    hint="Viết ngày có thật theo dạng NĂM-THÁNG-NGÀY, ví dụ 2024-02-22.",
    stage="schema",
)
