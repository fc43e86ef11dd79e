"""E318 member-of-two-blocs: Một đơn vị là thành viên của hai khối trong cùng một năm."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E318",
    name="member-of-two-blocs",
    severity=Severity.ERROR,
    title="Một đơn vị là thành viên của hai khối trong cùng một năm",
    hint="Mỗi đơn vị chỉ thuộc một khối trong năm; nếu đơn vị chuyển khối giữa năm, ghi 'left:' ở khối cũ "
         "và 'joined:' ở khối mới; nếu là hai đơn vị khác nhau, đặt hai mã khác nhau.",
    stage="province",
)


def check(ctx):
    by, units = ctx.by, ctx.units
    if units is None:
        return
    for m in by.members:
        others = [p for p in units.units.get(m.id, ()) if p.bloc != by.bloc and not _apart(m, p)]
        if not others:
            continue
        where = ", ".join(f"{p.bloc} ({p.src.file}:{p.src.line})" for p in others)
        yield RULE.at(m.src, f"{m.id} ('{m.name}') là thành viên khối {by.bloc} và cả khối {where} năm {by.year}")


def _apart(member, other) -> bool:
    """A move between blocs during the year: one entry ends before the other begins."""
    return (member.left is not None and other.joined is not None and member.left < other.joined) or \
           (other.left is not None and member.joined is not None and other.left < member.joined)
