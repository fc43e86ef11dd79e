"""Rotation rules as the data states them (issue 13): no rule anywhere proposes nothing, founding
members of a new bloc are not in their first year, a broken earlier year stops the handover, a bloc
re-formed from others keeps their history, and `--write` never creates a file that fails validation."""

from __future__ import annotations

import datetime as dt
import json
import re

from fixtures_scoring import bloc, mem, rotation, run_cli, write

from thidua.core.handover import propose

NO_ROTATION_CONFIG = """\
province: Tỉnh Thử
"""

COOLDOWN_CONFIG = """\
province: Tỉnh Thử
rotation:
  rule: fixed-order
  cooldown_years: 2
"""


def year_file(year: int, leader: str = "a", deputy: str = "b", extra: str = "", members: str = "") -> str:
    members = members or "  - {id: a, name: Đơn vị A}\n  - {id: b, name: Đơn vị B}\n  - {id: c, name: Đơn vị C}\n"
    return (f"bloc: k\nyear: {year}\nname: Khối thử\nmembers:\n{members}"
            f"leader: {leader}\ndeputy: {deputy}\n{extra}")


# -- no rule anywhere ---------------------------------------------------------------------------

def test_no_rule_proposes_nothing_and_lists_the_eligible():
    members = ["a", "b", mem("c", left=dt.date(2024, 8, 1))]
    h = propose([bloc(members, leader="a", deputy="b")], None)
    assert (h.leader, h.deputy, h.rule.kind, h.proposes) == (None, None, "none", False)
    assert h.eligible == ("a", "b")  # no cooldown, no first-year rule: only the member that leaves is out
    assert [(n.member, n.leader_reason) for n in h.not_proposed] == [("c", "rời khối ngày 01/08/2024")]


def test_handover_without_a_rule_says_so(tmp_path):
    write(tmp_path, {"thidua.yaml": NO_ROTATION_CONFIG, "blocs/k/2024.yaml": year_file(2024)})
    r = run_cli(["handover", "2024", "--root", str(tmp_path), "--bloc", "k"])
    assert r.exit_code == 0, r.output
    assert "Quy tắc: chưa có quy tắc luân phiên (thidua.yaml và tệp khối-năm không ghi 'rotation:')" in r.stdout
    assert "Không đề xuất: không có quy tắc luân phiên nào được ghi" in r.stdout
    assert "Đơn vị đủ điều kiện làm Trưởng khối năm 2025:\n  • Đơn vị A (a)\n  • Đơn vị B (b)\n  • Đơn vị C (c)" in r.stdout
    assert "\nTrưởng khối năm 2025:" not in r.stdout
    data = json.loads(run_cli(["handover", "2024", "--root", str(tmp_path), "--bloc", "k", "--json"]).stdout)
    assert (data["chair"], data["deputy"], data["rule"]["kind"]) == (None, None, "none")
    # next year's chair is then whatever the bloc chose: no W600 for a rule nobody stated
    write(tmp_path, {"blocs/k/2025.yaml": year_file(2025, leader="c", deputy="a")})
    v = run_cli(["validate", "--root", str(tmp_path)])
    assert v.exit_code == 0 and "W600" not in v.output and "0 lỗi, 2 cảnh báo" in v.output, v.output
    assert re.findall(r"cảnh báo (\w+):", v.output) == ["W326", "W326"]  # only: no bands, no awards


# -- founding members ----------------------------------------------------------------------------

FOUNDED = [mem("a", joined=dt.date(2025, 7, 1)), mem("b", joined=dt.date(2025, 7, 1)),
           mem("c", joined=dt.date(2025, 7, 1)), mem("d", joined=dt.date(2025, 9, 15))]


def test_founding_members_of_a_new_bloc_are_not_in_their_first_year():
    h = propose([bloc(FOUNDED, year=2025, leader="a", deputy="b")], rotation("fixed-order", ("a", "b", "c", "d")))
    assert h.founding is True
    assert (h.leader, h.deputy) == ("b", "c")
    # d joined after the bloc was formed: that is a first year
    assert [(n.member, n.leader_reason) for n in h.not_proposed] == [
        ("d", "mới vào khối ngày 15/09/2025 (năm đầu trong khối)")]


def test_a_member_joining_an_existing_bloc_is_in_its_first_year():
    before = bloc(["a", "b", "c"], year=2024, leader="c")
    now = bloc(["a", "b", "c", mem("d", joined=dt.date(2025, 3, 1))], year=2025, leader="a", deputy="b")
    h = propose([before, now], rotation("fixed-order", ("a", "d", "b", "c")))
    assert h.founding is False
    assert h.leader == "b"
    assert h.not_proposed[0].leader_reason == "mới vào khối ngày 01/03/2025 (năm đầu trong khối)"


# -- a bloc re-formed from others ---------------------------------------------------------------

def test_predecessor_blocs_history_counts_through_the_merger():
    old_a = bloc(["x", "y"], year=2024, bloc_id="old-a", leader="x")
    old_b = bloc(["nb-z", "w"], year=2024, bloc_id="old-b", leader="nb-z")
    new = bloc([mem("x"), mem("z", predecessors=("nb-z",)), mem("y"), mem("w")], year=2025, bloc_id="new",
               leader="y", deputy="w")
    h = propose([old_a, old_b, new], rotation("fixed-order", ("y", "w", "x", "z"), cooldown_years=2))
    assert h.founding is True
    assert (h.leader, h.deputy, h.deputy_reason) == ("w", None, "không còn đơn vị đủ điều kiện")
    reasons = {n.member: n.leader_reason for n in h.not_proposed}
    assert reasons == {"x": "đã làm Trưởng khối năm 2024, chưa đủ 2 năm",
                       "z": "đã làm Trưởng khối năm 2024 (tính cả đơn vị tiền thân), chưa đủ 2 năm",
                       "y": "đã làm Trưởng khối năm 2025, chưa đủ 2 năm"}


def test_a_bloc_reads_the_files_of_the_blocs_it_was_reformed_from(tmp_path):
    write(tmp_path, {
        "thidua.yaml": COOLDOWN_CONFIG,
        "blocs/nb/2024.yaml": "bloc: nb\nyear: 2024\nname: Khối cũ\nmembers:\n  - {id: nb-a, name: Đơn vị A cũ}\n"
                              "  - {id: nb-d, name: Đơn vị D}\nleader: nb-a\n",
        "blocs/k/2024.yaml": year_file(2024, leader="b", deputy="c"),
        "blocs/k/2025.yaml": year_file(2025, leader="c", deputy="a", extra=(
            "predecessors: [nb]\nrotation: {rule: fixed-order, order: [c, a, b, d]}\n"),
            members="  - {id: a, name: Đơn vị A, predecessors: [nb-a]}\n  - {id: b, name: Đơn vị B}\n"
                    "  - {id: c, name: Đơn vị C}\n  - {id: d, name: Đơn vị D, predecessors: [nb-d]}\n"),
    })
    data = json.loads(run_cli(["handover", "2025", "--root", str(tmp_path), "--bloc", "k", "--json"]).stdout)
    # after c: a chaired the old bloc in 2024 (as nb-a), b chaired in 2024: d, which continues nb-d, is not new
    assert data["chair"] == "d"
    assert {n["member"]: n["chair_reason"] for n in data["not_proposed"]} == {
        "a": "đã làm Trưởng khối năm 2024 (tính cả đơn vị tiền thân), chưa đủ 2 năm",
        "b": "đã làm Trưởng khối năm 2024, chưa đủ 2 năm",
        "c": "đã làm Trưởng khối năm 2025, chưa đủ 2 năm"}
    v = run_cli(["validate", "--root", str(tmp_path)])
    assert "0 lỗi" in v.output, v.output


# -- a broken earlier year --------------------------------------------------------------------------

def test_a_broken_year_the_cooldown_needs_stops_the_handover(tmp_path):
    write(tmp_path, {"thidua.yaml": COOLDOWN_CONFIG,
                     "blocs/k/2023.yaml": year_file(2023, leader="b", deputy="c") + "bogus: 1\n",
                     "blocs/k/2024.yaml": year_file(2024, leader="c", deputy="a")})
    for args in ([], ["--write"], ["--json"]):
        r = run_cli(["handover", "2024", "--root", str(tmp_path), "--bloc", "k", *args])
        assert r.exit_code == 1, r.output
        assert "blocs/k/2023.yaml:10:1: lỗi E201" in r.stderr
        assert "không bàn giao năm 2024 của khối k vì có lỗi trong blocs/k/2023.yaml" in r.stderr
        assert r.stdout == ""
    assert not (tmp_path / "blocs/k/2025.yaml").exists()


def test_a_broken_year_the_rule_does_not_need_does_not_stop_it(tmp_path):
    config = "province: Tỉnh Thử\nrotation: {rule: fixed-order, skip_first_year: false}\n"
    write(tmp_path, {"thidua.yaml": config,
                     "blocs/k/2023.yaml": year_file(2023) + "bogus: 1\n",
                     "blocs/k/2024.yaml": year_file(2024, leader="c", deputy="a")})
    r = run_cli(["handover", "2024", "--root", str(tmp_path), "--bloc", "k"])
    assert r.exit_code == 0, r.output
    assert "Trưởng khối năm 2025: Đơn vị A (a)" in r.stdout


# -- decided, and what --write creates ---------------------------------------------------------------

def test_decided_chair_equal_to_deputy_is_an_error_and_stops_the_handover(tmp_path):
    write(tmp_path, {"thidua.yaml": COOLDOWN_CONFIG,
                     "blocs/k/2024.yaml": year_file(2024, extra="decided:\n  next_leader: c\n  next_deputy: c\n")})
    r = run_cli(["handover", "2024", "--root", str(tmp_path), "--bloc", "k", "--write"])
    assert r.exit_code == 1
    assert "blocs/k/2024.yaml:12:16: lỗi E320: 'c' vừa là Trưởng khối vừa là Phó khối năm 2025" in r.stderr
    assert not (tmp_path / "blocs/k/2025.yaml").exists()


def test_write_never_creates_a_file_that_fails_validation(tmp_path):
    members = "  - {id: a, name: Đơn vị A}\n  - {id: b, name: Đơn vị B}\n  - {id: c, name: Đơn vị C, left: 2024-10-01}\n"
    write(tmp_path, {"thidua.yaml": COOLDOWN_CONFIG,
                     "blocs/k/2024.yaml": year_file(2024, members=members,
                                                    extra="decided:\n  next_leader: c\n  next_deputy: b\n")})
    r = run_cli(["handover", "2024", "--root", str(tmp_path), "--bloc", "k", "--write"])
    assert r.exit_code == 1
    assert "blocs/k/2025.yaml:" in r.stderr and "E303" in r.stderr  # c left: it is not a member of 2025
    assert f"không tạo {(tmp_path / 'blocs/k/2025.yaml').as_posix()}: tệp sẽ có lỗi" in r.stderr
    assert not (tmp_path / "blocs/k/2025.yaml").exists()
