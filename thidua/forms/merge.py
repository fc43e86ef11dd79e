"""Three-way merge of filled forms into a bloc-year, cell by cell (pure: no I/O).

For every input cell there are three values: the one the form was exported with (its
baseline), the one in the file now, and the one in the form now.

- form = baseline: the cell was not touched; the file keeps its value, whatever it is now;
- form = file: nothing to do (the form was already imported, or the same change was made);
- file = baseline: the form's value is written;
- all three differ: a conflict (E822), named ``FILE!Sheet!Cell`` with the three values.

Bonus and deduction lists merge the same way as a whole list per member. A self form
fills the member's own claims (``self``, ``self_bonus``, ``self_deductions``), never the
figures that count; an agreed form fills ``agreed``, ``bonus`` and ``deductions``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from thidua.core.numbers import vn_number
from thidua.diagnostics import Diagnostic, Source
from thidua.forms.meta import KINDS, Slot, cell_ref, fingerprint
from thidua.forms.read import CellValue, FormRead
from thidua.forms.score_edit import AdjustmentEdit, MemberEdit
from thidua.model import BlocYear, MemberScores, Table
from thidua.rules import (
    e813_form_table_changed,
    e814_form_unknown_entry,
    e815_form_conflict,
    e816_form_list_changed,
    e817_form_points_missing,
    e818_form_over_cap,
    e821_form_tampered,
    e822_form_merge_conflict,
    w809_form_cell_cleared,
    w810_form_reason_missing,
)
from thidua.textsafe import shown_text

ADJUSTMENT_WORDS = {"bonus": ("điểm thưởng", "lý do thưởng"), "deductions": ("điểm trừ", "lý do trừ")}
Item = tuple[Decimal, str]


def file_field(kind: str, slot_field: str) -> str:
    """The key of a member's scores a slot fills: self/agreed points, or a bonus/deductions list."""
    if slot_field == "score":
        return kind
    return slot_field if kind == "agreed" else f"self_{slot_field}"


def current_points(sheet: MemberScores | None, field_name: str) -> dict[str, Decimal]:
    if sheet is None:
        return {}
    return {p.criterion: p.points for p in (sheet.self_points if field_name == "self" else sheet.agreed)}


def current_items(sheet: MemberScores | None, field_name: str) -> list[Item]:
    return [(a.points, a.reason) for a in getattr(sheet, field_name, ())] if sheet is not None else []


@dataclass(frozen=True, slots=True)
class Change:
    """One figure that changes: ``what`` is e.g. "tự chấm 1.2", "điểm thưởng 1", "lý do trừ 2"."""

    member: str
    member_name: str
    what: str
    old: str
    new: str
    where: str = ""
    order: tuple = ()  # how the change list sorts: member (Vietnamese order), then scores, bonus, deductions

    def __str__(self) -> str:
        at = f"   [{self.where}]" if self.where else ""
        return shown_text(f"{self.member_name} ({self.member}) · {self.what}: {self.old} → {self.new}{at}")


def show(value: Decimal | str | None) -> str:
    if value is None or value == "":
        return "(trống)"
    if isinstance(value, Decimal):
        return vn_number(value)
    return f"“{value}”"


def show_items(items: list[Item]) -> str:
    if not items:
        return "(không có)"
    return "; ".join(vn_number(p) + (f" ({r})" if r else "") for p, r in items)


@dataclass
class Merge:
    """What the forms of one bloc-year ask: edits for the editor, the change list, findings."""

    edits: dict[str, MemberEdit] = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    touched: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # form → cells it changed
    already: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # form → of those, already in

    def edit_of(self, member: str) -> MemberEdit:
        return self.edits.setdefault(member, MemberEdit())


def _where(form: str, slot: Slot) -> Source:
    return Source(form, sheet=slot.sheet, cell=slot.cell)


def _baseline(slot: Slot) -> Decimal | str | None:
    if slot.part == "points":
        return Decimal(slot.baseline) if slot.baseline else None
    return slot.baseline


def _slot_maximum(slot: Slot, table: Table) -> tuple[bool, Decimal | None]:
    """(known, the table's maximum for this slot)."""
    if slot.part == "reason":
        return True, None
    if slot.field == "score":
        c = next((x for x in table.leaves() if x.id == slot.key), None)
        return (c is not None), (c.max if c is not None else None)
    return True, table.bonus_cap if slot.field == "bonus" else table.deduction_cap


def check_against_table(form: FormRead, table: Table, merge: Merge) -> bool:
    """The form was made from this table, and its slots say what the table says."""
    meta = form.meta
    if meta.table != table.id:
        merge.problems.append(e813_form_table_changed.RULE.at(
            Source(form.file), f"biểu mẫu dùng bảng chấm điểm '{meta.table}', tệp khối-năm dùng bảng '{table.id}'"))
        return False
    if meta.fingerprint != fingerprint(table):
        merge.problems.append(e813_form_table_changed.RULE.at(
            Source(form.file), "bảng chấm điểm đã thay đổi sau khi xuất biểu mẫu (tiêu chí hoặc điểm tối đa "
            "khác): biểu mẫu này đã cũ"))
        return False
    criteria = [c.id for c in table.leaves()]
    listed: dict[tuple[str, str], set[str]] = defaultdict(set)  # (member, sheet) → its criteria with a cell
    for slot in meta.slots:
        if slot.field == "score" and slot.part == "points":
            listed[(slot.member, slot.sheet)].add(slot.key)
    for (member, sheet), keys in listed.items():
        missing = [c for c in criteria if c not in keys]
        if missing:
            merge.problems.append(e821_form_tampered.RULE.at(
                Source(form.file, sheet=sheet), f"trang ẩn _thidua không khớp với biểu mẫu: thiếu ô nhập tiêu chí "
                f"{', '.join(missing[:5])}{' …' if len(missing) > 5 else ''} của đơn vị '{member}'"))
            return False
    for slot in meta.slots:
        known, top = _slot_maximum(slot, table)
        if known and top != slot.maximum:
            merge.problems.append(e821_form_tampered.RULE.at(
                _where(form.file, slot), f"trang ẩn _thidua ghi điểm tối đa {show(slot.maximum)} cho ô này, bảng "
                f"chấm điểm ghi {show(top)}"))
            return False
    return True


def merge_forms(by: BlocYear, forms: list[FormRead]) -> Merge:
    merge = Merge()
    table = by.table
    forms = [f for f in forms if check_against_table(f, table, merge)]
    if any(p.is_error for p in merge.problems):
        return merge
    sheets = {s.member.id: s for s in by.scores}
    names = {m.id: m.name for m in by.members}
    order = {c.id: i for i, c in enumerate(table.leaves())}
    point_props: dict[tuple[str, str, str], tuple[CellValue, str]] = {}
    lists: dict[tuple[str, str], dict[str, list[CellValue]]] = defaultdict(lambda: defaultdict(list))
    gone: set[tuple[str, str]] = set()
    for form in forms:
        kind = form.meta.kind
        for cv in form.cells:
            s = cv.slot
            if s.member not in by.member_ids:
                if cv.changed and (form.file, s.member) not in gone:
                    gone.add((form.file, s.member))
                    merge.problems.append(e814_form_unknown_entry.RULE.at(
                        Source(form.file, sheet=s.sheet), f"đơn vị '{s.member}' không còn trong tệp khối-năm",
                        "Xuất biểu mẫu mới theo danh sách thành viên hiện tại."))
                continue  # a member that left since the export, its sheet untouched, is no problem
            if s.field == "score":
                if cv.changed:
                    point_props_add(merge, form, kind, cv, point_props, sheets)
            else:
                lists[(s.member, file_field(kind, s.field))][form.file].append(cv)
    for (member, key, crit), (cv, form_file) in point_props.items():
        baseline, current, value = _baseline(cv.slot), current_points(sheets.get(member), key).get(crit), cv.value
        merge.touched[form_file] += 1
        if value == current:
            merge.already[form_file] += 1
            continue
        if current != baseline:
            merge.problems.append(_conflict(form_file, cv.slot, baseline, current, value))
            continue
        merge.edit_of(member).points.setdefault(key, {})[crit] = value
        merge.changes.append(Change(member, names.get(member, member), f"{KINDS[key]} {crit}", show(current),
                                    show(value), cell_ref(form_file, cv.slot.sheet, cv.slot.cell),
                                    (0 if key == "self" else 1, order.get(crit, 1 << 30))))
    for (member, key), by_form in lists.items():
        _merge_list(merge, by, member, names.get(member, member), key, by_form, sheets.get(member))
    return merge


def point_props_add(merge: Merge, form: FormRead, kind: str, cv: CellValue, props: dict,
                    sheets: dict[str, MemberScores]) -> None:
    s = cv.slot
    if cv.value is None:
        merge.problems.append(w809_form_cell_cleared.RULE.at(
            _where(form.file, s), f"ô bị xóa trống (lúc xuất là {show(_baseline(s))}); giữ nguyên số liệu trong tệp"))
        return
    target = (s.member, kind, s.key)
    other = props.get(target)
    if other is not None and other[0].value != cv.value:
        merge.problems.append(e815_form_conflict.RULE.at(
            _where(form.file, s), f"xung đột: ô này ghi {show(cv.value)}, "
            f"{cell_ref(other[1], other[0].slot.sheet, other[0].slot.cell)} ghi {show(other[0].value)}"))
        return
    if other is None:
        props[target] = (cv, form.file)


def _conflict(form: str, slot: Slot, baseline, current, value) -> Diagnostic:
    return e822_form_merge_conflict.RULE.at(
        _where(form, slot), f"xung đột: lúc xuất biểu mẫu là {show(baseline)}, tệp khối-năm nay là {show(current)}, "
        f"biểu mẫu ghi {show(value)}; không biết giữ số nào")


def _form_list(merge: Merge, form: str, cells: list[CellValue], word: str) -> tuple[list[Item], list[Item], Slot]:
    """(the list as exported, the list as the form now has it, the first cell that changed)."""
    rows: dict[int, dict[str, CellValue]] = defaultdict(dict)
    for cv in cells:
        rows[int(cv.slot.key)][cv.slot.part] = cv
    exported: list[Item] = []
    filled: list[Item] = []
    first: Slot | None = None
    for n in sorted(rows):
        p, r = rows[n].get("points"), rows[n].get("reason")
        base_p = _baseline(p.slot) if p is not None else None
        base_r = r.slot.baseline if r is not None else ""
        if base_p is not None:
            exported.append((base_p, base_r))
        new_p = base_p if p is None or p.value is None else p.value
        new_r = base_r if r is None or r.value is None else r.value
        for cv in (p, r):
            if cv is not None and cv.changed:
                first = first or cv.slot
                if cv.value is None and cv.slot.baseline:
                    merge.problems.append(w809_form_cell_cleared.RULE.at(
                        _where(form, cv.slot), f"ô bị xóa trống (lúc xuất là {show(_baseline(cv.slot))}); "
                        "giữ nguyên số liệu trong tệp"))
        if new_p is None:
            if new_r and r is not None and r.changed:
                merge.problems.append(e817_form_points_missing.RULE.at(
                    _where(form, r.slot), f"có lý do nhưng chưa ghi số {word}"))
            continue
        if base_p is None and not new_p and not new_r:
            continue  # a 0 in an empty row adds nothing
        if not new_r and p is not None and p.changed:
            merge.problems.append(w810_form_reason_missing.RULE.at(_where(form, p.slot), f"{word} chưa ghi lý do"))
        filled.append((new_p, new_r))
    return exported, filled, first or cells[0].slot


def _merge_list(merge: Merge, by: BlocYear, member: str, name: str, key: str,
                by_form: dict[str, list[CellValue]], sheet: MemberScores | None) -> None:
    base_field = key.removeprefix("self_")
    word, reason_word = ADJUSTMENT_WORDS[base_field]
    own = " (tự đề xuất)" if key.startswith("self_") else ""
    current = current_items(sheet, key)
    wanted: tuple[list[Item], str, Slot] | None = None
    for form, cells in sorted(by_form.items()):
        errors = sum(1 for p in merge.problems if p.is_error)
        exported, filled, first = _form_list(merge, form, cells, word)
        if sum(1 for p in merge.problems if p.is_error) > errors:
            return
        if filled == exported:
            continue  # this form did not touch the list
        merge.touched[form] += 1
        if filled == current:
            merge.already[form] += 1
            continue
        if current != exported:
            merge.problems.append(e816_form_list_changed.RULE.at(
                _where(form, first), f"xung đột ở {word}{own} của '{member}': lúc xuất biểu mẫu là "
                f"{show_items(exported)}, tệp khối-năm nay là {show_items(current)}, biểu mẫu ghi "
                f"{show_items(filled)}"))
            return
        if wanted is not None and wanted[0] != filled:
            merge.problems.append(e815_form_conflict.RULE.at(
                _where(form, first), f"xung đột: {word}{own} của '{member}' ở biểu mẫu này là {show_items(filled)}, "
                f"{cell_ref(wanted[1], wanted[2].sheet, wanted[2].cell)} ghi {show_items(wanted[0])}"))
            return
        wanted = (filled, form, first)
    if wanted is None:
        return
    filled, form, first = wanted
    cap = by.table.bonus_cap if base_field == "bonus" else by.table.deduction_cap
    total = sum((p for p, _ in filled), Decimal(0))
    if cap is not None and total > cap:
        merge.problems.append(e818_form_over_cap.RULE.at(
            _where(form, first), f"tổng {word}{own} của '{member}' là {vn_number(total)}, vượt mức tối đa "
            f"{vn_number(cap)}", f"Giảm {word} cho tổng không quá {vn_number(cap)}."))
        return
    replace: dict[int, tuple[Decimal | None, str | None]] = {}
    rank = (2 if base_field == "bonus" else 3, 0 if own else 1)
    where = cell_ref(form, first.sheet, first.cell)
    for i, (p, r) in enumerate(filled):
        if i < len(current):
            old_p, old_r = current[i]
            if (p, r) == (old_p, old_r):
                continue
            replace[i] = (p if p != old_p else None, r if r != old_r else None)
            if p != old_p:
                merge.changes.append(Change(member, name, f"{word}{own} {i + 1}", show(old_p), show(p), where,
                                            (*rank, i, 0)))
            if r != old_r:
                merge.changes.append(Change(member, name, f"{reason_word}{own} {i + 1}", show(old_r), show(r),
                                            where, (*rank, i, 1)))
        else:
            shown = show(p) + (f" ({show(r)})" if r else "")
            merge.changes.append(Change(member, name, f"{word}{own} {i + 1} (mới)", show(None), shown, where,
                                        (*rank, i, 0)))
    merge.edit_of(member).adjustments[key] = AdjustmentEdit(replace, tuple(filled[len(current):]), tuple(filled))
