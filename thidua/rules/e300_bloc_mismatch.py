"""E300 bloc-mismatch: Mã khối khác tên thư mục."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E300",
    name="bloc-mismatch",
    severity=Severity.ERROR,
    title="Mã khối khác tên thư mục",
    hint="Sửa 'bloc:' cho đúng tên thư mục chứa tệp (hoặc chuyển tệp sang đúng thư mục).",
    stage="bloc",
)

def check(ctx):
    by = ctx.by
    if by.bloc and by.bloc != ctx.folder:
        yield RULE.at(by.bloc_src, f"'bloc: {by.bloc}' nhưng tệp nằm trong thư mục '{ctx.folder}'",
                      f"Sửa thành 'bloc: {ctx.folder}' hoặc chuyển tệp vào blocs/{by.bloc}/.")
