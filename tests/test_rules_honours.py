"""The awards members received during the year (``honours:``): the format and the findings E321–E325.

Each case is one bloc-year (blocs/mttq/2024.yaml) with the province config of tests/support.py; the
findings are compared exactly, as (code, line, col).
"""

import pytest
from support import BLOC_YEAR_PATH, bloc_case, diagnostics, run_case, write_root

HEAD = """\
bloc: mttq
year: 2024
name: Khối thi đua MTTQ
members:
  - {id: hlhpn, name: Hội LHPN tỉnh}
  - {id: ldld, name: LĐLĐ tỉnh}
  - {id: hnd, name: Hội Nông dân tỉnh}
"""  # 7 lines: honours start on line 8


def honours(text: str) -> str:
    return HEAD + text


CASES = [
    # Everything the format offers, written right: no finding.
    bloc_case("clean", honours("""\
honours:
  - award: Bằng khen của Chủ tịch UBND tỉnh
    level: province
    decision: {number: 1234/QĐ-UBND, date: 2024-06-10, issuer: Chủ tịch UBND tỉnh}
    campaign: Phong trào thi đua chào mừng Đại hội Đảng các cấp
    collectives: [hlhpn, ldld]
    individuals:
      - {name: Nguyễn Văn An, unit: hlhpn, title: Chuyên viên}
      - {name: Trần Thị Bình, unit: ldld}
    count: {collectives: 2, individuals: 5}
  - award: Bằng khen của Thủ tướng Chính phủ
    level: state
    proposed_by: UBND tỉnh
    campaign: thường xuyên
    collectives: [hlhpn]
  - award: Cờ thi đua của UBND tỉnh
    decision: {number: 45/QĐ-UBND, date: 2025-01-20}
    collectives: [hnd]
""")),
    # E321: a collective, or an individual's unit, that is not a member.
    bloc_case("unknown-unit", honours("""\
honours:
  - award: Bằng khen của Chủ tịch UBND tỉnh
    collectives: [hlhpn, tinhdoan]
    individuals:
      - {name: Nguyễn Văn An, unit: hccb}
"""), ("E321", 10, 26), ("E321", 12, 37)),
    # W322: a campaign's decision of the next year; a year-end one past June of the next year; one of the
    # year before. A year-end decision of June 30 the next year is inside the tolerance.
    bloc_case("date-outside-year", honours("""\
honours:
  - award: Bằng khen của Chủ tịch UBND tỉnh
    campaign: Phong trào thi đua chào mừng Đại hội Đảng các cấp
    decision: {date: 2025-01-05}
    collectives: [hlhpn]
  - award: Cờ thi đua của UBND tỉnh
    decision: {number: 45/QĐ-UBND, date: 2025-07-01}
    collectives: [ldld]
  - award: Giấy khen
    decision: {date: 2023-12-31}
    collectives: [hnd]
  - award: Bằng khen của Chủ tịch UBND tỉnh
    decision: {date: 2025-06-30}
    collectives: [hnd]
"""), ("W322", 11, 22), ("W322", 14, 42), ("W322", 17, 22)),
    # E323: the same unit twice by one decision (two entries with one number, and twice in one entry);
    # the same person twice (case and spacing aside). Another decision may award the same unit again.
    bloc_case("duplicate-recipient", honours("""\
honours:
  - award: Bằng khen của Chủ tịch UBND tỉnh
    decision: {number: 1234/QĐ-UBND}
    collectives: [hlhpn]
    individuals:
      - {name: Nguyễn Văn An, unit: hlhpn}
  - award: Bằng khen của Chủ tịch UBND tỉnh
    decision: {number: 1234/qđ-ubnd}
    collectives: [hlhpn, ldld, ldld]
    individuals:
      - {name: nguyễn  văn an, unit: hlhpn}
      - {name: Nguyễn Văn An, unit: ldld}
  - award: Bằng khen của Chủ tịch UBND tỉnh
    decision: {number: 99/QĐ-UBND}
    collectives: [hlhpn]
"""), ("E323", 16, 19), ("E323", 16, 32), ("E323", 18, 9)),
    # E324: an individual written without a unit.
    bloc_case("individual-without-unit", honours("""\
honours:
  - award: Bằng khen của Chủ tịch UBND tỉnh
    individuals:
      - {name: Nguyễn Văn An, title: Chuyên viên}
      - {name: Trần Thị Bình, unit: ldld}
"""), ("E324", 11, 9)),
    # E325: a count below the names written; a count equal to them is right.
    bloc_case("count-below-named", honours("""\
honours:
  - award: Bằng khen của Chủ tịch UBND tỉnh
    collectives: [hlhpn, ldld, hnd]
    individuals:
      - {name: Nguyễn Văn An, unit: hlhpn}
    count: {collectives: 2, individuals: 1}
  - award: Giấy khen
    individuals:
      - {name: Nguyễn Văn An, unit: hlhpn}
      - {name: Trần Thị Bình, unit: ldld}
    count: {individuals: 1}
"""), ("E325", 13, 26), ("E325", 18, 26)),
    # The format: an award is required, a level is one of four, counts are whole numbers, unknown keys.
    bloc_case("format", honours("""\
honours:
  - level: tỉnh
    collectives: [hlhpn]
  - award: Bằng khen
    count: {collectives: 1.5, tap_the: 2}
    decison: {number: 1/QĐ-UBND}
"""), ("E202", 9, 5), ("E207", 9, 12), ("E203", 12, 26), ("E201", 12, 31), ("E201", 13, 5)),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_honour_rule(case, tmp_path):
    assert run_case(case, tmp_path) == case.expect


def test_messages_and_hints_say_what_to_write(tmp_path):
    def first(case_id: str):
        case = next(c for c in CASES if c.id == case_id)
        return diagnostics(write_root(tmp_path / case_id, case.files))

    unknown = first("unknown-unit")
    assert unknown[0].message == ("tập thể 'tinhdoan' được khen (Bằng khen của Chủ tịch UBND tỉnh) không phải là "
                                  "đơn vị thành viên của khối năm 2024")
    assert unknown[0].hint.endswith("tính vào 'count: {collectives: …}'. Các mã hiện có: hlhpn, hnd, ldld.")
    assert unknown[1].message.startswith("đơn vị 'hccb' của Nguyễn Văn An")
    dates = first("date-outside-year")
    assert [d.message for d in dates] == [
        "quyết định Bằng khen của Chủ tịch UBND tỉnh ngày 2025-01-05 không thuộc năm thi đua 2024 "
        "(khen thưởng theo phong trào chuyên đề)",
        "quyết định Cờ thi đua của UBND tỉnh ngày 2025-07-01 không thuộc năm thi đua 2024 (khen thưởng thường xuyên)",
        "quyết định Giấy khen ngày 2023-12-31 không thuộc năm thi đua 2024 (khen thưởng thường xuyên)"]
    assert "đến hết tháng 6 năm sau" in dates[0].hint
    duplicate = first("duplicate-recipient")
    assert [d.message for d in duplicate] == [
        "tập thể 'hlhpn' đã ghi nhận Bằng khen của Chủ tịch UBND tỉnh theo cùng quyết định (dòng 11)",
        "tập thể 'ldld' đã ghi nhận Bằng khen của Chủ tịch UBND tỉnh theo cùng quyết định (dòng 16)",
        "cá nhân nguyễn  văn an đã ghi nhận Bằng khen của Chủ tịch UBND tỉnh theo cùng quyết định (dòng 13)"]
    [no_unit] = first("individual-without-unit")
    assert no_unit.message == "cá nhân Nguyễn Văn An (Bằng khen của Chủ tịch UBND tỉnh) không ghi đơn vị công tác"
    assert "unit: vpty" in no_unit.hint
    counts = first("count-below-named")
    assert [d.message for d in counts] == [
        "Bằng khen của Chủ tịch UBND tỉnh: ghi 2 tập thể nhưng đã ghi tên 3 tập thể",
        "Giấy khen: ghi 1 cá nhân nhưng đã ghi tên 2 cá nhân"]
    assert all(d.source.file.endswith(BLOC_YEAR_PATH) for d in [*unknown, *dates, *duplicate, no_unit, *counts])


def test_validate_prints_the_finding_with_its_position_code_and_hint(tmp_path):
    from fixtures_scoring import run_cli

    case = next(c for c in CASES if c.id == "individual-without-unit")
    root = write_root(tmp_path / "root", case.files)
    result = run_cli(["validate", "--root", str(root), "--no-cache"])
    assert result.exit_code == 1
    assert f"{BLOC_YEAR_PATH}:11:9: lỗi E324: cá nhân Nguyễn Văn An" in result.output
    assert "gợi ý: Ghi đơn vị của cá nhân bằng mã đơn vị thành viên" in result.output
