"""Chair handover (issue 5): rule kinds, exclusions, lineage through renames and mergers, W600,
`handover --write` and `--json`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil

import pytest
from fixtures_scoring import (
    BANDS,
    CONFIG_YAML,
    EXAMPLES,
    bloc,
    config,
    decided,
    departure,
    mem,
    rotation,
    rules,
    run_cli,
    sheet,
    simple_table,
    write,
)

from thidua.core.handover import propose
from thidua.core.scoring import rank, totals
from thidua.evaluation import assess

ORDER = ("a", "b", "c", "d", "e")


def year(y, members=ORDER, leader=None, deputy=None, **kw):
    return bloc(members, year=y, leader=leader, deputy=deputy, **kw)


def passed(h):
    return [(p.member, p.role, p.reason) for p in h.passed]


# -- rule kinds ------------------------------------------------------------------

def test_fixed_order_next_after_the_chair():
    h = propose([year(2024, leader="b", deputy="c")], rotation("fixed-order", ORDER))
    assert (h.leader, h.deputy, h.next_year) == ("c", "d", 2025)
    assert h.leader_reason == "đơn vị kế tiếp Trưởng khối năm 2024 theo thứ tự luân phiên"
    assert h.passed == ()


def test_fixed_order_wraps_around():
    h = propose([year(2024, leader="e", deputy="a")], rotation("fixed-order", ORDER))
    assert (h.leader, h.deputy) == ("a", "b")


def test_fixed_order_members_missing_from_the_order_come_last_in_file_order():
    h = propose([year(2024, leader="b")], rotation("fixed-order", ("c", "a", "b")))
    assert (h.leader, h.deputy) == ("d", "e")
    assert h.eligible == ("c", "a", "b", "d", "e")


def test_fixed_order_without_a_recorded_chair_starts_at_the_top():
    h = propose([year(2024)], rotation("fixed-order", ORDER))
    assert (h.leader, h.deputy) == ("a", "b")
    assert h.leader_reason == "đơn vị đầu tiên đủ điều kiện theo thứ tự luân phiên"


def test_deputy_succeeds():
    h = propose([year(2024, leader="a", deputy="c")], rotation("deputy-succeeds", ORDER))
    assert (h.leader, h.deputy) == ("c", "d")
    assert h.leader_reason == "Phó khối năm 2024 lên làm Trưởng khối"
    assert h.rule_name.startswith("Phó khối lên Trưởng khối")


def test_deputy_succeeds_when_the_deputy_cannot():
    members = ["a", "b", mem("c", left=dt.date(2024, 8, 1)), "d", "e"]
    h = propose([year(2024, members, leader="a", deputy="c")], rotation("deputy-succeeds", ORDER))
    assert (h.leader, h.deputy) == ("d", "e")
    assert passed(h) == [("c", "leader", "Phó khối năm 2024 nhưng rời khối ngày 01/08/2024")]
    assert "Phó khối rời khối ngày 01/08/2024" in h.leader_reason


def test_deputy_succeeds_without_a_deputy_follows_the_order():
    h = propose([year(2024, leader="b")], rotation("deputy-succeeds", ORDER))
    assert (h.leader, h.deputy) == ("c", "d")


def ranked_year(points, **kw):
    by = year(2024, tuple(points), table=simple_table(100),
              scores=[sheet(m, {"1.1": p}) for m, p in points.items() if p is not None], **kw)
    sc = rules(bands=BANDS)
    return by, rank(by, totals(by, sc), sc)


def test_best_ranked():
    by, ranked = ranked_year({"a": 80, "b": 95, "c": 90, "d": None}, leader="a")
    h = propose([by], rotation("best-ranked"), ranked)
    assert (h.leader, h.deputy) == ("b", "c")
    assert h.leader_reason == "xếp hạng cao nhất trong các đơn vị đủ điều kiện (hạng 1 năm 2024)"


def test_best_ranked_passes_over_an_ineligible_best():
    prev = year(2023, ("a", "c", "d"), leader="a")
    by, ranked = ranked_year({"a": 80, "b": 95, "c": 90, "d": 85}, leader="c")
    h = propose([prev, by], rotation("best-ranked", cooldown_years=1), ranked)
    # b is new this year (absent from 2023), c chairs in 2024
    assert (h.leader, h.deputy) == ("d", "a")
    assert passed(h)[:2] == [("b", "leader", "mới vào khối năm 2024 (năm đầu trong khối)"),
                             ("c", "leader", "đã làm Trưởng khối năm 2024, chưa đủ 1 năm")]
    assert "hạng 3 năm 2024" in h.leader_reason


def test_elected_lists_who_is_eligible_and_why_others_are_not():
    members = ["a", "b", mem("c", joined=dt.date(2024, 3, 1)), "d"]
    h = propose([year(2024, members, leader="a")], rotation("elected", ("a", "b", "c", "d"), cooldown_years=1))
    assert (h.leader, h.deputy) == (None, None)
    assert h.eligible == ("b", "d")
    assert [(p.member, p.reason) for p in h.ineligible] == [
        ("a", "đã làm Trưởng khối năm 2024, chưa đủ 1 năm"),
        ("c", "mới vào khối ngày 01/03/2024 (năm đầu trong khối)")]


# -- exclusions -----------------------------------------------------------------------

def test_skip_first_year_member_absent_from_last_years_file():
    history = [year(2023, ("a", "b", "c", "d"), leader="c"), year(2024, ORDER, leader="d")]
    h = propose(history, rotation("fixed-order", ORDER))
    assert h.leader == "a"
    assert passed(h) == [("e", "leader", "mới vào khối năm 2024 (năm đầu trong khối)")]
    h = propose(history, rotation("fixed-order", ORDER, skip_first_year=False))
    assert h.leader == "e"


def test_skip_first_year_member_joined_this_year():
    members = ["a", "b", "c", "d", mem("e", joined=dt.date(2024, 3, 1))]
    h = propose([year(2024, members, leader="d")], rotation("fixed-order", ORDER))
    assert h.leader == "a"
    assert passed(h) == [("e", "leader", "mới vào khối ngày 01/03/2024 (năm đầu trong khối)")]


def test_cooldown_years():
    history = [year(2022, leader="b"), year(2023, leader="a"), year(2024, leader="e")]
    h = propose(history, rotation("fixed-order", ORDER, cooldown_years=2))
    assert h.leader == "b"  # a chaired 2023, within 2 years; b chaired 2022, outside
    assert passed(h) == [("a", "leader", "đã làm Trưởng khối năm 2023, chưa đủ 2 năm")]
    h = propose(history, rotation("fixed-order", ORDER, cooldown_years=3))
    assert h.leader == "c"
    assert [p.member for p in h.passed] == ["a", "b"]
    assert propose(history, rotation("fixed-order", ORDER, cooldown_years=1)).leader == "a"


def test_members_leaving_are_excluded():
    members = ["a", "b", mem("c", left=dt.date(2024, 6, 30)), "d", "e"]
    h = propose([year(2024, members, leader="b")], rotation("fixed-order", ORDER))
    assert (h.leader, h.deputy) == ("d", "e")
    assert passed(h) == [("c", "leader", "rời khối ngày 30/06/2024")]
    assert "c" not in h.eligible


def test_empty_history_first_year_on_file():
    h = propose([year(2024, leader="c")], rotation("fixed-order", ORDER, cooldown_years=3))
    assert (h.leader, h.deputy) == ("d", "e")
    assert [p.member for p in h.ineligible] == ["c"]  # only this year's chair is in its cooldown


def test_nobody_eligible():
    members = [mem("a", left=dt.date(2024, 5, 1)), mem("b", left=dt.date(2024, 5, 1))]
    h = propose([year(2024, members, leader="a")], rotation("fixed-order", ("a", "b")))
    assert (h.leader, h.deputy) == (None, None)
    assert h.leader_reason == "không có đơn vị đủ điều kiện"


# -- lineage: renames and mergers --------------------------------------------------------

MERGED = ("ab", "c", "d", "e")


def test_merger_successor_inherits_predecessors_chair_years():
    history = [year(2023, ORDER, leader="a"),
               year(2024, [mem("ab", predecessors=("a", "b")), "c", "d", "e"], leader="e")]
    h = propose(history, rotation("fixed-order", MERGED, cooldown_years=2))
    assert h.leader == "c"
    assert passed(h) == [("ab", "leader", "đã làm Trưởng khối năm 2023 (tính cả đơn vị tiền thân), chưa đủ 2 năm")]


def test_merger_recorded_as_departures():
    history = [year(2023, ORDER, leader="b"),
               year(2024, MERGED, leader="e", departures=[departure("a", "merged", "ab"),
                                                          departure("b", "merged", "ab")])]
    h = propose(history, rotation("fixed-order", MERGED, cooldown_years=2))
    assert h.leader == "c"
    assert "tính cả đơn vị tiền thân" in passed(h)[0][2]


def test_merger_lineage_over_several_years():
    history = [year(2022, ("x", "c", "d", "e"), leader="x"),
               year(2023, [mem("y", predecessors=("x",)), "c", "d", "e"], leader="c"),
               year(2024, [mem("z", predecessors=("y", "w")), "c", "d", "e"], leader="d")]
    h = propose(history, rotation("fixed-order", ("z", "e", "c", "d"), cooldown_years=3))
    assert h.leader == "e"
    assert passed(h)[0] == ("z", "leader", "đã làm Trưởng khối năm 2022 (tính cả đơn vị tiền thân), chưa đủ 3 năm")


def test_renamed_member_keeps_its_history_and_is_not_new():
    history = [year(2023, ("old", "b", "c"), leader="old"),
               year(2024, [mem("new", predecessors=("old",)), "b", "c"], leader="c")]
    h = propose(history, rotation("fixed-order", ("new", "b", "c"), cooldown_years=2))
    assert h.leader == "b" and "tiền thân" in passed(h)[0][2]
    h = propose(history, rotation("fixed-order", ("new", "b", "c")))
    assert h.leader == "new"  # a rename is not a new member: skip_first_year does not apply


def test_renamed_member_recorded_as_departure():
    history = [year(2023, ("old", "b", "c"), leader="old"),
               year(2024, ("new", "b", "c"), leader="c", departures=[departure("old", "renamed", "new")])]
    h = propose(history, rotation("fixed-order", ("new", "b", "c"), cooldown_years=2))
    assert h.leader == "b"


def test_newly_merged_member_skips_like_a_new_member():
    history = [year(2023, ORDER, leader="c"),
               year(2024, [mem("ab", predecessors=("a", "b")), "c", "d", "e"], leader="e")]
    h = propose(history, rotation("fixed-order", MERGED))
    assert h.leader == "c"


# -- W600 in validate -----------------------------------------------------------------

def w600(by, previous, history=None):
    cfg = config(rotation_rule=rotation("fixed-order", ("a", "b", "c", "d")))
    return [d for d in assess(by, cfg, by.bloc, str(by.year), tuple(history or [previous])).findings
            if d.code == "W600"]


def test_w600_chair_and_deputy_disagree_with_the_rule():
    prev = year(2023, ("a", "b", "c", "d"), leader="a", deputy="b")
    cur = year(2024, ("a", "b", "c", "d"), leader="d", deputy="a")
    leader, deputy = sorted((d.message for d in w600(cur, prev)), key=lambda m: not m.startswith("Trưởng"))
    assert "Trưởng khối năm 2024 là d" in leader and "(b)" in leader
    assert "Phó khối năm 2024 là a" in deputy and "(c)" in deputy


def test_no_w600_when_last_year_recorded_the_decision():
    prev = year(2023, ("a", "b", "c", "d"), leader="a", deputy="b", decided=decided(next_leader="d", next_deputy="a"))
    cur = year(2024, ("a", "b", "c", "d"), leader="d", deputy="a")
    assert w600(cur, prev) == []


def test_no_w600_when_the_rule_is_followed_or_no_previous_year():
    prev = year(2023, ("a", "b", "c", "d"), leader="a", deputy="b")
    assert w600(year(2024, ("a", "b", "c", "d"), leader="b", deputy="c"), prev) == []
    cur = year(2024, ("a", "b", "c", "d"), leader="d", deputy="a")
    cfg = config(rotation_rule=rotation("fixed-order", ("a", "b", "c", "d")))
    assert [d for d in assess(cur, cfg, "b", "2024", ()).findings if d.code == "W600"] == []


def test_w600_best_ranked_uses_last_years_ranking():
    prev, _ = ranked_year({"a": 80, "b": 95, "c": 90, "d": 85}, leader="a")
    prev = dataclasses.replace(prev, year=2023, rotation=rotation("best-ranked", skip_first_year=False))
    cfg = config()
    ok = year(2024, ("a", "b", "c", "d"), leader="b", deputy="c")
    assert [d for d in assess(ok, cfg, "b", "2024", (prev,)).findings if d.code == "W600"] == []
    bad = year(2024, ("a", "b", "c", "d"), leader="d", deputy="c")
    [d] = [d for d in assess(bad, cfg, "b", "2024", (prev,)).findings if d.code == "W600"]
    assert "Trưởng khối năm 2024 là d" in d.message and "(b)" in d.message


def test_no_w600_when_the_expected_member_was_renamed():
    prev = year(2023, ("x", "old", "c"), leader="x", deputy="old")
    cur = year(2024, ("x", mem("new", predecessors=("old",)), "c"), leader="new", deputy="c")
    cfg = config(rotation_rule=rotation("deputy-succeeds", ("x", "old", "c")))
    assert [d.message for d in assess(cur, cfg, "b", "2024", (prev,)).findings if d.code == "W600"] == []


def w601(by, previous):
    return [d for d in assess(by, config(), by.bloc, str(by.year), (previous,)).findings if d.code == "W601"]


def test_w601_member_of_last_year_missing_without_a_reason():
    prev = year(2023, ("a", "b", "c", mem("d", "Đơn vị D")), leader="a")
    [d] = w601(year(2024, ("a", "b", "c"), leader="b"), prev)
    assert "'Đơn vị D' (d)" in d.message and "không ghi lý do" in d.message


def test_no_w601_when_the_departure_is_recorded_or_followed():
    prev = year(2023, ("a", "b", "c", "d"), leader="a")
    assert w601(year(2024, ("a", "b", "c"), departures=[departure("d", "dissolved")]), prev) == []
    assert w601(year(2024, ("a", "b", mem("cd", predecessors=("c", "d")))), prev) == []
    left = year(2023, ("a", "b", "c", mem("d", left=dt.date(2023, 7, 1))), leader="a")
    assert w601(year(2024, ("a", "b", "c")), left) == []


ROT_2023 = """\
bloc: b
year: 2023
name: Khối thử
members:
  - {id: a, name: Đơn vị A}
  - {id: b, name: Đơn vị B}
  - {id: c, name: Đơn vị C}
  - {id: d, name: Đơn vị D}
leader: a
deputy: b
rotation:
  rule: fixed-order
  order: [a, b, c, d]
"""

ROT_2024 = ROT_2023.replace("year: 2023", "year: 2024").replace("leader: a\ndeputy: b", "leader: d\ndeputy: a")


def test_w600_through_validate(tmp_path):
    write(tmp_path, {"thidua.yaml": CONFIG_YAML, "blocs/b/2023.yaml": ROT_2023, "blocs/b/2024.yaml": ROT_2024})
    r = run_cli(["validate", "--root", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert r.output.count("W600") == 2
    assert "blocs/b/2024.yaml:9:9: cảnh báo W600: Trưởng khối năm 2024 là d" in r.output
    assert "Đơn vị B (b)" in r.output

    decided_2023 = ROT_2023 + "decided:\n  next_leader: d\n  next_deputy: a\n"
    write(tmp_path, {"blocs/b/2023.yaml": decided_2023})
    r = run_cli(["validate", "--root", str(tmp_path)])
    assert r.exit_code == 0 and "W600" not in r.output, r.output


# -- thidua handover (CLI) ---------------------------------------------------------------

HANDOVER_2024 = """\
bloc: b
year: 2024
name: Khối thử
members:
  - {id: a, name: Đơn vị A, short: ĐV A}
  - {id: b, name: Đơn vị B}
  - {id: c, name: Đơn vị C, left: 2024-06-30}
  - {id: d, name: "Đơn vị D, tỉnh"}
  - {id: e, name: Đơn vị E}
leader: a
deputy: b
rotation:
  rule: deputy-succeeds
  order: [a, b, c, d, e]
  cooldown_years: 2
criteria:
  name: Bảng
  total: 100
  groups:
    - {id: "1", name: Nhóm 1, max: 60}
    - {id: "2", name: Nhóm 2, items: [{id: "2.1", name: Tiêu chí 2.1, max: 40}]}
  bonus: {max: 5}
scores:
  a: {agreed: {"1": 55, "2.1": 38}}
  b: {agreed: {"1": 50, "2.1": 35}}
  c: {agreed: {"1": 40, "2.1": 30}}
  d: {agreed: {"1": 52, "2.1": 36}}
  e: {agreed: {"1": 45, "2.1": 33}}
"""


@pytest.fixture
def hroot(tmp_path):
    return write(tmp_path, {"thidua.yaml": CONFIG_YAML, "blocs/b/2024.yaml": HANDOVER_2024})


def test_handover_text_names_chair_deputy_rule_and_passed_over(hroot):
    r = run_cli(["handover", "2024", "--root", str(hroot), "--bloc", "b"])
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert "Quy tắc: Phó khối lên Trưởng khối" in out
    assert "Trưởng khối năm 2025: Đơn vị B (b) — Phó khối năm 2024 lên làm Trưởng khối" in out
    assert "Phó khối năm 2025: Đơn vị D, tỉnh (d)" in out
    # Each member passed over or not eligible is listed once, its reasons for both roles together.
    listed = out[out.index("Đơn vị bỏ qua hoặc không đủ điều kiện:"):].splitlines()[1:]
    assert listed == [
        "  • Đơn vị C (c): rời khối ngày 30/06/2024 (không làm Trưởng khối, Phó khối)",
        "  • Đơn vị A (a): đã làm Trưởng khối năm 2024, chưa đủ 2 năm (không làm Trưởng khối, Phó khối)",
    ]
    assert out.count("(c)") == 1 and out.count("(a)") == 1
    assert not (hroot / "blocs/b/2025.yaml").exists()


def test_handover_json_structure(hroot):
    r = run_cli(["handover", "2024", "--root", str(hroot), "--bloc", "b", "--json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert set(data) == {"bloc", "year", "next_year", "rule", "chair", "chair_reason", "deputy", "deputy_reason",
                         "passed_over", "eligible", "ineligible", "not_proposed", "decided", "next_file"}
    assert (data["bloc"], data["year"], data["next_year"]) == ("b", 2024, 2025)
    assert data["rule"] == {"kind": "deputy-succeeds", "name": data["rule"]["name"], "skip_first_year": True,
                            "cooldown_years": 2}
    assert (data["chair"], data["deputy"]) == ("b", "d")
    assert data["passed_over"] == [{"member": "c", "role": "deputy", "reason": "rời khối ngày 30/06/2024"}]
    assert data["eligible"] == ["b", "d", "e"]
    assert {p["member"] for p in data["ineligible"]} == {"a", "c"}
    assert data["not_proposed"] == [
        {"member": "c", "chair_reason": "rời khối ngày 30/06/2024", "deputy_reason": "rời khối ngày 30/06/2024"},
        {"member": "a", "chair_reason": "đã làm Trưởng khối năm 2024, chưa đủ 2 năm",
         "deputy_reason": "đã làm Trưởng khối năm 2024, chưa đủ 2 năm"}]
    assert data["decided"] == {"chair": None, "deputy": None}
    assert data["next_file"] == {"exists": False, "leader": None, "deputy": None}


def test_write_creates_a_file_that_validates_then_refuses_to_overwrite(hroot, tmp_path_factory):
    target = hroot / "blocs/b/2025.yaml"
    r = run_cli(["handover", "2024", "--root", str(hroot), "--bloc", "b", "--write"])
    assert r.exit_code == 0, r.output
    assert f"đã tạo {target.as_posix()}\n" in r.stderr  # from outside the data root: absolute
    assert not list(target.parent.glob(".*.tmp")), "no temporary file left behind"

    v = run_cli(["validate", "--root", str(hroot), str(target)])
    assert v.exit_code == 0, v.output
    assert "0 lỗi, 0 cảnh báo" in v.output

    from thidua.loading.load import Workspace

    nxt = Workspace(hroot).bloc_year(target).bloc_year
    assert (nxt.year, nxt.leader.id, nxt.deputy.id) == (2025, "b", "d")
    assert [m.id for m in nxt.members] == ["a", "b", "d", "e"]  # c left in 2024
    assert nxt.members[0].short == "ĐV A" and nxt.members[2].name == "Đơn vị D, tỉnh"
    assert nxt.scores == () and nxt.events == ()
    assert nxt.table is not None and [g.id for g in nxt.table.groups] == ["1", "2"]
    assert nxt.table.bonus_cap == 5
    assert [d.member.id for d in nxt.departures] == ["c"]

    before = target.read_bytes(), target.stat().st_mtime_ns
    again = run_cli(["handover", "2024", "--root", str(hroot), "--bloc", "b", "--write"])
    assert again.exit_code == 0  # the file there is the one it would write: nothing to do, no failure
    assert again.stderr.endswith(f"Tệp năm 2025 ({target.as_posix()}) đã có và khớp đề xuất; không cần ghi.\n")
    assert "không ghi đè" not in again.stderr
    assert (target.read_bytes(), target.stat().st_mtime_ns) == before
    twin = write(tmp_path_factory.mktemp("twin"), {"thidua.yaml": CONFIG_YAML, "blocs/b/2024.yaml": HANDOVER_2024})
    assert run_cli(["handover", "2024", "--root", str(twin), "--bloc", "b", "--write"]).exit_code == 0
    assert (twin / "blocs/b/2025.yaml").read_bytes() == target.read_bytes(), "same input, same bytes"
    json_after = json.loads(run_cli(["handover", "2024", "--root", str(hroot), "--bloc", "b", "--json"]).stdout)
    assert json_after["next_file"] == {"exists": True, "leader": "b", "deputy": "d"}


def test_write_refusal_shows_how_the_existing_file_differs(hroot):
    existing = HANDOVER_2024.replace("year: 2024", "year: 2025").replace("leader: a\ndeputy: b",
                                                                          "leader: e\ndeputy: b")
    target = write(hroot, {"blocs/b/2025.yaml": existing}) / "blocs/b/2025.yaml"
    before = target.read_bytes(), target.stat().st_mtime_ns
    r = run_cli(["handover", "2024", "--root", str(hroot), "--bloc", "b", "--write"])
    assert r.exit_code == 1
    assert r.stderr.endswith(f"thidua: {target.as_posix()} đã có; không ghi đè. Khác biệt so với đề xuất:\n"
                             "  Trưởng khối: tệp ghi e, đề xuất b\n"
                             "  Phó khối: tệp ghi b, đề xuất d\n"
                             "  Thành viên: tệp có thêm c\n")
    assert (target.read_bytes(), target.stat().st_mtime_ns) == before
    assert "khác đề xuất" in r.stdout


def test_write_uses_what_the_bloc_decided(hroot):
    write(hroot, {"blocs/b/2024.yaml": HANDOVER_2024 + "decided:\n  next_leader: e\n  next_deputy: d\n"})
    r = run_cli(["handover", "2024", "--root", str(hroot), "--bloc", "b", "--write"])
    assert r.exit_code == 0, r.output
    from thidua.loading.load import Workspace

    nxt = Workspace(hroot).bloc_year(hroot / "blocs/b/2025.yaml").bloc_year
    assert (nxt.leader.id, nxt.deputy.id) == ("e", "d")


def test_handover_refuses_a_file_with_errors(hroot):
    write(hroot, {"blocs/b/2024.yaml": HANDOVER_2024.replace("leader: a", "leader: zz")})
    r = run_cli(["handover", "2024", "--root", str(hroot), "--bloc", "b", "--write"])
    assert r.exit_code == 1
    assert "E303" in r.stderr and "có lỗi" in r.stderr
    assert not (hroot / "blocs/b/2025.yaml").exists()


@pytest.mark.parametrize(("args", "text"), [
    (["handover", "2024", "--bloc", "nope"], "không có khối 'nope'"),
    (["handover", "2019", "--bloc", "b"], "không có tệp năm 2019"),
])
def test_handover_usage_errors_exit_2(hroot, args, text):
    r = run_cli([*args, "--root", str(hroot)])
    assert r.exit_code == 2
    assert text in r.stderr


HISTORY_TEMPLATE = """\
bloc: b
year: {year}
name: Khối thử
members:
  - {{id: a, name: Đơn vị A}}
  - {{id: b, name: Đơn vị B}}
  - {{id: c, name: Đơn vị C}}
leader: {leader}
rotation:
  rule: fixed-order
  order: [a, b, c]
  skip_first_year: false
  cooldown_years: 8
"""


def test_long_cooldown_sees_the_whole_history(tmp_path):
    leaders = {2017: "b", **{y: "a" for y in range(2018, 2025)}}
    write(tmp_path, {"thidua.yaml": CONFIG_YAML, **{
        f"blocs/b/{y}.yaml": HISTORY_TEMPLATE.format(year=y, leader=ld) for y, ld in leaders.items()}})
    from thidua.handover_run import handover_at

    h = handover_at(tmp_path, 2024, "b").handover
    assert h.leader == "c"  # next after a is b, but b chaired in 2017, within 8 years of 2025


# -- the bundled example: seed 001, Bắc Kạn ---------------------------------------------

BAC_KAN = EXAMPLES / "bac-kan"
needs_bac_kan = pytest.mark.skipif(not (BAC_KAN / "blocs/mttq/2020.yaml").is_file(),
                                   reason="examples/bac-kan/blocs/mttq/2020.yaml not written yet")


@needs_bac_kan
def test_bac_kan_2020_handover_proposes_ldld_and_tinhdoan_and_2021_agrees():
    r = run_cli(["handover", "2020", "--root", str(BAC_KAN), "--bloc", "mttq"])
    assert r.exit_code == 0, r.output
    assert "Trưởng khối năm 2021: Liên đoàn Lao động tỉnh (ldld)" in r.stdout
    assert "Phó khối năm 2021: Đoàn TNCS Hồ Chí Minh tỉnh (tinhdoan)" in r.stdout
    data = json.loads(run_cli(["handover", "2020", "--root", str(BAC_KAN), "--bloc", "mttq", "--json"]).stdout)
    assert (data["chair"], data["deputy"]) == ("ldld", "tinhdoan")
    assert data["next_file"] == {"exists": True, "leader": "ldld", "deputy": "tinhdoan"}
    assert data["decided"] == {"chair": "ldld", "deputy": "tinhdoan"}
    v = run_cli(["validate", "--root", str(BAC_KAN)])
    assert v.exit_code == 0 and "W600" not in v.output, v.output


@needs_bac_kan
def test_bac_kan_write_on_a_copy_without_2021(tmp_path):
    root = tmp_path / "bac-kan"
    shutil.copytree(BAC_KAN, root)
    (root / "blocs/mttq/2021.yaml").unlink()
    r = run_cli(["handover", "2020", "--root", str(root), "--bloc", "mttq", "--write"])
    assert r.exit_code == 0, r.output
    target = root / "blocs/mttq/2021.yaml"
    v = run_cli(["validate", "--root", str(root)])
    assert v.exit_code == 0, v.output
    assert "0 lỗi" in v.output and "W600" not in v.output and "W601" not in v.output
    text = target.read_text(encoding="utf-8")
    assert "leader: ldld" in text and "deputy: tinhdoan" in text and "criteria: _tables/mttq-2020" in text
    before = target.read_bytes(), target.stat().st_mtime_ns
    again = run_cli(["handover", "2020", "--root", str(root), "--bloc", "mttq", "--write"])
    assert again.exit_code == 0 and "đã có và khớp đề xuất; không cần ghi." in again.stderr
    assert (target.read_bytes(), target.stat().st_mtime_ns) == before
