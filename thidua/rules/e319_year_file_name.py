"""E319 year-file-name: Tên tệp năm dùng chữ số không phải ASCII."""

import re

from thidua.diagnostics import Severity, Source
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

_ANY_DIGITS = re.compile(r"\d{4}")  # any script's digits: "２０２４", "٢٠٢٤"
_ASCII = re.compile(r"[0-9]{4}")


def misnamed(stem: str) -> bool:
    """A year written with digits of another script (fullwidth, Arabic-Indic …)."""
    return bool(_ANY_DIGITS.fullmatch(stem)) and not _ASCII.fullmatch(stem)


def check(ctx):
    if misnamed(ctx.stem):
        ascii_year = "".join(str(int(c)) for c in ctx.stem)
        yield RULE.at(Source(ctx.by.src.file), f"tệp '{ctx.stem}.yaml' không được đọc là tệp năm: tên dùng chữ số "
                                               f"không phải ASCII", f"Đổi tên thành {ascii_year}.yaml.")
