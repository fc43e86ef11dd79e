"""E201 unknown-key: Khóa không có trong định dạng."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E201",
    name="unknown-key",
    severity=Severity.ERROR,
    title="Khóa không có trong định dạng",
    hint="Kiểm tra chính tả của khóa; các khóa hợp lệ có trong docs/format.md.",
    stage="schema",
)
