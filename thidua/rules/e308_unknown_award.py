"""E308 unknown-award: Danh hiệu không có trong quy định khen thưởng."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E308",
    name="unknown-award",
    severity=Severity.ERROR,
    title="Danh hiệu không có trong quy định khen thưởng",
    hint="Dùng mã danh hiệu khai báo trong 'awards:' của thidua.yaml (ví dụ co-ubnd, bang-khen).",
    stage="bloc",
)

def check(ctx):
    known = {a.id for a in ctx.awards}
    by = ctx.by
    refs = []
    if by.votes:
        refs += [(c.award, c.award_src or c.src) for c in by.votes.counts]
    if by.decided:
        refs += [(a.award, a.award_src or a.src) for a in by.decided.awards]
    reported = set()
    for award, src in refs:
        if award not in known and award not in reported:
            reported.add(award)
            hint = f"Các danh hiệu đã khai báo: {', '.join(sorted(known))}." if known else (
                "Chưa có quy định khen thưởng: thêm 'awards:' vào thidua.yaml.")
            yield RULE.at(src, f"danh hiệu '{award}' chưa được khai báo", hint)
