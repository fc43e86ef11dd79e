"""`thidua diff` of the awards received during the year (``honours:``): recipients added and removed, how many
changed, in the text, the JSON and git's diff driver; and what the pure comparison says."""

from __future__ import annotations

import json

import pytest
from git_support import commit, edit, make_repo
from typer.testing import CliRunner

from thidua.cli.app import app

pytestmark = pytest.mark.usefixtures("git_env")

CAMPAIGN = "Phong trào thi đua chào mừng Đại hội Đảng các cấp"
HONOURS = f"""\
honours:
  - award: Bằng khen của Chủ tịch UBND tỉnh
    decision: {{number: 1234/QĐ-UBND, date: 2020-06-10, issuer: Chủ tịch UBND tỉnh}}
    campaign: {CAMPAIGN}
    collectives: [hlhpn]
    individuals:
      - {{name: Nguyễn Văn An, title: Chuyên viên, unit: ldld}}
      - {{name: Trần Thị Bình, unit: hnd}}
    count: {{collectives: 3, individuals: 10}}
  - award: Cờ thi đua của UBND tỉnh
    collectives: [tinhdoan]
"""


def run(*args: str):
    return CliRunner().invoke(app, ["diff", *args])


@pytest.fixture
def repo(tmp_path):
    repo = make_repo(tmp_path / "data")
    path = repo / "blocs/mttq/2020.yaml"
    path.write_text(path.read_text(encoding="utf-8") + HONOURS, encoding="utf-8")
    commit(repo, "Khen thưởng năm 2020")
    return repo


def change(repo):
    """One unit added and one person removed by decision 1234; the count raised; a new award proposed."""
    path = repo / "blocs/mttq/2020.yaml"
    edit(path, "    collectives: [hlhpn]\n", "    collectives: [hlhpn, hnd]\n")
    edit(path, "      - {name: Trần Thị Bình, unit: hnd}\n", "")
    edit(path, "count: {collectives: 3, individuals: 10}", "count: {collectives: 4, individuals: 12}")
    path.write_text(path.read_text(encoding="utf-8") + (
        "  - award: Bằng khen của Thủ tướng Chính phủ\n    proposed_by: UBND tỉnh\n    collectives: [ldld]\n"),
        encoding="utf-8")


def test_diff_shows_added_and_removed_recipients_and_the_numbers(repo):
    change(repo)
    result = run("--root", str(repo))
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.output.splitlines()]
    assert (f"Khen thưởng Bằng khen của Chủ tịch UBND tỉnh ({CAMPAIGN}): thêm tập thể Hội Nông dân tỉnh; "
            "bỏ cá nhân Trần Thị Bình (Hội Nông dân tỉnh); tập thể 3 → 4; cá nhân 10 → 12") in lines
    assert ("Đề nghị khen thưởng Bằng khen của Thủ tướng Chính phủ (thường xuyên): thêm tập thể "
            "Liên đoàn Lao động tỉnh; tập thể — → 1") in lines
    assert not any("Cờ thi đua của UBND tỉnh (thường xuyên)" in line for line in lines)  # unchanged
    assert not any(line.startswith("Thay đổi khác") for line in lines)


def test_diff_json_lists_each_honour_change(repo):
    change(repo)
    doc = json.loads(run("--root", str(repo), "--json").output)
    [file] = doc["files"]
    got = [(h["change"], h["award"], h["proposed"], h["kind"], h["member"] and h["member"]["id"], h["person"],
            h["old"], h["new"]) for h in file["bloc_year"]["honours"]]
    assert got == [
        ("added", "Bằng khen của Chủ tịch UBND tỉnh", False, "collective", "hnd", "", None, None),
        ("removed", "Bằng khen của Chủ tịch UBND tỉnh", False, "individual", "hnd", "Trần Thị Bình", None, None),
        ("modified", "Bằng khen của Chủ tịch UBND tỉnh", False, "collectives", None, "", 3, 4),
        ("modified", "Bằng khen của Chủ tịch UBND tỉnh", False, "individuals", None, "", 10, 12),
        ("added", "Bằng khen của Thủ tướng Chính phủ", True, "collective", "ldld", "", None, None),
        ("added", "Bằng khen của Thủ tướng Chính phủ", True, "collectives", None, "", None, 1)]
    assert file["bloc_year"]["honours"][0]["campaign"] == CAMPAIGN


def test_a_new_decision_number_only_is_another_change(repo):
    edit(repo / "blocs/mttq/2020.yaml", "1234/QĐ-UBND", "1243/QĐ-UBND")
    lines = [line.strip() for line in run("--root", str(repo)).output.splitlines()]
    assert "Thay đổi khác: honours" in lines
    assert not any(line.startswith("Khen thưởng") for line in lines)


def test_a_name_written_otherwise_is_the_same_person(repo):
    edit(repo / "blocs/mttq/2020.yaml", "{name: Nguyễn Văn An, title: Chuyên viên, unit: ldld}",
         "{name: nguyễn  văn an, title: Chuyên viên, unit: ldld}")
    lines = [line.strip() for line in run("--root", str(repo)).output.splitlines()]
    assert not any(line.startswith("Khen thưởng") for line in lines)
    assert "Thay đổi khác: honours" in lines  # the text did change


def test_textconv_shows_each_award_and_recipient(repo, monkeypatch):
    monkeypatch.chdir(repo)
    result = run("--textconv", "blocs/mttq/2020.yaml")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    start = lines.index(f"Khen thưởng: Bằng khen của Chủ tịch UBND tỉnh — {CAMPAIGN} — "
                        "QĐ 1234/QĐ-UBND 2020-06-10 Chủ tịch UBND tỉnh")
    assert lines[start + 1:start + 7] == [
        "Khen thưởng · tập thể: Bằng khen của Chủ tịch UBND tỉnh — hlhpn — Hội Liên hiệp Phụ nữ tỉnh",
        "Khen thưởng · cá nhân: Bằng khen của Chủ tịch UBND tỉnh — Nguyễn Văn An — ldld — Chuyên viên",
        "Khen thưởng · cá nhân: Bằng khen của Chủ tịch UBND tỉnh — Trần Thị Bình — hnd",
        "Khen thưởng · số lượng: Bằng khen của Chủ tịch UBND tỉnh — tập thể 3, cá nhân 10",
        "Khen thưởng: Cờ thi đua của UBND tỉnh — thường xuyên",
        "Khen thưởng · tập thể: Cờ thi đua của UBND tỉnh — tinhdoan — Tỉnh đoàn"]
