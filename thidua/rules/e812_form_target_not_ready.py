"""E812 form-target-not-ready: Tệp khối-năm đang có lỗi hoặc chưa có bảng chấm điểm."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E812",
    name="form-target-not-ready",
    severity=Severity.ERROR,
    title="Tệp khối-năm đang có lỗi hoặc chưa có bảng chấm điểm",
    hint="Chạy 'thidua validate' cho tệp khối-năm, sửa các lỗi rồi nhập lại.",
    stage="form",
)
