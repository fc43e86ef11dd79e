"""Reading a filled form: every input cell checked, every problem a FormProblem, never a traceback.

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
from thidua.diagnostics import Severity
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
    FormProblem,
    Slot,
    number_text,
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
    problems: tuple[FormProblem, ...]

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)


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
    """Read and check one form; any failure is a FormProblem naming the file, sheet and cell."""
    name = name or str(path)

    def fail(message: str, hint: str = "") -> FormRead:
        return FormRead(name, None, (), (FormProblem(name, message, hint=hint),))

    try:
        size = path.stat().st_size
        if size > MAX_FORM_BYTES:
            return fail(f"tệp quá lớn ({size} byte); biểu mẫu chấm điểm chỉ vài chục KB",
                        "Kiểm tra lại: có thể đã gửi nhầm tệp.")
        data = path.read_bytes()
    except OSError as exc:
        return fail(f"không đọc được tệp: {exc.strerror or exc}", "Kiểm tra đường dẫn và quyền đọc tệp.")
    if not data.startswith(b"PK"):
        return fail(*_not_xlsx(data))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            unzipped = sum(i.file_size for i in z.infolist())
            names = set(z.namelist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        return fail(f"tệp nén .xlsx bị hỏng ({exc})", "Mở tệp bằng Excel rồi lưu lại, hoặc xin gửi lại tệp.")
    if unzipped > MAX_UNZIPPED_BYTES:
        return fail("tệp giải nén quá lớn, không phải một biểu mẫu chấm điểm", "Gửi lại đúng tệp .xlsx.")
    if "xl/workbook.xml" not in names:
        return fail("tệp nén nhưng không phải bảng tính Excel (.docx, .zip…?)", "Gửi lại đúng tệp .xlsx.")
    try:
        import warnings

        from openpyxl import load_workbook

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it does not read
            values = load_workbook(io.BytesIO(data), data_only=True)
            formulas = load_workbook(io.BytesIO(data), data_only=False)
    except Exception as exc:  # noqa: BLE001 - any broken workbook is a problem to report, not a crash
        return fail(f"không mở được bảng tính ({type(exc).__name__}: {exc})",
                    "Mở tệp bằng Excel rồi lưu lại dạng .xlsx, hoặc xin gửi lại tệp.")
    if META_SHEET not in values.sheetnames:
        return fail("không phải biểu mẫu do thidua xuất ra (thiếu trang ẩn _thidua)",
                    "Xuất biểu mẫu bằng 'thidua form export' và điền trên biểu mẫu đó.")
    meta, problems = _read_meta(values[META_SHEET], name)
    if meta is None:
        return FormRead(name, None, (), tuple(problems))
    for ref in [*((c.sheet, c.cell) for c in meta.checks), *((s.sheet, s.cell) for s in meta.slots)]:
        if ref[0] in values.sheetnames and not _COORDINATE.match(ref[1]):
            return FormRead(name, None, (), (*problems, FormProblem(
                name, f"trang ẩn _thidua không hợp lệ (ô '{ref[1]}')", META_SHEET,
                hint="Xuất lại biểu mẫu bằng 'thidua form export'.")))
    for c in meta.checks:
        if c.sheet not in values.sheetnames:
            problems.append(FormProblem(name, f"thiếu trang '{c.sheet}' của biểu mẫu", hint="Không đổi tên, "
                                        "không xóa trang; xuất lại biểu mẫu nếu cần."))
            continue
        got = values[c.sheet][c.cell].value
        if str(got if got is not None else "") != c.expected:
            problems.append(FormProblem(
                name, f"cấu trúc biểu mẫu đã bị thay đổi: ô này phải là '{c.expected}', nhưng là '{got or ''}'",
                c.sheet, c.cell, "Không chèn, xóa dòng, cột; điền lại trên biểu mẫu mới xuất."))
    if any(p.is_error for p in problems):
        return FormRead(name, meta, (), tuple(problems))
    cells = []
    for slot in meta.slots:
        if slot.sheet not in values.sheetnames:
            problems.append(FormProblem(name, f"thiếu trang '{slot.sheet}' của biểu mẫu"))
            continue
        value, found = _read_cell(values[slot.sheet][slot.cell].value, formulas[slot.sheet][slot.cell].value,
                                  slot, name)
        problems.extend(found)
        if not any(p.is_error for p in found):
            cells.append(CellValue(slot, value))
    return FormRead(name, meta, tuple(cells), tuple(problems))


def _read_meta(ws, file: str) -> tuple[FormMeta | None, list[FormProblem]]:
    def bad(why: str) -> tuple[None, list[FormProblem]]:
        return None, [FormProblem(file, f"trang ẩn _thidua không hợp lệ ({why})", META_SHEET,
                                  hint="Xuất lại biểu mẫu bằng 'thidua form export'.")]

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
        return bad("thiếu dấu nhận biết")
    if head.get("version") != str(VERSION):
        return None, [FormProblem(file, f"biểu mẫu phiên bản {head.get('version')}, thidua này đọc phiên bản "
                                  f"{VERSION}", META_SHEET, hint="Xuất lại biểu mẫu bằng thidua đang dùng.")]
    if head.get("kind") not in KINDS:
        return bad(f"loại biểu mẫu '{head.get('kind')}'")
    year = head.get("year", "")
    if not year.isdigit():
        return bad(f"năm '{year}'")
    return FormMeta(head["kind"], head.get("bloc", ""), int(year), head.get("table", ""),
                    head.get("fingerprint", ""), tuple(slots), tuple(checks)), []


def _read_cell(value, formula, slot: Slot, file: str) -> tuple[Decimal | str | None, list[FormProblem]]:
    """Check one input cell: numbers for points, text for reasons; blank is None."""

    def problem(message: str, hint: str = "", severity: Severity = Severity.ERROR) -> FormProblem:
        return FormProblem(file, message, slot.sheet, slot.cell, hint, severity)

    found: list[FormProblem] = []
    is_formula = (isinstance(formula, str) and formula.startswith("=")) or (
        formula is not None and not isinstance(formula, (str, int, float, Decimal, bool)) and
        type(formula).__name__ in ("ArrayFormula", "DataTableFormula"))
    if is_formula:
        if value is None:
            return None, [problem("ô chứa công thức chưa được Excel tính (không có giá trị lưu sẵn)",
                                  "Mở tệp bằng Excel, nhấn F9 rồi lưu lại; tốt hơn, gõ thẳng con số vào ô.")]
        found.append(problem(f"ô chứa công thức ({formula}); dùng giá trị Excel đã tính",
                             severity=Severity.WARNING))
    if slot.part == "reason":
        if value is None:
            return None, found
        if isinstance(value, bool) or not isinstance(value, (str, int, float, Decimal)):
            return None, [*found, problem("ô lý do phải là chữ")]
        text = value if isinstance(value, str) else _number_to_text(value)
        text = unicodedata.normalize("NFC", text.replace("_x000D_", "").replace("\r\n", "\n")).strip()
        text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
        if len(text) > MAX_REASON:
            return None, [*found, problem(f"lý do dài {len(text)} ký tự, quá {MAX_REASON}", "Ghi ngắn gọn hơn.")]
        if text:  # the same text checks as a YAML file: legacy fonts (TCVN3, VNI), Icelandic eth for Đ
            from thidua.loading.decode import decode

            bad = [problem(d.message, d.hint) for d in decode(text.encode("utf-8"), slot.sheet).diagnostics
                   if d.is_error]
            if bad:
                return None, [*found, *bad]
        return (text or None), found
    return _read_number(value, slot, problem, found)


def _number_to_text(value) -> str:
    if isinstance(value, float):
        return repr(value).removesuffix(".0")
    return str(value)


def _read_number(value, slot: Slot, problem, found: list[FormProblem]):
    if value is None:
        return None, found
    if isinstance(value, bool):
        return None, [*found, problem(f"ô chứa giá trị {'TRUE' if value else 'FALSE'}, cần một số")]
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None, found
        if _COMMA_NUMBER.match(text):
            return None, [*found, problem(
                f"ô chứa chữ '{text}', không phải số (dấu phẩy thập phân gõ vào ô kiểu chữ)",
                f"Nếu ý là {text} điểm, xóa ô rồi gõ lại thành số: {text.replace(',', '.')} trên máy dùng dấu "
                f"chấm thập phân, {text} trên máy cài tiếng Việt; ô số tự căn lề phải.")]
        if _DOT_NUMBER.match(text):
            return None, [*found, problem(
                f"ô chứa chữ '{text}', không phải số (số được nhập dạng chữ)",
                "Xóa ô rồi gõ lại con số (không có dấu nháy ' ở đầu); ô số tự căn lề phải.")]
        if text in _EXCEL_ERRORS:
            return None, [*found, problem(f"ô báo lỗi Excel {text}", "Gõ thẳng con số vào ô.")]
        shown = text if len(text) <= 30 else text[:27] + "…"
        return None, [*found, problem(f"ô điểm chứa chữ '{shown}', cần một số",
                                      "Ghi lý do vào ô lý do; ô điểm chỉ nhận số.")]
    if not isinstance(value, (int, float, Decimal)):
        return None, [*found, problem(f"ô chứa {type(value).__name__} (ngày giờ?), cần một số",
                                      "Định dạng ô là Number/General rồi gõ lại con số.")]
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        return None, [*found, problem("ô chứa giá trị không phải số hữu hạn")]
    if number < 0:
        return None, [*found, problem(f"điểm âm ({vn_number(number)})",
                                      "Ghi số điểm dương; điểm trừ ghi ở phần điểm trừ, không ghi số âm.")]
    if slot.maximum is not None and number > slot.maximum:
        what = {"score": f"tiêu chí {slot.key}", "bonus": "điểm thưởng", "deductions": "điểm trừ"}[slot.field]
        return None, [*found, problem(
            f"{vn_number(number)} vượt điểm tối đa {vn_number(slot.maximum)} của {what}",
            f"Ghi số từ 0 đến {vn_number(slot.maximum)}.")]
    if -number.as_tuple().exponent > MAX_PLACES:
        return None, [*found, problem(f"số {vn_number(number)} có quá {MAX_PLACES} chữ số thập phân",
                                      "Làm tròn điểm (ví dụ 9,25) rồi gõ lại con số.")]
    return number, found
