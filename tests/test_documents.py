"""The documents are described once (thidua.documents) and every format says the same sentences and figures."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from pathlib import Path

import pytest
from report_support import data_root, markdown_text, report, workbook_text

from thidua.core.numbers import vn_number
from thidua.documents.bloc import bloc_documents
from thidua.documents.province import province_summary
from thidua.documents.province_records import ProvinceSummary
from thidua.documents.records import BlocDocuments
from thidua.handover_run import handover_at
from thidua.loading.load import Workspace
from thidua.scoring_run import score_year_at

IDENTIFIERS = {"member", "award", "bloc", "id", "key"}  # ids the documents do not print
RANK_TEXT = re.compile(r"^\d+\*?$")  # "2*": a workbook stores the rank 2 with the format 0"*"


def strings_and_figures(record, places: int = 2) -> tuple[set[str], set[str]]:
    """Every sentence of a record (walked through its fields), and every figure as a document prints it."""
    texts: set[str] = set()
    figures: set[str] = set()

    def walk(value, name: str, places: int) -> None:
        if dataclasses.is_dataclass(value):
            places = getattr(value, "places", places)
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name), f.name, places)
        elif isinstance(value, tuple):
            for v in value:
                walk(v, name, places)
        elif isinstance(value, str):
            if value and name not in IDENTIFIERS:
                texts.add(value)
        elif isinstance(value, Decimal) and name not in ("max", "share"):  # a group's max is in its label
            figures.add(vn_number(value, places))

    walk(record, "", places)
    return texts, figures


def built(root: Path, bloc: str | None):
    ws = Workspace(root)
    run = score_year_at(root, 2024, bloc, ws=ws)
    if bloc:
        return bloc_documents(run.result.blocs[0], handover_at(root, 2024, bloc, ws).handover, run.config)
    handovers = {b.bloc_year.bloc: handover_at(root, 2024, b.bloc_year.bloc, ws).handover for b in run.result.blocs}
    return province_summary(run.result, handovers, run.config)


@pytest.mark.parametrize("bloc", ["mttq", None], ids=["bloc", "province"])
def test_markdown_and_workbook_say_every_sentence_and_figure_of_the_records(tmp_path, bloc):
    root = data_root(tmp_path)
    args = ["--bloc", bloc] if bloc else ["--year", "2024"]
    assert report(root, *args).exit_code == 0
    record = built(root, bloc)
    assert isinstance(record, BlocDocuments if bloc else ProvinceSummary)
    name = bloc or "tong-hop"
    md = markdown_text(root / f"reports/2024/{name}.md")
    xlsx, numbers = workbook_text(root / f"reports/2024/{name}.xlsx")
    texts, figures = strings_and_figures(record)
    assert len(texts) > 30 and len(figures) > 5  # the walk found the documents' words
    assert sorted(t for t in texts if t not in md) == []
    # A workbook splits a line of awards into lines of a cell; every sentence is there otherwise.
    assert sorted(t for t in texts if t not in xlsx and not RANK_TEXT.match(t)) == []
    assert sorted(f for f in figures if f not in md) == []
    stored = {vn_number(n, 2) for n in numbers}
    assert sorted(f for f in figures if f not in stored) == []
    ranks = {t for t in texts if RANK_TEXT.match(t)}
    assert ranks and {Decimal(t.rstrip("*")) for t in ranks} <= numbers


def test_the_votes_are_said_alike_count_and_ballots(tmp_path):
    root = data_root(tmp_path)
    assert report(root, "--bloc", "mttq").exit_code == 0
    minutes = built(root, "mttq").minutes
    [flag, merit] = minutes.section("votes").votes
    assert [(r.name, r.count, r.base, r.count_text) for r in flag.rows] == [
        ("Hội Liên hiệp Phụ nữ tỉnh", 6, 6, "6/6"), ("Ủy ban MTTQ Việt Nam tỉnh", 1, 6, "1/6")]
    assert flag.rows[1].share == Decimal(1) / Decimal(6)  # the exact fraction; the text is rounded
    md = markdown_text(root / "reports/2024/mttq.md")
    xlsx, _ = workbook_text(root / "reports/2024/mttq.xlsx")
    for row in (*flag.rows, *merit.rows):
        assert f"| {row.name} | {row.count_text} | {row.share_text} |" in md
        assert row.count_text in xlsx and row.share_text in xlsx


@pytest.mark.parametrize("bloc", ["mttq", None], ids=["bloc", "province"])
def test_the_word_documents_say_every_sentence_and_figure_of_their_records(tmp_path, bloc):
    import docx as python_docx

    def text_of(path: Path) -> str:
        document = python_docx.Document(str(path))
        return "\n".join(t.text or "" for t in document.element.body.iter() if t.tag.endswith("}t"))

    root = data_root(tmp_path)
    args = ["--bloc", bloc] if bloc else ["--year", "2024"]
    assert report(root, *args, "--format", "docx").exit_code == 0
    record = built(root, bloc)
    if bloc:
        pairs = [(record.minutes, f"{bloc}-bien-ban.docx"), (record.proposal, f"{bloc}-to-trinh.docx")]
    else:
        pairs = [(record, "tong-hop.docx")]
    for part, name in pairs:
        text = text_of(root / "reports/2024" / name)
        texts, figures = strings_and_figures(part)
        assert len(texts) > 10
        missing = [t for t in texts if t not in text and not RANK_TEXT.match(t)]
        assert missing == [], name
        assert [f for f in figures if f not in text] == [], name


BUNDLED = Path(__file__).resolve().parent.parent


def bundled_documents(year: int, bloc: str):
    ws = Workspace(BUNDLED)
    run = score_year_at(BUNDLED, year, bloc, ws=ws)
    return bloc_documents(run.result.blocs[0], handover_at(BUNDLED, year, bloc, ws).handover, run.config)


def test_the_minutes_say_why_a_unit_with_votes_is_not_proposed():
    """mttq 2026: Hội Nông dân has 6/7 votes for Bằng khen, the most, and a discipline case under review;
    Ủy ban MTTQ has 4/7, over the 50 %, and no place left in the quota of 2."""
    after = bundled_documents(2026, "mttq").minutes.section("decisions").after
    start = after.index("Đơn vị có phiếu bầu nhưng không đưa vào đề nghị khen thưởng:")
    assert after[start:start + 3] == (
        "Đơn vị có phiếu bầu nhưng không đưa vào đề nghị khen thưởng:",
        "- Hội Nông dân tỉnh, Bằng khen của Chủ tịch UBND tỉnh (6/7 phiếu, 85,71\xa0%): đang xem xét kỷ luật (theo kết "
        "luận thanh tra về quản lý Quỹ hỗ trợ nông dân): chưa xét khen thưởng cho đến khi có kết luận.",
        "- Ủy ban MTTQ Việt Nam tỉnh, Bằng khen của Chủ tịch UBND tỉnh (4/7 phiếu, 57,14\xa0%): đủ điều kiện nhưng Khối "
        "đã đề nghị đủ 2 đơn vị theo hạn mức (30% số đơn vị của Khối).")
    assert after[-1].startswith("Ghi chú: ")  # the bloc's own note stays last


def test_a_tie_on_votes_cut_by_the_quota_is_said():
    """mttq 2024: Tỉnh đoàn and Hội Nông dân both 5/7 for the last of 2 places; the ranking decides."""
    after = bundled_documents(2024, "mttq").minutes.section("decisions").after
    assert "- Hội Nông dân tỉnh, Bằng khen của Chủ tịch UBND tỉnh (5/7 phiếu, 71,43\xa0%): đủ điều kiện nhưng Khối đã " \
           "đề nghị đủ 2 đơn vị theo hạn mức (30% số đơn vị của Khối)." in after
    assert not any("→" in line for line in after)  # a sentence, not the quota's formula


def test_units_below_the_vote_threshold_are_not_listed_as_left_out():
    after = bundled_documents(2026, "mttq").minutes.section("decisions").after
    assert not any("0/7 phiếu" in line for line in after)
    assert not any(line.startswith("- Tỉnh đoàn") or line.startswith("- Hội Cựu chiến binh") for line in after)


def test_the_score_sheet_notes_a_discipline_case_under_review():
    rows = {r.name: r for r in bundled_documents(2026, "mttq").score_sheet.rows}
    assert rows["Hội Nông dân tỉnh"].note == "chưa xét khen thưởng (đang xem xét kỷ luật)"
    assert rows["Tỉnh đoàn"].note == ""
