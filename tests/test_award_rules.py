"""Award rules as provinces write them (issue 13): the base and the comparison of a vote share,
several awards to one member, discipline with dates and a pending case, ties at the last places of
a quota, and the province step (decided candidates, tied blocs, a disciplined leader, a tie at the
quota's edge, the base of the 20 % share)."""

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

from thidua.core.awards import VoteShare
from thidua.core.results import score_bloc, score_year
from thidua.core.settings import settings_for
from thidua.model import Config
from thidua.rules import w700_decision_unsupported
from thidua.rules.context import CheckContext

SCORING = rules(bands=BANDS, tie_breaks=("group:1", "deductions"))


result = award_result


def miss(res, member, award_id):
    return next(m for m in res.misses if m.member == member and m.award == award_id)


# -- the vote share: its base and its comparison -------------------------------------------

FIVE = ["a", "b", "c", "d", "e"]


def test_four_of_five_members_voting_all_in_favour():
    """'Tính trên tổng số thành viên': 4 ballots of 5 members, all in favour, is 80 % of members."""
    kw = dict(vote_counts={"co": {"a": 4}}, voters=4)
    on_ballots = result(FIVE, [99, 90, 80, 70, 60], awards=[award("co", vote="0.85")], **kw)
    assert proposed(on_ballots) == ["a"]
    assert "4/4 phiếu (100% ≥ 85%)" in on_ballots.proposals[0].reasons
    on_members = result(FIVE, [99, 90, 80, 70, 60], awards=[award("co", vote="0.85", vote_base="members")], **kw)
    assert proposed(on_members) == []
    m = miss(on_members, "a", "co")
    assert m.reason == "chỉ được 4/5 thành viên (80% < 85%)"
    assert (m.condition, m.vote) == ("votes", VoteShare(4, 5, "members", D("0.85"), False))
    exact = result(FIVE, [99, 90, 80, 70, 60], awards=[award("co", vote="0.8", vote_base="members")], **kw)
    assert "4/5 thành viên (80% ≥ 80%)" in exact.proposals[0].reasons


def test_members_base_does_not_count_a_member_that_left():
    members = ["a", "b", "c", "d", mem("e", left=dt.date(2024, 6, 30))]
    res = result(members, [99, 90, 80, 70, None], awards=[award("co", vote="0.75", vote_base="members")],
                 vote_counts={"co": {"a": 3}}, voters=4)
    assert "3/4 thành viên (75% ≥ 75%)" in res.proposals[0].reasons


@pytest.mark.parametrize(("n", "voters", "more_than", "passes", "text"), [
    (3, 6, False, True, "3/6 phiếu (50% ≥ 50%)"),      # "từ 50% trở lên": exactly half passes
    (3, 6, True, False, "3/6 phiếu (50% ≤ 50%)"),      # "trên 50%": exactly half does not
    (4, 7, True, True, "4/7 phiếu (57,14% > 50%)"),
    (0, 1, True, False, "0/1 phiếu (0% ≤ 50%)"),       # one voter, against
    (1, 1, True, True, "1/1 phiếu (100% > 50%)"),      # one voter, in favour
])
def test_at_least_and_more_than(n, voters, more_than, passes, text):
    res = result(["a"], [99], awards=[award("co", vote="0.5", more_than=more_than)],
                 vote_counts={"co": {"a": n}}, voters=voters)
    assert (proposed(res) == ["a"]) is passes
    shown = res.proposals[0].reasons if passes else (miss(res, "a", "co").reason,)
    assert any(text in r for r in shown), shown


def test_shares_are_rounded_not_truncated_and_never_look_equal_when_they_differ():
    res = result(["a", "b"], [99, 98], awards=[award("co", count=2, vote="0.7")],
                 vote_counts={"co": {"a": 6, "b": 4}})
    assert "6/7 phiếu (85,71% ≥ 70%)" in res.proposals[0].reasons
    assert miss(res, "b", "co").reason == "chỉ được 4/7 phiếu (57,14% < 70%)"
    # 2/3 is 66.666…%: against 66.67 % it fails, and two decimals would show 66,67% < 66,67%
    res = result(["a"], [99], awards=[award("co", vote="0.6667")], vote_counts={"co": {"a": 2}}, voters=3)
    assert miss(res, "a", "co").reason == "chỉ được 2/3 phiếu (66,667% < 66,67%)"
    res = result(["a"], [99], awards=[award("co", vote="0.666")], vote_counts={"co": {"a": 2}}, voters=3)
    assert "2/3 phiếu (66,67% ≥ 66,6%)" in res.proposals[0].reasons


def test_a_proposal_carries_its_facts_as_values():
    res = result(["a", "b", "c"], [99, D("95.5"), 90], awards=[award("bk", count=2, vote="0.5", min_band="Tốt")],
                 vote_counts={"bk": {"a": 7, "b": 6}})
    first, second = res.proposals
    assert (second.member, second.rank, second.of, second.total, second.band, second.agreed) == \
        ("b", 2, 3, D("95.5"), "Xuất sắc", True)
    assert second.vote == VoteShare(6, 7, "voters", D("0.5"), False)
    assert (first.place, second.place, second.quota) == (1, 2, 2)
    m = miss(res, "c", "bk")
    assert (m.condition, m.rank, m.total) == ("votes", 3, D("90"))


# -- several awards to one member ------------------------------------------------------------

def test_at_most_one_bloc_award_per_member_by_default():
    res = result(["a", "b", "c"], [99, 98, 97], awards=[award("co", count=1), award("bk", count=2)])
    assert [(p.award, p.member) for p in res.proposals] == [("co", "a"), ("bk", "b"), ("bk", "c")]


def test_an_award_that_combines_with_another():
    """A bloc's Cờ thi đua and a Bằng khen to the same unit, as real blocs propose."""
    res = result(["a", "b", "c"], [99, 98, 97],
                 awards=[award("co", count=1), award("bk", count=2, combines_with=("co",))])
    assert [(p.award, p.member) for p in res.proposals] == [("co", "a"), ("bk", "a"), ("bk", "b")]
    assert [p.place for p in res.proposals] == [1, 1, 2]


def test_combining_needs_every_award_held_to_be_named():
    awards = [award("co1", count=1), award("co2", count=1, combines_with=("co1",)),
              award("bk", count=1, combines_with=("co2",))]
    res = result(["a", "b"], [99, 98], awards=awards)
    # a holds co1 and co2; bk combines only with co2, so bk goes to b
    assert [(p.award, p.member) for p in res.proposals] == [("co1", "a"), ("co2", "a"), ("bk", "b")]


def test_w700_says_why_a_member_holding_another_award_was_not_considered():
    res = result(["a", "b"], [99, 98], awards=[award("co", count=1), award("bk", count=1)],
                 decided=decided({"co": ["a"], "bk": ["a"]}))
    ctx = CheckContext(Config(), res.settings, res.bloc_year, result=res)
    messages = [d.message for d in w700_decision_unsupported.check(ctx)]
    assert ("khối đề nghị bk (bk) cho a (a) nhưng theo quy định: đơn vị đã được đề xuất 'co'; mỗi đơn vị tối đa "
            "một danh hiệu cấp khối (trừ khi 'bk' ghi combines_with: [co]); theo quy định, đơn vị được đề xuất "
            "là b (b)") in messages


# -- discipline: dates and a pending case (NĐ 152/2025) ----------------------------------------

def test_pending_discipline_bars_every_award():
    res = result(["a", "b"], [99, 98], awards=[award("co", count=1)],
                 discipline=[discipline("a", "Chưa có kết luận thanh tra", pending=True)])
    assert proposed(res) == ["b"]
    m = miss(res, "a", "co")
    assert m.condition == "pending"
    assert m.reason == ("đang xem xét kỷ luật (Chưa có kết luận thanh tra): chưa xét khen thưởng cho đến khi "
                        "có kết luận")


@pytest.mark.parametrize(("until", "barred"), [
    (dt.date(2023, 12, 31), False),   # ended before the year: the whole year counts
    (dt.date(2024, 1, 1), True),      # ends on the first day: achievements count from the 2nd
    (dt.date(2024, 9, 30), True),
    (None, True),                     # no end date: disciplined this year
])
def test_a_penalty_counts_until_it_ends(until, barred):
    res = result(["a", "b"], [99, 98], awards=[award("co", count=1)],
                 discipline=[discipline("a", "Khiển trách", date=dt.date(2023, 6, 1), until=until)])
    assert proposed(res) == (["b"] if barred else ["a"])
    if barred and until is not None:
        assert miss(res, "a", "co").reason == (f"bị kỷ luật (Khiển trách) đến {until:%d/%m/%Y}: thành tích chỉ "
                                               "tính từ sau ngày này, chưa đủ cả năm")


def test_no_discipline_false_ignores_a_pending_case_too():
    res = result(["a"], [99], awards=[award("co", no_discipline=False)], discipline=[discipline("a", pending=True)])
    assert proposed(res) == ["a"]


# -- ties at the last places of a bloc's quota ------------------------------------------------

def test_tie_for_the_only_place_proposes_neither_and_says_the_bloc_chooses():
    res = result([mem("b", "Bình"), mem("a", "An")], [99, 99], awards=[award("co", count=1)])
    assert proposed(res) == []
    a, b = miss(res, "a", "co"), miss(res, "b", "co")
    assert (a.condition, a.tied_with, a.places_left) == ("tie", ("b",), 1)
    assert a.reason == ("đủ điều kiện, đồng hạng 1 với b sau mọi tiêu chí phân định: còn 1 suất cho 2 đơn vị; "
                        "khối bình xét chọn (không xếp theo thứ tự chữ cái)")
    assert b.tied_with == ("a",)


def test_three_way_tie_for_the_last_place_and_a_tie_that_fits():
    res = result(["x", "a", "b", "c"], [99, 95, 95, 95], awards=[award("bk", count=2)])
    assert proposed(res) == ["x"]
    assert all(miss(res, m, "bk").reason.startswith("đủ điều kiện, đồng hạng 2") and
               "còn 1 suất cho 3 đơn vị" in miss(res, m, "bk").reason for m in "abc")
    res = result(["x", "a", "b", "c"], [99, 95, 95, 95], awards=[award("bk", count=4)])
    assert proposed(res) == ["x", "a", "b", "c"]


def test_places_below_a_tie_stay_with_it():
    res = result(["a", "b", "c"], [99, 99, 90], awards=[award("bk", count=1)])
    assert proposed(res) == []
    assert miss(res, "c", "bk").condition == "quota"


def test_w700_accepts_the_bloc_choosing_within_a_tie_but_not_beyond_its_places():
    base = dict(awards=[award("co", count=1)])
    res = result(["a", "b"], [99, 99], decided=decided({"co": ["a"]}), **base)
    ctx = CheckContext(Config(), res.settings, res.bloc_year, result=res)
    assert list(w700_decision_unsupported.check(ctx)) == []
    res = result(["a", "b"], [99, 99], decided=decided({"co": ["a", "b"]}), **base)
    ctx = CheckContext(Config(), res.settings, res.bloc_year, result=res)
    messages = [d.message for d in w700_decision_unsupported.check(ctx)]
    assert "khối đề nghị co (co) cho a (a): 2 đơn vị đồng hạng được chọn (a (a), b (b)) nhưng chỉ còn 1 suất" in messages


# -- the province step -------------------------------------------------------------------------

CO = award("co", "Cờ thi đua của UBND tỉnh", count=1, vote="0.7")


def gov(**kw):
    if "count" not in kw:
        kw.setdefault("share", "0.2")
    return award("cp", "Cờ thi đua của Chính phủ", level="province", from_award=kw.pop("from_award", "co"), **kw)


def year_of(blocs, awards):
    """``blocs``: per bloc, (points of its members, their co votes, and bloc-year keywords)."""
    cfg = config(scoring=SCORING, awards=awards)
    results = []
    for i, (points, co_votes, kw) in enumerate(blocs):
        ids = [f"m{i}{j}" for j in range(len(points))]
        by = bloc(ids, table=simple_table(100), bloc_id=f"b{i:02d}", name=f"Khối {chr(65 + i)}",
                  scores=[sheet(m, {"1.1": p}) for m, p in zip(ids, points, strict=True)],
                  votes=votes(7, {"co": dict(zip(ids, co_votes, strict=True))}), **kw)
        results.append(score_bloc(by, settings_for(by, cfg)))
    return score_year(2024, results, cfg)


def plain(points, kw=None):
    return (points, [7] * len(points), kw or {})


def test_candidate_is_what_the_bloc_decided_else_the_rules_proposal():
    year = year_of([plain([99, 98], {"decided": decided({"co": ["m01"]})}), plain([97, 50])],
                   [CO, gov(count=2)])
    first, second = year.province_proposals
    assert (first.bloc, first.member, first.source, first.rank) == ("b00", "m01", "decided", 2)
    assert "được khối bình xét, đề nghị Cờ thi đua của UBND tỉnh với 7/7 phiếu (100%)" in first.reasons
    assert first.council and "đơn vị hạng 2 là ứng viên" in first.council[0]
    assert (second.bloc, second.member, second.source) == ("b01", "m10", "rules")
    assert "được 7/7 phiếu (100%) bầu Cờ thi đua của UBND tỉnh, khối chưa ghi kết quả bình xét" in second.reasons


def test_a_bloc_may_decide_the_province_award_itself():
    year = year_of([plain([99, 98], {"decided": decided({"co": ["m00"], "cp": ["m00"]})}), plain([97, 50])],
                   [CO, gov(count=1)])
    [p] = year.province_proposals
    assert (p.member, p.source) == ("m00", "decided")


def test_tie_for_a_blocs_first_place_keeps_a_place_for_the_council():
    year = year_of([plain([99, 99]), plain([98, 50]), plain([90, 50])], [CO, gov(count=1)])
    assert year.province_proposals == ()
    kinds = {(m.bloc, m.member): m.kind for m in year.province_misses}
    assert kinds == {("b00", "m00"): "bloc-tie", ("b00", "m01"): "bloc-tie",
                     ("b01", "m10"): "quota", ("b02", "m20"): "quota"}
    tie = next(m for m in year.province_misses if m.member == "m00")
    assert tie.reason == ("đồng hạng nhất khối với m01, khối chưa chọn đơn vị dẫn đầu: suất 1/1 dành cho khối, "
                          "khối hoặc Hội đồng Thi đua - Khen thưởng tỉnh chọn một đơn vị")


def test_disciplined_first_ranked_unit_its_blocs_next_eligible_is_the_candidate():
    disciplined = {"discipline": [discipline("m00", "Cảnh cáo")]}
    year = year_of([plain([99, 98], disciplined), plain([90, 50])], [CO, gov(count=1)])
    [p] = year.province_proposals
    assert (p.bloc, p.member, p.rank) == ("b00", "m01", 2)
    assert p.council == ("đơn vị hạng nhất của khối không là ứng viên: m00 (bị kỷ luật trong năm (Cảnh cáo)); "
                         "đơn vị hạng 2 là ứng viên, Hội đồng Thi đua - Khen thưởng tỉnh xem xét",)
    # without from_award: the first-ranked eligible unit, flagged the same way
    year = year_of([plain([99, 98], disciplined), plain([90, 50])], [CO, gov(count=1, from_award=None)])
    [p] = year.province_proposals
    assert p.member == "m01" and "đơn vị đủ điều kiện kế tiếp (hạng 2) là ứng viên" in p.council[0]
    assert [(m.member, m.kind) for m in year.province_misses] == [("m00", "condition"), ("m10", "quota")]


def test_tie_at_the_edge_of_the_province_quota_is_for_the_council():
    year = year_of([plain([99, 50]), plain([95, 50]), plain([95, 50]), plain([90, 50])], [CO, gov(count=2)])
    assert [p.bloc for p in year.province_proposals] == ["b00"]
    ties = [m for m in year.province_misses if m.kind == "tie"]
    assert [(m.bloc, m.tied_with) for m in ties] == [("b01", ("b02",)), ("b02", ("b01",))]
    assert ties[0].reason == ("bằng tỷ lệ điểm (95% số điểm tối đa) và tỷ lệ phiếu với m20 (Khối C) ở suất "
                              "cuối: còn 1 suất cho 2 khối; Hội đồng Thi đua - Khen thưởng tỉnh quyết định")
    assert next(m for m in year.province_misses if m.bloc == "b03").kind == "quota"


def test_equal_scores_are_separated_by_the_vote_share_not_by_bloc_id():
    year = year_of([(([95, 50]), [6, 0], {}), (([95, 50]), [7, 0], {})], [CO, gov(count=1)])
    [p] = year.province_proposals
    assert p.bloc == "b01"


@pytest.mark.parametrize(("of", "expected"), [("blocs", 2), ("proposed", 1)])
def test_base_of_the_share(of, expected):
    """20 % of the blocs' leaders (CV 5007/BNV-TĐKT) or of the units proposed for the flag (NĐ 91/2017)."""
    blocs = [plain([99 - i, 50]) if i < 5 else ([99 - i, 50], [3, 0], {}) for i in range(10)]  # 5 win the flag
    year = year_of(blocs, [CO, gov(of=of)])
    assert len(year.province_proposals) == expected
    p = year.province_proposals[0]
    assert (p.population, p.base, p.quota) == ((10, "blocs", 2) if of == "blocs" else (5, "proposed", 1))
    words = "đơn vị dẫn đầu khối" if of == "blocs" else "đơn vị được đề nghị Cờ thi đua của UBND tỉnh"
    assert f"trong hạn mức 1/{expected} (20% của {p.population} = " in p.reasons[-1] and words in p.reasons[-1]


# -- a total below zero, and a total below every band ---------------------------------------------

def test_negative_total_floored_at_zero_when_the_rule_says_so():
    from thidua.core.scoring import totals
    from thidua.model import ScoringPolicy

    by = bloc(["a", "b"], table=simple_table(100, deduction_cap=10),
              scores=[sheet("a", {"1.1": 2}, deductions=[5]), sheet("b", {"1.1": 5}, deductions=[5])])
    floor = ScoringPolicy(bands=SCORING.bands, negative_total="floor")
    a, b = totals(by, floor)
    assert (a.raw, a.total, a.floored, a.band) == (D(-3), D("0.00"), True, "Trung bình")
    assert (b.total, b.floored) == (D("0.00"), False)  # exactly 0 is not below zero
    a, _ = totals(by, ScoringPolicy(bands=SCORING.bands))  # default: error (E408), the total kept
    assert (a.total, a.floored) == (D("-3.00"), False)


def test_a_total_below_every_band_is_said_in_words():
    from thidua.core.results import score_bloc

    by = bloc(["a"], table=simple_table(100), scores=[sheet("a", {"1.1": 60})])
    cfg = config(scoring=rules(bands=(("Xuất sắc", 95), ("Tốt", 85))), awards=[award("bk", min_band="Tốt")])
    res = score_bloc(by, settings_for(by, cfg))
    assert res.misses[0].reason == "chưa đạt mức xếp loại nào, cần từ Tốt"
