"""The bundled data's documents tell what happened: the year's meetings before the review (the seed
articles' ký kết and sơ kết), and why a unit with enough votes is left out, in words, not a formula."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

from report_support import body_text, report

from thidua.documents.phrases import quota_reached
from thidua.model import Quota

REPOSITORY = Path(__file__).resolve().parent.parent


def _minutes(tmp_path: Path, source: Path, bloc: str, year: int) -> str:
    root = tmp_path / "data"
    shutil.copytree(source / "blocs", root / "blocs")
    if (source / "thidua.yaml").exists():
        shutil.copy(source / "thidua.yaml", root / "thidua.yaml")
    result = report(root, "--bloc", bloc, "--year", str(year), "--format", "docx")
    assert result.exit_code == 0, result.output
    return body_text(root / "reports" / str(year) / f"{bloc}-bien-ban.docx")


def test_the_quota_phrase():
    share = Quota(share=Decimal("0.3"))
    assert quota_reached(share, 7, 2, "Cụm") == "đủ điều kiện nhưng Cụm đã đề nghị đủ 2 đơn vị theo hạn mức (30% số đơn vị của Cụm)"
    assert quota_reached(Quota(count=1), 7, 1, "Khối") == "đủ điều kiện nhưng Khối đã đề nghị đủ 1 đơn vị theo hạn mức"
    assert quota_reached(Quota(share=Decimal("0.3"), minimum=1), 6, 1, "Khối") == \
        "đủ điều kiện nhưng Khối đã đề nghị đủ 1 đơn vị theo hạn mức (30% số đơn vị của Khối)"
    # the minimum, not the share, gave the size: the share is not said
    assert quota_reached(Quota(share=Decimal("0.1"), minimum=1), 4, 1, "Khối") == \
        "đủ điều kiện nhưng Khối đã đề nghị đủ 1 đơn vị theo hạn mức"
    assert quota_reached(None, 4, None, "Khối") == "đủ điều kiện nhưng đã hết hạn mức"


def test_the_covenant_of_the_seed_article_is_in_the_year_end_minutes(tmp_path):
    text = _minutes(tmp_path, REPOSITORY / "examples" / "ha-giang", "mttq", 2021)
    lines = text.split("\n")
    start = lines.index("II. NỘI DUNG")
    assert lines[start + 2] == ("Ngày 05/3/2021, tại Tỉnh đoàn tỉnh Hà Giang, Khối đã tổ chức Hội nghị ký kết giao ước "
                                "thi đua năm 2021 (6/6 đơn vị thành viên dự).")
    assert lines[start + 3].startswith("Hội nghị triển khai công tác thi đua năm 2021 và ký kết giao ước thi đua; "
                                       "đồng chí Vàng Seo Cón, Ủy viên BTV Tỉnh ủy")
    assert lines[start + 3].endswith("năm 2021”.")


def test_a_note_that_names_its_meeting_is_one_sentence_with_it(tmp_path):
    """Khánh Hòa's covenant note starts "Hội nghị ký kết giao ước thi đua năm 2024: …": said once."""
    text = _minutes(tmp_path, REPOSITORY, "mttq", 2024)
    lines = text.split("\n")
    start = lines.index("II. NỘI DUNG")
    assert lines[start + 2].startswith("Ngày 22/02/2024, Khối đã tổ chức Hội nghị ký kết giao ước thi đua năm "
                                       "2024: thông qua dự thảo Quy chế thi đua")
    assert not lines[start + 3].startswith("Hội nghị ký kết giao ước thi đua năm 2024")


def test_the_midyear_meeting_and_one_after_the_review(tmp_path):
    root = tmp_path / "src"
    shutil.copytree(REPOSITORY / "examples" / "ha-giang", root)
    path = root / "blocs/cac-ban-dang/2021.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "events:\n  midyear:\n    date: 2021-06-29\n",
        "events:\n  review: 2021-06-01\n  midyear:\n    date: 2021-06-29\n")
    assert "review: 2021-06-01" in text
    path.write_text(text, encoding="utf-8")
    assert "sơ kết" not in _minutes(tmp_path / "after", root, "cac-ban-dang", 2021)
    path.write_text(text.replace("  review: 2021-06-01\n", ""), encoding="utf-8")
    minutes = _minutes(tmp_path / "before", root, "cac-ban-dang", 2021)
    assert ("Ngày 29/6/2021, Khối đã tổ chức Hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2021 "
            "(9/9 đơn vị thành viên dự).") in minutes


def test_the_bundled_decisions_notes_are_the_meetings_words_not_the_datas_sources():
    """A ``decided.note`` is printed in the minutes an office signs ("Ghi chú: …"): where the figures
    come from (an article, illustration) belongs in a YAML comment."""
    import yaml

    files = [*(REPOSITORY / "blocs").glob("*/20*.yaml"), *(REPOSITORY / "examples").glob("*/blocs/*/20*.yaml")]
    notes = {f.relative_to(REPOSITORY).as_posix(): ((yaml.safe_load(f.read_text(encoding="utf-8")) or {})
                                                     .get("decided") or {}).get("note", "") for f in files}
    assert len(files) >= 20 and any(notes.values())
    assert {f: n for f, n in notes.items() if "minh họa" in n or "bài báo" in n} == {}


def test_attendance_without_a_list_is_inferred_only_when_every_member_voted(tmp_path):
    """A unit casts a ballot only where it attends: all members voting means all were there; fewer
    ballots say nothing about who came, so the count is left to fill in."""
    source = REPOSITORY / "tests" / "golden" / "report" / "data"
    every = _minutes(tmp_path / "all", source, "kinh-te", 2024)  # 4 members, voters: 4, no present list
    assert "Các đơn vị thành viên dự họp (4/4 đơn vị: cả 4 đơn vị bỏ phiếu):" in every
    assert "Vắng: không." in every
    fewer = tmp_path / "fewer"
    shutil.copytree(source, fewer)
    path = fewer / "blocs/kinh-te/2024.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  voters: 4", "  voters: 3").replace("{stc: 4}", "{stc: 3}"),
                    encoding="utf-8")
    text = _minutes(tmp_path / "three", fewer, "kinh-te", 2024)
    assert "số đơn vị dự họp: ……/4:" in text and "Vắng: không." not in text
