"""E008 file-unreadable: Không đọc được tệp."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E008",
    name="file-unreadable",
    severity=Severity.ERROR,
    title="Không đọc được tệp",
    hint="Kiểm tra đường dẫn và quyền đọc tệp.",
    stage="text",
)
