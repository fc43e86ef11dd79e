"""The new text of a bloc-year: the edits spliced in, read back and checked before anything is written.

``total:`` (the total written on the paper minutes) is never rewritten: it is an
independent cross-check, and when the new figures no longer give it, the validation of
the new text reports E404 and nothing is written.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from thidua.forms.merge import current_items, current_points
from thidua.forms.score_edit import MemberEdit, ScoreEditor
from thidua.forms.yamlsplice import EditError
from thidua.loading.load import Loaded, Workspace, read_document
from thidua.loading.root import real_path
from thidua.model import BlocYear
from thidua.schema.types import Obj


class Overlay(Workspace):
    """A workspace that sees ``data`` as the content of ``path``: validation without writing."""

    def __init__(self, root: Path, path: Path, data: bytes) -> None:
        super().__init__(root)
        self._path = real_path(path)
        self._data = data

    def read(self, path: Path, spec: Obj) -> Loaded:
        if real_path(path) == self._path:
            return read_document(self._data, self.name(path), spec)
        return super().read(path, spec)


def _decode(data: bytes) -> tuple[str, str]:
    bom = codecs.BOM_UTF8.decode("utf-8") if data.startswith(codecs.BOM_UTF8) else ""
    try:
        return bom, data[len(codecs.BOM_UTF8) if bom else 0:].decode("utf-8")
    except UnicodeDecodeError:
        raise EditError("tệp không phải UTF-8") from None


def rewrite(root: Path, path: Path, old: bytes, edits: dict[str, MemberEdit], criteria: list[str]) -> bytes:
    """The file's bytes with ``edits`` spliced in; :class:`EditError` when that cannot be done safely."""
    bom, text = _decode(old)
    editor = ScoreEditor(text)
    editor.apply(edits, criteria)
    new = (bom + editor.result()).encode("utf-8")
    load = Overlay(root, path, new).bloc_year(path)
    if load.bloc_year is None:
        raise EditError("tệp sau khi sửa không đọc được")
    if not load.has_errors:
        verify(load.bloc_year, edits)
    return new  # with errors, the validation that follows reports them, and nothing is written


def verify(by: BlocYear, edits: dict[str, MemberEdit]) -> None:
    """Read the edited text back: every intended figure must be there (the editor's safety net)."""
    sheets = {s.member.id: s for s in by.scores}
    for member, edit in edits.items():
        sheet = sheets.get(member)
        if sheet is None:
            raise EditError(f"không thấy điểm của '{member}' sau khi sửa")
        for field, values in edit.points.items():
            got = current_points(sheet, field)
            for crit, value in values.items():
                if got.get(crit) != value:
                    raise EditError(f"điểm {field} {crit} của '{member}' đọc lại là {got.get(crit)}, không phải {value}")
        for field, adj in edit.adjustments.items():
            if current_items(sheet, field) != list(adj.final):
                raise EditError(f"{field} của '{member}' đọc lại khác dự định")
