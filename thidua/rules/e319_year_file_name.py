"""E319 year-file-name: Tên tệp năm dùng chữ số không phải ASCII."""

from thidua.diagnostics import Severity, Source
from thidua.ids import misnamed_year as misnamed
from thidua.rules.base import Rule

RULE = Rule(
    code="E319",
    name="year-file-name",
    severity=Severity.ERROR,
    title="Tên tệp năm dùng chữ số không phải ASCII",
    hint="Chỉ tệp tên dạng [0-9]{4}.yaml là tệp năm (ví dụ 2024.yaml, chữ số 0–9 thường); tệp khác bị bỏ qua "
         "khi chấm điểm và bàn giao. Đổi tên tệp.",
    stage="bloc",
)

def check(ctx):
    if misnamed(ctx.stem):
        ascii_year = "".join(str(int(c)) for c in ctx.stem)
        yield RULE.at(Source(ctx.by.src.file), f"tệp '{ctx.stem}.yaml' không được đọc là tệp năm: tên dùng chữ số "
                                               f"không phải ASCII", f"Đổi tên thành {ascii_year}.yaml.")
