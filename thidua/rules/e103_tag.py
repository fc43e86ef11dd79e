"""E103 tag: Dùng thẻ kiểu (!tag) của YAML."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E103",
    name="tag",
    severity=Severity.ERROR,
    title="Dùng thẻ kiểu (!tag) của YAML",
    hint="Bỏ thẻ bắt đầu bằng ! và viết giá trị thường.",
    stage="yaml",
)
