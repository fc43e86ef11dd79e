"""Checks across the province's files: each bloc-year against every bloc's file of its year and of
the year before (E316 predecessor-unknown, E317 merge-target-unknown, E318 member-of-two-blocs).

`thidua validate` of the whole data root reads every file anyway: the units of each file it checks
are kept (ids, names, dates and positions only) and the cross-file checks run once all are read,
without reading anything twice. Validating some files only (`thidua validate blocs/mttq/2025.yaml`)
still reports what the other blocs' files make wrong: the files of the same year and of the year
before are scanned as bytes for the ids the checked files name, and only the files that mention one
are loaded. A cross-file finding is never a property of one file alone, so a cache of per-file
findings must not hold these.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path

from thidua.diagnostics import Source
from thidua.loading.load import MAX_FILE_BYTES, Workspace
from thidua.loading.reading import ReadRefused, read_bounded
from thidua.loading.root import bloc_ids, bloc_year_path
from thidua.model import BlocYear, ProvinceUnits, UnitPlace


def slim(by: BlocYear) -> BlocYear:
    """What the cross-file checks need to keep of a bloc-year until every file is read: its members
    with predecessors and its departures into a successor (few). The other members are in the
    :class:`UnitIndex`; a file whose units stand in another bloc too is read again for its findings."""
    return BlocYear(bloc=by.bloc, year=by.year, name=by.name, src=by.src, bloc_src=by.bloc_src,
                    year_src=by.year_src, members=tuple(m for m in by.members if m.predecessors),
                    departures=tuple(d for d in by.departures if d.into is not None),
                    predecessors=by.predecessors)


# One entry a unit a file, as small as it can be: (bloc, file, line, col, joined, left). A data root of
# 850 blocs × 10 years holds ~100,000 of them.
_Entry = tuple


class _Places(Mapping):
    """unit id → its places in a year, as :class:`UnitPlace` records made when asked for."""

    def __init__(self, entries: dict[str, tuple[_Entry, ...]]) -> None:
        self._entries = entries

    def __getitem__(self, uid: str) -> tuple[UnitPlace, ...]:
        return tuple(UnitPlace(b, "", Source(f, line, col), joined, left)
                     for b, f, line, col, joined, left in self._entries[uid])

    def __contains__(self, uid: object) -> bool:
        return uid in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)


class UnitIndex:
    """The units of the bloc-years seen so far, by year and by id."""

    def __init__(self) -> None:
        self._units: dict[int, dict[str, tuple[_Entry, ...]]] = defaultdict(dict)
        self._files: dict[int, set[str]] = defaultdict(set)  # year → bloc folders indexed
        self._shared: dict[int, frozenset[str]] = {}

    def add(self, by: BlocYear, folder: str) -> None:
        if folder in self._files[by.year]:
            return
        self._files[by.year].add(folder)
        self._shared.pop(by.year, None)
        units = self._units[by.year]
        bloc = by.bloc or folder
        for m in by.members:
            entry = (bloc, m.src.file, m.src.line, m.src.col, m.joined, m.left)
            units[m.id] = (*units[m.id], entry) if m.id in units else (entry,)

    def has(self, year: int, folder: str) -> bool:
        return folder in self._files.get(year, ())

    def blocs(self, year: int) -> frozenset[str]:
        return frozenset(self._files.get(year, ()))

    def shares(self, year: int, bloc: str) -> bool:
        """Whether one of ``bloc``'s units of ``year`` stands in another bloc's file of that year too."""
        if year not in self._shared:
            self._shared[year] = frozenset(e[0] for entries in self._units.get(year, {}).values()
                                           if len({e[0] for e in entries}) > 1 for e in entries)
        return bloc in self._shared[year]

    def province(self, year: int, previous_blocs: frozenset[str]) -> ProvinceUnits:
        return ProvinceUnits(year, _Places(self._units.get(year, {})), _Places(self._units.get(year - 1, {})),
                             previous_blocs)


_ID_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789_-")


def _mentions(data: bytes, ids: list[bytes]) -> bool:
    """Whether ``data`` holds one of ``ids`` as a whole word (``bytes.find``, then its two neighbours)."""
    for word in ids:
        at = data.find(word)
        while at != -1:
            end = at + len(word)
            if (at == 0 or data[at - 1] not in _ID_BYTES) and (end == len(data) or data[end] not in _ID_BYTES):
                return True
            at = data.find(word, at + 1)
    return False


def complete(ws: Workspace, root: Path, index: UnitIndex, checked: list[BlocYear]) -> None:
    """Index the other blocs' files that the checked bloc-years' cross-file checks need.

    For a year Y checked: the files of Y that mention one of its members or merger targets (E317,
    E318), and the files of Y - 1 that mention one of its predecessors (E316).
    """
    wanted: dict[int, set[str]] = defaultdict(set)
    for by in checked:
        wanted[by.year].update(m.id for m in by.members)
        wanted[by.year].update(d.into.id for d in by.departures if d.into is not None)
        wanted[by.year - 1].update(p.id for m in by.members for p in m.predecessors)
    blocs = bloc_ids(root)
    for year, ids in wanted.items():
        words = [i.encode("ascii") for i in sorted(ids)]
        if not words:
            continue
        for path in year_files(root, year, blocs):
            folder = path.parent.name
            if index.has(year, folder):
                continue
            try:
                data = read_bounded(path, MAX_FILE_BYTES)
            except ReadRefused:
                continue  # reported when that file itself is validated
            if not _mentions(data, words):
                continue
            load = ws.bloc_year(path)
            if load.bloc_year is not None:
                index.add(load.bloc_year, folder)
            ws.forget(path)


def year_files(root: Path, year: int, blocs: list[str] | None = None) -> list[Path]:
    """Every bloc's file of ``year``: one look-up a bloc rather than a listing of each folder."""
    paths = (bloc_year_path(root, b, year) for b in (bloc_ids(root) if blocs is None else blocs))
    return [p for p in paths if p.exists()]


def blocs_with_year(root: Path, year: int) -> frozenset[str]:
    return frozenset(p.parent.name for p in year_files(root, year))
