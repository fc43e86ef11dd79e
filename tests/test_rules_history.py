"""Rules of the history stage: a bloc-year against the bloc's file for the year before.

``validate`` loads the previous year itself; each case writes both years.
"""

import pytest
from support import Case, dedent, diagnostics, run_case, write_root

Y2023 = "blocs/mttq/2023.yaml"
Y2024 = "blocs/mttq/2024.yaml"

# Four members, rotating in a fixed order; 2023 chaired by hlhpn with ldld deputising, so the
# rule proposes ldld to chair 2024 and tinhdoan to deputise.
PREVIOUS = dedent("""
    bloc: mttq
    year: 2023
    name: Khối thi đua MTTQ
    members:
      - {id: hlhpn, name: Hội LHPN tỉnh}
      - {id: ldld, name: LĐLĐ tỉnh}
      - {id: tinhdoan, name: Tỉnh đoàn}
      - {id: hnd, name: Hội Nông dân tỉnh}
    rotation: {rule: fixed-order, order: [hlhpn, ldld, tinhdoan, hnd]}
    leader: hlhpn
    deputy: ldld
""")

MEMBERS_2024 = dedent("""
    bloc: mttq
    year: 2024
    name: Khối thi đua MTTQ
    members:
      - {id: hlhpn, name: Hội LHPN tỉnh}
      - {id: ldld, name: LĐLĐ tỉnh}
      - {id: tinhdoan, name: Tỉnh đoàn}
      - {id: hnd, name: Hội Nông dân tỉnh}
    rotation: {rule: fixed-order, order: [hlhpn, ldld, tinhdoan, hnd]}
""")

# 2024 without hnd, and no word on where it went.
WITHOUT_HND = dedent("""
    bloc: mttq
    year: 2024
    name: Khối thi đua MTTQ
    members:
      - {id: hlhpn, name: Hội LHPN tỉnh}
      - {id: ldld, name: LĐLĐ tỉnh}
      - {id: tinhdoan, name: Tỉnh đoàn}
    rotation: {rule: fixed-order, order: [hlhpn, ldld, tinhdoan]}
    leader: ldld
    deputy: tinhdoan
""")

CASES = [
    # W600: chair and deputy other than the rotation rule proposes; each points at the value.
    Case("rotation-mismatch", {Y2023: PREVIOUS, Y2024: MEMBERS_2024 + "leader: tinhdoan\ndeputy: ldld\n"},
         [(Y2024, "W600", 10, 9), (Y2024, "W600", 11, 9)]),
    # A chair that is no member (a typo of ldld) is E303 alone: not also W600 against the rotation.
    Case("rotation-typo-is-one-finding", {Y2023: PREVIOUS, Y2024: MEMBERS_2024 + "leader: lddl\ndeputy: tinhdoan\n"},
         [(Y2024, "E303", 10, 9)]),
    # W601: a member of 2023 missing in 2024 with no departure recorded; points at the file.
    Case("member-vanished", {Y2023: PREVIOUS, Y2024: WITHOUT_HND}, [(Y2024, "W601", 1, 1)]),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_history_rule(case, tmp_path):
    assert run_case(case, tmp_path) == case.expect


def _findings(tmp_path, text_2024, previous=PREVIOUS):
    root = write_root(tmp_path / "root", {Y2023: previous, Y2024: dedent(text_2024)})
    return [(d.source.file, d.code, d.source.line, d.source.col) for d in diagnostics(root)]


def test_rotation_mismatch_names_the_expected_member(tmp_path):
    root = write_root(tmp_path / "root", CASES[0].files)
    leader, deputy = diagnostics(root)
    assert "(ldld)" in leader.message
    assert "(tinhdoan)" in deputy.message


def test_rotation_as_proposed_is_clean(tmp_path):
    assert _findings(tmp_path, MEMBERS_2024 + "leader: ldld\ndeputy: tinhdoan\n") == []


def test_choice_recorded_in_last_years_decided_is_accepted(tmp_path):
    previous = PREVIOUS + "decided:\n  next_leader: tinhdoan\n  next_deputy: ldld\n"
    assert _findings(tmp_path, MEMBERS_2024 + "leader: tinhdoan\ndeputy: ldld\n", previous) == []


def test_elected_rule_never_warns(tmp_path):
    previous = PREVIOUS.replace("rule: fixed-order", "rule: elected")
    assert _findings(tmp_path, MEMBERS_2024 + "leader: hnd\ndeputy: hlhpn\n", previous) == []


def test_departure_recorded_is_clean(tmp_path):
    text = WITHOUT_HND + "departures:\n  - {member: hnd, reason: moved, date: 2024-01-01}\n"
    assert _findings(tmp_path, text) == []


def test_successor_listing_its_predecessor_is_clean(tmp_path):
    text = MEMBERS_2024.replace("{id: hnd, name: Hội Nông dân tỉnh}",
                                "{id: hnd-mttq, name: Hội Nông dân tỉnh, predecessors: [hnd]}")
    text = text.replace("tinhdoan, hnd]", "tinhdoan, hnd-mttq]")
    assert _findings(tmp_path, text + "leader: ldld\ndeputy: tinhdoan\n") == []


def test_history_rules_skip_a_broken_previous_year(tmp_path):
    """A previous year with errors is not compared with (its own findings are enough)."""
    previous = PREVIOUS + "bogus: 1\n"
    assert _findings(tmp_path, WITHOUT_HND, previous) == [(Y2023, "E201", 12, 1)]


def test_history_rules_need_the_year_just_before(tmp_path):
    root = write_root(tmp_path / "root", {"blocs/mttq/2022.yaml": PREVIOUS.replace("2023", "2022"),
                                          Y2024: WITHOUT_HND})
    assert diagnostics(root) == []
