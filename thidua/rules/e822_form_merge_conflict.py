"""E822 form-merge-conflict: Tệp khối-năm và biểu mẫu cùng sửa một ô, mỗi bên một giá trị."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E822",
    name="form-merge-conflict",
    severity=Severity.ERROR,
    title="Tệp khối-năm đã đổi sau khi xuất biểu mẫu, và biểu mẫu sửa cùng ô đó thành số khác",
    hint="Thống nhất một con số: sửa tệp khối-năm bằng tay, hoặc xuất biểu mẫu mới và điền lại ô này.",
    stage="form",
)
