"""`thidua history --bloc B`: chairs, totals and ranks by year, members followed through renames and mergers."""

from __future__ import annotations

import json

import pytest
from git_support import CONFIG_YAML, TABLE_YAML, YEAR_2019, YEAR_2020, write
from typer.testing import CliRunner

from thidua.cli.app import app

pytestmark = pytest.mark.usefixtures("git_env")

# 2021: Tỉnh đoàn takes a new id (one predecessor: the same row); Hội Nông dân and LĐLĐ merge (a new row).
YEAR_2021 = """\
bloc: mttq
year: 2021
name: Khối thi đua MTTQ và các tổ chức chính trị - xã hội tỉnh
members:
  - {id: hlhpn, name: Hội Liên hiệp Phụ nữ tỉnh}
  - {id: hnd-ldld, name: Hội Nông dân và Công đoàn tỉnh, predecessors: [hnd, ldld]}
  - {id: doantn, name: Đoàn TNCS Hồ Chí Minh tỉnh, predecessors: [tinhdoan]}
leader: hlhpn
deputy: doantn
rotation: {rule: elected}
departures:
  - {member: hnd, reason: merged, into: hnd-ldld}
  - {member: ldld, reason: merged, into: hnd-ldld}
  - {member: tinhdoan, reason: renamed, into: doantn}
criteria: _tables/mttq
scores:
  hlhpn: {agreed: {"1.1": 45, "1.2": 25, "2": 18}}
  hnd-ldld: {agreed: {"1.1": 49, "1.2": 29, "2": 19}}
  doantn: {agreed: {"1.1": 45, "1.2": 25, "2": 17}}
decided:
  awards:
    co-ubnd: [hnd-ldld]
"""


@pytest.fixture
def root(tmp_path):
    data = tmp_path / "data"
    write(data, {"thidua.yaml": CONFIG_YAML, "blocs/_tables/mttq.yaml": TABLE_YAML,
                 "blocs/mttq/2019.yaml": YEAR_2019, "blocs/mttq/2020.yaml": YEAR_2020,
                 "blocs/mttq/2021.yaml": YEAR_2021})
    return data


def run(*args: str):
    return CliRunner().invoke(app, ["history", *args])


def test_history_json_follows_members(root):
    result = run("--bloc", "mttq", "--root", str(root), "--json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["bloc"] == "mttq" and doc["name"] == "Khối thi đua MTTQ và các tổ chức chính trị - xã hội tỉnh"
    assert [(y["year"], y["leader"]["id"], y["deputy"]["id"]) for y in doc["years"]] == [
        (2019, "tinhdoan", "hlhpn"), (2020, "hlhpn", "ldld"), (2021, "hlhpn", "doantn")]
    y2020 = doc["years"][1]
    assert [(m["id"], m["total"], m["rank"]) for m in y2020["members"]] == [
        ("hlhpn", 95, 1), ("ldld", 94, 2), ("hnd", 88.5, 4), ("tinhdoan", 91, 3)]
    assert [(a["award"], a["member"]["id"]) for a in y2020["decided"]] == [("co-ubnd", "hlhpn"), ("bang-khen", "ldld")]
    assert [(a["award"], a["member"]["id"]) for a in y2020["proposed"]] == [("co-ubnd", "hlhpn"), ("bang-khen", "ldld")]
    rows = {m["key"]: m for m in doc["members"]}
    assert list(rows) == ["tinhdoan", "hlhpn", "hnd", "hnd-ldld", "ldld"]  # Vietnamese order of latest names
    doan = rows["tinhdoan"]
    assert doan["name"] == "Đoàn TNCS Hồ Chí Minh tỉnh" and doan["former_names"] == ["Tỉnh đoàn"]
    assert [(r["year"], r["id"], r["total"], r["rank"], r["leader"], r["deputy"]) for r in doan["years"]] == [
        (2019, "tinhdoan", 90, 3, True, False), (2020, "tinhdoan", 91, 3, False, False),
        (2021, "doantn", 87, 3, False, True)]
    assert rows["hnd-ldld"]["merged_from"] == ["hnd", "ldld"]
    assert [(r["year"], r["total"], r["rank"]) for r in rows["hnd-ldld"]["years"]] == [(2021, 97, 1)]
    assert [r["year"] for r in rows["ldld"]["years"]] == [2019, 2020]


def test_history_plain_text_tables(root):
    result = run("--bloc", "mttq", "--root", str(root))
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("Khối thi đua MTTQ và các tổ chức chính trị - xã hội tỉnh (mttq): lịch sử 2019–2021\n")
    for year in ("2020", "2021"):
        (root / f"blocs/mttq/{year}.yaml").unlink()
    one = run("--bloc", "mttq", "--root", str(root)).output  # one year: no span "2019–2019"
    assert one.startswith("Khối thi đua MTTQ và các đoàn thể tỉnh (mttq): lịch sử năm 2019\n"), one
    lines = out.splitlines()
    (y2020,) = [line for line in lines if line.startswith("2020  ")]
    assert "Hội Liên hiệp Phụ nữ tỉnh" in y2020 and "Liên đoàn Lao động tỉnh" in y2020
    assert "Cờ thi đua của UBND tỉnh: Hội Liên hiệp Phụ nữ tỉnh; Bằng khen của Chủ tịch UBND tỉnh: " in y2020
    (doan,) = [line for line in lines if line.startswith("Đoàn TNCS Hồ Chí Minh tỉnh (trước đây: Tỉnh đoàn)")]
    assert "90 (3) T" in doan and "91 (3)" in doan and "87 (3) P" in doan
    assert "Hội Nông dân và Công đoàn tỉnh: hợp nhất từ Hội Nông dân tỉnh, Liên đoàn Lao động tỉnh" in out
    assert "\x1b[" not in out  # no colour in a pipe


def test_history_is_byte_identical(root):
    assert run("--bloc", "mttq", "--root", str(root)).stdout_bytes == \
        run("--bloc", "mttq", "--root", str(root)).stdout_bytes


def test_a_year_with_errors_is_listed_unscored_and_exits_1(root):
    path = root / "blocs/mttq/2020.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('"1.1": 48', '"1.1": 51'), encoding="utf-8")
    result = run("--bloc", "mttq", "--root", str(root), "--json")
    assert result.exit_code == 1
    doc = json.loads(result.output)
    y2020 = doc["years"][1]
    assert not y2020["scored"] and y2020["errors"][0]["code"] == "E400"
    assert y2020["leader"]["id"] == "hlhpn" and all(m["total"] is None for m in y2020["members"])
    text = run("--bloc", "mttq", "--root", str(root))
    assert text.exit_code == 1 and "(chưa chấm: 1 lỗi)" in text.output and "E400" in text.output


def test_unknown_bloc_exits_2(root):
    result = run("--bloc", "khong-co", "--root", str(root))
    assert result.exit_code == 2 and "không có khối 'khong-co'" in result.output


def test_bundled_example_roots_have_a_history():
    from pathlib import Path

    examples = Path(__file__).resolve().parent.parent / "examples" / "bac-kan"
    if not (examples / "blocs").is_dir():
        pytest.skip("examples/bac-kan not present")
    bloc = sorted(p.name for p in (examples / "blocs").iterdir() if p.is_dir() and not p.name.startswith("_"))[0]
    result = run("--bloc", bloc, "--root", str(examples), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["years"]
