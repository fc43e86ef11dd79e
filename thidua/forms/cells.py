"""One input cell of a filled form, checked: a number for points, a text for a reason, or blank.

Whatever openpyxl hands back — an int, a float such as 1e28 or 1e-300, a date, a
boolean, a formula with or without its cached value, an Excel error such as
``#DIV/0!``, text that looks like a number — gives a value or a finding at the cell,
never an exception.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from thidua.core.numbers import vn_number
from thidua.diagnostics import Diagnostic, Source
from thidua.forms.meta import MAX_REASON, Slot
from thidua.rules import (
    e805_form_not_a_number,
    e806_form_number_out_of_range,
    e807_form_bad_reason,
    w808_form_formula,
)

MAX_PLACES = 4  # more decimals than this is a computation left unrounded, not a score
MAX_POINTS = Decimal(100000)  # no table scores more: anything larger is a slip, shown short
_COMMA_NUMBER = re.compile(r"^[+-]?\d+,\d+$")
_DOT_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_EXCEL_ERRORS = ("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!", "#CALC!",
                 "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!")
# What a reason cannot hold: control characters (tab and line break aside), separators and bidi overrides.
_REASON_DROP = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_COMMAND_LINE = re.compile(r"^\s*::|##\[", re.MULTILINE)


def short_number(number: Decimal) -> str:
    """A number as a message shows it: Vietnamese style, or 1E+28-like when it is absurdly long."""
    if number.is_finite() and (abs(number) < MAX_POINTS * 10 or number == 0) and -number.as_tuple().exponent <= 12:
        try:
            return vn_number(number)
        except InvalidOperation:  # pragma: no cover - guarded by the bounds above
            pass
    return f"{number:.3E}".replace(".", ",")


def read_cell(value, formula, slot: Slot, file: str) -> tuple[Decimal | str | None, list[Diagnostic]]:
    """Check one input cell: numbers for points, text for reasons; blank is None."""
    where = Source(file, sheet=slot.sheet, cell=slot.cell)

    def problem(module, message: str, hint: str | None = None) -> Diagnostic:
        return module.RULE.at(where, message, hint)

    found: list[Diagnostic] = []
    is_formula = (isinstance(formula, str) and formula.startswith("=")) or (
        formula is not None and not isinstance(formula, (str, int, float, Decimal, bool)) and
        type(formula).__name__ in ("ArrayFormula", "DataTableFormula"))
    if is_formula:
        if value is None:
            return None, [problem(e805_form_not_a_number, "ô chứa công thức chưa được Excel tính (không có giá trị lưu sẵn)",
                                  "Mở tệp bằng Excel, nhấn F9 rồi lưu lại; tốt hơn, gõ thẳng con số vào ô.")]
        text = formula if isinstance(formula, str) else getattr(formula, "text", "") or ""
        text = text if len(text) <= 40 else text[:37] + "…"
        found.append(problem(w808_form_formula, f"ô chứa công thức ({text}); dùng giá trị Excel đã tính"))
    if slot.part == "reason":
        return _read_reason(value, problem, found)
    return _read_number(value, slot, problem, found)


def _read_reason(value, problem, found: list[Diagnostic]):
    if value is None:
        return None, found
    if isinstance(value, bool) or not isinstance(value, (str, int, float, Decimal)):
        return None, [*found, problem(e807_form_bad_reason, "ô lý do phải là chữ")]
    text = value if isinstance(value, str) else _number_to_text(value)
    text = text.replace("_x000D_", "").replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\x85", "\n")
    text = unicodedata.normalize("NFC", _REASON_DROP.sub("", text)).strip()
    if len(text) > MAX_REASON:
        return None, [*found, problem(e807_form_bad_reason, f"lý do dài {len(text)} ký tự, quá {MAX_REASON}",
                                      "Ghi ngắn gọn hơn.")]
    if _COMMAND_LINE.search(text):
        return None, [*found, problem(e807_form_bad_reason, "lý do có dòng bắt đầu bằng '::' hoặc chứa '##[' "
                                      "(nhật ký CI đọc thành lệnh)", "Bỏ các ký tự đó khỏi lý do.")]
    if text:  # the same text checks as a YAML file: legacy fonts (TCVN3, VNI), Icelandic eth for Đ
        from thidua.loading.decode import decode

        bad = [problem(e807_form_bad_reason, d.message, d.hint)
               for d in decode(text.encode("utf-8"), "").diagnostics if d.is_error]
        if bad:
            return None, [*found, *bad]
    return (text or None), found


def _number_to_text(value) -> str:
    if isinstance(value, float):
        return repr(value).removesuffix(".0")
    return str(value)


def _read_text_number(text: str, problem, found: list[Diagnostic]):
    if not text:
        return None, found
    if _COMMA_NUMBER.match(text):
        return None, [*found, problem(
            e805_form_not_a_number, f"ô chứa chữ '{text}', không phải số (dấu phẩy thập phân gõ vào ô kiểu chữ)",
            f"Nếu ý là {text} điểm, xóa ô rồi gõ lại thành số: {text.replace(',', '.')} trên máy dùng dấu "
            f"chấm thập phân, {text} trên máy cài tiếng Việt; ô số tự căn lề phải.")]
    shown = text if len(text) <= 30 else text[:27] + "…"
    if _DOT_NUMBER.match(text):
        return None, [*found, problem(
            e805_form_not_a_number, f"ô chứa chữ '{shown}', không phải số (số được nhập dạng chữ)",
            "Xóa ô rồi gõ lại con số (không có dấu nháy ' ở đầu); ô số tự căn lề phải.")]
    if text.upper() in _EXCEL_ERRORS:
        return None, [*found, problem(e805_form_not_a_number, f"ô báo lỗi Excel {text.upper()}", "Gõ thẳng con số vào ô.")]
    return None, [*found, problem(e805_form_not_a_number, f"ô điểm chứa chữ '{shown}', cần một số",
                                  "Ghi lý do vào ô lý do; ô điểm chỉ nhận số.")]


def _read_number(value, slot: Slot, problem, found: list[Diagnostic]):
    if value is None:
        return None, found
    if isinstance(value, bool):
        return None, [*found, problem(e805_form_not_a_number, f"ô chứa giá trị {'TRUE' if value else 'FALSE'}, cần một số")]
    if isinstance(value, str):
        return _read_text_number(value.strip(), problem, found)
    if not isinstance(value, (int, float, Decimal)):
        return None, [*found, problem(e805_form_not_a_number, f"ô chứa {_kind(value)}, cần một số",
                                      "Định dạng ô là Number/General rồi gõ lại con số.")]
    try:
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, ValueError):
        return None, [*found, problem(e806_form_number_out_of_range, "ô chứa giá trị không phải số hữu hạn")]
    if not number.is_finite():
        return None, [*found, problem(e806_form_number_out_of_range, "ô chứa giá trị không phải số hữu hạn")]
    if number < 0:
        return None, [*found, problem(e806_form_number_out_of_range, f"điểm âm ({short_number(number)})",
                                      "Ghi số điểm dương; điểm trừ ghi ở phần điểm trừ, không ghi số âm.")]
    top = slot.maximum if slot.maximum is not None else MAX_POINTS
    if number > top:
        what = {"score": f"tiêu chí {slot.key}", "bonus": "điểm thưởng", "deductions": "điểm trừ"}[slot.field]
        return None, [*found, problem(
            e806_form_number_out_of_range, f"{short_number(number)} vượt điểm tối đa {short_number(top)} của {what}",
            f"Ghi số từ 0 đến {short_number(top)}.")]
    if -number.as_tuple().exponent > MAX_PLACES:
        rounded = number.quantize(Decimal(1).scaleb(-MAX_PLACES))
        if rounded != number:
            return None, [*found, problem(
                e806_form_number_out_of_range, f"số {short_number(number)} có quá {MAX_PLACES} chữ số thập phân",
                "Làm tròn điểm (ví dụ 9,25) rồi gõ lại con số.")]
        number = rounded
    return number, found


def _kind(value) -> str:
    import datetime as dt

    if isinstance(value, (dt.datetime, dt.date)):
        return f"ngày tháng ({value.isoformat()[:10]})"
    if isinstance(value, dt.time):
        return "giờ"
    if isinstance(value, dt.timedelta):
        return "khoảng thời gian"
    return type(value).__name__
