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

    bloc_awards = {a.id for a in ctx.settings.bloc_awards}
    proposed = {(p.award, p.member) for p in result.proposals}
    why = {(m.award, m.member): m.reason for m in result.misses}
    decided = {(d.award, d.member.id): d for d in by.decided.awards}
    for key, d in decided.items():
        if key[0] in bloc_awards and key not in proposed:
            reason = why.get(key, "đơn vị đã được đề xuất danh hiệu khác hoặc không có điểm")
            instead = [unit(m) for a, m in sorted(proposed) if a == key[0] and (a, m) not in decided]
            other = f"; theo quy định, đơn vị được đề xuất là {', '.join(instead)}" if instead else ""
            yield RULE.at(d.src, f"khối đề nghị {award(key[0])} cho {unit(key[1])} nhưng theo quy định: "
                                 f"{reason}{other}")
    for award_id, member in sorted(proposed - set(decided)):
        if by.decided.awards:
            yield RULE.at(by.decided.src, f"theo quy định {unit(member)} được đề xuất {award(award_id)} nhưng "
                                          "khối không đề nghị",
                          "Ghi lý do vào 'decided: note:' nếu khối quyết định khác đề xuất.")
