"""E323 honour-duplicate-recipient: Một tập thể, cá nhân ghi hai lần cho cùng một khen thưởng, cùng quyết định."""

import unicodedata

from thidua.diagnostics import Severity
from thidua.model import person_key
from thidua.rules.base import Rule

RULE = Rule(
    code="E323",
    name="honour-duplicate-recipient",
    severity=Severity.ERROR,
    title="Một tập thể, cá nhân ghi hai lần cho cùng một khen thưởng, cùng quyết định",
    hint="Xóa dòng ghi lặp; nếu đó là hai quyết định khác nhau, ghi số quyết định của từng lần.",
    stage="bloc",
)


def _norm(text):
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _award_key(h):
    """The same award by the same decision: the decision's number when written, else the date and campaign."""
    d = h.decision
    if d is not None and d.number:
        return _norm(h.award), "số", _norm(d.number)
    return _norm(h.award), "phong trào", _norm(h.campaign), d.date if d else None, h.proposed


def check(ctx):
    seen = {}
    for h in ctx.by.honours:
        key = _award_key(h)
        for ref in h.collectives:
            first = seen.setdefault((key, "unit", ref.id), ref.src)
            if first is not ref.src:
                yield RULE.at(ref.src, f"tập thể '{ref.id}' đã ghi nhận {h.award} theo cùng quyết định "
                                       f"(dòng {first.line})")
        for p in h.individuals:
            first = seen.setdefault((key, "person", *person_key(p)), p.src)
            if first is not p.src:
                yield RULE.at(p.src, f"cá nhân {p.name} đã ghi nhận {h.award} theo cùng quyết định (dòng {first.line})")
