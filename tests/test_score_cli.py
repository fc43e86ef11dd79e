"""`thidua score YEAR` through the CLI (issue 4): golden text and JSON, narrowing, refusals,
warnings, decimal commas, numbers as numbers, the bundled examples, and bounded reading."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fixtures_scoring import EXAMPLES, check_golden, run_cli, two_bloc_root, write

from thidua.loading.load import Workspace

ORIGINAL_READ = Workspace.read
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def root(tmp_path):
    return two_bloc_root(tmp_path)


def score(root, *args):
    return run_cli(["score", "2024", "--root", str(root), *args])


# -- golden files --------------------------------------------------------------------

def test_plain_text_golden(root):
    r = score(root)
    assert r.exit_code == 0, r.output
    check_golden("score/two-blocs.txt", r.stdout)


def test_json_golden(root):
    r = score(root, "--json")
    assert r.exit_code == 0, r.output
    check_golden("score/two-blocs.json", r.stdout)


def test_output_is_byte_identical_between_runs(root):
    assert score(root).stdout == score(root).stdout
    assert score(root, "--json").stdout == score(root, "--json").stdout


# -- what the text says ------------------------------------------------------------------

def test_text_shows_ranks_proposals_reasons_and_misses(root):
    out = score(root).stdout
    assert "Khối thi đua MTTQ và các đoàn thể tỉnh (mttq) — năm 2024" in out
    assert "Hạng  Đơn vị" in out and "Xếp loại  Đề nghị" in out
    assert re.search(r"1\s+Hội Liên hiệp Phụ nữ tỉnh\s+99,80\s+Xuất sắc\s+Cờ thi đua của UBND tỉnh", out)
    assert re.search(r"Đoàn TNCS Hồ Chí Minh tỉnh\s+94,00 \(tự chấm\)", out)
    assert re.search(r"—\s+Liên hiệp các Hội Khoa học - Kỹ thuật tỉnh\s+chưa chấm", out)
    assert ("Cờ thi đua của UBND tỉnh: Hội Liên hiệp Phụ nữ tỉnh — hạng 1/7, 99,8 điểm (Xuất sắc), "
            "đạt xếp loại Xuất sắc, 7/7 phiếu (100% ≥ 70%), trong hạn mức 1/1") in out
    assert "Liên đoàn Lao động tỉnh — Cờ thi đua của UBND tỉnh: đủ điểm nhưng chỉ 4/7 phiếu (57,14% < 70%)" in out
    assert "Hạn mức Bằng khen của Chủ tịch UBND tỉnh: 30% của 7 = 2,10 → 2" in out
    assert "Tổng hợp năm 2024: 2 khối" in out
    assert ("\nCấp tỉnh:\n  • Cờ thi đua của Chính phủ: Hội Liên hiệp Phụ nữ tỉnh (Khối thi đua MTTQ và các đoàn thể "
            "tỉnh) — dẫn đầu khối với 99,8/100 điểm") in out
    assert ("\n  • Không đề nghị Cờ thi đua của Chính phủ: Ban Quản lý khu kinh tế (Khối thi đua các sở kinh tế) — "
            "không được khối đề nghị Cờ thi đua của UBND tỉnh\n") in out


def test_one_bloc_shows_the_province_lines_without_a_one_row_summary(root):
    out = score(root, "--bloc", "mttq").stdout
    assert "Tổng hợp năm" not in out and "Dẫn đầu" not in out
    assert out.endswith(
        "\nCấp tỉnh:\n  • Cờ thi đua của Chính phủ: Hội Liên hiệp Phụ nữ tỉnh (Khối thi đua MTTQ và các đoàn thể "
        "tỉnh) — dẫn đầu khối với 99,8/100 điểm (99,8% số điểm tối đa), được khối bình xét, đề nghị Cờ thi đua "
        "của UBND tỉnh với 7/7 phiếu (100%), trong hạn mức 1/1 (20% của 2 = 0,40 → 1 đơn vị dẫn đầu khối)\n"), out
    # a bloc whose name does not say khối gets the word in front
    path = root / "blocs/mttq/2024.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: Khối thi đua MTTQ và các đoàn thể tỉnh",
                                                            "name: MTTQ và các đoàn thể tỉnh"), encoding="utf-8")
    assert "Hội Liên hiệp Phụ nữ tỉnh (Khối thi đua MTTQ và các đoàn thể tỉnh) — dẫn đầu khối với" in \
        score(root, "--bloc", "mttq").stdout


def test_ties_listed_in_vietnamese_order_and_flagged(root):
    out = score(root, "--bloc", "kinhte").stdout
    rows = [line for line in out.splitlines() if re.match(r"\s*(\d+\*?|—)\s{2}", line)]
    names = [re.split(r"\s{2,}", row.strip())[1] for row in rows]
    assert names == ["Ban Quản lý khu kinh tế", "An toàn giao thông tỉnh", "Ăn uống tỉnh", "Du lịch tỉnh",
                     "Đài Phát thanh tỉnh"]
    assert [re.split(r"\s{2,}", row.strip())[0] for row in rows] == ["1", "2*", "2*", "2*", "2*"]
    assert "* đồng hạng" in out
    assert "Ban Quản lý khu kinh tế: bằng điểm, phân định theo điểm nhóm 1" in out
    assert "Du lịch tỉnh: đồng hạng sau mọi tiêu chí phân định" in out


def test_numbers_use_a_decimal_comma(root):
    out = score(root).stdout
    assert "99,80" in out and "96,00" in out
    assert not re.search(r"\d\.\d", out), "no decimal point in text output"


def test_json_numbers_are_numbers(root):
    data = json.loads(score(root, "--json").stdout)
    assert data["version"] == 1 and data["year"] == 2024
    assert [b["bloc"] for b in data["blocs"]] == ["kinhte", "mttq"]
    mttq = data["blocs"][1]
    hlhpn = mttq["members"][0]
    assert hlhpn["id"] == "hlhpn" and hlhpn["rank"] == 1
    assert hlhpn["total"] == 99.8 and isinstance(hlhpn["total"], float)
    assert hlhpn["criteria"] == 97.8 and hlhpn["bonus"] == 2 and hlhpn["deductions"] == 0
    assert hlhpn["groups"] == [{"id": "1", "name": "Công tác chỉ đạo", "points": 58.3, "max": 60},
                               {"id": "2", "name": "Kết quả", "points": 39.5, "max": 40}]
    assert hlhpn["votes"] == {"co-ubnd": 7}
    assert hlhpn["proposals"][0]["award"] == "co-ubnd"
    assert mttq["table"] == {"id": mttq["table"]["id"], "name": "Bảng chấm điểm thử", "max": 100}
    tinhdoan = next(m for m in mttq["members"] if m["id"] == "tinhdoan")
    assert tinhdoan["agreed"] is False and tinhdoan["total"] == 94
    unscored = mttq["members"][-1]
    assert (unscored["id"], unscored["rank"], unscored["scored"], unscored["total"]) == ("lhh", 0, False, None)

    def walk(value):
        if isinstance(value, dict):
            for k, v in value.items():
                if k != "id":  # criterion ids such as "1" are text
                    walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, str):
            assert not re.fullmatch(r"-?\d+([.,]\d+)?", value), f"number as text: {value!r}"

    walk({k: v for k, v in data.items() if k != "findings"})
    assert {f["code"] for f in data["findings"]} == {"W405", "W406"}
    assert data["province"]["proposals"][0]["member"] == "hlhpn"


# -- narrowing and usage errors -------------------------------------------------------------

def test_bloc_option_narrows(root):
    r = score(root, "--bloc", "kinhte")
    assert r.exit_code == 0, r.output
    assert "(kinhte)" in r.stdout and "(mttq)" not in r.stdout
    assert [b["bloc"] for b in json.loads(score(root, "--bloc", "mttq", "--json").stdout)["blocs"]] == ["mttq"]


@pytest.mark.parametrize(("args", "text"), [
    (["score", "2024", "--bloc", "nope"], "không có khối 'nope'"),
    (["score", "2019"], "không có tệp năm 2019"),
    (["score", "2019", "--bloc", "mttq"], "không có tệp năm 2019 cho khối 'mttq'"),
])
def test_unknown_bloc_or_no_files_exit_2(root, args, text):
    r = run_cli([*args, "--root", str(root)])
    assert r.exit_code == 2
    assert text in r.stderr
    assert r.stdout == ""


def test_no_blocs_at_all_exit_2(tmp_path):
    write(tmp_path, {"thidua.yaml": "province: Thử\n"})
    r = run_cli(["score", "2024", "--root", str(tmp_path)])
    assert r.exit_code == 2 and "không có tệp năm 2024" in r.stderr


# -- refusals and warnings -------------------------------------------------------------------

BROKEN = """\
bloc: loi
year: 2024
name: Khối có lỗi
members:
  - {id: a, name: Đơn vị A}
  - {id: b, name: Đơn vị B}
criteria:
  name: Bảng
  groups:
    - {id: "1", name: Nhóm 1, max: 100}
scores:
  a:
    agreed: {"1": 90.5}
    total: 95
  b:
    agreed: {"1": 80}
"""


def test_a_bloc_with_an_error_is_refused_and_the_others_scored(root, monkeypatch):
    write(root, {"blocs/loi/2024.yaml": BROKEN})
    monkeypatch.chdir(root)  # paths are printed from where the user is
    r = score(root)
    assert r.exit_code == 1
    assert ("blocs/loi/2024.yaml:14:12: lỗi E404: Đơn vị A (a): tệp ghi tổng 95 nhưng tính được 90,5 "
            "(tiêu chí 90,5, thưởng 0, trừ 0) — gợi ý: ") in r.stderr
    assert "không chấm 1 tệp có lỗi: blocs/loi/2024.yaml" in r.stderr
    assert "(mttq)" in r.stdout and "(kinhte)" in r.stdout and "(loi)" not in r.stdout
    data = json.loads(score(root, "--json").stdout)
    assert data["refused"] == ["blocs/loi/2024.yaml"]
    assert [b["bloc"] for b in data["blocs"]] == ["kinhte", "mttq"]
    assert any(f["code"] == "E404" and f["severity"] == "error" for f in data["findings"])


def test_warnings_are_printed_but_do_not_stop_scoring(root):
    r = score(root)
    assert r.exit_code == 0
    assert "blocs/mttq/2024.yaml" in r.stderr
    assert "cảnh báo W405" in r.stderr and "cảnh báo W406" in r.stderr
    assert "W405" not in r.stdout


def test_w700_decision_differs_is_a_warning_of_score(root):
    text = (root / "blocs/mttq/2024.yaml").read_text(encoding="utf-8")
    write(root, {"blocs/mttq/2024.yaml": text.replace("co-ubnd: [hlhpn]", "co-ubnd: [ldld]")})
    r = score(root)
    assert r.exit_code == 0
    assert "W700" in r.stderr and "4/7 phiếu (57,14% < 70%)" in r.stderr


# -- bounded reading: scoring streams bloc by bloc ---------------------------------------------

YEAR_FILE = """\
bloc: {bloc}
year: {year}
name: Khối {bloc}
members:
  - {{id: a, name: Đơn vị A}}
  - {{id: b, name: Đơn vị B}}
  - {{id: c, name: Đơn vị C}}
leader: {leader}
criteria:
  name: Bảng
  groups:
    - {{id: "1", name: Nhóm 1, max: 100}}
scores:
  a: {{agreed: {{"1": 90}}}}
  b: {{agreed: {{"1": 80.5}}}}
  c: {{agreed: {{"1": 70}}}}
"""


def many_years(root: Path, blocs: list[str], first: int, last: int) -> Path:
    files = {"thidua.yaml": "province: Thử\n"}
    for b in blocs:
        for y in range(first, last + 1):
            files[f"blocs/{b}/{y}.yaml"] = YEAR_FILE.format(bloc=b, year=y, leader="abc"[(y - first) % 3])
    return write(root, files)


def count_reads(monkeypatch, root: Path, year: int, bloc: str | None = None) -> list[str]:
    from thidua.scoring_run import score_year_at

    seen: list[str] = []
    original = ORIGINAL_READ

    def counting(self, path, spec):
        if path.parent.parent.name == "blocs" and path.stem.isdigit():
            seen.append(f"{path.parent.name}/{path.stem}")
        return original(self, path, spec)

    monkeypatch.setattr(Workspace, "read", counting)
    run = score_year_at(root, year, bloc)
    assert not run.refused
    return seen


def test_scoring_reads_only_the_year_and_a_bounded_history(tmp_path, monkeypatch):
    root = many_years(tmp_path, ["k"], 2013, 2024)
    seen = count_reads(monkeypatch, root, 2024)
    assert len(seen) <= 6
    assert len(seen) == len(set(seen)), "each file read once"
    assert all(int(s.split("/")[1]) >= 2019 for s in seen)
    assert "k/2024" in seen


def test_reads_do_not_grow_with_years_on_disk(tmp_path, monkeypatch):
    short = count_reads(monkeypatch, many_years(tmp_path / "short", ["k", "m", "n"], 2019, 2024), 2024)
    long = count_reads(monkeypatch, many_years(tmp_path / "long", ["k", "m", "n"], 2001, 2024), 2024)
    assert len(long) == len(short) <= 18
    assert len(long) == len(set(long))


# -- the bundled data and the Bắc Kạn example ---------------------------------------------------

# Every bundled bloc of 2024 but the former province's history (blocs/nt-mttq: 'province: Ninh Thuận').
BUNDLED_2024 = sorted(p.parent.name for p in (ROOT / "blocs").glob("*/2024.yaml")
                      if "province:" not in p.read_text(encoding="utf-8"))


@pytest.mark.skipif(not BUNDLED_2024, reason="no bundled bloc-year for 2024 yet")
def test_score_2024_in_the_project_root_prints_every_bundled_bloc(monkeypatch):
    monkeypatch.chdir(ROOT)
    r = run_cli(["score", "2024"])
    assert r.exit_code == 0, r.output
    shown = re.findall(r"^.* \(([a-z0-9_-]+)\) — năm 2024$", r.stdout, flags=re.M)
    assert shown == BUNDLED_2024


BAC_KAN = EXAMPLES / "bac-kan"


@pytest.mark.skipif(not (BAC_KAN / "blocs/mttq/2020.yaml").is_file(),
                    reason="examples/bac-kan/blocs/mttq/2020.yaml not written yet")
def test_bac_kan_2020_proposals_as_the_bloc_decided():
    r = run_cli(["score", "2020", "--root", str(BAC_KAN), "--bloc", "mttq"])
    assert r.exit_code == 0, r.output
    assert "W700" not in r.stderr, "the proposals match what the bloc decided in seed 001"
    out = r.stdout
    assert re.search(r"Cờ thi đua của UBND tỉnh: Hội Liên hiệp Phụ nữ tỉnh — hạng 1/6, .*phiếu", out)
    assert re.search(r"Bằng khen của Chủ tịch UBND tỉnh: Đoàn TNCS Hồ Chí Minh tỉnh — hạng \d/6, .*phiếu", out)
    assert re.search(r"Bằng khen của Chủ tịch UBND tỉnh: Hội Nông dân tỉnh — hạng \d/6, .*phiếu", out)
    data = json.loads(run_cli(["score", "2020", "--root", str(BAC_KAN), "--bloc", "mttq", "--json"]).stdout)
    [b] = data["blocs"]
    got = sorted((p["award"], p["member"]) for p in b["proposals"])
    assert got == [("bang-khen", "hnd"), ("bang-khen", "tinhdoan"), ("co-ubnd", "hlhpn")]
    assert all(p["reasons"] for p in b["proposals"])
    ldld = next(m for m in b["members"] if m["id"] == "ldld")
    assert any("phiếu" in m["reason"] for m in ldld["misses"]), "a member that misses says why"


def test_plain_text_when_not_a_terminal_rich_table_when_forced(root):
    plain = score(root)
    assert "│" not in plain.stdout and "\x1b[" not in plain.stdout
    forced = run_cli(["score", "2024", "--root", str(root)], env={"NO_COLOR": None, "FORCE_COLOR": "1"})
    assert forced.exit_code == 0, forced.output
    assert "│" in forced.stdout or "┃" in forced.stdout
    assert "99,80" in forced.stdout and "Hội Liên hiệp Phụ nữ tỉnh" in forced.stdout


PROVINCE_CONFIG = """\
province: Thử
awards:
  - {id: co-ubnd, name: Cờ thi đua của UBND tỉnh, quota: 1}
  - id: co-chinh-phu
    name: Cờ thi đua của Chính phủ
    level: province
    from_award: co-ubnd
    quota: {share: 20%, rounding: down}
"""


def test_bloc_option_does_not_change_the_province_step(tmp_path):
    files = {"thidua.yaml": PROVINCE_CONFIG}
    for i, b in enumerate(["k1", "k2", "k3", "k4", "k5"]):
        files[f"blocs/{b}/2024.yaml"] = YEAR_FILE.format(bloc=b, year=2024, leader="a").replace(
            '"1": 90}', f'"1": {90 + i}}}')
    root = write(tmp_path, files)
    full = json.loads(run_cli(["score", "2024", "--root", str(root), "--json"]).stdout)["province"]
    assert [(p["bloc"], p["member"]) for p in full["proposals"]] == [("k5", "a")]
    narrowed = json.loads(run_cli(["score", "2024", "--root", str(root), "--bloc", "k5", "--json"]).stdout)
    assert [(p["bloc"], p["member"]) for p in narrowed["province"]["proposals"]] == [("k5", "a")]


@pytest.mark.skipif(not hasattr(__import__("os"), "openpty"), reason="needs a pseudo-terminal")
def test_progress_bar_on_stderr_keeps_stdout_clean(tmp_path):
    import os
    import subprocess
    import sys

    files = {"thidua.yaml": "province: Thử\n"}
    files.update({f"blocs/k{i:02d}/2024.yaml": YEAR_FILE.format(bloc=f"k{i:02d}", year=2024, leader="a")
                  for i in range(45)})
    root = write(tmp_path, files)
    import threading

    main, child = os.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "THIDUA_ROOT")}

    def drain():  # keep the terminal's buffer from filling up
        try:
            while os.read(main, 65536):
                pass
        except OSError:
            pass

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        p = subprocess.run([sys.executable, "-m", "thidua", "score", "2024", "--root", str(root)],
                           stdout=subprocess.PIPE, stderr=child, env=env, timeout=60)
    finally:
        os.close(child)
    reader.join(5)
    os.close(main)
    assert p.returncode == 0
    assert p.stdout.decode("utf-8").startswith("Khối k00 (k00) — năm 2024\n")
