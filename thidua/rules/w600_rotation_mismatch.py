"""W600 rotation-mismatch: Trưởng/Phó khối khác với quy tắc luân phiên."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="W600",
    name="rotation-mismatch",
    severity=Severity.WARNING,
    title="Trưởng/Phó khối khác với quy tắc luân phiên",
    hint="Kiểm tra lại Trưởng khối, Phó khối theo năm trước và quy tắc luân phiên; ghi rõ lý do nếu khối bầu khác.",
    stage="history",
)
