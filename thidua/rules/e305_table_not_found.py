"""E305 table-not-found: Không tìm thấy bảng chấm điểm."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E305",
    name="table-not-found",
    severity=Severity.ERROR,
    title="Không tìm thấy bảng chấm điểm",
    hint="Tạo tệp bảng điểm trong blocs/_tables/ hoặc sửa 'criteria:' cho đúng tên bảng.",
    stage="bloc",
)
