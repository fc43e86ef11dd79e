"""What changed between two versions of the data, in the bloc's own terms (pure).

``compare`` takes two versions of one bloc-year (either may be absent: a file
added or removed) with, when the version could be scored, its BlocResult and
its Handover proposal, and says what a reviewer needs to know: members added,
removed, renamed or merged; chair and deputy; every score that moved; totals
and ranks before and after; award and handover proposals that changed.
``follow`` is the same idea across years: it follows each member of a bloc
through renames and mergers, for ``thidua history``.

Nothing here reads files or prints; every record is frozen and ordered the
same way for the same input.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from thidua.core.changes import (
    ADDED,
    MODIFIED,
    REMOVED,
    AwardChange,
    BlocYearChange,
    CriterionChange,
    DisciplineChange,
    HandoverChange,
    HonourChange,
    MemberChange,
    Named,
    RoleChange,
    ScoreChange,
    Side,
    TableChange,
    TotalChange,
    VoteChange,
)
from thidua.core.handover import Handover
from thidua.core.honours import compare_honours
from thidua.core.lineage import successors
from thidua.core.results import BlocResult
from thidua.core.scoring import Ranked
from thidua.model import BlocYear, Config, Criterion, MemberScores, Table

# -- helpers -------------------------------------------------------------------

def plain(value):
    """A record without its positions, for equality: two versions differ only if this does."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return tuple((f.name, plain(getattr(value, f.name))) for f in dataclasses.fields(value)
                     if f.name != "src" and not f.name.endswith("_src"))
    if isinstance(value, tuple | list):
        return tuple(plain(v) for v in value)
    return value


def changed_keys(old, new, keys: dict[str, str]) -> tuple[str, ...]:
    """The file keys (values of ``keys``) whose model fields (its keys) differ between two records."""
    return tuple(key for attr, key in keys.items() if plain(getattr(old, attr)) != plain(getattr(new, attr)))


class _Names:
    """Member names, from the newer side first."""

    def __init__(self, *versions: BlocYear | None) -> None:
        self._names: dict[str, str] = {}
        for by in (v for v in versions if v is not None):  # the newer name wins
            for m in by.members:
                self._names[m.id] = m.name

    def __call__(self, member_id: str | None) -> Named | None:
        if member_id is None:
            return None
        return Named(member_id, self._names.get(member_id, member_id))


def _id(ref) -> str | None:
    return ref.id if ref is not None else None


# -- members and roles -----------------------------------------------------------

def _members(old: BlocYear | None, new: BlocYear | None, named: _Names) -> tuple[MemberChange, ...]:
    before = {m.id: m for m in old.members} if old else {}
    after = {m.id: m for m in new.members} if new else {}
    departures = {d.member.id: d for d in new.departures} if new else {}
    known = {(d.member.id, d.reason, _id(d.into)) for d in old.departures} if old else set()
    out: list[MemberChange] = []
    for m in after.values():
        if m.id in before:
            if before[m.id].name != m.name:
                out.append(MemberChange("renamed", Named(m.id, m.name), old_name=before[m.id].name))
            continue
        preds = tuple(named(p.id) for p in m.predecessors)
        kind = "merged" if len(preds) > 1 else "succeeded" if preds else ADDED
        out.append(MemberChange(kind, Named(m.id, m.name), predecessors=preds))
    for m in before.values():
        if m.id not in after:
            d = departures.get(m.id)
            out.append(MemberChange(REMOVED, Named(m.id, m.name), reason=d.reason if d else "",
                                    into=named(_id(d.into)) if d else None))
    for d in departures.values():
        if d.member.id not in before and (d.member.id, d.reason, _id(d.into)) not in known:
            out.append(MemberChange("departed", named(d.member.id), reason=d.reason, into=named(_id(d.into))))
    return tuple(out)


def _roles(old: BlocYear | None, new: BlocYear | None, named: _Names) -> tuple[RoleChange, ...]:
    def pick(by: BlocYear | None, role: str) -> str | None:
        if by is None:
            return None
        if role in ("leader", "deputy"):
            return _id(getattr(by, role))
        return _id(getattr(by.decided, role)) if by.decided else None

    out = []
    for role in ("leader", "deputy", "next_leader", "next_deputy"):
        a, b = pick(old, role), pick(new, role)
        if a != b:
            out.append(RoleChange(role, named(a), named(b)))
    return tuple(out)


# -- the scoring table -------------------------------------------------------------

def _criteria(table: Table | None) -> dict[str, Criterion]:
    out: dict[str, Criterion] = {}

    def walk(c: Criterion) -> None:
        out.setdefault(c.id, c)
        for child in c.children:
            walk(child)

    for g in table.groups if table else ():
        walk(g)
    return out


def compare_criteria(old: Table | None, new: Table | None) -> tuple[CriterionChange, ...]:
    """Criteria added, removed, renamed or with another maximum, in the newer table's order."""
    a, b = _criteria(old), _criteria(new)
    out = []
    for cid, c in b.items():
        if cid not in a:
            out.append(CriterionChange(ADDED, cid, c.name, new_max=c.max))
        elif a[cid].name != c.name or a[cid].max != c.max:
            out.append(CriterionChange(MODIFIED, cid, c.name, old_name=a[cid].name,
                                       old_max=a[cid].max, new_max=c.max))
    out.extend(CriterionChange(REMOVED, cid, c.name, old_max=c.max) for cid, c in a.items() if cid not in b)
    return tuple(out)


TABLE_KEYS = {"name": "name", "total": "total", "bonus_cap": "bonus", "deduction_cap": "deductions"}


def compare_tables(old: Table | None, new: Table | None) -> TableChange:
    other = changed_keys(old, new, TABLE_KEYS) if old is not None and new is not None else ()
    return TableChange(compare_criteria(old, new), other)


CONFIG_KEYS = {"province": "province", "place": "place", "scoring": "scoring", "awards": "awards",
               "rotation": "rotation"}


def compare_configs(old: Config, new: Config) -> tuple[str, ...]:
    """The keys of thidua.yaml whose meaning changed."""
    return changed_keys(old, new, CONFIG_KEYS)


# -- scores, votes, discipline --------------------------------------------------------

def _sheet_figures(sheet: MemberScores | None) -> dict[tuple[str, str], Decimal]:
    if sheet is None:
        return {}
    out: dict[tuple[str, str], Decimal] = {}
    for p in sheet.self_points:
        out[("self", p.criterion)] = p.points
    for p in sheet.agreed:
        out[("agreed", p.criterion)] = p.points
    for kind in ("bonus", "self_bonus", "deductions", "self_deductions"):  # a member's own claims too
        if items := getattr(sheet, kind):
            out[(kind, "")] = sum((a.points for a in items), Decimal(0))
    if sheet.asserted_total is not None:
        out[("total", "")] = sheet.asserted_total
    return out


_KIND_ORDER = {"self": 1, "agreed": 0, "bonus": 2, "self_bonus": 3, "deductions": 4, "self_deductions": 5, "total": 6}


def _scores(old: BlocYear | None, new: BlocYear | None, named: _Names) -> tuple[ScoreChange, ...]:
    alias = successors(old, new)
    sheets_a = {s.member.id: s for s in old.scores} if old else {}
    sheets_a.update({new_id: sheets_a.pop(old_id) for new_id, old_id in alias.items() if old_id in sheets_a})
    sheets_b = {s.member.id: s for s in new.scores} if new else {}
    order = [m.id for m in (new.members if new else ())] + [m.id for m in (old.members if old else ())
                                                            if m.id not in alias.values()]
    order += sorted(set(sheets_a) | set(sheets_b))
    leaves = [c.id for t in (new and new.table, old and old.table) if t for c in t.leaves()]
    position = {cid: i for i, cid in reversed(list(enumerate(leaves)))}
    crit = {**_criteria(old.table if old else None), **_criteria(new.table if new else None)}
    out = []
    seen: set[str] = set()
    for mid in order:
        if mid in seen:
            continue
        seen.add(mid)
        a, b = _sheet_figures(sheets_a.get(mid)), _sheet_figures(sheets_b.get(mid))
        keys = sorted(set(a) | set(b), key=lambda k: (position.get(k[1], len(position)), k[1], _KIND_ORDER[k[0]]))
        for kind, cid in keys:
            if a.get((kind, cid)) != b.get((kind, cid)):
                out.append(ScoreChange(named(mid), kind, a.get((kind, cid)), b.get((kind, cid)), cid,
                                       crit[cid].name if cid in crit else ""))
    return tuple(out)


def _votes(old: BlocYear | None, new: BlocYear | None, named: _Names) -> tuple[VoteChange, ...]:
    va = old.votes if old else None
    vb = new.votes if new else None
    out = []
    voters_a, voters_b = va.voters if va else None, vb.voters if vb else None
    if voters_a != voters_b:
        out.append(VoteChange("", None, voters_a, voters_b))
    counts_a = {(c.award, c.member.id): c.count for c in (va.counts if va else ())}
    counts_b = {(c.award, c.member.id): c.count for c in (vb.counts if vb else ())}
    for key in [*counts_b, *(k for k in counts_a if k not in counts_b)]:
        if counts_a.get(key) != counts_b.get(key):
            out.append(VoteChange(key[0], named(key[1]), counts_a.get(key), counts_b.get(key)))
    return tuple(out)


def _discipline(old: BlocYear | None, new: BlocYear | None, named: _Names) -> tuple[DisciplineChange, ...]:
    a = {d.member.id: d.reason for d in (old.discipline if old else ())}
    b = {d.member.id: d.reason for d in (new.discipline if new else ())}
    out = [DisciplineChange(ADDED if mid not in a else MODIFIED, named(mid), reason)
           for mid, reason in b.items() if a.get(mid) != reason]
    out.extend(DisciplineChange(REMOVED, named(mid), reason) for mid, reason in a.items() if mid not in b)
    return tuple(out)


# -- results: totals, ranks, awards, handover ----------------------------------------------

def _ranked(result: BlocResult | None) -> dict[str, Ranked]:
    return {r.total.member.id: r for r in result.ranked} if result else {}


def _totals(old: BlocResult | None, new: BlocResult | None, named: _Names,
            alias: dict[str, str]) -> tuple[TotalChange, ...]:
    a, b = _ranked(old), _ranked(new)
    a.update({new_id: a.pop(old_id) for new_id, old_id in alias.items() if old_id in a})
    out = []
    for mid in [*b, *(k for k in a if k not in b)]:
        ra, rb = a.get(mid), b.get(mid)

        def facts(r: Ranked | None) -> tuple:
            if r is None:
                return None, None, False, None
            return (r.total.total if r.total.scored else None), r.rank, r.tied, r.total.band

        fa, fb = facts(ra), facts(rb)
        if (ra is None and fb[0] is None) or (rb is None and fa[0] is None):
            continue  # a member added or removed without scores: nothing to rank
        if fa != fb:
            out.append(TotalChange(named(mid), fa[0], fb[0], fa[1], fb[1], fa[2], fb[2], fa[3], fb[3]))
    return tuple(out)


def _awards(old: Side | None, new: Side | None, named: _Names, results: bool) -> tuple[AwardChange, ...]:
    def decided(side: Side | None) -> dict[tuple[str, str], str]:
        by = side.bloc_year if side else None
        if by is None or by.decided is None:
            return {}
        names = {a.id: a.name for a in (by.awards or ())}
        if side and side.result:
            names.update({a.id: a.name for a in side.result.awards})
        return {(d.award, d.member.id): names.get(d.award, d.award) for d in by.decided.awards}

    def proposed(side: Side | None) -> dict[tuple[str, str], str]:
        if side is None or side.result is None:
            return {}
        return {(p.award, p.member): p.award_name for p in side.result.proposals}

    out = []
    pairs = [("decided", decided(old), decided(new))]
    if results:
        pairs.insert(0, ("proposed", proposed(old), proposed(new)))
    for kind, a, b in pairs:
        out.extend(AwardChange(kind, ADDED, award, name, named(mid))
                   for (award, mid), name in b.items() if (award, mid) not in a)
        out.extend(AwardChange(kind, REMOVED, award, name, named(mid))
                   for (award, mid), name in a.items() if (award, mid) not in b)
    return tuple(out)


def _handover(old: Handover | None, new: Handover | None, named: _Names) -> tuple[HandoverChange, ...]:
    if old is None or new is None:
        return ()
    out = []
    if old.leader != new.leader:
        out.append(HandoverChange("leader", named(old.leader), named(new.leader), old.leader_reason, new.leader_reason))
    if old.deputy != new.deputy:
        out.append(HandoverChange("deputy", named(old.deputy), named(new.deputy),
                                  old.deputy_reason, new.deputy_reason))
    return tuple(out)


BLOC_YEAR_KEYS = {"rotation": "rotation", "events": "events", "criteria_ref": "criteria", "scoring": "scoring",
                  "awards": "awards", "number": "number", "note": "note"}


def _other(old: BlocYear | None, new: BlocYear | None, members: tuple[MemberChange, ...],
           honours: tuple[HonourChange, ...] = ()) -> tuple[str, ...]:
    if old is None or new is None:
        return ()
    keys = list(changed_keys(old, new, BLOC_YEAR_KEYS))
    if not honours and plain(old.honours) != plain(new.honours):
        keys.append("honours")  # a decision, a level or a note: nothing the recipients say
    if (old.decided.note if old.decided else "") != (new.decided.note if new.decided else ""):
        keys.append("decided.note")

    def departure(d) -> tuple:
        return d.reason, _id(d.into), d.date, d.note

    before = {d.member.id: departure(d) for d in old.departures}
    after = {d.member.id: departure(d) for d in new.departures}
    told = {c.member.id for c in members if c.change in ("removed", "departed") and c.reason}
    if any(before.get(k) != after.get(k) and not (k not in before and k in told) for k in {*before, *after}):
        keys.append("departures")

    def attributes(m) -> tuple:
        return m.short, m.joined, m.left, tuple(p.id for p in m.predecessors)

    after_members = {m.id: m for m in new.members}
    if any(m.id in after_members and attributes(m) != attributes(after_members[m.id]) for m in old.members):
        keys.append("members")
    return tuple(keys)


def compare(old: Side | None, new: Side | None) -> BlocYearChange:
    """What changed from ``old`` to ``new`` (one of them may be None: a file added or removed)."""
    if old is None and new is None:
        raise ValueError("compare needs at least one side")
    a = old.bloc_year if old else None
    b = new.bloc_year if new else None
    named = _Names(a, b)
    current = b or a
    status = ADDED if a is None else REMOVED if b is None else MODIFIED
    results = all(x.result is not None for x in (old, new) if x is not None)
    inline = (a is not None and a.criteria_ref is None) or (b is not None and b.criteria_ref is None)
    members = _members(a, b, named)
    return BlocYearChange(
        bloc=current.bloc, year=current.year, name=current.name, old_name=a.name if a else current.name,
        status=status, results_compared=results,
        members=members,
        roles=_roles(a, b, named),
        criteria=compare_criteria(a.table if a else None, b.table if b else None) if inline else (),
        scores=_scores(a, b, named),
        votes=_votes(a, b, named),
        discipline=_discipline(a, b, named),
        totals=_totals(old and old.result, new and new.result, named, successors(a, b)) if results else (),
        awards=_awards(old, new, named, results),
        honours=(honours := compare_honours(a, b, named)),
        handover=_handover(old.handover, new.handover, named) if results and old and new else (),
        other=_other(a, b, members, honours),
    )
