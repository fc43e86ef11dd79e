"""E814 form-unknown-entry: Biểu mẫu có đơn vị hoặc tiêu chí không còn trong tệp khối-năm."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E814",
    name="form-unknown-entry",
    severity=Severity.ERROR,
    title="Biểu mẫu có đơn vị hoặc tiêu chí không còn trong tệp khối-năm",
    hint="Xuất biểu mẫu mới theo danh sách thành viên và bảng điểm hiện tại.",
    stage="form",
)
