"""E106 multiple-documents: Tệp có nhiều tài liệu YAML (---)."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E106",
    name="multiple-documents",
    severity=Severity.ERROR,
    title="Tệp có nhiều tài liệu YAML (---)",
    hint="Mỗi tệp chỉ chứa một khối-năm; bỏ dòng --- thứ hai hoặc tách thành tệp riêng.",
    stage="yaml",
)
