"""W700 decision-unsupported: Quyết định khen thưởng của khối khác với đề xuất theo quy định."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="W700",
    name="decision-unsupported",
    severity=Severity.WARNING,
    title="Quyết định khen thưởng của khối khác với đề xuất theo quy định",
    hint="Đối chiếu điều kiện khen thưởng (phiếu, điểm, hạn mức) với quyết định ghi trong 'decided:'.",
    stage="score",
)


def check(ctx):
    """Warn where the bloc's recorded decision and the rules' proposals disagree, naming the members."""
    by, result = ctx.by, ctx.result
    if by.decided is None or result is None:
        return

    def unit(member_id: str) -> str:
        m = by.member(member_id)
        return f"{m.name} ({member_id})" if m else member_id

    def award(award_id: str) -> str:
        a = ctx.settings.award(award_id)
        return f"{a.name} ({award_id})" if a else award_id

    bloc_awards = {a.id: a for a in ctx.settings.bloc_awards}
    proposed = {(p.award, p.member) for p in result.proposals}
    misses = {(m.award, m.member): m for m in result.misses}
    decided = {(d.award, d.member.id): d for d in by.decided.awards}
    for key, d in decided.items():
        if key[0] not in bloc_awards or key in proposed:
            continue
        miss = misses.get(key)
        if miss is not None and miss.condition == "tie":
            chosen = [m for m in (key[1], *miss.tied_with) if (key[0], m) in decided]
            if len(chosen) <= (miss.places_left or 0):
                continue  # tied for the last places: choosing among them is the bloc's to do
            yield RULE.at(d.src, f"khối đề nghị {award(key[0])} cho {unit(key[1])}: {len(chosen)} đơn vị đồng hạng "
                                 f"được chọn ({', '.join(unit(m) for m in chosen)}) nhưng chỉ còn "
                                 f"{miss.places_left} suất")
            continue
        reason = miss.reason if miss is not None else _why_not_considered(result, bloc_awards[key[0]], key[1])
        instead = [unit(m) for a, m in sorted(proposed) if a == key[0] and (a, m) not in decided]
        other = f"; theo quy định, đơn vị được đề xuất là {', '.join(instead)}" if instead else ""
        yield RULE.at(d.src, f"khối đề nghị {award(key[0])} cho {unit(key[1])} nhưng theo quy định: {reason}{other}")
    for award_id, member in sorted(proposed - set(decided)):
        if by.decided.awards:
            yield RULE.at(by.decided.src, f"theo quy định {unit(member)} được đề xuất {award(award_id)} nhưng "
                                          "khối không đề nghị",
                          "Ghi lý do vào 'decided: note:' nếu khối quyết định khác đề xuất.")


def _why_not_considered(result, award, member: str) -> str:
    held = [p.award for p in result.proposals if p.member == member and p.award not in award.combines_with]
    if held:
        return (f"đơn vị đã được đề xuất '{held[0]}'; mỗi đơn vị tối đa một danh hiệu cấp khối "
                f"(trừ khi '{award.id}' ghi combines_with: [{held[0]}])")
    return "đơn vị chưa có điểm"
