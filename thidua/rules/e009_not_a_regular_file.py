"""E009 not-a-regular-file: Đường dẫn không phải là một tệp thường (thư mục, FIFO, thiết bị, socket)."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E009",
    name="not-a-regular-file",
    severity=Severity.ERROR,
    title="Đường dẫn không phải là một tệp thường (thư mục, FIFO, thiết bị, socket)",
    hint="Chỉ đặt tệp dữ liệu .yaml thật trong blocs/; xóa hoặc đổi tên mục này.",
    stage="text",
)
