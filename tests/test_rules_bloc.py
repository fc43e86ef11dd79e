"""Rules of the bloc stage: one bloc-year's ids, table, scores, votes and events.

The province config and the shared table ``_tables/mttq-2024`` come from tests/support.py:
groups 1 (1.1 max 50, 1.2 max 30) and 2 (max 20), total 100, bonus and deductions capped at 5;
awards co-ubnd and bang-khen.
"""

import pytest
from support import BLOC_YEAR_PATH, Case, bloc_case, dedent, diagnostics, run_case, write_root

CASES = [
    # E300 / E301: bloc and year disagree with the path.
    bloc_case("bloc-mismatch", """
        bloc: cac-ban-dang
        year: 2024
        name: Khối các Ban Đảng
        members:
          - {id: bantc, name: Ban Tổ chức Tỉnh ủy}
    """, ("E300", 1, 7)),
    bloc_case("year-mismatch", """
        bloc: mttq
        year: 2023
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
    """, ("E301", 2, 7)),
    # E302: the same member id twice; points at the second member.
    bloc_case("duplicate-member", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - id: hlhpn
            name: Hội LHPN tỉnh
          - id: hlhpn
            name: Hội Nông dân tỉnh
    """, ("E302", 7, 5)),
    # E303: ids that are not members, wherever they are referenced.
    bloc_case("unknown-members", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
          - {id: ldld, name: LĐLĐ tỉnh}
        leader: hlhpm
        deputy: ldld
        rotation: {rule: fixed-order, order: [hlhpn, ldld, hnd]}
        events:
          review: {date: 2024-12-20, host: tinhdoan, present: [hlhpn, ccb]}
        votes:
          voters: 2
          awards:
            co-ubnd: {hlhpn: 2, tinhdoan: 1}
        discipline:
          - member: hccb
        decided:
          awards:
            bang-khen: [ldlđ]
    """, ("E303", 7, 9), ("E303", 9, 52), ("E303", 11, 36), ("E303", 11, 63),
        ("E303", 15, 25), ("E303", 17, 13), ("E206", 20, 17)),
    # E303 too: the unit of whoever chairs, takes the minutes or signs must be a member.
    bloc_case("unknown-units-of-people", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
          - {id: ldld, name: LĐLĐ tỉnh}
        events:
          review:
            date: 2024-12-20
            chair: {name: Nguyễn Thị Hà, title: Chủ tịch, unit: hlhpn}
            secretary: {name: Trần Văn Minh, unit: tinhdoan}
        documents:
          signer: {name: Lê Văn Sơn, title: Chủ tịch, unit: lđld}
          proposal_number: 12/TTr-KTĐ
    """, ("E303", 11, 44), ("E206", 13, 53)),
    # E304: one member both chair and deputy; points at the deputy.
    bloc_case("leader-is-deputy", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
          - {id: ldld, name: LĐLĐ tỉnh}
        leader: hlhpn
        deputy: hlhpn
    """, ("E304", 8, 9)),
    # E305: the scoring table named by criteria: does not exist.
    bloc_case("table-not-found", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        criteria: _tables/mttq-2042
    """, ("E305", 6, 11)),
    bloc_case("table-ref-malformed", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        criteria: tables/mttq-2024
    """, ("E305", 6, 11)),
    # E306: maxima that do not add up (inline table), and a leaf without a maximum.
    bloc_case("table-total-inline", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        criteria:
          name: Bảng chấm điểm
          total: 100
          groups:
            - id: "1"
              name: Chuyên môn
              max: 60
              items:
                - {id: "1.1", name: Nhiệm vụ, max: 40}
                - {id: "1.2", name: Báo cáo, max: 15}
            - {id: "2", name: Tổ chức, max: 30}
            - {id: "3", name: Khác}
    """, ("E306", 7, 3), ("E306", 10, 7), ("E306", 17, 7)),
    # E306 / E307 in a shared table file are reported in that file.
    Case("table-file", {
        "blocs/_tables/mttq-2024.yaml": """
            name: Bảng chấm điểm
            total: 100
            groups:
              - id: "1"
                name: Chuyên môn
                items:
                  - {id: "1.1", name: Nhiệm vụ, max: 50}
                  - {id: "1.1", name: Báo cáo, max: 30}
              - {id: "2", name: Tổ chức, max: 10}
        """,
    }, [("blocs/_tables/mttq-2024.yaml", "E306", 1, 1), ("blocs/_tables/mttq-2024.yaml", "E307", 8, 9)]),
    # E307: the same criterion id twice (inline table).
    bloc_case("duplicate-criterion", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        criteria:
          name: Bảng chấm điểm
          groups:
            - {id: "1", name: Chuyên môn, max: 60}
            - {id: "1", name: Tổ chức, max: 40}
    """, ("E307", 10, 7)),
    # E308: an award id not declared in thidua.yaml.
    bloc_case("unknown-award", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        decided:
          awards:
            co-chinh-phu-2: [hlhpn]
    """, ("E308", 8, 5)),
    # W309: an event dated outside the year (the review may run into March of the next year, the covenant
    # may be signed from October of the year before).
    bloc_case("event-outside-year", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        events:
          covenant: 2023-06-28
          midyear: {date: 2025-07-01, host: hlhpn}
          review: 2025-04-01
    """, ("W309", 7, 13), ("W309", 8, 12), ("W309", 9, 11)),
    # E400: a score above its criterion's maximum (self and agreed).
    bloc_case("score-above-max", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        criteria: _tables/mttq-2024
        scores:
          hlhpn:
            self:   {"1.1": 50, "1.2": 31, "2": 20}
            agreed: {"1.1": 50.01, "1.2": 30, "2": 20}
    """, ("E400", 9, 32), ("E400", 10, 21)),
    # E401: scores for a criterion the table lacks, or for a group instead of its leaves.
    bloc_case("unknown-criterion", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
          - {id: ldld, name: LĐLĐ tỉnh}
        criteria: _tables/mttq-2024
        scores:
          hlhpn:
            agreed: {"1.1": 50, "1.2": 30, "2": 20, "3": 5}
          ldld:
            agreed: {"1": 80, "2": 20}
    """, ("E401", 10, 45), ("W407", 11, 3), ("E401", 12, 14)),
    # E402 / E403: bonus or deductions past the table's caps (a number, or a list that adds up).
    bloc_case("bonus-over-cap", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
          - {id: ldld, name: LĐLĐ tỉnh}
        criteria: _tables/mttq-2024
        scores:
          hlhpn:
            agreed: {"1.1": 50, "1.2": 30, "2": 20}
            bonus: 5.5
          ldld:
            agreed: {"1.1": 50, "1.2": 30, "2": 20}
            bonus:
              - {points: 3, reason: Dẫn đầu phong trào}
              - {points: 3, reason: Sáng kiến}
    """, ("E402", 11, 12), ("E402", 15, 9)),
    bloc_case("deductions-over-cap", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        criteria: _tables/mttq-2024
        scores:
          hlhpn:
            agreed: {"1.1": 50, "1.2": 30, "2": 20}
            deductions:
              - points: 4
                reason: Nộp báo cáo chậm
              - points: 2
                reason: Sai số liệu
    """, ("E403", 11, 9)),
    # E404: the total written on the paper minutes differs from the computed one (after rounding).
    bloc_case("total-mismatch", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
          - {id: ldld, name: LĐLĐ tỉnh}
        criteria: _tables/mttq-2024
        scores:
          hlhpn:
            agreed: {"1.1": 45.5, "1.2": 30, "2": 19}
            bonus: 2
            deductions: 1
            total: 95.5
          ldld:
            agreed: {"1.1": 45.5, "1.2": 30, "2": 19}
            bonus: 2
            deductions: 1
            total: 94.5
    """, ("E404", 18, 12)),
    # W405 / W406 / W407: scoring has started but is not complete.
    bloc_case("incomplete-scoring", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
          - {id: ldld, name: LĐLĐ tỉnh}
          - {id: tinhdoan, name: Tỉnh đoàn}
        criteria: _tables/mttq-2024
        scores:
          hlhpn:
            self: {"1.1": 50, "1.2": 30, "2": 20}
          ldld:
            agreed: {"1.1": 50, "2": 20}
    """, ("W405", 7, 5), ("W406", 10, 3), ("W407", 12, 3)),
    # E500 / E501: more votes than voters, more voters than members.
    bloc_case("votes", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
          - {id: ldld, name: LĐLĐ tỉnh}
          - {id: tinhdoan, name: Tỉnh đoàn}
        votes:
          voters: 4
          awards:
            co-ubnd: {hlhpn: 5, ldld: 4}
    """, ("E501", 9, 11), ("E500", 11, 22)),
    # W502: a disciplined member recorded for an award.
    bloc_case("discipline-award", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
          - {id: ldld, name: LĐLĐ tỉnh}
        discipline:
          - member: ldld
            reason: Khiển trách
        decided:
          awards:
            bang-khen: [hlhpn, ldld]
    """, ("W700", 12, 17), ("W502", 12, 24), ("W700", 12, 24)),  # unscored: the rules propose neither
    # E310: award rules that contradict the bands or each other (in thidua.yaml).
    Case("bad-award-rules", {"thidua.yaml": """
        province: Khánh Hòa
        scoring:
          bands:
            - {name: Xuất sắc, min: 95}
            - {name: Tốt, min: 80}
        awards:
          - {id: co-ubnd, name: Cờ thi đua của UBND tỉnh, min_band: Xuất xắc}
          - id: co-chinh-phu
            name: Cờ thi đua của Chính phủ
            level: province
            from_award: co-tinh
    """}, [("thidua.yaml", "E310", 7, 5), ("thidua.yaml", "E310", 8, 5)]),
    # E311: a member that leaves before it joins, dates outside the year, a penalty ending before it starts.
    bloc_case("impossible-dates", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh, joined: 2024-07-01, left: 2024-03-31}
          - {id: ldld, name: LĐLĐ tỉnh, joined: 2023-12-01}
          - {id: hnd, name: Hội ND tỉnh, left: 2025-01-15}
        discipline:
          - {member: ldld, reason: Khiển trách, date: 2024-05-01, until: 2024-04-30}
    """, ("E311", 5, 5), ("E311", 6, 5), ("E311", 7, 5), ("E311", 9, 5)),
    # E312: this year's chair and deputy with a date they left.
    bloc_case("chair-left", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh, left: 2024-06-30}
          - {id: ldld, name: LĐLĐ tỉnh, left: 2024-09-30}
          - {id: hnd, name: Hội ND tỉnh}
        leader: hlhpn
        deputy: ldld
    """, ("E312", 8, 9), ("E312", 9, 9)),
    # E313: a departure recorded for a member still listed.
    bloc_case("departed-but-present", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
          - {id: ldld, name: LĐLĐ tỉnh}
        departures:
          - {member: ldld, reason: moved}
    """, ("E313", 8, 14)),
    # E314: the same unit twice in a meeting's attendance.
    bloc_case("duplicate-present", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
          - {id: ldld, name: LĐLĐ tỉnh}
        events:
          review: {date: 2024-12-20, present: [hlhpn, ldld, hlhpn]}
    """, ("E314", 8, 53)),
    # E315: a predecessor that is the member itself, or a member still in the bloc; a bloc its own predecessor.
    bloc_case("predecessor-is-member", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        predecessors: [mttq]
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh, predecessors: [hlhpn]}
          - {id: ldld, name: LĐLĐ tỉnh, predecessors: [hlhpn]}
    """, ("E315", 4, 16), ("E315", 6, 53), ("E315", 7, 48)),
    # E320: next year's chair and deputy as decided are one unit.
    bloc_case("decided-leader-is-deputy", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
          - {id: ldld, name: LĐLĐ tỉnh}
        decided:
          next_leader: ldld
          next_deputy: ldld
    """, ("E320", 9, 16)),
    # E408: deductions past the points earned, under the default 'negative_total: error'.
    bloc_case("negative-total", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        criteria: _tables/mttq-2024
        scores:
          hlhpn:
            agreed: {"1.1": 1, "1.2": 0, "2": 0}
            deductions: [{points: 3, reason: Sai số liệu}]
    """, ("E408", 10, 18)),
    # E503 / E504: no ballots at all; more ballots than units at the meeting.
    bloc_case("no-voters", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        votes:
          voters: 0
          awards:
            co-ubnd: {hlhpn: 0}
    """, ("E503", 7, 11)),
    bloc_case("voters-over-present", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
          - {id: ldld, name: LĐLĐ tỉnh}
          - {id: hnd, name: Hội ND tỉnh}
        events:
          review: {date: 2024-12-20, present: [hlhpn, ldld]}
        votes:
          voters: 3
          awards:
            co-ubnd: {hlhpn: 3}
    """, ("E504", 11, 11)),
    # E310: vote and quota rules that cannot be read one way only.
    Case("bad-vote-and-quota-rules", {"thidua.yaml": """
        province: Khánh Hòa
        awards:
          - {id: co-ubnd, name: Cờ, votes: {min: 70%, over: 50%}, quota: {count: 1, of: blocs}}
          - {id: bang-khen, name: Bằng khen, votes: {of: members}, combines_with: [bang-khen, co-tw]}
          - {id: co-chinh-phu, name: Cờ Chính phủ, level: province, quota: {share: 20%, of: proposed}}
    """}, [("thidua.yaml", "W326", 1, 1),  # no 'scoring:' at all: no bands (at the file's start)
           ("thidua.yaml", "E310", 3, 5), ("thidua.yaml", "E310", 3, 5), ("thidua.yaml", "E310", 4, 5),
           ("thidua.yaml", "E310", 4, 5), ("thidua.yaml", "E310", 4, 5), ("thidua.yaml", "E310", 5, 5)]),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_bloc_rule(case, tmp_path):
    assert run_case(case, tmp_path) == case.expect


CLEAN = dedent("""
    bloc: mttq
    year: 2024
    name: Khối thi đua MTTQ và các tổ chức chính trị - xã hội tỉnh
    members:
      - {id: hlhpn, name: Hội Liên hiệp Phụ nữ tỉnh}
      - {id: ldld, name: Liên đoàn Lao động tỉnh}
      - {id: tinhdoan, name: Tỉnh đoàn}
    leader: hlhpn
    deputy: ldld
    rotation: {rule: fixed-order, order: [hlhpn, ldld, tinhdoan]}
    events:
      covenant: 2024-01-01
      midyear: {date: 2024-07-05, host: ldld, present: [hlhpn, ldld, tinhdoan]}
      review: 2025-03-31
    criteria: _tables/mttq-2024
    scores:
      hlhpn:
        self:   {"1.1": 50, "1.2": 30, "2": 20}
        agreed: {"1.1": 50, "1.2": 30, "2": 20}
        bonus: 5
      ldld:
        agreed: {"1.1": 5, "1.2": 0, "2": 0}
        deductions:
          - {points: 2.5, reason: Nộp báo cáo chậm}
          - {points: 2.5, reason: Sai số liệu}
      tinhdoan:
        agreed: {"1.1": 45, "1.2": 28.5, "2": 19}
    votes:
      voters: 3
      awards:
        co-ubnd: {hlhpn: 3, tinhdoan: 0}
        bang-khen: {tinhdoan: 3}
    discipline:
      - {member: ldld, reason: Khiển trách}
    decided:
      awards:
        co-ubnd: [hlhpn]
        bang-khen: [tinhdoan]
      next_leader: ldld
      next_deputy: tinhdoan
""")


def test_clean_bloc_year_on_every_boundary(tmp_path):
    """Scores at 0 and at the maximum, bonus and deductions at their caps, a total of exactly 0, votes
    equal to voters, voters equal to members, a review in March of the next year: no finding."""
    root = write_root(tmp_path / "root", {BLOC_YEAR_PATH: CLEAN})
    assert diagnostics(root) == []


def test_unknown_member_hint_suggests_the_close_id(tmp_path):
    case = next(c for c in CASES if c.id == "unknown-members")
    first = diagnostics(write_root(tmp_path / "root", case.files))[0]
    assert "'hlhpn'" in first.hint


def test_shared_table_finding_is_reported_once(tmp_path):
    """A broken shared table used by two blocs is one finding, in the table's file."""
    broken = dedent("""
        name: Bảng
        total: 90
        groups:
          - {id: "1", name: Chuyên môn, max: 100}
    """)
    files = {"blocs/_tables/mttq-2024.yaml": broken}
    for bloc in ("mttq", "cac-ban-dang"):
        files[f"blocs/{bloc}/2024.yaml"] = dedent(f"""
            bloc: {bloc}
            year: 2024
            name: Khối
            members:
              - {{id: a-{bloc}, name: A}}
            criteria: _tables/mttq-2024
        """)
    found = diagnostics(write_root(tmp_path / "root", files))
    assert [(d.source.file, d.code) for d in found] == [("blocs/_tables/mttq-2024.yaml", "E306")]


def test_unknown_award_points_at_the_award_id(tmp_path):
    text = dedent("""
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        votes:
          voters: 1
          awards:
            co-tw: {hlhpn: 1}
    """)
    found = diagnostics(write_root(tmp_path / "root", {BLOC_YEAR_PATH: text}))
    assert [(d.code, d.source.line, d.source.col) for d in found] == [("E308", 9, 5)]


def test_unknown_criterion_points_at_the_criterion_id(tmp_path):
    text = dedent("""
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        criteria: _tables/mttq-2024
        scores:
          hlhpn:
            agreed:
              "1.1": 50
              "1.2": 30
              "2": 20
              "3": 5
    """)
    found = diagnostics(write_root(tmp_path / "root", {BLOC_YEAR_PATH: text}))
    assert [(d.code, d.source.line, d.source.col) for d in found] == [("E401", 13, 7)]


def test_bloc_award_override_is_checked_like_the_province_rules(tmp_path):
    text = dedent("""
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        awards:
          - {id: co-ubnd, name: Cờ thi đua của UBND tỉnh, min_band: Xuất xắc}
    """)
    found = diagnostics(write_root(tmp_path / "root", {BLOC_YEAR_PATH: text}))
    assert [(d.code, d.source.line, d.source.col) for d in found] == [("E310", 7, 5)]


def test_a_covenant_signed_at_last_years_review_is_in_its_year(tmp_path):
    """Seed 001: the 2021 covenant was signed at the 2020 year-end review, on 29/12/2020."""
    text = dedent("""
        bloc: mttq
        year: 2021
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        events:
          covenant: 2020-12-29
          review: 2022-01-15
    """)
    assert diagnostics(write_root(tmp_path / "root", {BLOC_YEAR_PATH.replace("2024", "2021"): text})) == []


def test_discipline_award_follows_the_penalty_dates(tmp_path):
    """W502 for a case under review; none for a penalty that ended before the year."""
    text = dedent("""
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
          - {id: ldld, name: LĐLĐ tỉnh}
        discipline:
          - {member: ldld, reason: Khiển trách, date: 2023-01-10, until: 2023-12-31}
          - {member: hlhpn, reason: Thanh tra, pending: true}
        decided:
          awards:
            bang-khen: [hlhpn, ldld]
    """)
    found = diagnostics(write_root(tmp_path / "root", {BLOC_YEAR_PATH: text}))
    assert [(d.code, d.source.line, d.message) for d in found if d.code == "W502"] == [
        ("W502", 12, "hlhpn đang xem xét kỷ luật (Thanh tra) nhưng được ghi nhận 'bang-khen'")]
    assert {d.code for d in found} == {"W502", "W700"}  # W700: no scores, so the rules propose neither
