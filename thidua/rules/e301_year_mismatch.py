"""E301 year-mismatch: Năm khác tên tệp."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E301",
    name="year-mismatch",
    severity=Severity.ERROR,
    title="Năm khác tên tệp",
    hint="Sửa 'year:' cho đúng tên tệp (ví dụ tệp 2024.yaml có year: 2024).",
    stage="bloc",
)

def check(ctx):
    by = ctx.by
    if by.year and str(by.year) != ctx.stem and ctx.stem.isascii():  # other digits: E319
        yield RULE.at(by.year_src, f"'year: {by.year}' nhưng tệp tên là {ctx.stem}.yaml",
                      f"Sửa thành 'year: {ctx.stem}' hoặc đổi tên tệp thành {by.year}.yaml.")
