"""E817 form-points-missing: Có lý do nhưng chưa ghi số điểm."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E817",
    name="form-points-missing",
    severity=Severity.ERROR,
    title="Có lý do nhưng chưa ghi số điểm",
    hint="Ghi số điểm vào ô điểm cùng dòng.",
    stage="form",
)
