"""E815 form-conflict: Hai nguồn ghi hai giá trị khác nhau cho cùng một ô."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E815",
    name="form-conflict",
    severity=Severity.ERROR,
    title="Hai nguồn ghi hai giá trị khác nhau cho cùng một ô",
    hint="Thống nhất một con số rồi nhập lại.",
    stage="form",
)
