"""W505: a review meeting with fewer units present than the province's quorum (review.quorum: 2/3, as
Hà Nội's HD 01/HD-HĐTĐKT 2021 writes it) is warned, counted exactly: 2/3 of 9 members is 6, not 7."""

import pytest
from support import CONFIG, dedent, diagnostics, write_root

from thidua.diagnostics import Severity

IDS = [f"u{i}" for i in range(1, 13)]


def year_file(members: int, present: list[str]) -> str:
    listed = "\n".join(f"  - {{id: {i}, name: Đơn vị {i}}}" for i in IDS[:members])
    return dedent("""
        bloc: mttq
        year: 2024
        name: Khối thi đua thử
        members:
        """) + listed + "\n" + dedent(f"""
        events:
          review:
            date: 2024-12-20
            present: [{", ".join(present)}]
        """)


def w505(tmp_path, quorum: str | None, members: int, present: int | list[str], errors: tuple[str, ...] = ()):
    config = CONFIG if quorum is None else CONFIG + f"review:\n  quorum: {quorum}\n"
    units = present if isinstance(present, list) else IDS[:present]
    root = write_root(tmp_path / "root", {"thidua.yaml": config, "blocs/mttq/2024.yaml": year_file(members, units)})
    found = diagnostics(root)
    assert [d.code for d in found if d.severity is Severity.ERROR] == list(errors), found
    return [(d.source.line, d.source.col, d.message) for d in found if d.code == "W505"]


@pytest.mark.parametrize(("quorum", "members", "present", "warned"), [
    ("2/3", 9, 6, False),   # exactly 2/3: enough
    ("2/3", 9, 5, True),
    ("2/3", 10, 7, False),  # 2/3 of 10 is 6.67: 7 are needed
    ("2/3", 10, 6, True),
    ("70%", 10, 7, False),  # equal to the threshold
    ("70%", 10, 6, True),
    ("0.5", 1, 1, False),   # one member, present
    ("50%", 12, 6, False),
    ("50%", 12, 5, True),
])
def test_the_quorum_is_counted_exactly(tmp_path, quorum, members, present, warned):
    assert bool(w505(tmp_path, quorum, members, present)) is warned


def test_the_warning_says_how_many_and_points_at_the_list(tmp_path):
    root = write_root(tmp_path / "w", {"thidua.yaml": CONFIG + "review:\n  quorum: 2/3\n",
                                       "blocs/mttq/2024.yaml": year_file(9, IDS[:5])})
    assert [(d.code, d.severity) for d in diagnostics(root)] == [("W505", Severity.WARNING)]
    assert w505(tmp_path, "2/3", 9, 5) == [
        (17, 15, "5/9 đơn vị dự hội nghị tổng kết, bình xét; quy chế cần ít nhất 2/3 số thành viên (6 đơn vị)")]
    assert w505(tmp_path, "70%", 10, 6)[0][2].endswith("quy chế cần ít nhất 70% số thành viên (7 đơn vị)")


def test_a_unit_listed_twice_counts_once_and_no_quorum_no_warning(tmp_path):
    twice = ["u1", "u2", "u3", "u4", "u5", "u5"]  # E314 for the second u5; 5 units present, not 6
    assert [m for _, _, m in w505(tmp_path, "2/3", 9, twice, ("E314",))] == [
        "5/9 đơn vị dự hội nghị tổng kết, bình xét; quy chế cần ít nhất 2/3 số thành viên (6 đơn vị)"]
    assert w505(tmp_path, None, 9, 1) == []


@pytest.mark.parametrize(("quorum", "code"), [("3/2", "E205"), ("1/0", "E205"), ("hai phần ba", "E203")])
def test_a_quorum_that_is_no_share_is_an_error(tmp_path, quorum, code):
    root = write_root(tmp_path / "root", {"thidua.yaml": CONFIG + f"review:\n  quorum: {quorum}\n",
                                          "blocs/mttq/2024.yaml": year_file(3, IDS[:3])})
    assert [(d.source.file, d.code) for d in diagnostics(root) if d.severity is Severity.ERROR] == \
        [("thidua.yaml", code)]
