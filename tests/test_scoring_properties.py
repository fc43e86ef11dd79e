"""Properties of scoring, ranking and awards (issue 4), over generated blocs.

Each property recomputes what it checks from the generated inputs, with
fractions, so a test does not trust the code under test for its expectation.
"""

from __future__ import annotations

import dataclasses
import math
from decimal import Decimal
from fractions import Fraction

from fixtures_scoring import (
    BANDS,
    award,
    bloc,
    config,
    group,
    leaf,
    mem,
    rules,
    sheet,
    table,
    votes,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thidua.core.results import score_bloc, score_year
from thidua.core.scoring import rank, totals
from thidua.core.settings import settings_for
from thidua.core.vnsort import sort_key

SETTINGS = settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LEAVES = {"1.1": 30, "1.2": 30, "2.1": 40}
GROUP_OF = {"1.1": "1", "1.2": "1", "2.1": "2"}
TIE_BREAKS = ("group:1", "group:2", "deductions", "bonus", "votes:co")
SYLLABLES = ("An", "Ăn", "Ân", "Ba", "Bà", "Dân", "Đoàn", "Hòa", "Hoà", "Ơn", "Ưu", "Y")


def decimals(maximum: int, places: int = 3):
    return st.integers(0, maximum * 10**places).map(lambda i: Decimal(i).scaleb(-places))


@st.composite
def member_sheet(draw, mid: str):
    kind = draw(st.sampled_from(["agreed", "agreed", "agreed", "self", "none"]))
    if kind == "none":
        return None
    points = {c: draw(decimals(m)) for c, m in LEAVES.items() if draw(st.booleans()) or c == "1.1"}
    bonus = draw(st.lists(decimals(5, 2), max_size=2))
    deductions = draw(st.lists(decimals(5, 2), max_size=2))
    if kind == "agreed":
        return sheet(mid, agreed=points, bonus=bonus, deductions=deductions)
    return sheet(mid, self_=points, bonus=bonus, deductions=deductions)


@st.composite
def blocs(draw, min_members: int = 1, max_members: int = 10):
    n = draw(st.integers(min_members, max_members))
    ids = [f"m{i}" for i in range(n)]
    members = [mem(i, draw(st.sampled_from(SYLLABLES)) + " " + draw(st.sampled_from(SYLLABLES))) for i in ids]
    sheets = [s for s in (draw(member_sheet(i)) for i in ids) if s is not None]
    bonus_cap = draw(st.one_of(st.none(), st.integers(0, 6)))
    deduction_cap = draw(st.one_of(st.none(), st.integers(0, 6)))
    tbl = table(group("1", leaf("1.1", 30), leaf("1.2", 30)), group("2", leaf("2.1", 40)),
                bonus_cap=bonus_cap, deduction_cap=deduction_cap)
    voters = draw(st.integers(1, 12))
    counts = {a: {i: draw(st.integers(0, voters)) for i in ids} for a in ("co", "bk")}
    tie_breaks = draw(st.lists(st.sampled_from(TIE_BREAKS), unique=True, max_size=4))
    sc = rules(places=draw(st.integers(0, 2)), rounding=draw(st.sampled_from(["half-up", "half-even", "down"])),
               bands=BANDS, tie_breaks=tie_breaks)
    return bloc(members, table=tbl, scores=sheets, votes=votes(voters, counts)), sc


# -- an independent model of the arithmetic ---------------------------------------

def used_points(s) -> dict[str, Decimal]:
    return {p.criterion: p.points for p in (s.agreed or s.self_points)}


def capped(values, cap) -> Fraction:
    total = sum((Fraction(v.points) for v in values), Fraction(0))
    return total if cap is None else min(total, Fraction(cap))


def exact_raw(by, s) -> Fraction:
    pts = used_points(s)
    return (sum((Fraction(v) for v in pts.values()), Fraction(0)) + capped(s.bonus, by.table.bonus_cap)
            - capped(s.deductions, by.table.deduction_cap))


def merit(by, sc, r) -> tuple:
    """(rounded total, tie-break values…) recomputed from the inputs; larger is better."""
    s = next(x for x in by.scores if x.member.id == r.total.member.id)
    pts = used_points(s)
    values = [Fraction(r.total.total)]
    for key in sc.tie_breaks:
        kind, _, arg = key.partition(":")
        if kind == "group":
            values.append(sum((Fraction(v) for c, v in pts.items() if GROUP_OF[c] == arg), Fraction(0)))
        elif kind == "deductions":
            values.append(-capped(s.deductions, by.table.deduction_cap))
        elif kind == "bonus":
            values.append(capped(s.bonus, by.table.bonus_cap))
        else:
            values.append(Fraction(by.votes.count(arg, r.total.member.id)))
    return tuple(values)


def round_fraction(x: Fraction, places: int, mode: str) -> Fraction:
    """Round the magnitude (ties away from zero for half-up, as offices and Decimal do), keep the sign."""
    sign = -1 if x < 0 else 1
    scaled = abs(x) * 10**places
    floor = math.floor(scaled)
    rest = scaled - floor
    if mode == "down":
        n = floor
    elif rest > Fraction(1, 2) or (rest == Fraction(1, 2) and (mode == "half-up" or floor % 2 == 1)):
        n = floor + 1
    else:
        n = floor
    return Fraction(sign * n, 10**places)


# -- properties ---------------------------------------------------------------------

@SETTINGS
@given(blocs())
def test_totals_equal_exact_sums_rounded_by_the_rule(case):
    by, sc = case
    sheets = {s.member.id: s for s in by.scores}
    for t in totals(by, sc):
        s = sheets.get(t.member.id)
        if s is None or not (s.agreed or s.self_points):
            assert not t.scored
            continue
        assert t.scored and t.agreed == bool(s.agreed)
        assert Fraction(t.raw) == exact_raw(by, s)
        assert Fraction(t.total) == round_fraction(exact_raw(by, s), sc.places, sc.rounding)
        assert sum(sub.points for sub in t.subtotals) == t.criteria


@SETTINGS
@given(blocs())
def test_ranks_are_consistent_with_totals_and_tie_breaks(case):
    by, sc = case
    ranked = rank(by, totals(by, sc), sc)
    scored = [r for r in ranked if r.total.scored]
    unscored = [r for r in ranked if not r.total.scored]
    assert ranked[:len(scored)] == tuple(scored), "unscored members come last"
    assert all(r.rank == 0 for r in unscored)
    assert [sort_key(r.total.member.name) for r in unscored] == sorted(sort_key(r.total.member.name) for r in unscored)
    m = {r.total.member.id: merit(by, sc, r) for r in scored}
    for r in scored:
        better = sum(1 for o in scored if m[o.total.member.id] > m[r.total.member.id])
        equal = sum(1 for o in scored if m[o.total.member.id] == m[r.total.member.id])
        assert r.rank == better + 1, "competition ranking (1, 1, 3)"
        assert r.tied == (equal > 1)
    for a, b in zip(scored, scored[1:], strict=False):
        ma, mb = m[a.total.member.id], m[b.total.member.id]
        assert ma >= mb
        assert a.total.total >= b.total.total, "a higher total never ranks worse"
        if ma == mb:
            assert sort_key(a.total.member.name) <= sort_key(b.total.member.name), "ties in Vietnamese order"


@SETTINGS
@given(blocs(), st.data())
def test_raising_one_members_score_never_lowers_its_rank(case, data):
    by, sc = case
    scored = [s for s in by.scores if s.agreed or s.self_points]
    if not scored:
        return
    target = data.draw(st.sampled_from(scored))
    field = "agreed" if target.agreed else "self_points"
    points = getattr(target, field)
    i = data.draw(st.integers(0, len(points) - 1))
    delta = data.draw(decimals(20, 2).filter(lambda d: d > 0))
    raised = tuple(dataclasses.replace(p, points=p.points + delta) if j == i else p for j, p in enumerate(points))
    better = dataclasses.replace(target, **{field: raised})
    by2 = dataclasses.replace(by, scores=tuple(better if s is target else s for s in by.scores))

    def rank_of(b):
        return next(r.rank for r in rank(b, totals(b, sc), sc) if r.total.member.id == target.member.id)

    assert rank_of(by2) <= rank_of(by)


@st.composite
def award_rules(draw):
    out = []
    for aid in ("co", "bk"):
        count = draw(st.one_of(st.none(), st.integers(0, 4)))
        share = draw(st.one_of(st.none(), st.sampled_from(["0.1", "0.2", "0.25", "0.3", "0.5", "0.7", "1"])))
        out.append(award(aid, count=count, share=share, rounding=draw(st.sampled_from(["down", "up", "nearest"])),
                         minimum=draw(st.integers(0, 2)),
                         vote=draw(st.one_of(st.none(), st.sampled_from(["0.5", "0.7", "0.666", "1"]))),
                         vote_base=draw(st.sampled_from(["voters", "members"])), more_than=draw(st.booleans()),
                         combines_with=("co",) if aid == "bk" and draw(st.booleans()) else (),
                         min_band=draw(st.one_of(st.none(), st.sampled_from([b[0] for b in BANDS])))))
    return out


def expected_quota(a, population: int) -> int | None:
    q = a.quota
    if q is None:
        return None
    sizes = [] if q.count is None else [q.count]
    if q.share is not None:
        exact = Fraction(q.share) * population
        n = {"down": math.floor, "up": math.ceil,
             "nearest": lambda x: math.floor(x + Fraction(1, 2))}[q.rounding](exact)
        sizes.append(max(n, q.minimum))
    return min(sizes) if sizes else None


@SETTINGS
@given(blocs(), award_rules())
def test_no_quota_exceeded_no_vote_shortfall_no_award_held_twice(case, awards):
    """Whatever the vote base (ballots or members) and comparison (at least, more than): no quota
    exceeded, no proposal below its threshold, a second award only where combines_with allows it, and
    members tied at the last places of a quota proposed all together or not at all."""
    by, sc = case
    res = score_bloc(by, settings_for(by, config(scoring=sc, awards=awards)))
    held: dict[str, list[str]] = {}
    for p in res.proposals:
        held.setdefault(p.member, []).append(p.award)
    by_id = {a.id: a for a in awards}
    for got in held.values():
        assert len(got) == len(set(got)), "one award at most once"
        for i, aid in enumerate(got):
            assert set(got[:i]) <= set(by_id[aid].combines_with), "at most one bloc-level award unless combined"
    ranks = {r.total.member.id: r for r in res.ranked}
    members_at_vote = sum(1 for m in by.members if m.left is None)
    for a in awards:
        granted = [p for p in res.proposals if p.award == a.id]
        limit = expected_quota(a, len(by.members))
        if limit is not None:
            assert len(granted) <= limit
        if a.vote_threshold is not None:
            base = members_at_vote if a.vote_base == "members" else by.votes.voters
            for p in granted:
                share, need = Fraction(by.votes.count(a.id, p.member), base), Fraction(a.vote_threshold)
                assert share > need if a.vote_strict else share >= need
        granted_ranks = {ranks[p.member].rank for p in granted}
        tied_out = [m for m in res.misses if m.award == a.id and m.condition == "tie"]
        assert not granted_ranks & {m.rank for m in tied_out}, "a tie is never split at the quota's edge"
    assert all(ranks[p.member].total.scored for p in res.proposals)


@SETTINGS
@given(st.lists(st.tuples(st.integers(50, 100), st.integers(40, 100), st.integers(0, 7)), min_size=1, max_size=25),
       st.sampled_from(["0.1", "0.2", "0.25", "0.5"]), st.sampled_from(["down", "up", "nearest"]),
       st.sampled_from(["blocs", "proposed"]))
def test_province_quota_never_exceeded_and_never_settled_by_bloc_id(blocs_, share, rounding, of):
    """Whatever the base of the share: within the quota, one unit a bloc at most, none from a bloc whose
    first place is tied, and candidates of equal merit not split across the last place."""
    gov = award("cp", level="province", from_award="co", share=share, rounding=rounding, of=of)
    cfg = config(scoring=rules(bands=BANDS), awards=[award("co", count=1, vote="0.7"), gov])
    results = []
    for i, (lead, second, n) in enumerate(blocs_):
        by = bloc([f"a{i}", f"b{i}"], table=table(group("1", leaf("1.1", 100))), bloc_id=f"k{i:02d}",
                  scores=[sheet(f"a{i}", {"1.1": lead}), sheet(f"b{i}", {"1.1": second})],
                  votes=votes(7, {"co": {f"a{i}": n, f"b{i}": n}}))
        results.append(score_bloc(by, settings_for(None, cfg)))
    year = score_year(2024, results, cfg)
    proposed_co = sum(1 for r in results for p in r.proposals if p.award == "co")
    population = len(blocs_) if of == "blocs" else proposed_co
    assert len(year.province_proposals) <= expected_quota(gov, population)
    assert len({p.bloc for p in year.province_proposals}) == len(year.province_proposals)
    tied_blocs = {m.bloc for m in year.province_misses if m.kind == "bloc-tie"}
    assert not tied_blocs & {p.bloc for p in year.province_proposals}
    total = {r.total.member.id: Fraction(r.total.total) / 100 for res in results for r in res.ranked}
    share = {f"k{i:02d}": Fraction(n, 7) for i, (_, _, n) in enumerate(blocs_)}
    for m in year.province_misses:
        if m.kind in ("tie", "quota"):
            assert all((total[p.member], share[p.bloc]) != (total[m.member], share[m.bloc])
                       for p in year.province_proposals), "an equal-merit group split at the quota's edge"


@SETTINGS
@given(st.integers(1, 12), st.data(), st.sampled_from(["0.5", "0.7", "2/3", "1"]), st.booleans(),
       st.sampled_from(["voters", "members"]))
def test_the_vote_threshold_is_compared_exactly(voters, data, threshold, more_than, base):
    """Proposed exactly when votes / base ≥ threshold (or > with more_than), for every count."""
    members = data.draw(st.integers(voters, 12))
    n = data.draw(st.integers(0, voters))
    need = Fraction(2, 3) if threshold == "2/3" else Fraction(threshold)
    share = Decimal(2) / Decimal(3) if threshold == "2/3" else Decimal(threshold)
    ids = [f"m{i}" for i in range(members)]
    by = bloc(ids, table=table(group("1", leaf("1.1", 100))), scores=[sheet("m0", {"1.1": 90})],
              votes=votes(voters, {"co": {"m0": n}}))
    a = dataclasses.replace(award("co", vote_base=base, more_than=more_than), vote_threshold=share)
    res = score_bloc(by, settings_for(by, config(scoring=rules(bands=BANDS), awards=[a])))
    have = Fraction(n, voters if base == "voters" else members)
    exact = Fraction(share)
    assert bool(res.proposals) is (have > exact if more_than else have >= exact)
    assert exact == need or threshold == "2/3"  # 2/3 written as a decimal is not exactly 2/3
