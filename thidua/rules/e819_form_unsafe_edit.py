"""E819 form-unsafe-edit: Không sửa được tệp khối-năm một cách an toàn."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E819",
    name="form-unsafe-edit",
    severity=Severity.ERROR,
    title="Không sửa được tệp khối-năm một cách an toàn",
    hint="Nhập các thay đổi bằng tay, hoặc viết lại phần điểm của tệp theo docs/format.md.",
    stage="form",
)
