"""E312 chair-left: Trưởng khối hoặc Phó khối có ngày rời khối."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E312",
    name="chair-left",
    severity=Severity.ERROR,
    title="Trưởng khối hoặc Phó khối có ngày rời khối",
    hint="Đơn vị rời khối giữa năm không còn làm Trưởng/Phó khối cả năm: ghi đơn vị thay thế vào "
         "'leader:'/'deputy:' (ví dụ đơn vị kế tục sau hợp nhất), hoặc bỏ 'left:' nếu đơn vị vẫn ở lại.",
    stage="bloc",
)


def check(ctx):
    by = ctx.by
    for role, ref in (("Trưởng khối", by.leader), ("Phó khối", by.deputy)):
        member = by.member(ref.id) if ref is not None else None
        if member is not None and member.left is not None:
            yield RULE.at(ref.src, f"{ref.id} là {role} năm {by.year} nhưng rời khối ngày {member.left.isoformat()}")
