"""E811 form-wrong-target: Biểu mẫu không thuộc khối, năm hoặc tệp được chọn."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E811",
    name="form-wrong-target",
    severity=Severity.ERROR,
    title="Biểu mẫu không thuộc khối, năm hoặc tệp được chọn",
    hint="Kiểm tra lại tệp được gửi về, --bloc, --year và --root.",
    stage="form",
)
