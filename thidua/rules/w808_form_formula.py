"""W808 form-formula: Ô nhập chứa công thức; dùng giá trị Excel đã tính."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="W808",
    name="form-formula",
    severity=Severity.WARNING,
    title="Ô nhập chứa công thức; dùng giá trị Excel đã tính",
    hint="Gõ thẳng con số vào ô thay cho công thức.",
    stage="form",
)
