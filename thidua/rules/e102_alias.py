"""E102 alias: Dùng neo (&) hoặc bí danh (*) của YAML."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E102",
    name="alias",
    severity=Severity.ERROR,
    title="Dùng neo (&) hoặc bí danh (*) của YAML",
    hint="Viết thẳng giá trị vào từng chỗ; tệp khối-năm không dùng neo và bí danh.",
    stage="yaml",
)
