"""A member's identity across years: renames and mergers (pure).

A bloc-year names, for each member, the ids of last year's members it continues
(``predecessors``), and records members that left with where they went
(``departures``: merged ``into`` another). From these, :func:`lineage` gives every id a
member has had, :func:`leader_years` the years it (or a unit it continues) chaired,
:func:`successors` which new id continues which old one between two versions of a
file, and :func:`follow` tracks each member through a bloc's years (``thidua history``).
"""

from __future__ import annotations

from dataclasses import dataclass

from thidua.core.vnsort import sort_key
from thidua.model import BlocYear, Member, MemberId


def lineage(member: Member, history: list[BlocYear]) -> frozenset[str]:
    """The member's id and every id it continues, through renames and mergers across years."""
    ids = {member.id, *(p.id for p in member.predecessors)}
    changed = True
    while changed:  # predecessors of predecessors, as recorded in earlier files
        changed = False
        for by in history:
            for m in by.members:
                if m.id in ids:
                    new = {p.id for p in m.predecessors} - ids
                    if new:
                        ids |= new
                        changed = True
            for d in by.departures:
                if d.into is not None and d.into.id in ids and d.member.id not in ids:
                    ids.add(d.member.id)
                    changed = True
    return frozenset(ids)


def leader_years(ids: frozenset[str], history: list[BlocYear]) -> list[int]:
    return sorted(by.year for by in history if by.leader is not None and by.leader.id in ids)


def successors(old: BlocYear | None, new: BlocYear | None) -> dict[str, str]:
    """New id → old id, for a member that continues exactly one member gone from the old version.

    Its scores and rank are compared with that member's, so a change of id alone shows no change.
    """
    if old is None or new is None:
        return {}
    gone = old.member_ids - new.member_ids
    return {m.id: m.predecessors[0].id for m in new.members
            if m.id not in old.member_ids and len(m.predecessors) == 1 and m.predecessors[0].id in gone}


@dataclass(frozen=True, slots=True)
class Track:
    """One member of a bloc followed across years.

    Attributes:
      key: a stable key for the track (the id it started with; ``id@year`` if that id was reused).
      years: (year, id, name) for every year the member is in the bloc, ascending.
      merged_from: keys of the tracks it continues by a merger of several members.
    """

    key: str
    years: tuple[tuple[int, MemberId, str], ...]
    merged_from: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.years[-1][2]

    @property
    def former_names(self) -> tuple[str, ...]:
        out: list[str] = []
        for _, _, name in self.years[:-1]:
            if name != self.name and name not in out:
                out.append(name)
        return tuple(out)

    def id_in(self, year: int) -> MemberId | None:
        return next((mid for y, mid, _ in self.years if y == year), None)


def follow(years: list[BlocYear]) -> tuple[Track, ...]:
    """Tracks of a bloc's members over ``years`` (ascending), in Vietnamese order of their latest name.

    A member keeps its track when its id stays, or when it continues exactly one
    earlier member (a rename: ``predecessors`` or a departure ``into`` it); a member
    continuing several starts a track of its own that records them as ``merged_from``.
    """
    tracks: list[dict] = []
    latest: dict[MemberId, int] = {}  # id → index of the track it last belonged to
    for i, by in enumerate(years):
        history = years[:i]
        taken: set[int] = set()
        for m in by.members:
            if m.id in latest and latest[m.id] not in taken:
                t = latest[m.id]
            else:
                ids = lineage(m, history) - {m.id}
                ordered = [p.id for p in m.predecessors] + sorted(ids - {p.id for p in m.predecessors})
                sources = list(dict.fromkeys(latest[x] for x in ordered if x in latest and latest[x] not in taken))
                if len(sources) == 1:
                    t = sources[0]
                else:
                    key = m.id if all(tr["key"] != m.id for tr in tracks) else f"{m.id}@{by.year}"
                    tracks.append({"key": key, "years": [], "merged_from": [tracks[s]["key"] for s in sources]})
                    t = len(tracks) - 1
            taken.add(t)
            tracks[t]["years"].append((by.year, m.id, m.name))
            latest[m.id] = t
    out = [Track(t["key"], tuple(t["years"]), tuple(t["merged_from"])) for t in tracks]
    return tuple(sorted(out, key=lambda t: sort_key(t.name)))
