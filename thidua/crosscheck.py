"""Checks across the province's files: each bloc-year against every bloc's file of its year and of
the year before (E316 predecessor-unknown, E317 merge-target-unknown, E318 member-of-two-blocs).

`thidua validate` keeps the units of every bloc-year it checks (ids, names, dates and positions only:
:func:`units_of`), and the result cache keeps them with each file's entry, so a warm run has them
without reading the file again. Once every file is accounted for, the checks across files run on
those units (:func:`cross_findings`), for the whole root or for the files named and the other
files of their years. A cross-file finding is never a property of one file alone: it is made fresh
on every run and never cached.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from thidua.diagnostics import Source

if TYPE_CHECKING:  # the model is imported where it is used: a warm run that finds nothing never loads it
    from thidua.model import BlocYear, ProvinceUnits

# One entry a unit a file, as small as it can be: (bloc, file, line, col, joined, left). A data root of
# 850 blocs × 10 years holds ~100,000 of them.
_Entry = tuple


class _Places(Mapping):
    """unit id → its places in a year, as :class:`UnitPlace` records made when asked for."""

    def __init__(self, entries: dict[str, tuple[_Entry, ...]]) -> None:
        self._entries = entries

    def __getitem__(self, uid: str) -> tuple:
        from thidua.model import UnitPlace

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
        from thidua.model import ProvinceUnits

        return ProvinceUnits(year, _Places(self._units.get(year, {})), _Places(self._units.get(year - 1, {})),
                             previous_blocs)


# -- the checks across files from each bloc-year's units (kept in the result cache) -------------------

def units_of(by: BlocYear, folder: str) -> dict:
    """What the checks across files need of a bloc-year, as JSON: its members (id, name, position,
    dates, predecessors), its departures into a successor, the blocs it was re-formed from."""
    # Kept for every file of the run: tuples, and the ids and names a bloc repeats year after year
    # interned (one string for ten years), so a large root's units take a third of the memory.
    intern = sys.intern

    def ref(r) -> tuple:
        return (intern(r.id), r.src.line, r.src.col)

    return {
        "bloc": intern(by.bloc or folder), "year": by.year, "name": intern(by.name), "file": by.src.file,
        "members": tuple((intern(m.id), intern(m.name), m.src.line, m.src.col, _day(m.joined), _day(m.left),
                          tuple(ref(p) for p in m.predecessors)) for m in by.members),
        "departures": tuple((intern(d.member.id), d.reason, ref(d.into), d.src.line, d.src.col)
                            for d in by.departures if d.into is not None),
        "predecessors": tuple(ref(p) for p in by.predecessors),
    }


def _day(date) -> str | None:
    return date.isoformat() if date is not None else None


def from_units(units: dict) -> BlocYear:
    """The slim bloc-year :func:`units_of` describes (enough for the checks across files)."""
    import datetime as dt

    from thidua.model import BlocYear, Departure, Member, Ref

    file = units["file"]

    def ref(row) -> Ref:
        return Ref(row[0], Source(file, row[1], row[2]))

    def day(text):
        return dt.date.fromisoformat(text) if text else None

    src = Source(file, 1, 1)
    return BlocYear(
        bloc=units["bloc"], year=units["year"], name=units["name"], src=src, bloc_src=src, year_src=src,
        members=tuple(Member(id=i, name=name, src=Source(file, line, col), joined=day(joined), left=day(left),
                             predecessors=tuple(ref(p) for p in preds))
                      for i, name, line, col, joined, left, preds in units["members"]),
        departures=tuple(Departure(member=Ref(member, Source(file, line, col)), reason=reason, src=Source(file, line, col),
                                   into=ref(into))
                         for member, reason, into, line, col in units["departures"]),
        predecessors=tuple(ref(p) for p in units["predecessors"]),
    )


def might_conflict(known: dict[str, dict], which: set[str]) -> bool:
    """Whether a check across files could find anything: a unit in two blocs of a year, a predecessor or a
    merger target absent from the year it belongs to, a bloc re-formed from one without last year's
    file. A cheap look at the units (no model, no rule), so that a clean data root answered by the
    cache loads nothing more; when it says yes, the rules decide."""
    units: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    blocs: dict[int, set[str]] = defaultdict(set)
    for facts in known.values():
        blocs[facts["year"]].add(facts["bloc"])
        for m in facts["members"]:
            units[facts["year"]][m[0]].add(facts["bloc"])
    for name in which:
        facts = known.get(name)
        if facts is None:
            continue
        year, now, before = facts["year"], units[facts["year"]], units.get(facts["year"] - 1, {})
        if any(len(now[m[0]]) > 1 for m in facts["members"]):
            return True
        if any(p[0] not in before and p[0] != m[0] for m in facts["members"] for p in m[6]):
            return True
        if any(d[2][0] not in now for d in facts["departures"]):
            return True
        if any(p[0] != facts["bloc"] and p[0] not in blocs.get(year - 1, ()) for p in facts["predecessors"]):
            return True
    return False


def cross_findings(root: Path, known: dict[str, dict], which: set[str]) -> dict[str, list]:
    """name → the findings of the checks across files (E316–E318) for each bloc-year in ``which``,
    against every bloc-year of ``known`` (name → its :func:`units_of`)."""
    if not might_conflict(known, which):
        return {}
    from thidua import rules
    from thidua.core.settings import settings_for
    from thidua.model import Config
    from thidua.rules.context import CheckContext

    index = UnitIndex()
    slim_of = {name: from_units(units) for name, units in known.items()}
    for by in slim_of.values():
        index.add(by, by.bloc)
    config = Config()
    settings = settings_for(None, config)
    out: dict[str, list] = {}
    for name in which:
        by = slim_of.get(name)
        if by is None:
            continue
        units = index.province(by.year, index.blocs(by.year - 1))
        found = rules.run("province", CheckContext(config, settings, by, units=units))
        if found:
            out[name] = found
    return out
