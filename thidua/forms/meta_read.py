"""The hidden sheet of a form, read as untrusted input and held against the sheets a person sees.

The ``_thidua`` sheet is very hidden and protected without a password: anyone can edit
it. So every value it holds is checked for shape (a bloc id, a year, a kind, member ids,
criterion keys, cell coordinates: E803), and then against the visible, locked cells
(E821, ``form-tampered``): a self form's slots lie on the members' own sheets, each
titled *Phiếu tự chấm* of that year and naming its member; an agreed form's lie on the
one agreed sheet, under the column of the member they fill; each row is labelled with
the criterion or bonus/deduction slot it fills; the instructions name the bloc and the
year. A self form therefore cannot write agreed scores, and no form names another file.

Forms of every version in :data:`thidua.forms.plan.SELF_LAYOUTS` are read (2: before the self
sheets had the decree's header; 3: now), each held against where its version keeps the title,
the member line and the input columns; any other version is refused (E803) with the advice to
export the form again.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from thidua.diagnostics import Diagnostic, Source
from thidua.forms.meta import (
    FIELDS,
    KINDS,
    MAGIC,
    MAX_REASON,
    META_SHEET,
    PARTS,
    Check,
    FormMeta,
    Slot,
)
from thidua.forms.plan import (
    AGREED_SHEET,
    AGREED_TITLE,
    INSTRUCTIONS_SHEET,
    ROW_LABELS,
    SELF_LAYOUTS,
    SELF_TITLE,
    bloc_line,
)
from thidua.ids import ID_RE, KEY_RE
from thidua.rules import e802_form_not_thidua, e803_form_bad_metadata, e821_form_tampered
from thidua.textsafe import is_safe

MAX_SLOTS = 50_000
MAX_ADJUSTMENT_ROWS = 200
COORDINATE = re.compile(r"^([A-Z]{1,3})([1-9][0-9]{0,6})$")
_FINGERPRINT = re.compile(r"^[0-9a-f]{16}$")
_NUMBER = re.compile(r"^[0-9]{1,6}(\.[0-9]{1,4})?$")


class BadMeta(Exception):
    pass


def _text(v) -> str:
    return "" if v is None else str(v)


def parse_meta(ws, file: str) -> tuple[FormMeta | None, list[Diagnostic]]:
    """The metadata of a form, or the finding that says why it cannot be trusted in shape."""
    try:
        return _parse(ws, file)
    except BadMeta as exc:
        return None, [e803_form_bad_metadata.RULE.at(Source(file, sheet=META_SHEET),
                                                      f"trang ẩn _thidua không hợp lệ ({exc})")]


def _number(text: str, what: str) -> Decimal | None:
    if not text:
        return None
    if not _NUMBER.match(text):
        raise BadMeta(f"{what} '{text[:20]}'")
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern allows only plain decimals
        raise BadMeta(f"{what} '{text[:20]}'") from None


def _slot(cells: list[str]) -> Slot:
    cells += [""] * (9 - len(cells))
    _, sheet, cell, member, field, key, part, baseline, top = cells[:9]
    if not sheet or sheet in (META_SHEET, INSTRUCTIONS_SHEET) or len(sheet) > 31 or not is_safe(sheet):
        raise BadMeta(f"trang '{sheet[:31]}'")
    if not COORDINATE.match(cell):
        raise BadMeta(f"ô '{cell[:12]}'")
    if not ID_RE.match(member):
        raise BadMeta(f"mã đơn vị '{member[:40]}'")
    if field not in FIELDS or part not in PARTS:
        raise BadMeta(f"ô {cell} có loại '{field[:20]}/{part[:20]}'")
    if field == "score":
        if part != "points" or not KEY_RE.match(key):
            raise BadMeta(f"ô {cell}: tiêu chí '{key[:30]}'")
    elif not key.isdigit() or not 1 <= int(key) <= MAX_ADJUSTMENT_ROWS or key != str(int(key)):
        raise BadMeta(f"ô {cell}: dòng '{key[:10]}'")
    if part == "points":
        _number(baseline, f"ô {cell}: giá trị lúc xuất")
    elif len(baseline) > MAX_REASON:
        raise BadMeta(f"ô {cell}: lý do lúc xuất quá dài")
    return Slot(sheet, cell, member, field, key, part, baseline, _number(top, f"ô {cell}: điểm tối đa"))


def _parse(ws, file: str) -> tuple[FormMeta | None, list[Diagnostic]]:
    head: dict[str, str] = {}
    slots: list[Slot] = []
    checks: list[Check] = []
    for row in ws.iter_rows(values_only=True):
        cells = [_text(v) for v in row[:12]]
        if not any(cells):
            continue
        kind = cells[0]
        if kind == "input":
            slots.append(_slot(cells))
            if len(slots) > MAX_SLOTS:
                raise BadMeta("quá nhiều ô nhập")
        elif kind == "check":
            cells += [""] * (4 - len(cells))
            checks.append(Check(cells[1], cells[2], cells[3]))
            if not COORDINATE.match(cells[2]):
                raise BadMeta(f"ô '{cells[2][:12]}'")
        elif kind != "row" and len(cells) >= 2:
            if kind in head:
                raise BadMeta(f"'{kind[:20]}' ghi hai lần")
            head[kind] = cells[1]
    if head.get("magic") != MAGIC:
        return None, [e802_form_not_thidua.RULE.at(Source(file, sheet=META_SHEET),
                                                    "trang ẩn _thidua thiếu dấu nhận biết của thidua")]
    readable = {str(v): v for v in SELF_LAYOUTS}
    if head.get("version") not in readable:
        return None, [e803_form_bad_metadata.RULE.at(
            Source(file, sheet=META_SHEET), f"biểu mẫu phiên bản {head.get('version', '')[:10]}, thidua này "
            f"đọc phiên bản {' và '.join(readable)}", "Xuất lại biểu mẫu bằng thidua đang dùng.")]
    kind = head.get("kind", "")
    if kind not in KINDS:
        raise BadMeta(f"loại biểu mẫu '{kind[:20]}'")
    bloc = head.get("bloc", "")
    if not ID_RE.match(bloc):
        raise BadMeta(f"mã khối '{bloc[:40]}'")
    year = head.get("year", "")
    if not (len(year) == 4 and year.isascii() and year.isdigit() and 1945 <= int(year) <= 2200):
        raise BadMeta(f"năm '{year[:10]}'")
    table = head.get("table", "")
    if not table or len(table) > 120 or not is_safe(table):
        raise BadMeta("mã bảng chấm điểm")
    if not _FINGERPRINT.match(head.get("fingerprint", "")):
        raise BadMeta("dấu kiểm của bảng chấm điểm")
    cells, targets = set(), set()
    for s in slots:
        if (s.sheet, s.cell) in cells:
            raise BadMeta(f"ô {s.sheet}!{s.cell} ghi hai lần")
        if (s.member, s.field, s.key, s.part) in targets:
            raise BadMeta(f"hai ô cùng điền một chỗ ({s.member} {s.field} {s.key})")
        cells.add((s.sheet, s.cell))
        targets.add((s.member, s.field, s.key, s.part))
    return FormMeta(kind, bloc, int(year), table, head["fingerprint"], tuple(slots), tuple(checks),
                    readable[head["version"]]), []


def _sheets_without_slots(meta: FormMeta, wb, title: str, title_cell: str, unit_cell: str) -> tuple[str, str, str] | None:
    """(sheet, cell, why) of a self sheet, or an agreed form's member column, that the hidden sheet lists no input
    cell for: what the user typed there would be left out without a word."""
    listed = {(s.sheet, COORDINATE.match(s.cell).group(1)) for s in meta.slots}
    sheets = {s for s, _ in listed}
    if meta.kind == "self":
        for sheet in wb.sheetnames:
            if sheet not in sheets and sheet not in (INSTRUCTIONS_SHEET, META_SHEET) and \
                    _text(wb[sheet][title_cell].value) == title:
                return sheet, unit_cell, "trang tự chấm này không có ô nhập nào trong trang ẩn _thidua"
        return None
    if AGREED_SHEET not in wb.sheetnames:
        return None
    for cell in next(wb[AGREED_SHEET].iter_rows(min_row=6, max_row=6), ()):
        member = _text(cell.value)
        if ID_RE.fullmatch(member) and (AGREED_SHEET, cell.column_letter) not in listed:
            return (AGREED_SHEET, cell.coordinate,
                    f"cột {cell.column_letter} (đơn vị '{member}') không có ô nhập nào trong trang ẩn _thidua")
    return None


def check_layout(meta: FormMeta, wb, file: str) -> list[Diagnostic]:
    """E821 findings where the metadata disagrees with the visible sheets (present sheets only)."""
    def tampered(sheet: str, cell: str, why: str) -> list[Diagnostic]:
        return [e821_form_tampered.RULE.at(Source(file, sheet=sheet, cell=cell), f"trang ẩn _thidua không khớp "
                                           f"với biểu mẫu: {why}")]

    def value(sheet: str, ref: str) -> str:
        return _text(wb[sheet][ref].value)

    present = set(wb.sheetnames)
    if INSTRUCTIONS_SHEET in present:
        wanted = bloc_line(meta.bloc, meta.year)
        lines = [_text(row[0]) for row in wb[INSTRUCTIONS_SHEET].iter_rows(max_col=1, max_row=60, values_only=True)]
        if not any(line.startswith("Khối: ") and line.endswith(wanted) for line in lines):
            return tampered(INSTRUCTIONS_SHEET, "", f"trang Hướng dẫn không ghi khối '{meta.bloc}' năm {meta.year}")
    title = (SELF_TITLE if meta.kind == "self" else AGREED_TITLE).format(year=meta.year)
    layout = SELF_LAYOUTS[meta.version]  # where this version's self sheets keep their title, member, inputs
    title_cell = layout.title if meta.kind == "self" else "A1"
    owner: dict[str, str] = {}
    titled: set[str] = set()
    for s in meta.slots:
        if s.sheet not in present:
            continue
        if (meta.kind == "agreed") != (s.sheet == AGREED_SHEET):
            return tampered(s.sheet, s.cell, f"biểu mẫu loại '{KINDS[meta.kind]}' nhưng ô nằm ở trang '{s.sheet}'")
        if s.sheet not in titled:
            if value(s.sheet, title_cell) != title:
                return tampered(s.sheet, title_cell, f"tiêu đề trang không phải '{title}'")
            titled.add(s.sheet)
        col, row = COORDINATE.match(s.cell).groups()
        if meta.kind == "self":
            if owner.setdefault(s.sheet, s.member) != s.member:
                return tampered(s.sheet, s.cell, "một trang tự chấm điền cho hai đơn vị")
            if not value(s.sheet, layout.unit).endswith(f"(mã {s.member})"):
                return tampered(s.sheet, layout.unit, f"trang này không phải của đơn vị '{s.member}'")
            if col != (layout.reasons if s.part == "reason" else layout.points):
                return tampered(s.sheet, s.cell, "ô nhập không nằm ở cột nhập của trang tự chấm")
        elif value(s.sheet, f"{col}6") != s.member:
            return tampered(s.sheet, s.cell, f"cột {col} không phải cột của đơn vị '{s.member}'")
        label = s.key if s.field == "score" else f"{ROW_LABELS[s.field]} {s.key}"
        if value(s.sheet, f"A{row}") != label:
            return tampered(s.sheet, s.cell, f"dòng {row} không phải dòng '{label}'")
    unlisted = _sheets_without_slots(meta, wb, title, title_cell, layout.unit)
    if unlisted:
        return tampered(*unlisted)
    sheets_of: dict[str, set[str]] = {}
    for sheet, member in owner.items():
        sheets_of.setdefault(member, set()).add(sheet)
    for member, sheets in sorted(sheets_of.items()):
        if len(sheets) > 1:
            first = sorted(sheets)[1]
            return tampered(first, "", f"đơn vị '{member}' có hai trang tự chấm")
    return []
