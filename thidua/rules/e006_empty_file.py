"""E006 empty-file: Tệp rỗng (không có gì, chỉ có khoảng trắng hoặc chú thích).

A file that is too large is E007, one that cannot be read E008, a path that is not a
regular file E009.
"""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E006",
    name="empty-file",
    severity=Severity.ERROR,
    title="Tệp rỗng (không có gì, chỉ có khoảng trắng hoặc chú thích)",
    hint="Điền nội dung của khối-năm theo docs/format.md, hoặc xóa tệp.",
    stage="text",
)
