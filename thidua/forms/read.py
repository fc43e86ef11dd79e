"""Reading a filled form: every input cell checked, every problem a finding (E8xx), never a traceback.

The file is read with a bounded read (regular files only), recognised before openpyxl
sees it (an old .xls, a PDF, a CSV, an OpenDocument .ods from LibreOffice, a broken zip
each get their own message), then opened twice: once for the values Excel cached
(``data_only=True``) and once for the formulas, so a formula Excel never computed (no
cached value) is told apart from an empty cell. The hidden metadata is untrusted input,
checked by :mod:`thidua.forms.meta_read`.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from thidua.diagnostics import Diagnostic, Source, has_errors
from thidua.forms.cells import read_cell
from thidua.forms.meta import META_SHEET, FormMeta, Slot, number_text
from thidua.forms.meta_read import check_layout, parse_meta
from thidua.forms.plan import INSTRUCTIONS_SHEET
from thidua.loading.reading import ReadRefused, read_bounded
from thidua.rules import (
    e800_form_unreadable,
    e801_form_wrong_file_type,
    e802_form_not_thidua,
    e804_form_structure_changed,
)
from thidua.textsafe import shown_text

MAX_FORM_BYTES = 20 * 1024 * 1024
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
ODS_HINT = ("Trong LibreOffice: Tệp › Lưu thành (File › Save As), chọn kiểu tệp «Excel 2007-365 (.xlsx)», "
            "bấm «Dùng định dạng Excel 2007-365!», rồi nhập tệp .xlsx đó.")


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
    head = data[:4096]
    if b"opendocument.spreadsheet" in head or b"urn:oasis:names:tc:opendocument" in head:
        return "tệp OpenDocument (.fods) của LibreOffice/OpenOffice, không phải tệp Excel .xlsx", ODS_HINT
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        text = ""
    if text and ("," in text or ";" in text or "\t" in text):
        return ("tệp văn bản (có vẻ là CSV), không phải tệp Excel .xlsx",
                "Điền trên biểu mẫu .xlsx do thidua xuất ra; không lưu thành CSV.")
    return "không phải tệp Excel .xlsx", "Gửi lại đúng tệp .xlsx do thidua xuất ra, đã điền."


def _zip_problem(data: bytes) -> tuple[object, str, str] | None:
    """A finding (rule, message, hint) for a zip that is not a workbook openpyxl should open."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            names = {i.filename for i in infos}
            mimetype = z.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, ValueError, OSError, KeyError, RuntimeError, NotImplementedError) as exc:
        return (e800_form_unreadable, f"tệp nén .xlsx bị hỏng ({shown_text(str(exc))[:120]})",
                "Mở tệp bằng Excel rồi lưu lại, hoặc xin gửi lại tệp.")
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        what = "bảng tính OpenDocument (.ods)" if b"spreadsheet" in mimetype else "tệp OpenDocument (.odt, .odp…)"
        return (e801_form_wrong_file_type, f"{what} của LibreOffice/OpenOffice, không phải tệp Excel .xlsx", ODS_HINT)
    if sum(i.file_size for i in infos) > MAX_UNZIPPED_BYTES:
        return (e800_form_unreadable, "tệp giải nén quá lớn, không phải một biểu mẫu chấm điểm", "Gửi lại đúng tệp .xlsx.")
    if "xl/workbook.xml" not in names:
        if "xl/workbook.bin" in names:
            return (e801_form_wrong_file_type, "tệp Excel nhị phân (.xlsb), không phải .xlsx",
                    "Mở tệp bằng Excel, chọn Lưu thành (Save As) > Excel Workbook (.xlsx).")
        return (e801_form_wrong_file_type, "tệp nén nhưng không phải bảng tính Excel (.docx, .zip…?)",
                "Gửi lại đúng tệp .xlsx.")
    return None


def _why_unopened(exc: Exception) -> str:
    """Why openpyxl could not open a workbook, in Vietnamese; the exception's class (an identifier, not
    the parser's English) is kept for whoever debugs it."""
    kind = type(exc).__name__
    if kind in ("ParseError", "XMLSyntaxError", "ExpatError", "SAXParseException") or "amplification" in str(exc):
        why = "nội dung XML bên trong tệp bị hỏng hoặc có phần lạ (khai báo DOCTYPE, thực thể XML)"
    elif isinstance(exc, KeyError):
        why = "thiếu một phần bên trong tệp .xlsx"
    elif isinstance(exc, (zipfile.BadZipFile, EOFError)) or kind == "error":  # zlib.error
        why = "tệp nén .xlsx bị hỏng"
    elif isinstance(exc, (ValueError, TypeError)):
        why = "một giá trị bên trong tệp không đúng định dạng Excel"
    else:
        why = "cấu trúc bên trong tệp lạ"
    return f"{why} (mã lỗi kỹ thuật: {shown_text(kind)})"


def read_form(path: Path, name: str | None = None) -> FormRead:
    """Read and check one form; any failure is a finding naming the file, sheet and cell."""
    name = shown_text(name or str(path))

    def fail(rule, message: str, hint: str | None = None) -> FormRead:
        return FormRead(name, None, (), (rule.RULE.at(Source(name), message, hint),))

    try:
        data = read_bounded(path, MAX_FORM_BYTES)
    except ReadRefused as refused:
        large = refused.kind == "too-large"
        return fail(e800_form_unreadable, refused.message + ("; biểu mẫu chấm điểm chỉ vài chục KB" if large else ""),
                    "Kiểm tra lại: có thể đã gửi nhầm tệp." if large else "Kiểm tra đường dẫn và quyền đọc tệp.")
    if not data.startswith(b"PK"):
        return fail(e801_form_wrong_file_type, *_not_xlsx(data))
    problem = _zip_problem(data)
    if problem is not None:
        return fail(*problem)
    try:
        import warnings

        from openpyxl import load_workbook

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it does not read
            values = load_workbook(io.BytesIO(data), data_only=True)
            formulas = load_workbook(io.BytesIO(data), data_only=False)
    except Exception as exc:  # noqa: BLE001 - any broken workbook is a problem to report, not a crash
        return fail(e800_form_unreadable, f"không mở được bảng tính: {_why_unopened(exc)}",
                    "Mở tệp bằng Excel rồi lưu lại dạng .xlsx, hoặc xin gửi lại tệp.")
    if META_SHEET not in values.sheetnames:
        return fail(e802_form_not_thidua, "không phải biểu mẫu do thidua xuất ra (thiếu trang ẩn _thidua)")
    meta, problems = parse_meta(values[META_SHEET], name)
    if meta is None:
        return FormRead(name, None, (), tuple(problems))
    problems.extend(_missing_sheets(meta, values.sheetnames, name))
    if has_errors(problems):
        return FormRead(name, meta, (), tuple(problems))
    for c in meta.checks:
        got = values[c.sheet][c.cell].value
        if str(got if got is not None else "") != c.expected:
            shown = shown_text(str(got or ""))
            problems.append(e804_form_structure_changed.RULE.at(
                Source(name, sheet=c.sheet, cell=c.cell),
                f"cấu trúc biểu mẫu đã bị thay đổi: ô này phải là '{shown_text(c.expected)}', nhưng là "
                f"'{shown[:60]}'", "Không chèn, xóa dòng, cột; điền lại trên biểu mẫu mới xuất."))
    if not has_errors(problems):  # rows and columns in place: the metadata must now say what the sheets say
        problems.extend(check_layout(meta, values, name))
    if has_errors(problems):
        return FormRead(name, meta, (), tuple(problems))
    cells = []
    for slot in meta.slots:
        value, found = read_cell(values[slot.sheet][slot.cell].value, formulas[slot.sheet][slot.cell].value,
                                 slot, name)
        problems.extend(found)
        if not any(p.is_error for p in found):
            cells.append(CellValue(slot, value))
    return FormRead(name, meta, tuple(cells), tuple(problems))


def _missing_sheets(meta: FormMeta, present: list[str], file: str) -> list[Diagnostic]:
    """One finding per sheet of the form that is gone (renamed or deleted), naming the strangers."""
    wanted = list(dict.fromkeys([INSTRUCTIONS_SHEET, *(c.sheet for c in meta.checks), *(s.sheet for s in meta.slots)]))
    missing = [s for s in wanted if s not in present]
    if not missing:
        return []
    strangers = [s for s in present if s not in wanted and s != META_SHEET]
    out = []
    for sheet in missing:
        extra = (f"; có trang lạ {', '.join(repr(shown_text(s)) for s in strangers[:3])}: đổi tên lại thành "
                 f"'{shown_text(sheet)}'" if strangers else "")
        out.append(e804_form_structure_changed.RULE.at(
            Source(file, sheet=shown_text(sheet)), f"thiếu trang '{shown_text(sheet)}' của biểu mẫu{extra}",
            "Không đổi tên, không xóa trang; xuất lại biểu mẫu nếu cần."))
    return out
