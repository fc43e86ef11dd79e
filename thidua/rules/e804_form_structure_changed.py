"""E804 form-structure-changed: Cấu trúc biểu mẫu đã bị thay đổi (trang, dòng, cột)."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E804",
    name="form-structure-changed",
    severity=Severity.ERROR,
    title="Cấu trúc biểu mẫu đã bị thay đổi (trang, dòng, cột)",
    hint="Không đổi tên, xóa trang, không chèn, xóa dòng, cột; điền lại trên biểu mẫu mới xuất.",
    stage="form",
)
