"""W326 province-policies-missing: thidua.yaml has no xếp loại bands or no award policies yet.

``thidua init`` writes ``bands: []`` and ``awards: []`` for the province to fill in; until it does,
every total goes without a band and no member is proposed for an award, with nothing else to say why.
"""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="W326",
    name="province-policies-missing",
    severity=Severity.WARNING,
    title="Tỉnh chưa ghi xếp loại hoặc quy định khen thưởng",
    hint="Ghi các mức xếp loại vào 'scoring: bands:' và các hình thức khen thưởng vào 'awards:' của thidua.yaml "
         "theo quy chế của tỉnh (docs/format.md, phần thidua.yaml).",
    stage="config",
)

_SAMPLE = " (thidua init để sẵn mẫu ở các dòng # ngay dưới: bỏ dấu # rồi sửa)"


def check(ctx):
    """thidua.yaml itself (``ctx.by`` None): a bloc-year's own policies are not the province's."""
    config = ctx.config
    if ctx.by is not None or config.src is None:
        return
    if not config.scoring.bands:
        yield RULE.at(config.bands_src or config.src,
                      "thidua.yaml chưa có mức xếp loại nào ('scoring: bands'): tổng điểm không được xếp loại",
                      "Ghi các mức xếp loại của tỉnh vào 'scoring: bands:', từ cao xuống thấp, ví dụ "
                      f"- {{name: Xuất sắc, min: 95}}{_SAMPLE}; xem docs/format.md, mục scoring.")
    if not config.awards:
        yield RULE.at(config.awards_src or config.src,
                      "thidua.yaml chưa có quy định khen thưởng nào ('awards'): không đơn vị nào được đề nghị "
                      "khen thưởng",
                      f"Ghi các hình thức khen thưởng theo quy chế của tỉnh vào 'awards:'{_SAMPLE}; xem "
                      "docs/format.md, mục awards.")
