"""E801 form-wrong-file-type: Tệp không phải bảng tính Excel .xlsx."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E801",
    name="form-wrong-file-type",
    severity=Severity.ERROR,
    title="Tệp không phải bảng tính Excel .xlsx",
    hint="Gửi lại đúng tệp .xlsx do thidua xuất ra, đã điền.",
    stage="form",
)
