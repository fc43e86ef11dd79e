"""E310 bad-award-rule: an award rule that contradicts itself or the bands."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E310",
    name="bad-award-rule",
    severity=Severity.ERROR,
    title="Quy định khen thưởng không nhất quán",
    hint="Sửa quy định trong 'awards:' (mã trùng, xếp loại không có, from_award hoặc combines_with không tồn tại, "
         "votes cần đúng một trong min/over, quota.of phải hợp với cấp của danh hiệu).",
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
        yield from _votes_and_quota(a, where)
        yield from _combines(a, where, awards)


def _votes_and_quota(a, where):
    if a.vote_threshold is None and not a.vote_keys and a.vote_base != "voters":
        yield RULE.at(where, f"'{a.id}': votes ghi 'of' nhưng thiếu tỷ lệ (min: từ … trở lên, hoặc over: trên …)")
    if len(a.vote_keys) == 2:
        yield RULE.at(where, f"'{a.id}': votes ghi cả min và over; chỉ ghi một (min: từ … trở lên, over: trên …)")
    base = a.quota.base if a.quota is not None else ""
    if a.level == "bloc" and base in ("blocs", "proposed"):
        yield RULE.at(where, f"'{a.id}': quota.of: {base} chỉ dùng cho danh hiệu cấp tỉnh; cấp khối tính trên members hoặc rest")
    if a.level == "province" and base in ("members", "rest"):
        yield RULE.at(where, f"'{a.id}': quota.of: {base} chỉ dùng cho danh hiệu cấp khối; cấp tỉnh tính trên "
                             "blocs hoặc proposed")
    if a.level == "province" and base == "proposed" and a.from_award is None:
        yield RULE.at(where, f"'{a.id}': quota.of: proposed cần from_award (số đơn vị được đề nghị danh hiệu nào)")


def _combines(a, where, awards):
    levels = {x.id: x.level for x in awards}
    for other in a.combines_with:
        if a.level != "bloc":
            yield RULE.at(where, f"'{a.id}': combines_with chỉ dùng cho danh hiệu cấp khối")
            return
        if other == a.id:
            yield RULE.at(where, f"'{a.id}': combines_with không ghi chính danh hiệu này")
        elif levels.get(other) != "bloc":
            yield RULE.at(where, f"'{a.id}': combines_with '{other}' không phải là một danh hiệu cấp khối đã khai báo")
