"""The awards members received during the year (``honours:``): counted (thidua.core.honours), phrased
(thidua.documents.honours) and stated by every format of `thidua report`, for a bloc and the province."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fixtures_scoring import run_cli
from report_support import body_text as docx_text
from report_support import markdown_text
from support import write_root

from thidua.core.honours import HonourTotals, by_member, tally, totals
from thidua.diagnostics import Source
from thidua.documents.honours import counts_text, decision_text, number_text
from thidua.loading.load import Workspace
from thidua.model import Honour, HonourDecision, Person, Ref

SRC = Source("blocs/mttq/2024.yaml", 1, 1)
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def workbook_strings(path: Path, sheet: str) -> tuple[str, list[tuple[int, int, int]]]:
    """One sheet's text cells, and its rows whose first, fifth and sixth cells are numbers (the minutes'
    kết quả khen thưởng: TT, tập thể, cá nhân)."""
    import openpyxl

    ws = openpyxl.load_workbook(path)[sheet]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    rows = [(r[0].value, r[4].value, r[5].value) for r in ws.iter_rows(max_col=6)
            if all(isinstance(r[i].value, int) for i in (0, 4, 5))]
    return "\n".join(texts), rows


def ref(i: str) -> Ref:
    return Ref(i, SRC)


def honour(award="Bằng khen của Chủ tịch UBND tỉnh", **kw) -> Honour:
    return Honour(award=award, src=SRC, **kw)


# -- counting -----------------------------------------------------------------------------

def test_named_and_counted_recipients_are_counted_together():
    named_only = honour(collectives=(ref("a"), ref("b")), individuals=(Person("Nguyễn Văn An", SRC, unit=ref("a")),))
    counted_only = honour(collective_count=6, individual_count=16)
    both = honour(collectives=(ref("a"),), individuals=(Person("Trần Bình", SRC, unit=ref("b")),),
                  collective_count=3, individual_count=1)  # the count includes the names: 3 and 1
    equal = honour(collectives=(ref("a"), ref("b")), collective_count=2)
    zero = honour(collective_count=0)
    assert [(h.collectives_total, h.individuals_total) for h in (named_only, counted_only, both, equal, zero)] == [
        (2, 1), (6, 16), (3, 1), (2, 0), (0, 0)]
    [campaign] = tally((named_only, counted_only, both, equal, zero))
    [award] = campaign.awards  # one award, one campaign (thường xuyên): every entry added up
    assert (award.collectives, award.individuals) == (2 + 6 + 3 + 2, 1 + 16 + 1)
    assert award.unit_ids == ("a", "b", "a", "a", "b")  # lượt: a unit awarded by two decisions stands twice
    assert (award.unnamed_collectives, award.unnamed_individuals) == (13 - 5, 18 - 2)


def test_a_count_below_the_names_counts_the_names_and_a_name_twice_counts_once():
    # E325 reports the count; the documents never print fewer than the names they list.
    h = honour(collectives=(ref("a"), ref("b"), ref("c"), ref("a")), collective_count=2,
               individuals=(Person("Nguyễn Văn An", SRC, unit=ref("a")), Person("nguyễn  văn AN", SRC, unit=ref("a")),
                            Person("Nguyễn Văn An", SRC, unit=ref("b"))))
    assert (h.unit_ids, h.collectives_total) == (("a", "b", "c"), 3)
    assert [(p.name, p.unit.id) for p in h.people] == [("Nguyễn Văn An", "a"), ("Nguyễn Văn An", "b")]
    assert h.individuals_total == 2


def test_received_and_proposed_are_counted_apart_and_grouped_per_campaign_and_award():
    election = "Phong trào thi đua chào mừng bầu cử"
    entries = (
        honour("Giấy khen", level="local", campaign=election, collective_count=2),
        honour("Bằng khen của Thủ tướng Chính phủ", level="state", campaign=election, proposed_by="UBND tỉnh",
               individual_count=1),
        honour(campaign=election, level="province", collective_count=6, individual_count=16),
        honour(campaign="phong trào thi đua  CHÀO MỪNG bầu cử", collective_count=1,
               decision=HonourDecision(SRC, number="2/QĐ-UBND")),  # the same campaign and award, written otherwise
        honour("Cờ thi đua của UBND tỉnh", level="province", collectives=(ref("a"),)),
    )
    assert totals(entries) == HonourTotals(collectives=2 + 6 + 1 + 1, individuals=16, proposed_individuals=1)
    election_tally, regular = tally(entries)
    assert (election_tally.campaign, regular.campaign) == (election, "")
    assert [(a.award, a.proposed, a.collectives, a.individuals) for a in election_tally.awards] == [
        ("Bằng khen của Chủ tịch UBND tỉnh", False, 7, 16),  # province level before the local Giấy khen
        ("Giấy khen", False, 2, 0),
        ("Bằng khen của Thủ tướng Chính phủ", True, 0, 1)]  # a proposal after what was received
    assert [d.number for d in election_tally.awards[0].decisions] == ["2/QĐ-UBND"]
    assert HonourTotals(1, 2, 3, 4) + HonourTotals(10, 20, 30, 40) == HonourTotals(11, 22, 33, 44)


def test_by_member_gives_each_unit_its_awards_and_its_peoples():
    from thidua.model import BlocYear, Member

    a = honour(collectives=(ref("hlhpn"),), individuals=(Person("Nguyễn Văn An", SRC, "Chuyên viên", ref("ldld")),),
               collective_count=5)
    b = honour("Cờ thi đua của UBND tỉnh", collectives=(ref("hlhpn"),))
    by = BlocYear("mttq", 2024, "Khối", SRC, SRC, SRC, members=(Member("hlhpn", "Hội LHPN tỉnh", SRC),),
                  honours=(a, b))
    got = {k: [(x.honour.award, x.person.name if x.person else None) for x in v] for k, v in by_member(by).items()}
    assert got == {"hlhpn": [("Bằng khen của Chủ tịch UBND tỉnh", None), ("Cờ thi đua của UBND tỉnh", None)],
                   "ldld": [("Bằng khen của Chủ tịch UBND tỉnh", "Nguyễn Văn An")]}


@pytest.mark.parametrize(("n", "text"), [(0, ""), (1, "01 tập thể"), (9, "09 tập thể"), (10, "10 tập thể"),
                                         (1234, "1.234 tập thể"), (100000, "100.000 tập thể")])
def test_numbers_as_reports_write_them(n, text):
    assert number_text(n, "tập thể") == text


def test_counts_and_decisions_in_words():
    assert counts_text(6, 16) == "06 tập thể, 16 cá nhân"
    assert counts_text(0, 1) == "01 cá nhân"
    assert counts_text(12, 0, times=True) == "12 lượt tập thể"
    assert counts_text(0, 0) == ""
    import datetime as dt

    assert decision_text(HonourDecision(SRC, "1234/QĐ-UBND", dt.date(2021, 6, 10), "Chủ tịch UBND tỉnh")) == \
        "Quyết định số 1234/QĐ-UBND ngày 10/6/2021 của Chủ tịch UBND tỉnh"
    assert decision_text(HonourDecision(SRC, issuer="Chủ tịch UBND tỉnh")) == "Quyết định của Chủ tịch UBND tỉnh"
    assert decision_text(HonourDecision(SRC, date=dt.date(2021, 1, 5))) == "Quyết định ngày 05/01/2021"


def test_the_loader_reads_thuong_xuyen_as_no_campaign_and_keeps_the_positions(tmp_path):
    root = write_root(tmp_path / "root", {"blocs/mttq/2024.yaml": """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        honours:
          - award: Cờ thi đua của UBND tỉnh
            campaign: Thường  xuyên
            collectives: [hlhpn]
            count: {collectives: 1, individuals: 3}
    """})
    loaded = Workspace(root).bloc_year(root / "blocs/mttq/2024.yaml")
    assert loaded.diagnostics == ()
    [h] = loaded.bloc_year.honours
    assert (h.campaign, h.regular, h.collective_count, h.individual_count) == ("", True, 1, 3)
    assert (h.individual_count_src.line, h.individual_count_src.col) == (10, 42)


# -- the report of seed 003: Hà Giang, Khối các Ban Đảng, sơ kết 29/6/2021 -----------------------

@pytest.fixture(scope="module")
def ha_giang(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("ha-giang") / "ha-giang"
    shutil.copytree(EXAMPLES / "ha-giang", root)
    for args in (["--bloc", "cac-ban-dang"], []):
        result = run_cli(["report", "--root", str(root), "--year", "2021", *args])
        assert result.exit_code == 0, result.output
    return root / "reports" / "2021"


ELECTION = ("Phong trào thi đua chào mừng thành công Cuộc bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng "
            "nhân dân các cấp nhiệm kỳ 2021 - 2026")
HOUSING = ("Phong trào xây dựng nhà ở cho Cựu chiến binh nghèo, hộ nghèo có khó khăn về nhà ở trên địa bàn tỉnh Hà "
           "Giang giai đoạn II")
SEED_003 = [  # what the article says, as the minutes say it
    "Năm 2021, trong Khối có 12 lượt tập thể, 16 lượt cá nhân được khen thưởng và 01 lượt cá nhân được đề nghị "
    "cấp trên khen thưởng, cụ thể như sau:",
    f"1. {ELECTION}:", f"2. {HOUSING}:",
    "Bằng khen của Chủ tịch UBND tỉnh", "Không ghi tên: 06 tập thể, 16 cá nhân.",
    "Khen thưởng của Thủ tướng Chính phủ (UBND tỉnh đã trình, chưa có quyết định)", "Không ghi tên: 01 cá nhân.",
    "Khen thưởng của Chủ tịch UBND tỉnh", "Không ghi tên: 06 tập thể.",
    "Quyết định của Chủ tịch UBND tỉnh",
]


def test_the_bloc_report_states_seed_003s_figures_in_every_format(ha_giang):
    md = markdown_text(ha_giang / "cac-ban-dang.md")
    xlsx, numbers = workbook_strings(ha_giang / "cac-ban-dang.xlsx", "Biên bản")
    docx = docx_text(ha_giang / "cac-ban-dang-bien-ban.docx")
    for text in SEED_003:
        assert text in md and text in xlsx and text in docx, text
    assert "III. KẾT QUẢ KHEN THƯỞNG TRONG NĂM" in md and "III. KẾT QUẢ KHEN THƯỞNG TRONG NĂM" in docx
    # the table's figures: 6 and 16, 0 and 1, 6 and 0, as numbers in the workbook
    assert "| 1 | Bằng khen của Chủ tịch UBND tỉnh | 6 | 16 |" in md
    assert "| 2 | Khen thưởng của Thủ tướng Chính phủ (UBND tỉnh đã trình, chưa có quyết định) | 0 | 1 |" in md
    assert "| 1 | Khen thưởng của Chủ tịch UBND tỉnh | 6 | 0 |" in md
    assert numbers == [(1, 6, 16), (2, 0, 1), (1, 6, 0)]
    assert "1 | Bằng khen của Chủ tịch UBND tỉnh | 6 | 16 | Quyết định của Chủ tịch UBND tỉnh\n" \
           "Không ghi tên: 06 tập thể, 16 cá nhân." in docx


def test_the_province_summary_adds_the_blocs_up(ha_giang):
    md = markdown_text(ha_giang / "tong-hop.md")
    docx = docx_text(ha_giang / "tong-hop.docx")
    xlsx, _ = workbook_strings(ha_giang / "tong-hop.xlsx", "Xếp hạng")
    line = (f"{ELECTION}: Bằng khen của Chủ tịch UBND tỉnh 06 tập thể, 16 cá nhân; Khen thưởng của Thủ tướng Chính "
            "phủ (UBND tỉnh đã trình, chưa có quyết định) 01 cá nhân.")
    intro = ("Năm 2021, 1/2 khối ghi kết quả khen thưởng trong năm: 12 lượt tập thể, 16 lượt cá nhân được khen "
             "thưởng và 01 lượt cá nhân được đề nghị cấp trên khen thưởng.")
    missing = "Chưa ghi kết quả khen thưởng trong năm: Khối giao ước thi đua MTTQ và các tổ chức chính trị - xã hội tỉnh."
    for text in (line, f"{HOUSING}: Khen thưởng của Chủ tịch UBND tỉnh 06 tập thể.", intro, missing,
                 "KẾT QUẢ KHEN THƯỞNG TRONG NĂM CỦA CÁC KHỐI THI ĐUA"):
        assert text in md and text in docx and text in xlsx, text
    assert "| 1 | Khối giao ước thi đua các Ban Đảng | 12 | 16 | 01 cá nhân |" in md
    assert "| | Tổng cộng | 12 | 16 | 01 cá nhân |" in md
    assert "1 | Khối giao ước thi đua các Ban Đảng | 12 | 16 | 01 cá nhân\n | Tổng cộng | 12 | 16 | 01 cá nhân" in docx


def test_the_summary_totals_add_every_bloc(tmp_path):
    """Two blocs with honours and one without: a row each, the total their sum, the third named in a note."""
    from thidua.documents.honours import honour_summary
    from thidua.model import BlocYear

    def bloc(name: str, *entries: Honour, kind: str = "khối") -> BlocYear:
        return BlocYear(name, 2024, f"{kind.capitalize()} {name}", SRC, SRC, SRC, honours=entries, kind=kind)

    a = bloc("a", honour(collective_count=3, individual_count=10), honour(proposed_by="UBND tỉnh", collective_count=1))
    b = bloc("b", honour(collectives=(ref("x"), ref("y")), individuals=(Person("Lê Văn C", SRC, unit=ref("x")),)),
             honour(proposed_by="UBND tỉnh", individual_count=2))
    c = bloc("c", kind="cụm")
    s = honour_summary(2024, (a, b, c))
    assert s.heading == "KẾT QUẢ KHEN THƯỞNG TRONG NĂM CỦA CÁC KHỐI, CỤM THI ĐUA"  # the province has both
    assert [(r.no, r.name, r.collectives, r.individuals, r.proposed_collectives, r.proposed_individuals,
             r.proposed_text) for r in (*s.rows, s.total)] == [
        (1, "Khối a", 3, 10, 1, 0, "01 tập thể"), (2, "Khối b", 2, 1, 0, 2, "02 cá nhân"),
        (None, "Tổng cộng", 5, 11, 1, 2, "01 tập thể, 02 cá nhân")]
    assert s.intro == ("Năm 2024, 2/3 khối, cụm ghi kết quả khen thưởng trong năm: 05 lượt tập thể, 11 lượt cá "
                       "nhân được khen thưởng và 01 lượt tập thể, 02 lượt cá nhân được đề nghị cấp trên khen thưởng.")
    assert s.notes == ("Chưa ghi kết quả khen thưởng trong năm: Cụm c.",)
    assert honour_summary(2024, (c,)) is None
    only_cum = honour_summary(2024, (bloc("d", honour(collective_count=1), kind="cụm"), c))
    assert only_cum.heading == "KẾT QUẢ KHEN THƯỞNG TRONG NĂM CỦA CÁC CỤM THI ĐUA"
    assert only_cum.intro.startswith("Năm 2024, 1/2 cụm ghi kết quả")


# -- history --------------------------------------------------------------------------------

def test_history_shows_per_year_the_awards_each_member_received(tmp_path):
    import json

    from report_support import data_root

    root = data_root(tmp_path)
    result = run_cli(["history", "--bloc", "mttq", "--root", str(root), "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    y2023, y2024 = doc["years"]
    assert y2023["honours"] == []
    first, proposed, flag = y2024["honours"]
    assert first == {
        "award": "Bằng khen của Chủ tịch UBND tỉnh", "level": "province",
        "campaign": 'Phong trào thi đua "Chung sức xây dựng nông thôn mới" giai đoạn 2021 - 2025',
        "proposed": False, "proposed_by": "",
        "decision": {"number": "1520/QĐ-UBND", "date": "2024-06-14", "issuer": "Chủ tịch UBND tỉnh"},
        "collectives": [{"id": "hnd", "name": "Hội Nông dân tỉnh"}, {"id": "hlhpn", "name": "Hội Liên hiệp Phụ nữ tỉnh"}],
        "individuals": [
            {"name": "Phạm Văn Đức", "title": "Phó Chủ tịch", "unit": {"id": "hnd", "name": "Hội Nông dân tỉnh"}},
            {"name": "Lê Thị Thu", "title": "", "unit": {"id": "hlhpn", "name": "Hội Liên hiệp Phụ nữ tỉnh"}}],
        "count": {"collectives": 3, "individuals": 5}, "total": {"collectives": 3, "individuals": 5}}
    assert (proposed["proposed"], proposed["proposed_by"], proposed["decision"]) == (True, "UBND tỉnh", None)
    assert (flag["campaign"], flag["count"], flag["total"]) == (
        "", {"collectives": None, "individuals": None}, {"collectives": 1, "individuals": 0})
    rows = {m["key"]: {r["year"]: r["honours"] for r in m["years"]} for m in doc["members"]}
    assert [(h["award"], h["proposed"], h["person"]) for h in rows["hnd"][2024]] == [
        ("Bằng khen của Chủ tịch UBND tỉnh", False, None), ("Bằng khen của Chủ tịch UBND tỉnh", False, "Phạm Văn Đức"),
        ("Bằng khen của Thủ tướng Chính phủ", True, None)]
    assert rows["hnd"][2023] == [] and rows["ldld"][2024] == []

    text = run_cli(["history", "--bloc", "mttq", "--root", str(root)]).output
    table = text.split("Khen thưởng các đơn vị đã nhận trong năm\n", 1)[1]
    lines = [" ".join(line.split()) for line in table.splitlines()[3:7]]
    assert lines == [
        "2024 Ủy ban MTTQ Việt Nam tỉnh Cờ thi đua của UBND tỉnh (tập thể)",
        "2024 Hội Liên hiệp Phụ nữ tỉnh Bằng khen của Chủ tịch UBND tỉnh (tập thể; cá nhân: Lê Thị Thu)",
        "2024 Hội Nông dân tỉnh Bằng khen của Chủ tịch UBND tỉnh (tập thể; cá nhân: Phạm Văn Đức); "
        "Bằng khen của Thủ tướng Chính phủ (đề nghị; tập thể)",
        "2024 (không ghi tên) Bằng khen của Chủ tịch UBND tỉnh: 01 tập thể, 03 cá nhân"]


def test_history_of_seed_003_counts_what_the_article_does_not_name(tmp_path):
    result = run_cli(["history", "--bloc", "cac-ban-dang", "--root", str(EXAMPLES / "ha-giang")])
    assert result.exit_code == 0, result.output
    assert " ".join(result.output.split("Khen thưởng các đơn vị đã nhận trong năm\n", 1)[1].splitlines()[3].split()) == (
        "2021 (không ghi tên) Bằng khen của Chủ tịch UBND tỉnh: 06 tập thể, 16 cá nhân; Khen thưởng của Thủ tướng "
        "Chính phủ (đề nghị): 01 cá nhân; Khen thưởng của Chủ tịch UBND tỉnh: 06 tập thể")


def test_history_without_honours_prints_no_honours_table(tmp_path):
    result = run_cli(["history", "--bloc", "mttq", "--root", str(EXAMPLES / "bac-kan")])
    assert result.exit_code == 0
    assert "Khen thưởng các đơn vị đã nhận" not in result.output and "Đơn vị" in result.output
