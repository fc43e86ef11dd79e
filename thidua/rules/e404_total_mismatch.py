"""E404 total-mismatch: Tổng điểm ghi trong tệp khác tổng tính được."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E404",
    name="total-mismatch",
    severity=Severity.ERROR,
    title="Tổng điểm ghi trong tệp khác tổng tính được",
    hint="Đối chiếu lại bảng điểm giấy: sửa điểm thành phần hoặc sửa 'total:'.",
    stage="bloc",
)
