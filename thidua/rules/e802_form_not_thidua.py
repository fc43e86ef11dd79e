"""E802 form-not-thidua: Bảng tính không phải biểu mẫu do thidua xuất ra."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E802",
    name="form-not-thidua",
    severity=Severity.ERROR,
    title="Bảng tính không phải biểu mẫu do thidua xuất ra",
    hint="Xuất biểu mẫu bằng 'thidua form export' và điền trên biểu mẫu đó.",
    stage="form",
)
