"""Scoring core (issue 4): exact totals, rounding, subtotals, caps, agreed vs self, bands, E404, ranks."""

from __future__ import annotations

from decimal import Decimal

import pytest
from fixtures_scoring import (
    BANDS,
    CONFIG_YAML,
    TABLE_YAML,
    D,
    bloc,
    config,
    group,
    leaf,
    mem,
    rules,
    sheet,
    simple_table,
    table,
    votes,
    write,
)

from thidua.core.scoring import member_total, rank, totals
from thidua.core.settings import settings_for
from thidua.evaluation import assess
from thidua.loading.load import Workspace
from thidua.rules import e404_total_mismatch
from thidua.rules.context import CheckContext

TWO_LEAVES = table(group("1", leaf("1.1", 10), leaf("1.2", 10)))


def total_of(agreed=None, self_=None, bonus=(), deductions=(), tbl=TWO_LEAVES, **rule_kw):
    return member_total(mem("a"), sheet("a", agreed, self_, bonus, deductions), tbl, rules(**rule_kw))


# -- exact arithmetic ---------------------------------------------------------

def test_nine_point_one_plus_nine_point_two_is_eighteen_point_three():
    t = total_of({"1.1": "9.1", "1.2": "9.2"})
    assert t.criteria == D("18.3")
    assert t.raw == D("18.3")
    assert str(t.total) == "18.30"
    assert 9.1 + 9.2 != 18.3  # what float would have given


def test_total_is_exact_sum_of_many_tenths():
    tbl = table(group("1", *(leaf(f"1.{i}", 1) for i in range(1, 11))))
    t = member_total(mem("a"), sheet("a", {f"1.{i}": "0.1" for i in range(1, 11)}), tbl, rules())
    assert t.raw == D("1.0") and t.total == D("1.00")


def test_total_is_criteria_plus_bonus_minus_deductions():
    t = total_of({"1.1": "9.75", "1.2": "8.5"}, bonus=["1.25"], deductions=["0.5", "0.25"])
    assert (t.criteria, t.bonus, t.deductions) == (D("18.25"), D("1.25"), D("0.75"))
    assert t.raw == D("18.75")


@pytest.mark.parametrize(("points", "places", "mode", "expected"), [
    ("2.5", 0, "half-up", "3"), ("2.5", 0, "half-even", "2"), ("2.5", 0, "down", "2"),
    ("3.5", 0, "half-even", "4"), ("3.9", 0, "down", "3"),
    ("1.25", 1, "half-up", "1.3"), ("1.25", 1, "half-even", "1.2"), ("1.25", 1, "down", "1.2"),
    ("1.35", 1, "half-even", "1.4"), ("1.29", 1, "down", "1.2"),
    ("1.235", 2, "half-up", "1.24"), ("1.245", 2, "half-up", "1.25"), ("1.245", 2, "half-even", "1.24"),
    ("1.235", 2, "half-even", "1.24"), ("1.239", 2, "down", "1.23"), ("1.2", 2, "down", "1.20"),
])
def test_rounding_modes_apply_to_the_total(points, places, mode, expected):
    t = total_of({"1.1": points}, places=places, rounding=mode)
    assert t.raw == D(points)
    assert str(t.total) == expected


def test_rounding_applies_to_total_only_not_subtotals():
    t = total_of({"1.1": "1.004", "1.2": "1.004"}, places=2)
    assert t.subtotals[0].points == D("2.008")
    assert t.total == D("2.01")


# -- groups, sub-criteria, caps -------------------------------------------------

NESTED = table(
    group("1", group("1.1", leaf("1.1.a", 5), leaf("1.1.b", 5)), leaf("1.2", 10)),
    leaf("2", 30),  # a group scored directly
    group("3", leaf("3.1", 20), maximum=25),
    bonus_cap=5, deduction_cap=3,
)


def test_group_subtotals_with_sub_criteria():
    t = member_total(mem("a"), sheet("a", {"1.1.a": "4.5", "1.1.b": "5", "1.2": "9.25", "2": "28.5", "3.1": 19}),
                     NESTED, rules())
    assert [(s.id, s.points, s.max) for s in t.subtotals] == [
        ("1", D("18.75"), D(20)), ("2", D("28.5"), D(30)), ("3", D(19), D(25))]
    assert t.criteria == D("66.25") == sum(s.points for s in t.subtotals)


def test_missing_criterion_counts_zero_in_its_group():
    t = member_total(mem("a"), sheet("a", {"1.2": 10}), NESTED, rules())
    assert [s.points for s in t.subtotals] == [D(10), D(0), D(0)]


@pytest.mark.parametrize(("bonus", "deductions", "want_bonus", "want_ded"), [
    (["3", "4"], ["2", "2.5"], D(5), D(3)),   # both over their caps
    (["2.5"], ["1"], D("2.5"), D(1)),          # under the caps
    (["5"], ["3"], D(5), D(3)),                # exactly at the caps
])
def test_bonus_and_deductions_capped_by_table(bonus, deductions, want_bonus, want_ded):
    t = member_total(mem("a"), sheet("a", {"2": 30}, bonus=bonus, deductions=deductions), NESTED, rules())
    assert (t.bonus, t.deductions) == (want_bonus, want_ded)
    assert t.raw == D(30) + want_bonus - want_ded


def test_no_cap_means_full_bonus_and_bonus_may_pass_table_maximum():
    tbl = simple_table(100)
    t = member_total(mem("a"), sheet("a", {"1.1": 100}, bonus=["10", "5"], deductions=["20"]), tbl, rules())
    assert (t.bonus, t.deductions) == (D(15), D(20))
    t2 = member_total(mem("a"), sheet("a", {"1.1": 100}, bonus=["10"]), tbl, rules())
    assert t2.total == D(110) > tbl.ceiling


# -- agreed vs self ----------------------------------------------------------------

def test_agreed_scores_count_over_self_scores():
    t = total_of({"1.1": 8, "1.2": 8}, self_={"1.1": 10, "1.2": 10})
    assert t.total == D(16) and t.agreed and t.scored


def test_self_only_is_used_and_marked_not_agreed():
    t = total_of(self_={"1.1": 10, "1.2": "9.5"})
    assert t.total == D("19.5") and not t.agreed and t.scored


def test_no_sheet_or_empty_sheet_is_unscored():
    assert not member_total(mem("a"), None, TWO_LEAVES, rules(bands=BANDS)).scored
    t = total_of(bonus=["2"], bands=BANDS)
    assert not t.scored and t.band is None


# -- bands ------------------------------------------------------------------------

@pytest.mark.parametrize(("points", "band"), [
    ("100", "Xuất sắc"), ("95", "Xuất sắc"), ("94.99", "Tốt"), ("85", "Tốt"), ("84.5", "Khá"),
    ("70", "Khá"), ("69.99", "Trung bình"), ("0", "Trung bình"),
])
def test_bands_by_total(points, band):
    assert member_total(mem("a"), sheet("a", {"1.1": points}), simple_table(100), rules(bands=BANDS)).band == band


def test_band_follows_the_rounded_total():
    up = member_total(mem("a"), sheet("a", {"1.1": "94.995"}), simple_table(100), rules(bands=BANDS))
    down = member_total(mem("a"), sheet("a", {"1.1": "94.995"}), simple_table(100),
                        rules(bands=BANDS, rounding="down"))
    assert (up.total, up.band) == (D("95.00"), "Xuất sắc")
    assert (down.total, down.band) == (D("94.99"), "Tốt")


def test_no_bands_gives_no_band():
    assert total_of({"1.1": 10}).band is None


BLOC_WITH_OWN_SCORING = """\
bloc: b
year: 2024
name: Khối thử
members:
  - {id: a, name: Đơn vị A}
""" + TABLE_YAML + """\
scores:
  a:
    agreed: {"1.1": 30, "1.2": 30, "2.1": 32.345}
"""


def _load(tmp_path, bloc_text):
    write(tmp_path, {"thidua.yaml": CONFIG_YAML, "blocs/b/2024.yaml": bloc_text})
    ws = Workspace(tmp_path)
    cfg, _ = ws.config()
    load = ws.bloc_year(tmp_path / "blocs/b/2024.yaml")
    assert not load.has_errors, load.diagnostics
    return load.bloc_year, cfg


def test_bands_from_config_and_from_the_blocs_file(tmp_path):
    from thidua.core.results import score_bloc

    by, cfg = _load(tmp_path, BLOC_WITH_OWN_SCORING)
    assert score_bloc(by, settings_for(by, cfg)).ranked[0].total.band == "Tốt"  # 92.35 with the province's bands
    own = BLOC_WITH_OWN_SCORING + "scoring:\n  bands:\n    - {name: Hoàn thành tốt, min: 90}\n    - {name: Hoàn thành, min: 0}\n"
    by, cfg = _load(tmp_path, own)
    assert score_bloc(by, settings_for(by, cfg)).ranked[0].total.band == "Hoàn thành tốt"


def test_bloc_scoring_override_keeps_province_bands(tmp_path):
    from thidua.core.results import score_bloc

    by, cfg = _load(tmp_path, BLOC_WITH_OWN_SCORING + "scoring:\n  rounding: down\n")
    r = score_bloc(by, settings_for(by, cfg)).ranked[0].total
    assert r.total == D("92.34")  # rounding: down is taken from the bloc
    assert r.band == "Tốt"          # the bands still come from thidua.yaml


# -- E404: a stated total (ledger assertion) --------------------------------------

def _e404(by, sc=None):
    cfg = config(scoring=sc or rules())
    settings = settings_for(by, cfg)
    computed = {t.member.id: t for t in totals(by, settings.scoring)}
    ctx = CheckContext(cfg, settings, by, by.bloc, str(by.year), total_of=computed.get)
    return list(e404_total_mismatch.check(ctx))


def test_e404_rule_has_a_check():
    assert callable(getattr(e404_total_mismatch, "check", None))
    assert e404_total_mismatch.RULE.severity.name == "ERROR"


def test_e404_stated_total_different_from_computed_names_both_figures():
    by = bloc(["a"], table=TWO_LEAVES, scores=[sheet("a", {"1.1": "9.1", "1.2": "9.2"}, bonus=(), total="18.5")])
    [d] = _e404(by)
    assert d.code == "E404"
    assert d.message == "a: tệp ghi tổng 18,5 nhưng tính được 18,3 (tiêu chí 18,3, thưởng 0, trừ 0)"


def test_e404_silent_when_stated_total_matches():
    ok = bloc(["a"], table=TWO_LEAVES, scores=[sheet("a", {"1.1": "9.1", "1.2": "9.2"}, total="18.3")])
    assert _e404(ok) == []
    with_adjustments = bloc(["a"], table=simple_table(100),
                            scores=[sheet("a", {"1.1": 90}, bonus=["2"], deductions=["0.5"], total="91.5")])
    assert _e404(with_adjustments) == []


def test_e404_from_a_file_is_an_error_at_the_total_line(tmp_path):
    text = BLOC_WITH_OWN_SCORING.replace("    agreed: {\"1.1\": 30, \"1.2\": 30, \"2.1\": 32.345}\n",
                                         "    agreed: {\"1.1\": 30, \"1.2\": 30, \"2.1\": 32}\n    total: 93\n")
    by, cfg = _load(tmp_path, text)
    diags = [d for d in assess(by, cfg, "b", "2024").findings if d.code == "E404"]
    assert len(diags) == 1 and diags[0].is_error
    assert diags[0].source.line == text.splitlines().index("    total: 93") + 1
    assert "93" in diags[0].message and "92" in diags[0].message


# -- ranking ----------------------------------------------------------------------

def ranked(members, scores, tie_breaks=(), vote_counts=None, tbl=None):
    by = bloc(members, table=tbl or simple_table(50, 50), scores=scores,
              votes=votes(7, vote_counts) if vote_counts else None)
    sc = rules(bands=BANDS, tie_breaks=tie_breaks)
    return rank(by, totals(by, sc), sc)


def view(rs):
    return [(r.total.member.id, r.rank, r.tied) for r in rs]


def test_competition_ranks_one_one_three():
    rs = ranked(["a", "b", "c", "d"], [sheet("a", {"1.1": 40, "2.1": 50}), sheet("b", {"1.1": 50, "2.1": 40}),
                                       sheet("c", {"1.1": 40, "2.1": 40}), sheet("d", {"1.1": 30, "2.1": 40})])
    assert view(rs) == [("a", 1, True), ("b", 1, True), ("c", 3, False), ("d", 4, False)]
    assert rs[0].tie_note == rs[1].tie_note == "đồng hạng sau mọi tiêu chí phân định"


def test_a_higher_total_always_ranks_better():
    rs = ranked(["a", "b", "c"], [sheet("a", {"1.1": "40.01"}), sheet("b", {"1.1": "40.1"}), sheet("c", {"1.1": "40"})])
    assert view(rs) == [("b", 1, False), ("a", 2, False), ("c", 3, False)]


def test_tie_break_group():
    rs = ranked(["a", "b"], [sheet("a", {"1.1": 40, "2.1": 50}), sheet("b", {"1.1": 50, "2.1": 40})],
                tie_breaks=["group:1"])
    assert view(rs) == [("b", 1, False), ("a", 2, False)]
    assert rs[0].tie_note == "bằng điểm, phân định theo điểm nhóm 1"


def test_tie_break_fewer_deductions():
    rs = ranked(["a", "b"], [sheet("a", {"1.1": 41}, deductions=["1"]), sheet("b", {"1.1": 40})],
                tie_breaks=["deductions"])
    assert view(rs) == [("b", 1, False), ("a", 2, False)]
    assert "ít điểm trừ hơn" in rs[0].tie_note


def test_tie_break_bonus():
    rs = ranked(["a", "b"], [sheet("a", {"1.1": 40}), sheet("b", {"1.1": 38}, bonus=["2"])], tie_breaks=["bonus"])
    assert view(rs) == [("b", 1, False), ("a", 2, False)]


def test_tie_break_votes():
    rs = ranked(["a", "b"], [sheet("a", {"1.1": 40}), sheet("b", {"1.1": 40})], tie_breaks=["votes:co-ubnd"],
                vote_counts={"co-ubnd": {"a": 3, "b": 5}})
    assert view(rs) == [("b", 1, False), ("a", 2, False)]
    assert "số phiếu co-ubnd" in rs[0].tie_note


def test_tie_breaks_apply_in_configured_order():
    # a: better group 1, more deductions; b: worse group 1, no deductions; equal totals.
    scores = [sheet("a", {"1.1": 46, "2.1": 40}, deductions=["1"]), sheet("b", {"1.1": 40, "2.1": 45})]
    assert view(ranked(["a", "b"], scores, ["group:1", "deductions"]))[0][0] == "a"
    assert view(ranked(["a", "b"], scores, ["deductions", "group:1"]))[0][0] == "b"


def test_later_tie_break_decides_when_earlier_ones_are_equal():
    scores = [sheet("a", {"1.1": 40, "2.1": 40}), sheet("b", {"1.1": 40, "2.1": 40})]
    rs = ranked(["a", "b"], scores, ["group:1", "deductions", "votes:co-ubnd"], {"co-ubnd": {"a": 6, "b": 2}})
    assert view(rs) == [("a", 1, False), ("b", 2, False)]


def test_remaining_ties_are_flagged_and_listed_in_vietnamese_order():
    names = ["Đoàn", "Ban", "Ăn", "An", "Dân", "Âu", "Bà"]
    members = [mem(f"m{i}", n) for i, n in enumerate(names)]
    rs = ranked(members, [sheet(f"m{i}", {"1.1": 40}) for i in range(len(names))], ["group:1", "deductions"])
    assert [r.total.member.name for r in rs] == ["An", "Ăn", "Âu", "Bà", "Ban", "Dân", "Đoàn"]  # letters first: "Ba" before "Ban"
    assert all(r.rank == 1 and r.tied for r in rs)


def test_ties_below_the_top_share_rank_and_keep_vietnamese_order():
    members = [mem("x", "Xây dựng"), mem("d2", "Đài"), mem("d1", "Dược"), mem("a", "Ăn")]
    rs = ranked(members, [sheet("x", {"1.1": 50}), sheet("d2", {"1.1": 30}), sheet("d1", {"1.1": 30}),
                          sheet("a", {"1.1": 20})])
    assert [(r.total.member.name, r.rank, r.tied) for r in rs] == [
        ("Xây dựng", 1, False), ("Dược", 2, True), ("Đài", 2, True), ("Ăn", 4, False)]


def test_unscored_members_last_unranked_in_vietnamese_order():
    members = [mem("z", "Đông"), mem("y", "Ăn"), mem("a", "Bắc"), mem("b", "Bé")]
    rs = ranked(members, [sheet("a", {"1.1": 10}), sheet("b", self_={"1.1": 5})])
    assert [(r.total.member.name, r.rank) for r in rs] == [("Bắc", 1), ("Bé", 2), ("Ăn", 0), ("Đông", 0)]
    assert rs[2].tie_note == "chưa có điểm"
    assert not rs[2].tied


def test_self_only_members_are_ranked_with_the_rest():
    rs = ranked(["a", "b"], [sheet("a", self_={"1.1": 45}), sheet("b", {"1.1": 40})])
    assert view(rs) == [("a", 1, False), ("b", 2, False)]
    assert not rs[0].total.agreed


def test_equal_rounded_totals_tie_even_if_raw_differs():
    rs = ranked(["a", "b"], [sheet("a", {"1.1": "40.001"}), sheet("b", {"1.1": "40.004"})])
    assert [r.rank for r in rs] == [1, 1]


def test_totals_are_decimals_not_floats():
    by = bloc(["a"], table=TWO_LEAVES, scores=[sheet("a", {"1.1": "9.1", "1.2": "9.2"})])
    [t] = totals(by, rules())
    assert isinstance(t.total, Decimal) and isinstance(t.raw, Decimal)
