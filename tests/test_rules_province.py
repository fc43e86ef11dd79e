"""Rules across the province's files (issue 13): a unit in two blocs the same year (E318), a merger
into a unit that exists nowhere (E317), a predecessor in no file of last year (E316), and year files
named with other scripts' digits (E319). Each is reported when the whole root is validated and when
only the file is."""

import pytest
from support import Case, dedent, diagnostics, run_case, write_root

from thidua.checking import validate


def bloc_year(bloc: str, year: int, members: str, extra: str = "") -> str:
    return dedent(f"""
        bloc: {bloc}
        year: {year}
        name: Khối {bloc}
        members:
    """) + dedent(members) + dedent(extra)


A_2024 = bloc_year("a", 2024, """
    - {id: sotc, name: Sở Tài chính}
    - {id: sokhdt, name: Sở Kế hoạch và Đầu tư}
""")
B_2024 = bloc_year("b", 2024, """
    - {id: soyt, name: Sở Y tế}
    - {id: sotc, name: Sở Tài chính}
""")

CASES = [
    # E318: one unit in two blocs' files of 2024; each file points at its own entry.
    Case("member-of-two-blocs", {"blocs/a/2024.yaml": A_2024, "blocs/b/2024.yaml": B_2024},
         [("blocs/a/2024.yaml", "E318", 5, 3), ("blocs/b/2024.yaml", "E318", 6, 3)]),
    # No E318 for a move during the year: it leaves one bloc before it joins the other.
    Case("moved-between-blocs", {
        "blocs/a/2024.yaml": A_2024.replace("{id: sotc, name: Sở Tài chính}",
                                            "{id: sotc, name: Sở Tài chính, left: 2024-06-30}"),
        "blocs/b/2024.yaml": B_2024.replace("{id: sotc, name: Sở Tài chính}",
                                            "{id: sotc, name: Sở Tài chính, joined: 2024-07-01}")}, []),
    # E317: merged into a unit no bloc has in 2025; into a unit of another bloc is fine.
    Case("merge-target-unknown", {
        "blocs/a/2024.yaml": A_2024,
        "blocs/a/2025.yaml": bloc_year("a", 2025, """
            - {id: sotc, name: Sở Tài chính}
        """, """
            departures:
              - {member: sokhdt, reason: merged, into: sotc-moi}
        """),
        "blocs/b/2025.yaml": bloc_year("b", 2025, """
            - {id: soyt, name: Sở Y tế}
        """, """
            departures:
              - {member: sotc2, reason: merged, into: sotc}
        """)}, [("blocs/a/2025.yaml", "E317", 7, 44)]),
    # E316: a predecessor in no file of 2024, and a predecessor bloc without a 2024 file; a
    # predecessor in another bloc's 2024 file is fine.
    Case("predecessor-unknown", {
        "blocs/a/2024.yaml": A_2024.replace("sotc", "sotc-a"),
        "blocs/b/2024.yaml": B_2024.replace("sotc", "sotc-b"),
        "blocs/c/2025.yaml": bloc_year("c", 2025, """
            - {id: sotc, name: Sở Tài chính, predecessors: [sotc-a, sotc-b]}
            - {id: snnmt, name: Sở Nông nghiệp và Môi trường, predecessors: [snnptnt]}
        """, """
            predecessors: [a, b, d]
        """)}, [("blocs/c/2025.yaml", "E316", 6, 66), ("blocs/c/2025.yaml", "E316", 7, 22)]),
    # E319: a year file named in fullwidth digits is listed and reported, not silently skipped.
    Case("year-file-name", {"blocs/a/２０２４.yaml": A_2024}, [("blocs/a/２０２４.yaml", "E319", 0, 0)]),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_province_rule(case, tmp_path):
    assert run_case(case, tmp_path) == case.expect


@pytest.mark.parametrize("case", [c for c in CASES if c.expect], ids=lambda c: c.id)
def test_reported_when_only_the_file_is_validated(case, tmp_path):
    root = write_root(tmp_path / "root", case.files)
    for file in sorted({e[0] for e in case.expect}):
        found = [(d.source.file, d.code, d.source.line, d.source.col)
                 for r in validate(root, [root / file]) for d in r.diagnostics]
        assert [f for f in found if f[0] == file] == [e for e in case.expect if e[0] == file]
        # and the other files the named one now conflicts with are reported too: what the change breaks
        assert sorted(found) == sorted(e for e in case.expect if e[0] == file or e in found)


def test_messages_name_the_other_file(tmp_path):
    root = write_root(tmp_path / "root", CASES[0].files)
    a, b = diagnostics(root)
    assert a.message == "sotc ('Sở Tài chính') là thành viên khối a và cả khối b (blocs/b/2024.yaml:6) năm 2024"
    assert b.message == "sotc ('Sở Tài chính') là thành viên khối b và cả khối a (blocs/a/2024.yaml:5) năm 2024"


def test_validating_one_file_also_reports_the_other_bloc_it_now_conflicts_with(tmp_path):
    files = {"blocs/a/2024.yaml": A_2024, "blocs/b/2024.yaml": B_2024}
    files.update({f"blocs/x{i}/2024.yaml": bloc_year(f"x{i}", 2024, f"- {{id: u{i}, name: Đơn vị {i}}}\n")
                  for i in range(5)})
    root = write_root(tmp_path / "root", files)
    reports = validate(root, [root / "blocs/a/2024.yaml"])
    assert [(r.name, [d.code for d in r.diagnostics]) for r in reports] == [
        ("blocs/a/2024.yaml", ["E318"]), ("blocs/b/2024.yaml", ["E318"])]
