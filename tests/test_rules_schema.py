"""Rules of the schema stage (E2xx): unknown and missing keys, and values of the wrong type.

Scalars stay strings until the format types them, so each of these is a finding at the value,
never a silent conversion.
"""

import pytest
from support import BLOC_YEAR_PATH, Case, bloc_case, dedent, diagnostics, run_case, write_root

CASES = [
    # E200: a value of the wrong kind.
    bloc_case("top-level-list", """
        - bloc: mttq
          year: 2024
    """, ("E200", 1, 1)),
    bloc_case("members-not-a-list", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members: hlhpn
    """, ("E200", 4, 10)),
    bloc_case("name-is-a-list", """
        bloc: mttq
        year: 2024
        name: [Khối, thi đua]
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
    """, ("E200", 3, 7)),
    # E201: an unknown key, with a spelling hint (checked below).
    bloc_case("unknown-key", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        leadr: hlhpn
    """, ("E201", 6, 1)),
    bloc_case("comma-splits-flow-mapping", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội Liên hiệp Phụ nữ, tỉnh Khánh Hòa}
    """, ("E201", 5, 45)),
    Case("unknown-key-in-config", {"thidua.yaml": """
        province: Khánh Hòa
        awards:
          - id: co-ubnd
            name: Cờ thi đua của UBND tỉnh
            qouta: 1
    """}, [("thidua.yaml", "W326", 1, 1), ("thidua.yaml", "E201", 5, 5)]),
    # E202: a required key missing; the finding points at the mapping that lacks it.
    bloc_case("missing-name", """
        bloc: mttq
        year: 2024
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
    """, ("E202", 1, 1)),
    bloc_case("member-without-name", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - id: hlhpn
    """, ("E202", 5, 5)),
    # E203: not a number: decimal comma, words, exponents. A refused score leaves its criterion
    # unscored, so W407 (counted as 0) comes with it.
    bloc_case("decimal-comma", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        criteria: _tables/mttq-2024
        scores:
          hlhpn:
            agreed:
              "1.1": 9,5
              "1.2": 30
              "2": 20
    """, ("E203", 10, 14)),
    bloc_case("words-for-numbers", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        votes:
          voters: bảy
    """, ("E203", 7, 11)),
    bloc_case("exponent", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        criteria: _tables/mttq-2024
        scores:
          hlhpn:
            agreed: {"1.1": 1e400, "1.2": 30, "2": 20}
    """, ("E203", 9, 21)),
    bloc_case("year-not-integer", """
        bloc: mttq
        year: 2024.5
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
    """, ("E203", 2, 7)),
    # E204: dates that do not exist, or not written YEAR-MONTH-DAY.
    bloc_case("february-30", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        events:
          covenant: 2024-02-30
          review: 20/12/2024
    """, ("E204", 7, 13), ("E204", 8, 11)),
    # E205: out of range: not finite, huge, negative, a year from another era.
    bloc_case("nan-and-inf", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        criteria: _tables/mttq-2024
        scores:
          hlhpn:
            agreed: {"1.1": .nan, "1.2": .inf, "2": -.Inf}
    """, ("E205", 9, 21), ("E205", 9, 34), ("E205", 9, 45)),
    bloc_case("huge-numbers", """
        bloc: mttq
        year: 99999999999999999999999999999999999999
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        votes:
          voters: 1000000000000000000000000000000
    """, ("E205", 2, 7), ("E205", 7, 11)),
    bloc_case("negative-score", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        criteria: _tables/mttq-2024
        scores:
          hlhpn:
            agreed: {"1.1": 50, "1.2": 30, "2": -1}
    """, ("E205", 9, 41)),
    bloc_case("share-above-100", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        awards:
          - {id: co-ubnd, name: Cờ thi đua, votes: 120%}
    """, ("E205", 7, 44)),
    # E206: ids that are not short lowercase ASCII.
    bloc_case("bad-ids", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: Hội LHPN, name: Hội LHPN tỉnh}
          - {id: hlhpn, name: Hội LHPN tỉnh}
        leader: HLHPN
    """, ("E206", 5, 10), ("E206", 7, 9)),
    # E207: a value outside its list of choices.
    bloc_case("bad-choice", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        rotation:
          rule: fixed
    """, ("E207", 7, 9)),
    # E208: a required value left empty.
    bloc_case("empty-name", """
        bloc: mttq
        year: 2024
        name:
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
    """, ("E208", 3, 6)),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_schema_rule(case, tmp_path):
    assert run_case(case, tmp_path) == case.expect


def _only(case_id, tmp_path):
    """The finding of the code the case is about (a case may also show a consequence, such as W407)."""
    case = next(c for c in CASES if c.id == case_id)
    found = diagnostics(write_root(tmp_path / "root", case.files))
    return next(d for d in found if d.code.startswith("E2"))


def test_unknown_key_hint_says_did_you_mean(tmp_path):
    assert _only("unknown-key", tmp_path).hint == "Có phải ý là 'leader'?"


def test_unknown_key_in_config_suggests_quota(tmp_path):
    assert "quota" in _only("unknown-key-in-config", tmp_path).hint


def test_decimal_comma_hint_gives_the_decimal_point(tmp_path):
    finding = _only("decimal-comma", tmp_path)
    assert "9,5" in finding.message
    assert "9.5" in finding.hint


def test_vietnamese_date_hint_spells_the_iso_date(tmp_path):
    case = next(c for c in CASES if c.id == "february-30")
    found = diagnostics(write_root(tmp_path / "root", case.files))
    assert "2024-02-30" in found[0].message
    assert "2024-12-20" in found[1].hint


def test_bad_choice_hint_suggests_the_close_choice(tmp_path):
    assert "fixed-order" in _only("bad-choice", tmp_path).hint


def test_missing_key_names_the_key(tmp_path):
    assert "'name'" in _only("missing-name", tmp_path).message


CLEAN = dedent("""
    bloc: mttq
    year: 2024
    name: "Khối thi đua MTTQ: các tổ chức chính trị - xã hội"
    number: 01/BB-KTĐ
    members:
      - id: hlhpn
        name: Hội Liên hiệp Phụ nữ tỉnh
        short: Hội LHPN
      - id: ldld_tinh
        name: Liên đoàn Lao động tỉnh
        joined: 2024-1-5
    leader: hlhpn
    deputy: ldld_tinh
    rotation:
      rule: deputy-succeeds
      skip_first_year: không
      cooldown_years: 0
    events:
      covenant: 2024-02-22
      midyear:
    criteria: _tables/mttq-2024
    scores:
      hlhpn:
        agreed: {1.1: 50.0, "1.2": 30, "2": 20}
      ldld_tinh:
        agreed: {"1.1": 0, "1.2": .5, "2": 19.50}
        bonus: 5
        deductions: 0
    votes:
      voters: 2
      awards:
        co-ubnd: {hlhpn: 2}
    awards:
      - {id: co-ubnd, name: Cờ thi đua, votes: "70,5%", quota: {share: 0.5}}
    discipline: []
    departures:
    note: |
      Ghi chú nhiều dòng: dấu hai chấm, dấu phẩy, "nháy" đều được.
""")


def test_clean_values_have_no_finding(tmp_path):
    """Boundary values that must be accepted: 0, the maximum, a leading-dot decimal, "không", a share
    with a decimal comma inside a percentage, an empty optional key, an unquoted criterion id."""
    root = write_root(tmp_path / "root", {BLOC_YEAR_PATH: CLEAN})
    assert diagnostics(root) == []


def test_decimal_comma_inside_a_flow_mapping_is_named_as_such(tmp_path):
    """In {"1.1": 9,5} YAML splits 9,5 into the value 9 and a key 5: say what the person meant."""
    text = dedent("""
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        scores:
          hlhpn: {agreed: {"1.1": 9,5, "1.2": 3}}
    """)
    [finding] = diagnostics(write_root(tmp_path / "root", {BLOC_YEAR_PATH: text}))
    assert (finding.code, finding.source.line, finding.source.col) == ("E203", 7, 27)
    assert "9.5" in finding.hint


def test_decimal_comma_in_a_flow_mapping_does_not_steal_a_real_key(tmp_path):
    """The split-off "5" must not collide with criterion "5" of the same sheet (no E101, no lost score)."""
    text = dedent("""
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        scores:
          hlhpn: {agreed: {"1.1": 9,5, "5": 20}}
    """)
    found = diagnostics(write_root(tmp_path / "root", {BLOC_YEAR_PATH: text}))
    assert [(d.code, d.source.line, d.source.col) for d in found] == [("E203", 7, 27)]


def test_a_block_mapping_key_without_value_is_not_taken_for_a_decimal(tmp_path):
    text = dedent("""
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        scores:
          hlhpn:
            agreed:
              "1.1": 9
              5:
    """)
    found = diagnostics(write_root(tmp_path / "root", {BLOC_YEAR_PATH: text}))
    assert [d.code for d in found] == ["E208"]


@pytest.mark.parametrize(("typed", "shown"), [
    ("hlhpn\u200b", "hlhpn\\u200b"), ("hl\u00a0hpn", "hl\\u00a0hpn"), ("\u2060hlhpn", "\\u2060hlhpn"),
])
def test_an_id_with_an_invisible_character_shows_it(tmp_path, typed, shown):
    """'hlhpn​' printed as it is looks exactly like the valid id: the message must show what is wrong."""
    text = ("bloc: mttq\nyear: 2024\nname: Khối thi đua MTTQ\nmembers:\n"
            f"  - {{id: \"{typed}\", name: Hội LHPN tỉnh}}\n")
    [found] = [d for d in diagnostics(write_root(tmp_path / "root", {"blocs/mttq/2024.yaml": text}))
               if d.code == "E206"]
    assert found.message == f"'{shown}' không phải là mã hợp lệ"
