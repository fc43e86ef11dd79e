"""Scalar value types: text, ids, criterion keys, exact numbers, shares, dates, booleans, choices.

The loader never guesses a type from how a scalar looks; the type asks.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from thidua.ids import ID_PATTERN, ID_RE, KEY_PATTERN, KEY_RE
from thidua.model import Ref
from thidua.rules import (
    e203_bad_number,
    e204_bad_date,
    e205_out_of_range,
    e206_bad_id,
    e207_bad_choice,
    e209_line_break_in_text,
)
from thidua.schema.base import Context, ScalarType, did_you_mean, json_regex, short_text
from thidua.textsafe import visible_text
from thidua.yamlnodes import Scalar

_LINE_BREAK = re.compile("[\n\t]")  # other breaks and controls are E107, found while parsing
_NUMBER_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
PLAIN_NUMBER_RE = re.compile(r"\d{1,9}(\.\d{1,9})?\Z")
_COMMA_NUMBER_RE = re.compile(r"^[+-]?\d+,\d+$")
_DATE_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_VN_DATE_RE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
MAX_NUMBER = Decimal(10) ** 9
# The same texts as JSON Schema patterns (ECMA 262), for values an editor's YAML reader hands over as text.
_QUOTED_NUMBER = r"^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$"
_QUOTED_INTEGER = r"^\s*[+-]?\d+(\.0*)?\s*$"
_BOOL_WORDS = "^\\s*(" + "|".join("".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in w)
                                  for w in ("true", "yes", "có", "false", "no", "không")) + ")\\s*$"



@dataclass(frozen=True)
class Str(ScalarType):
    doc: str = ""
    what: str = "một chuỗi chữ"
    max_len: int = 500
    pattern: str | None = None  # a full-match regex, when the text has a syntax of its own
    multiline: bool = False  # a note or a reason may hold line breaks; a name, a place may not

    def scalar(self, node: Scalar, ctx: Context) -> Any:
        text = node.value.strip()
        if not self.multiline and (bad := _LINE_BREAK.search(text)):
            what = "ký tự xuống dòng" if bad[0] != "\t" else "ký tự tab"
            return ctx.report(e209_line_break_in_text.RULE.at(node.src, f"chuỗi một dòng có {what}: '{short_text(text)}'"
                                                              .replace("\n", "\\n").replace("\t", "\\t")))
        if len(text) > self.max_len:
            return ctx.report(e205_out_of_range.RULE.at(node.src, f"chuỗi dài {len(text)} ký tự, quá {self.max_len}"))
        if self.pattern is not None and not re.fullmatch(self.pattern, text):
            return ctx.report(e207_bad_choice.RULE.at(node.src, f"'{short_text(text)}' không đúng dạng {self.what}"))
        return text

    def schema(self) -> dict:
        out = {"type": "string", "minLength": 1, "maxLength": self.max_len}
        if self.pattern is not None:
            out["pattern"] = f"^(?:{self.pattern})$"
        return out


@dataclass(frozen=True)
class Id(ScalarType):
    """A short, stable ASCII id (member, bloc, award); returns a :class:`Ref`."""

    doc: str = ""
    what: str = "một mã (chữ thường không dấu, số, - hoặc _)"

    def scalar(self, node: Scalar, ctx: Context) -> Any:
        if not ID_RE.match(node.value):
            return ctx.report(e206_bad_id.RULE.at(node.src, f"'{visible_text(short_text(node.value))}' không phải là mã hợp lệ"))
        return Ref(node.value, node.src)

    def schema(self) -> dict:
        return {"type": "string", "pattern": json_regex(ID_PATTERN)}


@dataclass(frozen=True)
class Key(ScalarType):
    """A criterion id such as ``1``, ``1.2`` or ``2.1.a``."""

    doc: str = ""
    what: str = "một mã tiêu chí (ví dụ 1.2)"

    def scalar(self, node: Scalar, ctx: Context) -> Any:
        if not KEY_RE.match(node.value):
            return ctx.report(e206_bad_id.RULE.at(
                node.src, f"'{visible_text(short_text(node.value))}' không phải là mã tiêu chí hợp lệ",
                "Mã tiêu chí gồm chữ số, chữ cái không dấu và dấu chấm, ví dụ 1.2 hoặc 2.1.a."))
        return node.value

    def schema(self) -> dict:
        # 'id: 2' unquoted is a number to an editor's YAML reader; thidua reads the text as written.
        return {"anyOf": [{"type": "string", "pattern": json_regex(KEY_PATTERN)}, {"type": "number", "minimum": 0}]}


def parse_decimal(text: str) -> Decimal | None:
    if not _NUMBER_RE.match(text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the regex admits only valid literals
        return None


@dataclass(frozen=True)
class Num(ScalarType):
    """A decimal number, kept exact (Decimal), within [minimum, maximum]."""

    doc: str = ""
    minimum: Decimal | None = Decimal(0)
    maximum: Decimal | None = MAX_NUMBER
    what: str = "một số"
    integer: bool = False

    def scalar(self, node: Scalar, ctx: Context) -> Any:
        text = node.value.strip()
        value = parse_decimal(text)
        if value is None:
            if _COMMA_NUMBER_RE.match(text):
                fixed = text.replace(",", ".")
                return ctx.report(e203_bad_number.RULE.at(
                    node.src, f"'{text}' dùng dấu phẩy thập phân",
                    f"Trong tệp YAML viết số thập phân bằng dấu chấm: {fixed} (báo cáo vẫn in {text})."))
            if text.lower().lstrip("+-.") in ("nan", "inf", "infinity"):
                return ctx.report(e205_out_of_range.RULE.at(node.src, f"'{short_text(text)}' không phải là một số hữu hạn"))
            if re.match(r"^[+-]?[\d.]+[eE][+-]?\d+$", text):
                return ctx.report(e203_bad_number.RULE.at(
                    node.src, f"'{short_text(text)}' viết dạng lũy thừa", "Viết số đầy đủ, ví dụ 9.5."))
            return ctx.report(e203_bad_number.RULE.at(node.src, f"cần {self.what}, nhưng gặp '{short_text(text)}'"))
        if self.integer and value != value.to_integral_value():
            return ctx.report(e203_bad_number.RULE.at(node.src, f"cần một số nguyên, nhưng gặp '{short_text(text)}'",
                                                      "Viết một số nguyên, ví dụ 7."))
        if (self.minimum is not None and value < self.minimum) or (
            self.maximum is not None and value > self.maximum
        ):
            lo = "" if self.minimum is None else f"từ {self.minimum} "
            hi = "" if self.maximum is None else f"đến {self.maximum}"
            return ctx.report(e205_out_of_range.RULE.at(
                node.src, f"{short_text(text)} nằm ngoài khoảng cho phép {lo}{hi}".strip()))
        return int(value) if self.integer else value

    def schema(self) -> dict:
        out: dict = {"type": "integer" if self.integer else "number"}
        if self.minimum is not None:
            out["minimum"] = int(self.minimum) if self.integer else float(self.minimum)
        if self.maximum is not None:
            out["maximum"] = int(self.maximum) if self.integer else float(self.maximum)
        # A number in quotes ("9.5", as a spreadsheet's copy gives it) is a number to thidua too; the range
        # of a quoted one is thidua's to check (JSON Schema has no range for text).
        quoted = _QUOTED_INTEGER if self.integer else _QUOTED_NUMBER
        return {"anyOf": [out, {"type": "string", "pattern": quoted}]}


def Int(doc: str = "", minimum: int | None = 0, maximum: int | None = 10**6) -> Num:  # noqa: N802
    return Num(doc=doc, minimum=None if minimum is None else Decimal(minimum),
               maximum=None if maximum is None else Decimal(maximum), what="một số nguyên", integer=True)


@dataclass(frozen=True)
class Share(ScalarType):
    """A share such as ``70%`` (or a fraction 0.7); converted to a Decimal fraction."""

    doc: str = ""
    what: str = "một tỷ lệ (ví dụ 70%)"

    def scalar(self, node: Scalar, ctx: Context) -> Any:
        text = node.value.strip().replace(" ", "")
        pct = text.endswith("%")
        value = parse_decimal(text[:-1].replace(",", ".") if pct else text)
        if value is None:
            return ctx.report(e203_bad_number.RULE.at(node.src, f"cần {self.what}, nhưng gặp '{short_text(text)}'",
                                                      "Viết tỷ lệ dạng 70% hoặc 0.7."))
        frac = value / 100 if pct else value
        if not (Decimal(0) <= frac <= Decimal(1)):
            return ctx.report(e205_out_of_range.RULE.at(node.src, f"tỷ lệ '{short_text(text)}' phải từ 0% đến 100%"))
        return frac

    def schema(self) -> dict:
        return {"anyOf": [{"type": "string", "pattern": r"^\s*\d+([.,]\d+)?\s*%\s*$"},
                          {"type": "string", "pattern": _QUOTED_NUMBER},
                          {"type": "number", "minimum": 0, "maximum": 1}]}


_RATIO_RE = re.compile(r"^(\d{1,6})/(\d{1,6})$")


@dataclass(frozen=True)
class Ratio(Share):
    """A share kept exact as a fraction, also written as one (``2/3``): 2/3 of 9 members is 6, where
    66.67% of 9 would be 6.0003 and ask for 7."""

    what: str = "một tỷ lệ (ví dụ 2/3 hoặc 50%)"

    def scalar(self, node: Scalar, ctx: Context) -> Any:
        text = node.value.strip().replace(" ", "")
        if m := _RATIO_RE.match(text):
            if int(m[2]) == 0 or int(m[1]) > int(m[2]):
                return ctx.report(e205_out_of_range.RULE.at(node.src, f"tỷ lệ '{text}' phải từ 0 đến 1 (mẫu số khác 0)"))
            return Fraction(int(m[1]), int(m[2]))
        value = super().scalar(node, ctx)
        return Fraction(value) if isinstance(value, Decimal) else value

    def schema(self) -> dict:
        out = super().schema()
        return {"anyOf": [{"type": "string", "pattern": r"^\s*\d{1,6}\s*/\s*\d{1,6}\s*$"}, *out["anyOf"]]}


def _not_real(year: int, month: int, day: int) -> str | None:
    """Why a day does not exist, in words ('tháng 2 năm 2024 chỉ có 29 ngày'), or None when it does."""
    if year < dt.MINYEAR:
        return f"không có năm {year}"
    if not 1 <= month <= 12:
        return f"không có tháng {month}"
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return f"tháng {month} năm {year} chỉ có {days} ngày"
    return None


@dataclass(frozen=True)
class Date(ScalarType):
    doc: str = ""
    what: str = "một ngày (NĂM-THÁNG-NGÀY)"

    def scalar(self, node: Scalar, ctx: Context) -> Any:
        text = node.value.strip()
        m = _DATE_RE.match(text)
        if not m:
            vn = _VN_DATE_RE.match(text)
            hint = None
            if vn:
                year, month, day = int(vn[3]), int(vn[2]), int(vn[1])
                if why := _not_real(year, month, day):
                    # 30/02/2024: the order is not the problem; a hint to write 2024-02-30 leads to a second error.
                    return ctx.report(e204_bad_date.RULE.at(node.src, f"ngày {text} không có thật ({why})"))
                hint = f"Viết ngày theo dạng NĂM-THÁNG-NGÀY: {year}-{month:02d}-{day:02d}."
            return ctx.report(e204_bad_date.RULE.at(node.src, f"'{short_text(text)}' không phải là ngày dạng NĂM-THÁNG-NGÀY", hint))
        year, month, day = int(m[1]), int(m[2]), int(m[3])
        if why := _not_real(year, month, day):
            return ctx.report(e204_bad_date.RULE.at(node.src, f"ngày {text} không có thật ({why})"))
        return dt.date(year, month, day)

    def schema(self) -> dict:
        # NĂM-THÁNG-NGÀY as thidua reads it: 2024-02-05 and 2024-2-5 alike (format "date" wants the zeros).
        return {"type": "string", "pattern": r"^\s*\d{4}-\d{1,2}-\d{1,2}\s*$"}


@dataclass(frozen=True)
class Bool(ScalarType):
    doc: str = ""
    what: str = "true hoặc false"

    def scalar(self, node: Scalar, ctx: Context) -> Any:
        v = node.value.strip().lower()
        if v in ("true", "yes", "có"):
            return True
        if v in ("false", "no", "không"):
            return False
        return ctx.report(e207_bad_choice.RULE.at(node.src, f"cần true hoặc false, nhưng gặp '{short_text(node.value)}'"))

    def schema(self) -> dict:
        # có/không and yes/no, in any case, as thidua reads them (YAML 1.2 editors read 'yes' as text).
        return {"anyOf": [{"type": "boolean"}, {"type": "string", "pattern": _BOOL_WORDS}]}


@dataclass(frozen=True)
class Choice(ScalarType):
    choices: tuple[str, ...] = ()
    doc: str = ""
    what: str = "một giá trị trong danh sách"

    def scalar(self, node: Scalar, ctx: Context) -> Any:
        if node.value not in self.choices:
            return ctx.report(e207_bad_choice.RULE.at(
                node.src, f"'{short_text(node.value)}' không thuộc: {', '.join(self.choices)}",
                did_you_mean(node.value, self.choices)))
        return node.value

    def schema(self) -> dict:
        return {"enum": list(self.choices)}
