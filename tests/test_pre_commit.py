"""The real pre-commit tool over a data repository written by `thidua init`.

A change to a shared table that breaks a bloc-year nobody touched must fail the commit, and name that
bloc-year's file:line:col; fixing the bloc-year lets the commit through. The data root is also tried in
a subfolder of the repository, with the hook and the attributes `init` writes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from git_support import git
from typer.testing import CliRunner

from thidua.cli.app import app
from thidua.render import scaffold

pytestmark = pytest.mark.usefixtures("git_env")

BIN = Path(sys.executable).parent

TABLE = scaffold.TABLE_EXAMPLE  # criteria 1.1 (60), 1.2 (20) and 2 (20)


def bloc_year(bloc: str) -> str:
    a, b = (("hlhpn", "ldld") if bloc == "mttq" else ("sotc", "sonv"))  # a unit belongs to one bloc a year
    return f"""\
bloc: {bloc}
year: 2025
name: Khối {bloc}
members:
  - {{id: {a}, name: Đơn vị {a}}}
  - {{id: {b}, name: Đơn vị {b}}}
leader: {a}
deputy: {b}
criteria: _tables/chung-2025
scores:
  {a}:
    agreed: {{"1.1": 58, "1.2": 18.5, "2": 20}}
  {b}:
    agreed: {{"1.1": 56, "1.2": 19, "2": 18}}
"""


def pre_commit(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    exe = shutil.which("pre-commit", path=str(BIN)) or shutil.which("pre-commit")
    if exe is None:
        pytest.fail("pre-commit is missing: pip install -e '.[test]'")
    env = dict(os.environ, PATH=os.pathsep.join([str(BIN), os.environ.get("PATH", "")]),
               PRE_COMMIT_HOME=str(cwd.parent / "pre-commit-home"))
    return subprocess.run([exe, *args], cwd=cwd, capture_output=True, text=True, env=env)


def commit(repo: Path, message: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PATH=os.pathsep.join([str(BIN), os.environ.get("PATH", "")]),
               PRE_COMMIT_HOME=str(repo.parent / "pre-commit-home"))
    return subprocess.run(["git", "commit", "-q", "-m", message], cwd=repo, capture_output=True, text=True, env=env)


def make_repo(repo: Path, data: str = ".") -> Path:
    """`thidua init` in repo/data, two blocs sharing a table, pre-commit installed, first commit made."""
    root = repo / data
    result = CliRunner().invoke(app, ["init", str(root), "--province", "Bắc Kạn"])
    assert result.exit_code == 0, result.output
    if data != ".":  # the repository's own files stand at the top, the data root below
        for name in (".pre-commit-config.yaml", ".gitattributes", ".github"):
            shutil.move(str(root / name), str(repo / name))
    (root / "blocs/_tables").mkdir(parents=True, exist_ok=True)
    (root / "blocs/_tables/chung-2025.yaml").write_text(TABLE, encoding="utf-8")
    for bloc in ("mttq", "noi-chinh"):
        (root / "blocs" / bloc).mkdir(parents=True)
        (root / "blocs" / bloc / "2025.yaml").write_text(bloc_year(bloc), encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    installed = pre_commit("install", cwd=repo)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    git(repo, "add", "-A")
    first = commit(repo, "Khởi tạo dữ liệu thi đua")
    assert first.returncode == 0, first.stdout + first.stderr
    return root


@pytest.mark.parametrize("data", [".", "data"])
def test_a_table_change_that_breaks_another_file_fails_the_commit(tmp_path, data):
    repo = tmp_path / "repo"
    root = make_repo(repo, data)
    prefix = "" if data == "." else f"{data}/"
    table = root / "blocs/_tables/chung-2025.yaml"
    # the table drops criterion 1.2 (and its total with it): the table is still consistent on its own
    table.write_text(TABLE.replace('      - {id: "1.2", name: Tổ chức phong trào thi đua, max: 20}\n', "")
                     .replace("total: 100", "total: 80"), encoding="utf-8")
    git(repo, "add", str(table))
    failed = commit(repo, "Bảng điểm 2025: bỏ tiêu chí 1.2")
    out = failed.stdout + failed.stderr
    assert failed.returncode == 1, out
    # the bloc-years that were not touched are named, at the score that no longer has a criterion
    assert f"{prefix}blocs/mttq/2025.yaml:12:25: lỗi E401: " in out, out
    assert f"{prefix}blocs/noi-chinh/2025.yaml:12:25: lỗi E401: " in out, out
    assert "3 tệp, 4 lỗi, 0 cảnh báo" in out
    assert git(repo, "rev-list", "--count", "HEAD").strip() == "1"  # nothing landed
    # the offices fix their files in the same commit: it goes through
    for bloc in ("mttq", "noi-chinh"):
        path = root / "blocs" / bloc / "2025.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(', "1.2": 18.5', "").replace(', "1.2": 19', ""), encoding="utf-8")
    git(repo, "add", "-A")
    passed = commit(repo, "Bảng điểm 2025: bỏ tiêu chí 1.2, sửa điểm các khối")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert git(repo, "rev-list", "--count", "HEAD").strip() == "2"
