"""From filled forms to bloc-year files: what changes, checked, then written in place atomically.

:func:`prepare_import` computes everything and writes nothing: the changes (member,
what, old → new, the cell), the new bytes of each bloc-year file, and the findings of
the validation pipeline run on those new bytes. :func:`write_updates` writes only when
no form has a problem and every updated file validates, and only files that are still
the ones read. The caller holds the lock on each file (:func:`target_paths`, then
:func:`thidua.locking.locked`) from before :func:`prepare_import` reads it until the
rename, so two runs for two members of one bloc take turns and both changes land.

Only the cells that differ from the value the form was exported with count, merged
three ways with the file (see :mod:`thidua.forms.merge`).
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from thidua.core.vnsort import sort_key
from thidua.diagnostics import Diagnostic, Source, has_errors, sorted_diagnostics
from thidua.evaluation import evaluate
from thidua.forms.merge import Change, merge_forms
from thidua.forms.read import FormRead
from thidua.forms.rewrite import Overlay, rewrite
from thidua.forms.yamlsplice import EditError
from thidua.ids import ID_RE
from thidua.loading.load import MAX_FILE_BYTES, Workspace
from thidua.loading.reading import ReadRefused, read_bounded
from thidua.loading.root import BLOCS_DIR, bloc_year_path, display_path
from thidua.rules import (
    e811_form_wrong_target,
    e812_form_target_not_ready,
    e819_form_unsafe_edit,
    e820_file_changed_meanwhile,
)

__all__ = ["Change", "FileUpdate", "ImportResult", "prepare_import", "target_paths", "write_updates"]


@dataclass(frozen=True, slots=True)
class FileUpdate:
    """Attributes:
    already: the forms whose every change is already in the file (imported before).
    """

    path: Path
    name: str
    old: bytes
    new: bytes
    changes: tuple[Change, ...]
    already: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ImportResult:
    """Attributes:
    updates: one per bloc-year file the forms address (changes may be empty).
    problems: problems in the forms (errors block writing; warnings do not).
    findings: the validation findings of each updated file (its new bytes), or of a file that is broken now.
    """

    root: Path
    updates: tuple[FileUpdate, ...]
    problems: tuple[Diagnostic, ...]
    findings: tuple[Diagnostic, ...]

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems) and not has_errors(self.findings)

    @property
    def changes(self) -> int:
        return sum(len(u.changes) for u in self.updates)


def _route(root: Path, forms: list[FormRead], bloc: str | None, year: int | None,
           problems: list[Diagnostic]) -> dict[Path, list[FormRead]]:
    """Each readable form's bloc-year file, ``<root>/blocs/<bloc>/<year>.yaml``; wrong targets are findings."""
    by_path: dict[Path, list[FormRead]] = defaultdict(list)
    for form in forms:
        meta = form.meta
        if meta is None or form.has_errors:
            continue
        if not ID_RE.match(meta.bloc):  # the reader refuses it already: never a path from a form's text
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
        if not os.path.lexists(path):
            problems.append(e811_form_wrong_target.RULE.at(
                Source(form.file), f"biểu mẫu của khối '{meta.bloc}' năm {meta.year}, nhưng không có "
                f"tệp {display_path(root, path)}", "Kiểm tra --root (thư mục dữ liệu) hoặc tạo tệp khối-năm trước."))
            continue
        by_path[path].append(form)
    return by_path


def target_paths(root: Path, forms: list[FormRead]) -> list[Path]:
    """The bloc-year files an import of ``forms`` would write: the ones to lock first."""
    return sorted(_route(root, forms, None, None, []))


def prepare_import(root: Path, forms: list[FormRead], bloc: str | None = None,
                   year: int | None = None) -> ImportResult:
    """Everything an import would do, computed without writing anything."""
    problems: list[Diagnostic] = [p for form in forms for p in form.problems]
    findings: list[Diagnostic] = []
    updates: list[FileUpdate] = []
    for path, group in _route(root, forms, bloc, year, problems).items():
        update = _prepare_file(root, path, group, problems, findings)
        if update is not None:
            updates.append(update)
    return ImportResult(root, tuple(updates), tuple(problems), tuple(sorted_diagnostics(findings)))


def _not_ready(forms: list[FormRead], message: str, hint: str) -> list[Diagnostic]:
    return [e812_form_target_not_ready.RULE.at(Source(f.file), message, hint) for f in forms]


def _prepare_file(root: Path, path: Path, forms: list[FormRead], problems: list[Diagnostic],
                  findings: list[Diagnostic]) -> FileUpdate | None:
    ws = Workspace(root)
    name = ws.name(path)
    try:
        old = read_bounded(path, MAX_FILE_BYTES)  # the bytes checked are the bytes replaced
    except ReadRefused as refused:
        problems.extend(_not_ready(forms, f"không đọc được tệp {name}: {refused.message}",
                                   f"Chạy 'thidua validate {name}'."))
        return None
    current = evaluate(Overlay(root, path, old), path)
    by = current.bloc_year
    if by is None or current.has_errors:
        findings.extend(d for d in current.findings if d.is_error)
        problems.extend(_not_ready(forms, f"tệp {name} đang có lỗi; không nhập biểu mẫu vào tệp có lỗi",
                                   f"Chạy 'thidua validate {name}', sửa các lỗi rồi nhập lại."))
        return None
    if by.table is None:
        problems.extend(_not_ready(forms, f"tệp {name} chưa có bảng chấm điểm ('criteria:')",
                                   "Ghi 'criteria:' (bảng chấm điểm) vào tệp khối-năm rồi xuất biểu mẫu."))
        return None
    merge = merge_forms(by, forms)
    problems.extend(merge.problems)
    if has_errors(merge.problems):
        return None
    already = tuple(f.file for f in forms if merge.touched.get(f.file) and
                    merge.already.get(f.file) == merge.touched.get(f.file))
    if not merge.edits:
        return FileUpdate(path, name, old, old, (), already)
    try:
        new = rewrite(root, path, old, merge.edits, [c.id for c in by.table.leaves()])
    except EditError as exc:
        problems.append(e819_form_unsafe_edit.RULE.at(exc.source(name), f"không sửa được {name} một cách an toàn: {exc}"))
        return None
    findings.extend(evaluate(Overlay(root, path, new), path).findings)
    ordered = sorted(merge.changes, key=lambda c: (sort_key(c.member_name), c.member, c.order))
    return FileUpdate(path, name, old, new, tuple(ordered), already)


def _changed_meanwhile(u: FileUpdate) -> Diagnostic:
    return e820_file_changed_meanwhile.RULE.at(
        Source(u.name), "tệp vừa bị sửa trong lúc nhập biểu mẫu (một lần chạy khác, hoặc một chương trình khác, "
        "đã ghi tệp); không ghi gì")


def write_updates(result: ImportResult, locks: dict | None = None) -> list[Diagnostic]:
    """Write every changed file in place, atomically, keeping its permissions. Only when ``result.ok``.

    ``locks`` (path → :class:`thidua.locking.FileLock`) are the locks the caller holds; each file
    must still be the one read (same file, same bytes) just before it is replaced.
    """
    from thidua.writing import atomic_write

    if not result.ok:
        return []
    locks = locks or {}
    pending = [u for u in result.updates if u.changes and u.new != u.old]

    def unchanged(u: FileUpdate) -> bool:
        lock = locks.get(u.path)
        if lock is not None:
            return lock.check_unchanged(u.old)
        try:
            return read_bounded(u.path, MAX_FILE_BYTES) == u.old
        except ReadRefused:
            return False

    stale = [_changed_meanwhile(u) for u in pending if not unchanged(u)]
    if stale:
        return stale
    blocs = result.root / BLOCS_DIR
    for u in pending:
        def recheck(_target, u=u) -> None:
            if not unchanged(u):
                raise _Stale(u)

        try:
            atomic_write(u.path, u.new, within=blocs, before_replace=recheck)
        except _Stale:
            return [_changed_meanwhile(u)]
    return []


class _Stale(Exception):
    def __init__(self, update: FileUpdate) -> None:
        super().__init__(update.name)
        self.update = update
