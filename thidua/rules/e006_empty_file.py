"""E006 empty-file: Tệp rỗng."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E006",
    name="empty-file",
    severity=Severity.ERROR,
    title="Tệp rỗng",
    hint="Điền nội dung của khối-năm theo docs/format.md, hoặc xóa tệp.",
    stage="text",
)
