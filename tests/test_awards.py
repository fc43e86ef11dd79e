"""Award proposals (issue 4): quotas, vote thresholds, band and score minima, eligibility, the
province step, and W700 where the bloc's recorded decision and the rules disagree."""

from __future__ import annotations

import datetime as dt

import pytest
from fixtures_scoring import (
    BANDS,
    D,
    award,
    award_result,
    bloc,
    config,
    decided,
    discipline,
    mem,
    proposed,
    rules,
    sheet,
    simple_table,
    votes,
)

from thidua.core.awards import quota_size, quota_text
from thidua.core.results import score_bloc, score_year
from thidua.core.settings import settings_for
from thidua.model import Config, Quota
from thidua.rules import w700_decision_unsupported
from thidua.rules.context import CheckContext

SCORING = rules(bands=BANDS, tie_breaks=("group:1", "deductions"))
CO = "Cờ thi đua của UBND tỉnh"
BK = "Bằng khen của Chủ tịch UBND tỉnh"


result = award_result


def miss(res, member, award_id):
    return next(m.reason for m in res.misses if m.member == member and m.award == award_id)


# -- quotas --------------------------------------------------------------------

@pytest.mark.parametrize(("quota", "population", "size"), [
    (Quota(count=1), 7, 1),
    (Quota(count=3), 2, 3),
    (Quota(share=D("0.3"), rounding="down"), 7, 2),      # 2.1
    (Quota(share=D("0.3"), rounding="up"), 7, 3),
    (Quota(share=D("0.3"), rounding="nearest"), 7, 2),
    (Quota(share=D("0.5"), rounding="down"), 5, 2),      # 2.5
    (Quota(share=D("0.5"), rounding="up"), 5, 3),
    (Quota(share=D("0.5"), rounding="nearest"), 5, 3),
    (Quota(share=D("0.2"), rounding="down"), 10, 2),     # exact: every rounding agrees
    (Quota(share=D("0.2"), rounding="up"), 10, 2),
    (Quota(share=D("0.1"), rounding="down"), 7, 0),
    (Quota(share=D("0.1"), rounding="down", minimum=1), 7, 1),
    (Quota(share=D("0.1"), rounding="up", minimum=2), 7, 2),
    (Quota(count=1, share=D("0.5"), rounding="down"), 8, 1),  # both: the smaller holds
    (Quota(count=5, share=D("0.5"), rounding="down"), 8, 4),
])
def test_quota_size(quota, population, size):
    assert quota_size(quota, population) == size


def test_no_quota_is_unlimited():
    assert quota_size(None, 7) is None
    assert quota_text(None, 7) == "không giới hạn"


def test_quota_text_shows_the_arithmetic_with_decimal_comma():
    assert quota_text(Quota(share=D("0.3"), rounding="down"), 7) == "30% của 7 = 2,10 → 2"


def test_count_quota_limits_proposals_and_says_why_others_miss():
    res = result(["a", "b", "c"], [99, 98, 97], awards=[award("co", CO, count=1)])
    assert proposed(res) == ["a"]
    assert miss(res, "b", "co") == "đủ điều kiện nhưng đã hết hạn mức (1)"
    assert "trong hạn mức 1/1" in res.proposals[0].reasons


@pytest.mark.parametrize(("rounding", "expected"), [("down", 2), ("up", 3), ("nearest", 2)])
def test_share_quota_with_each_rounding(rounding, expected):
    res = result([f"m{i}" for i in range(7)], [99 - i for i in range(7)],
                 awards=[award("bk", BK, share="0.3", rounding=rounding)])
    assert proposed(res) == [f"m{i}" for i in range(expected)]
    assert f"30% của 7 = 2,10 → {expected}" in miss(res, f"m{expected}", "bk")


def test_share_quota_minimum():
    res = result([f"m{i}" for i in range(5)], [99 - i for i in range(5)],
                 awards=[award("bk", BK, share="0.1", rounding="down", minimum=1)])
    assert proposed(res) == ["m0"]


# -- vote thresholds --------------------------------------------------------------

def test_vote_threshold_miss_wording():
    res = result(["a", "b"], [99, 98], awards=[award("co", CO, count=2, vote="0.7")],
                 vote_counts={"co": {"a": 7, "b": 4}})
    assert proposed(res) == ["a"]
    assert miss(res, "b", "co") == "chỉ được 4/7 phiếu (57,14% < 70%)"
    assert "7/7 phiếu (100% ≥ 70%)" in res.proposals[0].reasons


@pytest.mark.parametrize(("n", "voters", "threshold", "passes"), [
    (7, 10, "0.7", True),    # exactly the share
    (6, 10, "0.7", False),
    (5, 7, "0.7", True),     # 71%
    (4, 7, "0.7", False),    # 57%
    (3, 6, "0.5", True),     # exactly half
    (2, 6, "0.5", False),
    (4, 6, "0.666", True),
])
def test_vote_threshold_boundaries(n, voters, threshold, passes):
    res = result(["a"], [99], awards=[award("co", CO, vote=threshold)], vote_counts={"co": {"a": n}},
                 voters=voters)
    assert (proposed(res) == ["a"]) is passes


def test_no_vote_recorded_for_the_award():
    res = result(["a"], [99], awards=[award("co", CO, vote="0.7")], vote_counts={"other": {"a": 7}})
    assert miss(res, "a", "co") == "chưa có kết quả bỏ phiếu cho danh hiệu này"
    res = result(["a"], [99], awards=[award("co", CO, vote="0.7")])
    assert proposed(res) == []


def test_member_without_votes_has_zero_of_voters():
    res = result(["a", "b"], [99, 98], awards=[award("co", CO, count=2, vote="0.5")],
                 vote_counts={"co": {"a": 7}})
    assert miss(res, "b", "co") == "chỉ được 0/7 phiếu (0% < 50%)"


# -- minimum band and score -----------------------------------------------------------

def test_min_band():
    res = result(["a", "b", "c"], [96, 90, 60], awards=[award("bk", BK, min_band="Tốt")])
    assert proposed(res) == ["a", "b"]
    assert miss(res, "c", "bk") == "xếp loại Trung bình, cần từ Tốt"
    assert "đạt xếp loại Tốt" in res.proposals[1].reasons


def test_min_score_with_decimal_comma():
    res = result(["a", "b"], [D("92.5"), D("89.5")], awards=[award("bk", BK, min_score=90)])
    assert proposed(res) == ["a"]
    assert miss(res, "b", "bk") == "89,5 điểm < 90"


def test_unscored_members_are_never_proposed():
    res = result(["a", "b"], [99, None], awards=[award("bk", BK)])
    assert proposed(res) == ["a"]
    assert not res.misses_for("b")


def test_self_only_total_is_proposed_with_a_note():
    by = bloc(["a"], table=simple_table(100), scores=[sheet("a", self_={"1.1": 99})])
    res = score_bloc(by, settings_for(by, config(scoring=SCORING, awards=[award("bk", BK)])))
    assert proposed(res) == ["a"]
    assert "điểm tự chấm, chưa thống nhất" in res.proposals[0].reasons


# -- eligibility: discipline, whole year ---------------------------------------------

def test_discipline_excludes_and_the_next_member_takes_the_place():
    res = result(["a", "b"], [99, 98], awards=[award("co", CO, count=1)],
                 discipline=[discipline("a", "Khiển trách")])
    assert proposed(res) == ["b"]
    assert miss(res, "a", "co") == "bị kỷ luật trong năm (Khiển trách)"


def test_discipline_allowed_when_rule_says_so():
    res = result(["a"], [99], awards=[award("co", CO, no_discipline=False)], discipline=[discipline("a")])
    assert proposed(res) == ["a"]


@pytest.mark.parametrize(("kw", "text"), [
    ({"joined": dt.date(2024, 4, 1)}, "không là thành viên cả năm (vào khối 01/04/2024)"),
    ({"left": dt.date(2024, 9, 30)}, "không là thành viên cả năm (rời khối 30/09/2024)"),
])
def test_not_a_member_for_the_whole_year(kw, text):
    res = result([mem("a", **kw), "b"], [99, 98], awards=[award("co", CO, count=1)])
    assert proposed(res) == ["b"]
    assert miss(res, "a", "co") == text
    res = result([mem("a", **kw), "b"], [99, 98], awards=[award("co", CO, count=1, full_year=False)])
    assert proposed(res) == ["a"]


def test_at_most_one_bloc_level_proposal_per_member():
    res = result(["a", "b", "c"], [99, 98, 97],
                 awards=[award("co", CO, count=1), award("bk", BK, count=2)])
    assert [(p.award, p.member) for p in res.proposals] == [("co", "a"), ("bk", "b"), ("bk", "c")]


def test_candidates_are_taken_in_rank_order():
    res = result(["c", "a", "b"], [90, 99, 95], awards=[award("bk", BK, count=2)])
    assert proposed(res) == ["a", "b"]
    assert res.proposals[0].reasons[0] == "hạng 1/3, 99 điểm (Xuất sắc)"


# -- province step: Cờ thi đua của Chính phủ ------------------------------------------

GOV = award("cp", "Cờ thi đua của Chính phủ", level="province", from_award="co", share="0.2", rounding="down")


def province(leader_points, *, gov=GOV, co_votes=7):
    """One bloc per entry: its leader scores ``p`` (of 100), a runner-up 50."""
    awards = [award("co", CO, count=1, vote="0.7"), gov]
    cfg = config(scoring=SCORING, awards=awards)
    results = []
    for i, p in enumerate(leader_points):
        by = bloc([f"lead{i}", f"run{i}"], table=simple_table(100), bloc_id=f"b{i:02d}",
                  scores=[sheet(f"lead{i}", {"1.1": p}), sheet(f"run{i}", {"1.1": 50})],
                  votes=votes(7, {"co": {f"lead{i}": co_votes}}))
        results.append(score_bloc(by, settings_for(by, cfg)))
    return score_year(2024, results, cfg)


def test_government_flag_at_most_twenty_percent_of_bloc_leaders():
    year = province([90 + i * D("0.5") for i in range(10)])
    assert [(p.bloc, p.member) for p in year.province_proposals] == [("b09", "lead9"), ("b08", "lead8")]
    assert len(year.province_misses) == 8
    assert all("ngoài hạn mức" in m.reason for m in year.province_misses)
    assert "20% của 10 = 2,00 → 2" in year.province_misses[0].reason


@pytest.mark.parametrize(("blocs", "rounding", "expected"), [
    (4, "down", 0), (4, "up", 1), (4, "nearest", 1), (7, "down", 1), (7, "up", 2), (12, "nearest", 2),
])
def test_government_flag_share_rounding(blocs, rounding, expected):
    gov = award("cp", "Cờ thi đua của Chính phủ", level="province", from_award="co", share="0.2", rounding=rounding)
    year = province([80 + i for i in range(blocs)], gov=gov)
    assert len(year.province_proposals) == expected


def test_government_flag_only_from_leaders_proposed_for_the_provincial_flag():
    year = province([99, 98, 97, 96, 95], gov=award("cp", "CP", level="province", from_award="co", count=5),
                    co_votes=3)  # 3/7 < 70%: no leader gets the provincial flag
    assert year.province_proposals == ()
    assert {m.reason for m in year.province_misses} == {"không được khối đề nghị Cờ thi đua của UBND tỉnh"}


def test_government_flag_prefers_the_best_share_of_the_table_maximum():
    year = province([91, 99, 93, 92, 90], gov=award("cp", "CP", level="province", from_award="co", count=1))
    [p] = year.province_proposals
    assert (p.bloc, p.member) == ("b01", "lead1")
    assert p.reasons[0].startswith("dẫn đầu khối với 99/100 điểm (99% số điểm tối đa)")


# -- W700: the bloc's recorded decision against the rules ------------------------------

def w700(res):
    ctx = CheckContext(Config(), res.settings, res.bloc_year, result=res)
    return list(w700_decision_unsupported.check(ctx))


AWARDS = [award("co", CO, count=1, vote="0.7"), award("bk", BK, count=2, vote="0.5")]
VOTES = {"co": {"a": 7, "b": 4}, "bk": {"b": 6, "c": 5, "d": 1}}


def test_w700_decision_the_rules_do_not_support():
    res = result(["a", "b", "c", "d"], [99, 98, 97, 96], awards=AWARDS, vote_counts=VOTES,
                 decided=decided({"co": ["a"], "bk": ["b", "c", "d"]}))
    [d] = w700(res)
    assert "d" in d.message and "bk" in d.message
    assert "chỉ được 1/7 phiếu (14,29% < 50%)" in d.message


def test_w700_decision_unsupported_by_votes_for_the_flag():
    res = result(["a", "b", "c", "d"], [99, 98, 97, 96], awards=AWARDS, vote_counts=VOTES,
                 decided=decided({"co": ["b"], "bk": ["c"]}))
    messages = [d.message for d in w700(res)]
    # both members named: the one the bloc chose and the one the rules propose
    assert any(m.startswith(f"khối đề nghị {CO} (co) cho b (b) nhưng theo quy định: ") and "4/7 phiếu (57,14% < 70%)" in m
               and m.endswith("; theo quy định, đơn vị được đề xuất là a (a)") for m in messages)
    # and the other direction: the rules propose a for co and b for bk, which the bloc did not make
    assert any(f"a (a) được đề xuất {CO} (co)" in m and "khối không đề nghị" in m for m in messages)
    assert any(f"b (b) được đề xuất {BK} (bk)" in m for m in messages)


def test_w700_proposal_the_bloc_did_not_make():
    res = result(["a", "b", "c", "d"], [99, 98, 97, 96], awards=AWARDS, vote_counts=VOTES,
                 decided=decided({"co": ["a"], "bk": ["b"]}))
    [d] = w700(res)
    assert d.message == f"theo quy định c (c) được đề xuất {BK} (bk) nhưng khối không đề nghị"
    assert d.severity.name == "WARNING"


def test_no_w700_when_decision_matches_or_no_awards_recorded():
    res = result(["a", "b", "c", "d"], [99, 98, 97, 96], awards=AWARDS, vote_counts=VOTES,
                 decided=decided({"co": ["a"], "bk": ["b", "c"]}))
    assert w700(res) == []
    res = result(["a", "b", "c", "d"], [99, 98, 97, 96], awards=AWARDS, vote_counts=VOTES,
                 decided=decided(next_leader="b"))
    assert w700(res) == []
    res = result(["a", "b", "c", "d"], [99, 98, 97, 96], awards=AWARDS, vote_counts=VOTES)
    assert w700(res) == []


def test_government_flag_equal_leaders_ordered_by_votes():
    cfg = config(scoring=SCORING, awards=[award("co", CO, count=1, vote="0.7"),
                                          award("cp", "CP", level="province", from_award="co", count=1)])
    results = []
    for i, n in enumerate([6, 7]):
        by = bloc([f"lead{i}", f"run{i}"], table=simple_table(100), bloc_id=f"b{i:02d}",
                  scores=[sheet(f"lead{i}", {"1.1": 95}), sheet(f"run{i}", {"1.1": 50})],
                  votes=votes(7, {"co": {f"lead{i}": n}}))
        results.append(score_bloc(by, settings_for(by, cfg)))
    [p] = score_year(2024, results, cfg).province_proposals
    assert p.bloc == "b01"  # 7/7 votes beats 6/7 at an equal score


def test_government_flag_share_counts_every_bloc():
    cfg = config(scoring=SCORING, awards=[award("co", CO, count=1, vote="0.7"), GOV])
    results = []
    for i in range(5):
        tie = 99 if i == 0 else 50  # bloc b00 has two members tied at the top
        by = bloc([f"lead{i}", f"run{i}"], table=simple_table(100), bloc_id=f"b{i:02d}",
                  scores=[sheet(f"lead{i}", {"1.1": 99 - i}), sheet(f"run{i}", {"1.1": tie})],
                  votes=votes(7, {"co": {f"lead{i}": 7}}))
        results.append(score_bloc(by, settings_for(by, cfg)))
    year = score_year(2024, results, cfg)
    assert len(year.province_proposals) == 1  # 20% of 5 blocs, rounded down


def test_tie_for_the_last_quota_place_is_flagged():
    res = result([mem("b", "Bình"), mem("a", "An")], [99, 99], awards=[award("co", CO, count=1)])
    assert [r.rank for r in res.ranked] == [1, 1]
    proposed_reasons = " ".join(res.proposals[0].reasons) if res.proposals else ""
    missed = " ".join(m.reason for m in res.misses)
    assert "đồng hạng" in proposed_reasons + missed
