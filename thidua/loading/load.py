"""Reading data files: bytes → text → positioned tree → checked fields → model.

A :class:`Workspace` caches what one run reads (config, shared tables, bloc-years)
so a table shared by forty blocs is parsed once. Every problem is a Diagnostic;
nothing here raises for bad data.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from thidua import model as m
from thidua.diagnostics import Diagnostic, Source
from thidua.ids import TABLE_REF_RE
from thidua.loading import build
from thidua.loading.decode import decode
from thidua.loading.reading import ReadRefused, read_bounded
from thidua.loading.root import (
    BLOCS_DIR,
    TABLES_DIR,
    bloc_year_path,
    config_path,
    display_path,
)
from thidua.loading.yamltree import parse
from thidua.rules import (
    e006_empty_file,
    e007_file_too_large,
    e008_file_unreadable,
    e009_not_a_regular_file,
    e200_wrong_type,
    e305_table_not_found,
)
from thidua.schema.formats import BLOC_YEAR, CONFIG, TABLE
from thidua.schema.types import Context, Fields, Obj

MAX_FILE_BYTES = 4 * 1024 * 1024
# Bloc-years kept in memory: a year and the ones before it that the history checks read (at most
# checking.HISTORY_YEARS = 21, for a 20-year cooldown), with room to spare. Older entries are dropped (and
# read again if asked for), so a run over thousands of files stays flat in memory whatever order it
# visits them in.
CACHED_BLOC_YEARS = 24
_TABLE_REF = TABLE_REF_RE


@dataclass(frozen=True, slots=True)
class Loaded:
    """What reading one file gave: the checked fields (None when unreadable) and findings."""

    fields: Fields | None
    diagnostics: tuple[Diagnostic, ...]


def read_document(data: bytes, name: str, spec: Obj) -> Loaded:
    """Check one document's bytes against a format; pure apart from taking bytes."""
    decoded = decode(data, name)
    diags = list(decoded.diagnostics)
    if decoded.text is None:
        return Loaded(None, tuple(diags))
    tree = parse(decoded.text, name)
    diags.extend(tree.diagnostics)
    if tree.root is None:
        if not tree.diagnostics:
            diags.append(e006_empty_file.RULE.at(Source(name, 1, 1), "tệp chỉ có chú thích, không có dữ liệu"))
        return Loaded(None, tuple(diags))
    ctx = Context()
    fields = spec.convert(tree.root, ctx)
    diags.extend(ctx.diagnostics)
    if not isinstance(fields, Fields):
        return Loaded(None, tuple(diags))
    return Loaded(fields, tuple(diags))


@dataclass(frozen=True, slots=True)
class BlocYearLoad:
    """A bloc-year as loaded: the model (None when unreadable), its findings, its path."""

    path: Path
    name: str
    bloc_year: m.BlocYear | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.diagnostics)


class Workspace:
    """One data root as one run sees it; reads each file at most once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._config: tuple[m.Config, tuple[Diagnostic, ...]] | None = None
        self._tables: dict[str, tuple[m.Table | None, tuple[Diagnostic, ...]]] = {}
        self._bloc_years: OrderedDict[str, BlocYearLoad] = OrderedDict()
        self._names: dict[str, str] = {}
        self._top: tuple[str, str] | None = None  # the root as written and as it really is (links resolved)
        self._real_folders: dict[str, str] = {}

    def name(self, path: Path) -> str:
        key = os.path.abspath(path)
        name = self._names.get(key)
        if name is None:
            name = self._names[key] = display_path(self.root, path)
        return name

    def read(self, path: Path, spec: Obj) -> Loaded:
        name = self.name(path)
        if (outside := self._linked_outside(path)) is not None:
            from thidua.rules import e010_link_outside_root

            return Loaded(None, (e010_link_outside_root.RULE.at(
                Source(name), f"liên kết tới '{outside}', ở ngoài thư mục dữ liệu: tệp không được đọc"),))
        try:
            data = read_bounded(path, MAX_FILE_BYTES)
        except ReadRefused as refused:
            rule = {"too-large": e007_file_too_large, "not-regular": e009_not_a_regular_file}.get(
                refused.kind, e008_file_unreadable)
            return Loaded(None, (rule.RULE.at(Source(name), refused.message),))
        return read_document(data, name, spec)

    def _linked_outside(self, path: Path) -> str | None:
        """Where a file inside the data root really lies, when a link takes it outside the root (E010).

        A file named outside the root (``thidua validate /tmp/x.yaml``) is the user's choice, not a link's.
        """
        top = self._top
        if top is None:
            top = self._top = (os.path.abspath(self.root), os.path.realpath(self.root))
        absolute = os.path.abspath(path)
        if not absolute.startswith(top[0] + os.sep):
            return None
        folder, leaf = os.path.split(absolute)
        real_folder = self._real_folders.get(folder)
        if real_folder is None:  # each folder resolved once: one lstat a file, not one a path component
            real_folder = self._real_folders[folder] = os.path.realpath(folder)
        real = os.path.realpath(absolute) if os.path.islink(absolute) else os.path.join(real_folder, leaf)
        return None if real.startswith(top[1] + os.sep) else real

    # -- thidua.yaml ---------------------------------------------------------
    def config(self) -> tuple[m.Config, tuple[Diagnostic, ...]]:
        if self._config is None:
            path = config_path(self.root)
            if path is None:
                self._config = (m.Config(), ())
            else:
                loaded = self.read(path, CONFIG)
                self._config = (build.build_config(loaded.fields), loaded.diagnostics)
        return self._config

    # -- shared tables -------------------------------------------------------
    def table_path(self, ref: str) -> Path | None:
        match = _TABLE_REF.match(ref)
        return self.root / BLOCS_DIR / TABLES_DIR / f"{match[1]}.yaml" if match else None

    def table(self, ref: str) -> tuple[m.Table | None, tuple[Diagnostic, ...]]:
        if ref not in self._tables:
            path = self.table_path(ref)
            if path is None or not path.exists():
                self._tables[ref] = (None, ())
            else:
                loaded = self.read(path, TABLE)
                table = build.build_table(loaded.fields, ref) if loaded.fields is not None else None
                self._tables[ref] = (table, loaded.diagnostics)
        return self._tables[ref]

    # -- bloc-years ----------------------------------------------------------
    def bloc_year(self, path: Path) -> BlocYearLoad:
        key = os.path.abspath(path)  # a cache key: no need to ask the file system (resolve) every time
        load = self._bloc_years.get(key)
        if load is None:
            load = self._bloc_years[key] = self._load_bloc_year(path)
            if len(self._bloc_years) > CACHED_BLOC_YEARS:
                self._bloc_years.popitem(last=False)
        else:
            self._bloc_years.move_to_end(key)
        return load

    def bloc_year_of(self, bloc: str, year: int) -> BlocYearLoad | None:
        path = bloc_year_path(self.root, bloc, year)
        return self.bloc_year(path) if path.exists() else None

    def bloc_year_text(self, path: Path, data: bytes) -> BlocYearLoad:
        """``data`` loaded as if it were the file at ``path`` (not cached): a file about to be written."""
        return self._load_bloc_year(path, data)

    def forget(self, path: Path) -> None:
        """Drop a bloc-year from the cache so a long run keeps memory flat."""
        self._bloc_years.pop(os.path.abspath(path), None)

    def _load_bloc_year(self, path: Path, data: bytes | None = None) -> BlocYearLoad:
        name = self.name(path)
        loaded = self.read(path, BLOC_YEAR) if data is None else read_document(data, name, BLOC_YEAR)
        diags = list(loaded.diagnostics)
        if loaded.fields is None:
            return BlocYearLoad(path, name, None, tuple(diags))
        table = None
        criteria = loaded.fields.get("criteria")
        if isinstance(criteria, str):
            table, table_diags = self.table(criteria)
            diags.extend(table_diags)
            if table is None:
                where = self.table_path(criteria)
                shown = self.name(where) if where is not None else criteria
                diags.append(e305_table_not_found.RULE.at(
                    loaded.fields.at("criteria"),
                    f"không tìm thấy bảng chấm điểm '{criteria}' ({shown})"
                    if where is not None else f"'{criteria}' không phải là tên bảng dạng _tables/<tên>",
                ))
        elif isinstance(criteria, Fields):
            table = build.build_table(criteria, f"{name}#criteria")
        elif criteria is not None:
            diags.append(e200_wrong_type.RULE.at(loaded.fields.at("criteria"), "bảng chấm điểm không hợp lệ"))
        complete = not any(d.is_error for d in loaded.diagnostics)
        by = build.build_bloc_year(loaded.fields, table, self.config()[0], complete)
        return BlocYearLoad(path, name, by, tuple(diags))
