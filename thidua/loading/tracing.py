"""A Workspace that records what an evaluation read: the dependencies of one file's findings.

``with ws.trace() as read:`` collects, while one file is checked, every input its
findings can depend on, whoever asked for it (the loader, a history rule, a check that
reads other blocs of the same year):

- ``file:<name>`` for each file read or looked for (thidua.yaml in both places, a shared
  table, an earlier year that may be missing): a file that appears later counts too;
- ``blocs:`` and ``years:<bloc>`` for each folder listed through
  :func:`thidua.loading.root.bloc_ids` / :func:`~thidua.loading.root.years_of`.

Names are the Workspace's names (relative to the data root). What the Workspace keeps
from an earlier read (thidua.yaml, a table, a bloc-year another file already loaded) is
charged with what it read when it was made, so a cached read is recorded like a fresh
one. Nothing is hashed or stored here: that is :mod:`thidua.cache`'s job.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from thidua.loading import root as root_mod
from thidua.loading.load import BlocYearLoad, Loaded, Workspace
from thidua.loading.root import BLOCS_DIR, CONFIG_NAME, bloc_year_path
from thidua.model import Config, Table

T = TypeVar("T")


class TracingWorkspace(Workspace):
    """A :class:`Workspace` whose reads, lookups and listings are recorded while a trace is open."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self._frames: list[set[str]] = []
        self._made_from: dict[tuple, frozenset[str]] = {}

    @contextmanager
    def trace(self) -> Iterator[set[str]]:
        """The inputs read from entering to leaving, as a set filled in place."""
        frame: set[str] = set()
        self._frames.append(frame)
        observer = self._observe_listing
        root_mod._listing_observers.append(observer)
        try:
            yield frame
        finally:
            root_mod._listing_observers.remove(observer)
            self._frames.pop()

    # -- recording -----------------------------------------------------------
    def _note(self, keys) -> None:
        for frame in self._frames:
            frame.update(keys)

    def _file(self, path: Path) -> None:
        if self._frames:
            self._note(("file:" + self.name(path),))

    def _observe_listing(self, kind: str, root: Path, bloc: str | None) -> None:
        if Path(root) == self.root or os.path.realpath(root) == os.path.realpath(self.root):
            self._note(("blocs:" if kind == "blocs" else f"years:{bloc}",))

    def _made(self, key: tuple, make: Callable[[], T]) -> T:
        """``make()``, charging the current traces with what it read, now or when first made."""
        made_from = self._made_from.get(key)
        if made_from is not None:
            self._note(made_from)
            return make()
        frame: set[str] = set()
        self._frames.append(frame)
        try:
            out = make()
        finally:
            self._frames.pop()
        self._made_from[key] = frozenset(frame)
        self._note(frame)
        return out

    # -- the Workspace's ways in -----------------------------------------------
    def read(self, path: Path, spec) -> Loaded:
        self._file(path)
        return super().read(path, spec)

    def config(self) -> tuple[Config, tuple]:
        def make():
            for candidate in (self.root / CONFIG_NAME, self.root / BLOCS_DIR / CONFIG_NAME):
                self._file(candidate)  # thidua.yaml appearing in either place changes everything
            return Workspace.config(self)

        return self._made(("config",), make)

    def table(self, ref: str) -> tuple[Table | None, tuple]:
        def make():
            where = self.table_path(ref)
            if where is not None:
                self._file(where)
            return Workspace.table(self, ref)

        return self._made(("table", ref), make)

    def bloc_year(self, path: Path) -> BlocYearLoad:
        return self._made(("bloc-year", self.name(path)), lambda: Workspace.bloc_year(self, path))

    def bloc_year_of(self, bloc: str, year: int) -> BlocYearLoad | None:
        self._file(bloc_year_path(self.root, bloc, year))  # looked for: a year that appears counts
        return super().bloc_year_of(bloc, year)
