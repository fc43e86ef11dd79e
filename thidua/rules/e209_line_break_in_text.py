"""E209 line-break-in-text: Chuỗi một dòng (tên, địa điểm…) có ký tự xuống dòng hoặc tab."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E209",
    name="line-break-in-text",
    severity=Severity.ERROR,
    title="Chuỗi một dòng (tên, địa điểm…) có ký tự xuống dòng hoặc tab",
    hint="Viết trên một dòng; bỏ '\\n', '\\t' hoặc dấu '|' của khối nhiều dòng.",
    stage="schema",
)
