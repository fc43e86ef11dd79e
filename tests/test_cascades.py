"""One mistake, one finding: a members list that is refused does not turn every reference into E303/W601."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import write_root
from typer.testing import CliRunner

from thidua.cli.app import app

VALID = (Path(__file__).parent / "data" / "bad" / "ok-utf8-bom.yaml").read_text(encoding="utf-8-sig")


def members_block() -> tuple[int, int]:
    start = VALID.index("members:\n")
    return start, VALID.index("\nleader:", start)


def findings(tmp_path: Path, members: str, previous: bool = False) -> list[str]:
    start, end = members_block()
    files = {"blocs/k/2024.yaml": VALID[:start] + members + VALID[end:]}
    if previous:
        files["blocs/k/2023.yaml"] = VALID.replace("year: 2024", "year: 2023", 1)
    root = write_root(tmp_path / "root", files)
    result = CliRunner().invoke(app, ["validate", "--root", str(root), "--format", "json"])
    return [f"{d['code']}:{d['line']}" for d in json.loads(result.stdout)["diagnostics"] if d["file"].endswith("blocs/k/2024.yaml")]


@pytest.mark.parametrize("previous", [False, True], ids=["alone", "after-2023"])
def test_an_empty_members_list_is_one_finding(tmp_path, previous):
    start, _ = members_block()
    line = VALID[:start].count("\n") + 1
    found = findings(tmp_path, "members: []", previous)
    assert found[0] == f"E205:{line}"
    assert [f for f in found if f.startswith(("E303", "W601", "E2"))] == [f"E205:{line}"]


def test_a_members_list_pasted_ten_thousand_times_is_one_finding(tmp_path):
    start, _ = members_block()
    line = VALID[:start].count("\n") + 2
    pasted = "members:\n" + "".join(f"  - {{id: m{i}, name: Đơn vị {i}}}\n" for i in range(10_000))
    assert findings(tmp_path, pasted.rstrip("\n")) == [f"E205:{line}"]


def test_the_list_size_hint_speaks_of_a_list(tmp_path):
    start, end = members_block()
    root = write_root(tmp_path / "root", {"blocs/k/2024.yaml": VALID[:start] + "members: []" + VALID[end:]})
    result = CliRunner().invoke(app, ["validate", "--root", str(root)])
    assert "lỗi E205: danh sách có 0 mục, cần ít nhất 1\n" in result.output
    assert "  gợi ý: Thêm ít nhất 1 mục vào danh sách.\n" in result.output
