"""E108 ci-command-text: Chuỗi mà nhật ký CI (GitHub Actions) đọc thành lệnh."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E108",
    name="ci-command-text",
    severity=Severity.ERROR,
    title="Chuỗi có dòng bắt đầu bằng '::' hoặc chứa '##[' (GitHub Actions đọc thành lệnh)",
    hint="Bỏ '::' ở đầu dòng và '##[' khỏi chuỗi.",
    stage="yaml",
)
