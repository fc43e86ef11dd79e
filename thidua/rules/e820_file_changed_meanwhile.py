"""E820 file-changed-meanwhile: Tệp khối-năm vừa được một lần chạy khác sửa."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E820",
    name="file-changed-meanwhile",
    severity=Severity.ERROR,
    title="Tệp khối-năm vừa được một lần chạy khác sửa",
    hint="Chạy lại lệnh: thidua đọc lại tệp mới và nhập lại biểu mẫu.",
    stage="form",
)
