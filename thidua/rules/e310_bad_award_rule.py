"""E310 bad-award-rule: an award rule that contradicts itself or the bands."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E310",
    name="bad-award-rule",
    severity=Severity.ERROR,
    title="Quy định khen thưởng không nhất quán",
    hint="Sửa quy định trong 'awards:' (mã trùng, xếp loại không có, from_award không tồn tại).",
    stage="config",
)


def check(ctx):
    """The award policies thidua.yaml states (``ctx.by`` None), or those a bloc-year states itself,
    each against the bands in force where it is used."""
    awards = ctx.config.awards if ctx.by is None else ctx.by.awards
    bands = {b.name for b in ctx.settings.scoring.bands}
    seen = set()
    ids = {a.id for a in awards}
    for a in awards:
        where = a.src
        if where is None:
            continue
        if a.id in seen:
            yield RULE.at(where, f"mã danh hiệu '{a.id}' bị trùng")
        seen.add(a.id)
        if a.min_band is not None and bands and a.min_band not in bands:
            yield RULE.at(where, f"'{a.id}': xếp loại '{a.min_band}' không có trong 'bands' ({', '.join(sorted(bands))})")
        if a.from_award is not None and a.from_award not in ids:
            yield RULE.at(where, f"'{a.id}': from_award '{a.from_award}' không phải là một danh hiệu đã khai báo")
        if a.level == "bloc" and a.from_award is not None:
            yield RULE.at(where, f"'{a.id}': from_award chỉ dùng cho danh hiệu cấp tỉnh (level: province)")
