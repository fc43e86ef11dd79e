"""Reading a filled form: every input cell checked, every problem a finding (E8xx), never a traceback.

The workbook is opened twice with openpyxl: once for the values Excel cached
(``data_only=True``) and once for the formulas, so a formula Excel never
computed (no cached value) is told apart from an empty cell.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from thidua.core.numbers import vn_number
from thidua.diagnostics import Diagnostic, Source, has_errors
from thidua.forms.meta import (
    FIELDS,
    KINDS,
    MAGIC,
    MAX_REASON,
    META_SHEET,
    PARTS,
    VERSION,
    Check,
    FormMeta,
    Slot,
    number_text,
)
from thidua.loading.reading import ReadRefused, read_bounded
from thidua.rules import (
    e800_form_unreadable,
    e801_form_wrong_file_type,
    e802_form_not_thidua,
    e803_form_bad_metadata,
    e804_form_structure_changed,
    e805_form_not_a_number,
    e806_form_number_out_of_range,
    e807_form_bad_reason,
    w808_form_formula,
)

MAX_FORM_BYTES = 20 * 1024 * 1024
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_PLACES = 4  # more decimals than this is a computation left unrounded, not a score
_COORDINATE = re.compile(r"^[A-Z]{1,3}[1-9][0-9]{0,6}$")
_COMMA_NUMBER = re.compile(r"^[+-]?\d+,\d+$")
_DOT_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_EXCEL_ERRORS = ("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!", "#CALC!")


@dataclass(frozen=True, slots=True)
class CellValue:
    """What one input cell holds: a number (points), a text (reason) or None (blank)."""

    slot: Slot
    value: Decimal | str | None

    @property
    def changed(self) -> bool:
        return _as_text(self.value) != self.slot.baseline


@dataclass(frozen=True, slots=True)
class FormRead:
    """A form as read: its metadata (None when unreadable), its input cells and its problems."""

    file: str
    meta: FormMeta | None
    cells: tuple[CellValue, ...]
    problems: tuple[Diagnostic, ...]

    @property
    def has_errors(self) -> bool:
        return has_errors(self.problems)


def _as_text(value: Decimal | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return number_text(value)
    return value


def _not_xlsx(data: bytes) -> tuple[str, str]:
    """Why bytes are not an .xlsx, and what to do."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return ("tệp Excel đời cũ (.xls) hoặc tệp bị đặt mật khẩu mở, không phải .xlsx",
                "Mở tệp bằng Excel, bỏ mật khẩu mở tệp nếu có, chọn Lưu thành (Save As) > Excel Workbook (.xlsx).")
    if data.startswith(b"%PDF"):
        return "tệp PDF, không phải tệp Excel .xlsx", "Gửi lại đúng tệp .xlsx đã điền."
    if not data.strip():
        return "tệp rỗng", "Gửi lại đúng tệp .xlsx đã điền."
    head = data[:2048]
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        text = ""
    if text and ("," in text or ";" in text or "\t" in text):
        return ("tệp văn bản (có vẻ là CSV), không phải tệp Excel .xlsx",
                "Điền trên biểu mẫu .xlsx do thidua xuất ra; không lưu thành CSV.")
    return "không phải tệp Excel .xlsx", "Gửi lại đúng tệp .xlsx do thidua xuất ra, đã điền."


def read_form(path: Path, name: str | None = None) -> FormRead:
    """Read and check one form; any failure is a finding naming the file, sheet and cell."""
    name = name or str(path)

    def fail(rule, message: str, hint: str | None = None) -> FormRead:
        return FormRead(name, None, (), (rule.RULE.at(Source(name), message, hint),))

    try:
        data = read_bounded(path, MAX_FORM_BYTES)
    except ReadRefused as refused:
        hint = "Kiểm tra lại: có thể đã gửi nhầm tệp." if refused.kind == "too-large" else \
            "Kiểm tra đường dẫn và quyền đọc tệp."
        return fail(e800_form_unreadable, refused.message + ("; biểu mẫu chấm điểm chỉ vài chục KB"
                                                             if refused.kind == "too-large" else ""), hint)
    if not data.startswith(b"PK"):
        return fail(e801_form_wrong_file_type, *_not_xlsx(data))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            unzipped = sum(i.file_size for i in z.infolist())
            names = set(z.namelist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        return fail(e800_form_unreadable, f"tệp nén .xlsx bị hỏng ({exc})",
                    "Mở tệp bằng Excel rồi lưu lại, hoặc xin gửi lại tệp.")
    if unzipped > MAX_UNZIPPED_BYTES:
        return fail(e800_form_unreadable, "tệp giải nén quá lớn, không phải một biểu mẫu chấm điểm",
                    "Gửi lại đúng tệp .xlsx.")
    if "xl/workbook.xml" not in names:
        return fail(e801_form_wrong_file_type, "tệp nén nhưng không phải bảng tính Excel (.docx, .zip…?)",
                    "Gửi lại đúng tệp .xlsx.")
    try:
        import warnings

        from openpyxl import load_workbook

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it does not read
            values = load_workbook(io.BytesIO(data), data_only=True)
            formulas = load_workbook(io.BytesIO(data), data_only=False)
    except Exception as exc:  # noqa: BLE001 - any broken workbook is a problem to report, not a crash
        return fail(e800_form_unreadable, f"không mở được bảng tính ({type(exc).__name__}: {exc})",
                    "Mở tệp bằng Excel rồi lưu lại dạng .xlsx, hoặc xin gửi lại tệp.")
    if META_SHEET not in values.sheetnames:
        return fail(e802_form_not_thidua, "không phải biểu mẫu do thidua xuất ra (thiếu trang ẩn _thidua)")
    meta, problems = _read_meta(values[META_SHEET], name)
    if meta is None:
        return FormRead(name, None, (), tuple(problems))
    for ref in [*((c.sheet, c.cell) for c in meta.checks), *((s.sheet, s.cell) for s in meta.slots)]:
        if ref[0] in values.sheetnames and not _COORDINATE.match(ref[1]):
            return FormRead(name, None, (), (*problems, e803_form_bad_metadata.RULE.at(
                Source(name, sheet=META_SHEET), f"trang ẩn _thidua không hợp lệ (ô '{ref[1]}')")))
    for c in meta.checks:
        if c.sheet not in values.sheetnames:
            problems.append(e804_form_structure_changed.RULE.at(
                Source(name), f"thiếu trang '{c.sheet}' của biểu mẫu",
                "Không đổi tên, không xóa trang; xuất lại biểu mẫu nếu cần."))
            continue
        got = values[c.sheet][c.cell].value
        if str(got if got is not None else "") != c.expected:
            problems.append(e804_form_structure_changed.RULE.at(
                Source(name, sheet=c.sheet, cell=c.cell),
                f"cấu trúc biểu mẫu đã bị thay đổi: ô này phải là '{c.expected}', nhưng là '{got or ''}'",
                "Không chèn, xóa dòng, cột; điền lại trên biểu mẫu mới xuất."))
    if has_errors(problems):
        return FormRead(name, meta, (), tuple(problems))
    cells = []
    for slot in meta.slots:
        if slot.sheet not in values.sheetnames:
            problems.append(e804_form_structure_changed.RULE.at(Source(name),
                                                                 f"thiếu trang '{slot.sheet}' của biểu mẫu"))
            continue
        value, found = _read_cell(values[slot.sheet][slot.cell].value, formulas[slot.sheet][slot.cell].value,
                                  slot, name)
        problems.extend(found)
        if not any(p.is_error for p in found):
            cells.append(CellValue(slot, value))
    return FormRead(name, meta, tuple(cells), tuple(problems))


def _read_meta(ws, file: str) -> tuple[FormMeta | None, list[Diagnostic]]:
    def bad(why: str) -> tuple[None, list[Diagnostic]]:
        return None, [e803_form_bad_metadata.RULE.at(Source(file, sheet=META_SHEET),
                                                      f"trang ẩn _thidua không hợp lệ ({why})")]

    head: dict[str, str] = {}
    slots: list[Slot] = []
    checks: list[Check] = []
    for row in ws.iter_rows(values_only=True):
        cells = ["" if v is None else str(v) for v in row]
        if not any(cells):
            continue
        kind = cells[0]
        if kind == "input":
            cells += [""] * (9 - len(cells))
            _, sheet, cell, member, field, key, part, baseline, top = cells[:9]
            if field not in FIELDS or part not in PARTS:
                return bad(f"ô {cell} có loại '{field}/{part}'")
            try:
                maximum = Decimal(top) if top else None
            except InvalidOperation:
                return bad(f"điểm tối đa '{top}'")
            slots.append(Slot(sheet, cell, member, field, key, part, baseline, maximum))
        elif kind == "check":
            cells += [""] * (4 - len(cells))
            checks.append(Check(cells[1], cells[2], cells[3]))
        elif kind != "row" and len(cells) >= 2:
            head[kind] = cells[1]
    if head.get("magic") != MAGIC:
        return None, [e802_form_not_thidua.RULE.at(Source(file, sheet=META_SHEET),
                                                    "trang ẩn _thidua thiếu dấu nhận biết của thidua")]
    if head.get("version") != str(VERSION):
        return None, [e803_form_bad_metadata.RULE.at(
            Source(file, sheet=META_SHEET), f"biểu mẫu phiên bản {head.get('version')}, thidua này đọc phiên bản "
            f"{VERSION}", "Xuất lại biểu mẫu bằng thidua đang dùng.")]
    if head.get("kind") not in KINDS:
        return bad(f"loại biểu mẫu '{head.get('kind')}'")
    year = head.get("year", "")
    if not year.isdigit():
        return bad(f"năm '{year}'")
    return FormMeta(head["kind"], head.get("bloc", ""), int(year), head.get("table", ""),
                    head.get("fingerprint", ""), tuple(slots), tuple(checks)), []


def _read_cell(value, formula, slot: Slot, file: str) -> tuple[Decimal | str | None, list[Diagnostic]]:
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
        found.append(problem(w808_form_formula, f"ô chứa công thức ({formula}); dùng giá trị Excel đã tính"))
    if slot.part == "reason":
        if value is None:
            return None, found
        if isinstance(value, bool) or not isinstance(value, (str, int, float, Decimal)):
            return None, [*found, problem(e807_form_bad_reason, "ô lý do phải là chữ")]
        text = value if isinstance(value, str) else _number_to_text(value)
        text = unicodedata.normalize("NFC", text.replace("_x000D_", "").replace("\r\n", "\n")).strip()
        text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
        if len(text) > MAX_REASON:
            return None, [*found, problem(e807_form_bad_reason, f"lý do dài {len(text)} ký tự, quá {MAX_REASON}", "Ghi ngắn gọn hơn.")]
        if text:  # the same text checks as a YAML file: legacy fonts (TCVN3, VNI), Icelandic eth for Đ
            from thidua.loading.decode import decode

            bad = [problem(e807_form_bad_reason, d.message, d.hint) for d in decode(text.encode("utf-8"), slot.sheet).diagnostics
                   if d.is_error]
            if bad:
                return None, [*found, *bad]
        return (text or None), found
    return _read_number(value, slot, problem, found)


def _number_to_text(value) -> str:
    if isinstance(value, float):
        return repr(value).removesuffix(".0")
    return str(value)


def _read_number(value, slot: Slot, problem, found: list[Diagnostic]):
    if value is None:
        return None, found
    if isinstance(value, bool):
        return None, [*found, problem(e805_form_not_a_number, f"ô chứa giá trị {'TRUE' if value else 'FALSE'}, cần một số")]
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None, found
        if _COMMA_NUMBER.match(text):
            return None, [*found, problem(e805_form_not_a_number,
                f"ô chứa chữ '{text}', không phải số (dấu phẩy thập phân gõ vào ô kiểu chữ)",
                f"Nếu ý là {text} điểm, xóa ô rồi gõ lại thành số: {text.replace(',', '.')} trên máy dùng dấu "
                f"chấm thập phân, {text} trên máy cài tiếng Việt; ô số tự căn lề phải.")]
        if _DOT_NUMBER.match(text):
            return None, [*found, problem(e805_form_not_a_number,
                f"ô chứa chữ '{text}', không phải số (số được nhập dạng chữ)",
                "Xóa ô rồi gõ lại con số (không có dấu nháy ' ở đầu); ô số tự căn lề phải.")]
        if text in _EXCEL_ERRORS:
            return None, [*found, problem(e805_form_not_a_number, f"ô báo lỗi Excel {text}", "Gõ thẳng con số vào ô.")]
        shown = text if len(text) <= 30 else text[:27] + "…"
        return None, [*found, problem(e805_form_not_a_number, f"ô điểm chứa chữ '{shown}', cần một số",
                                      "Ghi lý do vào ô lý do; ô điểm chỉ nhận số.")]
    if not isinstance(value, (int, float, Decimal)):
        return None, [*found, problem(e805_form_not_a_number, f"ô chứa {type(value).__name__} (ngày giờ?), cần một số",
                                      "Định dạng ô là Number/General rồi gõ lại con số.")]
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        return None, [*found, problem(e806_form_number_out_of_range, "ô chứa giá trị không phải số hữu hạn")]
    if number < 0:
        return None, [*found, problem(e806_form_number_out_of_range, f"điểm âm ({vn_number(number)})",
                                      "Ghi số điểm dương; điểm trừ ghi ở phần điểm trừ, không ghi số âm.")]
    if slot.maximum is not None and number > slot.maximum:
        what = {"score": f"tiêu chí {slot.key}", "bonus": "điểm thưởng", "deductions": "điểm trừ"}[slot.field]
        return None, [*found, problem(e806_form_number_out_of_range,
            f"{vn_number(number)} vượt điểm tối đa {vn_number(slot.maximum)} của {what}",
            f"Ghi số từ 0 đến {vn_number(slot.maximum)}.")]
    if -number.as_tuple().exponent > MAX_PLACES:
        return None, [*found, problem(e806_form_number_out_of_range, f"số {vn_number(number)} có quá {MAX_PLACES} chữ số thập phân",
                                      "Làm tròn điểm (ví dụ 9,25) rồi gõ lại con số.")]
    return number, found
