"""E007 file-too-large: Tệp quá lớn để là một tệp dữ liệu thi đua."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E007",
    name="file-too-large",
    severity=Severity.ERROR,
    title="Tệp quá lớn để là một tệp dữ liệu thi đua",
    hint="Tệp khối-năm chỉ vài chục KB; kiểm tra lại nội dung tệp, có thể đã lưu nhầm tệp khác.",
    stage="text",
)
