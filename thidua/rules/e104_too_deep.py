"""E104 too-deep: Lồng nhau quá sâu."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E104",
    name="too-deep",
    severity=Severity.ERROR,
    title="Lồng nhau quá sâu",
    hint="Tệp khối-năm chỉ lồng vài cấp; kiểm tra ngoặc [ { bị thừa hoặc thụt lề sai.",
    stage="yaml",
)
