"""From filled forms to bloc-year files: what changes, checked, then written in place atomically.

:func:`prepare_import` computes everything and writes nothing: the changes
(member, criterion, self/agreed, old → new; bonus and deductions), the new bytes
of each bloc-year file, and the findings of the validation pipeline run on those
new bytes. :func:`write_updates` writes only when no form has a problem and every
updated file validates.

Only the cells that differ from the value the form was exported with count
(three-way merge): every member may return the whole workbook and only its own
edits reach the file, and a value changed in the file since the export is kept
unless the form changes that very cell.
"""

from __future__ import annotations

import codecs
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from thidua.core.numbers import round_to, vn_number
from thidua.core.vnsort import sort_key
from thidua.diagnostics import Diagnostic, Source, has_errors, sorted_diagnostics
from thidua.evaluation import evaluate
from thidua.forms.meta import KINDS, Slot, cell_ref, fingerprint
from thidua.forms.read import CellValue, FormRead
from thidua.forms.yamledit import AdjustmentEdit, EditError, MemberEdit, YamlEditor
from thidua.loading.load import Loaded, Workspace, read_document
from thidua.loading.root import bloc_year_path, display_path
from thidua.model import BlocYear, MemberScores
from thidua.rules import (
    e811_form_wrong_target,
    e812_form_target_not_ready,
    e813_form_table_changed,
    e814_form_unknown_entry,
    e815_form_conflict,
    e816_form_list_changed,
    e817_form_points_missing,
    e818_form_over_cap,
    e819_form_unsafe_edit,
    e820_file_changed_meanwhile,
    w809_form_cell_cleared,
    w810_form_reason_missing,
)
from thidua.schema.types import Obj

ADJUSTMENT_WORDS = {"bonus": ("điểm thưởng", "lý do thưởng"), "deductions": ("điểm trừ", "lý do trừ")}


@dataclass(frozen=True, slots=True)
class Change:
    """One figure that changes: ``what`` is e.g. "tự chấm 1.2", "điểm thưởng 1", "tổng ghi trên biên bản"."""

    member: str
    member_name: str
    what: str
    old: str
    new: str
    where: str = ""
    order: tuple = ()  # how the change list sorts: member (Vietnamese order), then scores, bonus, deductions, total

    def __str__(self) -> str:
        at = f"   [{self.where}]" if self.where else ""
        return f"{self.member_name} ({self.member}) · {self.what}: {self.old} → {self.new}{at}"


@dataclass(frozen=True, slots=True)
class FileUpdate:
    path: Path
    name: str
    old: bytes
    new: bytes
    changes: tuple[Change, ...]


@dataclass(frozen=True, slots=True)
class ImportResult:
    """Attributes:
    updates: one per bloc-year file the forms address (changes may be empty).
    problems: problems in the forms (errors block writing; warnings do not).
    findings: the validation findings of each updated file (its new bytes), or of a file that is broken now.
    """

    updates: tuple[FileUpdate, ...]
    problems: tuple[Diagnostic, ...]
    findings: tuple[Diagnostic, ...]

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems) and not has_errors(self.findings)

    @property
    def changes(self) -> int:
        return sum(len(u.changes) for u in self.updates)


class _Overlay(Workspace):
    """A workspace that sees ``data`` as the content of ``path``: validation without writing."""

    def __init__(self, root: Path, path: Path, data: bytes) -> None:
        super().__init__(root)
        self._path = path.resolve()
        self._data = data

    def read(self, path: Path, spec: Obj) -> Loaded:
        if path.resolve() == self._path:
            return read_document(self._data, self.name(path), spec)
        return super().read(path, spec)


def _show(value: Decimal | str | None) -> str:
    if value is None or value == "":
        return "(trống)"
    if isinstance(value, Decimal):
        return vn_number(value)
    return f"“{value}”"


@dataclass(frozen=True, slots=True)
class _Proposal:
    value: Decimal | str
    where: str
    cell: CellValue
    form: str


def prepare_import(root: Path, forms: list[FormRead], bloc: str | None = None,
                   year: int | None = None) -> ImportResult:
    """Everything an import would do, computed without writing anything."""
    problems: list[Diagnostic] = []
    findings: list[Diagnostic] = []
    updates: list[FileUpdate] = []
    by_path: dict[Path, list[FormRead]] = defaultdict(list)
    for form in forms:
        problems.extend(form.problems)
        meta = form.meta
        if meta is None or form.has_errors:
            continue
        if bloc is not None and meta.bloc != bloc:
            problems.append(e811_form_wrong_target.RULE.at(
                Source(form.file), f"biểu mẫu của khối '{meta.bloc}', không phải khối '{bloc}'",
                "Kiểm tra lại tệp được gửi về, hoặc bỏ --bloc."))
            continue
        if year is not None and meta.year != year:
            problems.append(e811_form_wrong_target.RULE.at(
                Source(form.file), f"biểu mẫu của năm {meta.year}, không phải năm {year}",
                "Kiểm tra lại tệp được gửi về, hoặc bỏ --year."))
            continue
        path = bloc_year_path(root, meta.bloc, meta.year)
        if not path.is_file():
            problems.append(e811_form_wrong_target.RULE.at(
                Source(form.file), f"biểu mẫu của khối '{meta.bloc}' năm {meta.year}, nhưng không có "
                f"tệp {display_path(root, path)}", "Kiểm tra --root (thư mục dữ liệu) hoặc tạo tệp khối-năm trước."))
            continue
        by_path[path].append(form)
    for path, group in by_path.items():
        update = _prepare_file(root, path, group, problems, findings)
        if update is not None:
            updates.append(update)
    return ImportResult(tuple(updates), tuple(problems), tuple(sorted_diagnostics(findings)))


def _prepare_file(root: Path, path: Path, forms: list[FormRead], problems: list[Diagnostic],
                  findings: list[Diagnostic]) -> FileUpdate | None:
    ws = Workspace(root)
    name = ws.name(path)
    current = evaluate(ws, path)
    by = current.bloc_year
    if by is None or current.has_errors:
        findings.extend(d for d in current.findings if d.is_error)
        for form in forms:
            problems.append(e812_form_target_not_ready.RULE.at(
                Source(form.file), f"tệp {name} đang có lỗi; không nhập biểu mẫu vào tệp có lỗi",
                f"Chạy 'thidua validate {name}', sửa các lỗi rồi nhập lại."))
        return None
    table = by.table
    if table is None:
        for form in forms:
            problems.append(e812_form_target_not_ready.RULE.at(
                Source(form.file), f"tệp {name} chưa có bảng chấm điểm ('criteria:')",
                "Ghi 'criteria:' (bảng chấm điểm) vào tệp khối-năm rồi xuất biểu mẫu."))
        return None
    before = sum(1 for p in problems if p.is_error)
    proposals: dict[tuple[str, str, str, str], _Proposal] = {}
    for form in forms:
        _collect(form, by, table, proposals, problems)
    edits, changes = _diff(by, proposals, forms, problems)
    if sum(1 for p in problems if p.is_error) > before:
        return None
    old = path.read_bytes()
    if not edits:
        return FileUpdate(path, name, old, old, ())
    try:
        new, total_changes = _rewrite(root, path, old, by, edits, [c.id for c in table.leaves()])
    except EditError as exc:
        problems.append(e819_form_unsafe_edit.RULE.at(exc.source(name), f"không sửa được {name} một cách an toàn: {exc}"))
        return None
    overlay = _Overlay(root, path, new)
    findings.extend(evaluate(overlay, path).findings)
    ordered = sorted(changes + total_changes, key=lambda c: (sort_key(c.member_name), c.member, c.order))
    return FileUpdate(path, name, old, new, tuple(ordered))


def _collect(form: FormRead, by: BlocYear, table, proposals: dict, problems: list[Diagnostic]) -> None:
    meta = form.meta
    if meta.table != table.id:
        problems.append(e813_form_table_changed.RULE.at(
            Source(form.file), f"biểu mẫu dùng bảng chấm điểm '{meta.table}', tệp khối-năm dùng bảng '{table.id}'"))
        return
    if meta.fingerprint != fingerprint(table):
        problems.append(e813_form_table_changed.RULE.at(
            Source(form.file), "bảng chấm điểm đã thay đổi sau khi xuất biểu mẫu (tiêu chí hoặc điểm tối đa "
            "khác): biểu mẫu này đã cũ"))
        return
    leaves = {c.id for c in table.leaves()}
    gone: set[str] = set()
    for cv in form.cells:
        s = cv.slot
        if not cv.changed:
            continue  # a member that left since the export, with its sheet untouched, is no problem
        if s.member not in by.member_ids:
            if s.member not in gone:
                gone.add(s.member)
                problems.append(e814_form_unknown_entry.RULE.at(
                    Source(form.file, sheet=s.sheet), f"đơn vị '{s.member}' không còn trong tệp khối-năm",
                    "Xuất biểu mẫu mới theo danh sách thành viên hiện tại."))
            continue
        if s.field == "score" and s.key not in leaves:
            problems.append(e814_form_unknown_entry.RULE.at(
                Source(form.file, sheet=s.sheet, cell=s.cell), f"tiêu chí '{s.key}' không có trong bảng"))
            continue
        where = cell_ref(form.file, s.sheet, s.cell)
        if cv.value is None:
            problems.append(w809_form_cell_cleared.RULE.at(
                Source(form.file, sheet=s.sheet, cell=s.cell),
                f"ô bị xóa trống (lúc xuất là {_show(_baseline(s))}); giữ nguyên số liệu trong tệp"))
            continue
        field = meta.kind if s.field == "score" else s.field
        target = (s.member, field, s.key, s.part)
        other = proposals.get(target)
        if other is not None and other.value != cv.value:
            problems.append(e815_form_conflict.RULE.at(
                Source(form.file, sheet=s.sheet, cell=s.cell),
                f"xung đột: ô này ghi {_show(cv.value)}, {other.where} ghi {_show(other.value)}"))
            continue
        if other is None:
            proposals[target] = _Proposal(cv.value, where, cv, form.file)


def _baseline(slot: Slot) -> Decimal | str:
    if slot.part == "points" and slot.baseline:
        return Decimal(slot.baseline)
    return slot.baseline


def _diff(by: BlocYear, proposals: dict, forms: list[FormRead], problems: list[Diagnostic]):
    """Proposals against the file: member edits for the editor, and the changes to show."""
    sheets: dict[str, MemberScores] = {s.member.id: s for s in by.scores}
    leaves_order = {c.id: i for i, c in enumerate(by.table.leaves())}
    edits: dict[str, MemberEdit] = {}
    changes: list[Change] = []
    names = {m.id: m.name for m in by.members}

    def edit_of(member: str) -> MemberEdit:
        return edits.setdefault(member, MemberEdit())

    adjust: dict[tuple[str, str], dict[tuple[int, str], _Proposal]] = defaultdict(dict)
    for (member, field, key, part), prop in proposals.items():
        if field in KINDS:
            sheet = sheets.get(member)
            points = (sheet.self_points if field == "self" else sheet.agreed) if sheet else ()
            old = next((p.points for p in points if p.criterion == key), None)
            if old is not None and old == prop.value:
                continue
            edit_of(member).points.setdefault(field, {})[key] = prop.value
            order = (0 if field == "self" else 1, leaves_order.get(key, 1 << 30))
            changes.append(Change(member, names.get(member, member), f"{KINDS[field]} {key}", _show(old),
                                  _show(prop.value), prop.where, order))
        else:
            adjust[(member, field)][(int(key), part)] = prop
    for (member, field), props in adjust.items():
        result = _diff_adjustments(by, sheets.get(member), member, field, props, forms, problems)
        if result is None:
            continue
        adj, found = result
        if adj.replace or adj.append:
            edit_of(member).adjustments[field] = adj
        for i, ch in enumerate(found):
            changes.append(Change(member, names.get(member, member), *ch, order=(2 if field == "bonus" else 3, i)))
    return edits, changes


def _diff_adjustments(by: BlocYear, sheet: MemberScores | None, member: str, field: str,
                      props: dict[tuple[int, str], _Proposal], forms: list[FormRead],
                      problems: list[Diagnostic]):
    current = [(a.points, a.reason) for a in ((sheet.bonus if field == "bonus" else sheet.deductions)
                                              if sheet else ())]
    word, reason_word = ADJUSTMENT_WORDS[field]
    any_prop = next(iter(props.values()))
    # The slots of the form(s) that change this list must describe the list as it is now.
    for form_name in sorted({p.form for p in props.values()}):
        form = next(f for f in forms if f.file == form_name)
        slots = sorted((s for s in form.meta.slots if s.member == member and s.field == field),
                       key=lambda s: (int(s.key), s.part))
        base: dict[int, dict[str, str]] = defaultdict(dict)
        for s in slots:
            base[int(s.key)][s.part] = s.baseline
        exported = [(Decimal(v["points"]), v.get("reason", "")) for _, v in sorted(base.items()) if v.get("points")]
        if exported != current:
            first = next(p for p in props.values() if p.form == form_name)
            problems.append(e816_form_list_changed.RULE.at(
                Source(form_name, sheet=first.cell.slot.sheet, cell=first.cell.slot.cell),
                f"{word} của '{member}' trong tệp đã thay đổi sau khi xuất biểu mẫu; không biết ghép dòng nào "
                "với dòng nào"))
            return None
    replace: dict[int, tuple[Decimal | None, str | None]] = {}
    append: list[tuple[Decimal, str]] = []
    final = list(current)
    found: list[tuple[str, str, str, str]] = []
    for n in sorted({n for n, _ in props}):
        p = props.get((n, "points"))
        r = props.get((n, "reason"))
        if n <= len(current):
            old_p, old_r = current[n - 1]
            new_p = p.value if p is not None and p.value != old_p else None
            new_r = r.value if r is not None and r.value != old_r else None
            if new_p is None and new_r is None:
                continue
            replace[n - 1] = (new_p, new_r)
            final[n - 1] = (old_p if new_p is None else new_p, old_r if new_r is None else new_r)
            if new_p is not None:
                found.append((f"{word} {n}", _show(old_p), _show(new_p), p.where))
            if new_r is not None:
                found.append((f"{reason_word} {n}", _show(old_r), _show(new_r), r.where))
        else:
            if p is None:
                problems.append(e817_form_points_missing.RULE.at(
                    Source(r.form, sheet=r.cell.slot.sheet, cell=r.cell.slot.cell), f"có lý do nhưng chưa ghi số {word}"))
                continue
            reason = r.value if r is not None else ""
            if not reason and not p.value:
                continue  # a 0 in an empty row adds nothing
            if not reason:
                problems.append(w810_form_reason_missing.RULE.at(
                    Source(p.form, sheet=p.cell.slot.sheet, cell=p.cell.slot.cell), f"{word} chưa ghi lý do"))
            append.append((p.value, reason))
            final.append((p.value, reason))
            shown = _show(p.value) + (f" ({_show(reason)})" if reason else "")
            found.append((f"{word} {n} (mới)", _show(None), shown, p.where))
    cap = by.table.bonus_cap if field == "bonus" else by.table.deduction_cap
    total = sum((pt for pt, _ in final), Decimal(0))
    if cap is not None and total > cap:
        first = next((p for (_, part), p in sorted(props.items()) if part == "points"), any_prop)
        problems.append(e818_form_over_cap.RULE.at(
            Source(first.form, sheet=first.cell.slot.sheet, cell=first.cell.slot.cell),
            f"tổng {word} của '{member}' là {vn_number(total)}, vượt mức tối đa {vn_number(cap)}",
            f"Giảm {word} cho tổng không quá {vn_number(cap)}."))
        return None
    return AdjustmentEdit(replace, tuple(append), tuple(final)), found


def _decode(data: bytes) -> tuple[str, str]:
    bom = codecs.BOM_UTF8.decode("utf-8") if data.startswith(codecs.BOM_UTF8) else ""
    return bom, data[len(codecs.BOM_UTF8) if bom else 0:].decode("utf-8")


def _rewrite(root: Path, path: Path, old: bytes, by: BlocYear, edits: dict[str, MemberEdit],
             criteria: list[str]) -> tuple[bytes, list[Change]]:
    """Splice the edits into the text; then keep each stated ``total:`` equal to the new computed total."""
    from thidua.core.scoring import member_total

    bom, text = _decode(old)
    editor = YamlEditor(text)
    editor.apply(edits, criteria)
    first = (bom + editor.result()).encode("utf-8")
    overlay = _Overlay(root, path, first)
    load = overlay.bloc_year(path)
    new_by = load.bloc_year
    if new_by is None:
        raise EditError("tệp sau khi sửa không đọc được")
    if load.has_errors:
        return first, []  # the validation that follows reports them, and nothing is written
    _verify(new_by, edits)
    config, _ = overlay.config()
    scoring = new_by.scoring or config.scoring
    totals: dict[str, MemberEdit] = {}
    changes: list[Change] = []
    for sheet in new_by.scores:
        if sheet.member.id not in edits or sheet.asserted_total is None:
            continue
        member = new_by.member(sheet.member.id)
        if member is None:
            continue
        computed = member_total(member, sheet, new_by.table, scoring).total
        if round_to(sheet.asserted_total, scoring.places, scoring.rounding) != computed:
            totals[member.id] = MemberEdit(total=computed)
            changes.append(Change(member.id, member.name, "tổng ghi trên biên bản (total), theo điểm mới",
                                  _show(sheet.asserted_total), _show(computed), order=(4, 0)))
    if not totals:
        return first, changes
    second = YamlEditor(editor.result())
    second.apply(totals, criteria)
    return (bom + second.result()).encode("utf-8"), changes


def _verify(by: BlocYear, edits: dict[str, MemberEdit]) -> None:
    """Read the edited text back: every intended figure must be there (the editor's safety net)."""
    sheets = {s.member.id: s for s in by.scores}
    for member, edit in edits.items():
        sheet = sheets.get(member)
        if sheet is None:
            raise EditError(f"không thấy điểm của '{member}' sau khi sửa")
        for field, values in edit.points.items():
            got = {p.criterion: p.points for p in (sheet.self_points if field == "self" else sheet.agreed)}
            for crit, value in values.items():
                if got.get(crit) != value:
                    raise EditError(f"điểm {field} {crit} của '{member}' đọc lại là {got.get(crit)}, không phải {value}")
        for field, adj in edit.adjustments.items():
            got = [(a.points, a.reason) for a in (sheet.bonus if field == "bonus" else sheet.deductions)]
            if got != list(adj.final):
                raise EditError(f"{field} của '{member}' đọc lại khác dự định")


def write_updates(result: ImportResult) -> list[Diagnostic]:
    """Write every changed file in place, atomically, keeping its permissions. Only when ``result.ok``."""
    from thidua.writing import atomic_write

    if not result.ok:
        return []
    stale = []
    for u in result.updates:
        if u.changes and u.path.read_bytes() != u.old:
            stale.append(e820_file_changed_meanwhile.RULE.at(
                Source(u.name), "tệp vừa bị sửa trong lúc nhập biểu mẫu (một lần chạy khác đã ghi tệp); không ghi"))
    if stale:
        return stale
    for u in result.updates:
        if not u.changes or u.new == u.old:
            continue
        atomic_write(u.path, u.new)  # keeps the file's permissions
    return []
