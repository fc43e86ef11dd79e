"""E806 form-number-out-of-range: Số trong ô điểm nằm ngoài khoảng cho phép."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E806",
    name="form-number-out-of-range",
    severity=Severity.ERROR,
    title="Số trong ô điểm nằm ngoài khoảng cho phép",
    hint="Ghi số từ 0 đến điểm tối đa của ô, làm tròn tới 4 chữ số thập phân.",
    stage="form",
)
