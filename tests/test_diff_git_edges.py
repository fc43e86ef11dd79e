"""`thidua diff` where git is not as a tutorial leaves it: a shallow clone (CI's default checkout), a
detached HEAD, a file deleted in the working tree, no git on PATH."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from git_support import commit, edit, git, make_repo

pytestmark = [pytest.mark.usefixtures("git_env"), pytest.mark.skipif(shutil.which("git") is None, reason="no git")]
REPO = Path(__file__).resolve().parent.parent


def thidua(*args, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.run([sys.executable, "-m", "thidua", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", timeout=60, cwd=cwd, env=env, stdin=subprocess.DEVNULL)


@pytest.fixture
def repo(tmp_path):
    repo = make_repo(tmp_path / "data")
    edit(repo / "blocs/mttq/2020.yaml", '"1.1": 48', '"1.1": 47')
    commit(repo, "sửa điểm")
    return repo


def test_a_shallow_clone_says_the_history_is_missing_and_how_to_fetch_it(repo, tmp_path):
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", repo.as_uri(), str(clone))
    done = thidua("diff", "HEAD~1", "HEAD", cwd=clone)
    assert done.returncode == 2
    assert done.stderr == (
        f"thidua: lỗi: không có phiên bản 'HEAD~1' trong kho git {clone}: kho là bản sao nông (shallow clone) "
        "chỉ có vài commit gần nhất; lấy đủ lịch sử bằng 'git fetch --unshallow' (GitHub Actions: "
        "actions/checkout với fetch-depth: 0)\n")


def test_a_detached_head_compares_that_commit_with_the_working_tree(repo):
    git(repo, "checkout", "-q", "--detach", "HEAD~1")
    done = thidua("diff", cwd=repo)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("So sánh HEAD (") and "Không có thay đổi nào về dữ liệu thi đua." in done.stdout


def test_a_file_deleted_in_the_working_tree_is_listed_as_removed(repo):
    (repo / "blocs/mttq/2020.yaml").unlink()
    done = thidua("diff", cwd=repo)
    assert done.returncode == 0, done.stderr
    assert "blocs/mttq/2020.yaml — Khối thi đua MTTQ và các đoàn thể tỉnh, năm 2020 (đã xóa)" in done.stdout


def test_no_git_on_path_is_said_plainly(repo, tmp_path):
    bare = tmp_path / "bin"
    bare.mkdir()
    done = thidua("diff", cwd=repo, env={"PATH": str(bare)})
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "thidua: lỗi: không tìm thấy lệnh git; cài git rồi chạy lại\n"


@pytest.mark.parametrize("kind", ["device", "folder", "fifo"])
def test_textconv_of_something_that_is_not_a_file_says_what_it_is(tmp_path, kind):
    """Only git calls the driver, with a real file; a person trying it on a device, a folder or a FIFO
    reads what the path is (never 'no such file', never a hang)."""
    if kind == "device":
        target, what = Path(os.devnull), "một thiết bị"
    elif kind == "folder":
        target, what = tmp_path, "một thư mục"
    else:
        if not hasattr(os, "mkfifo"):
            pytest.skip("needs FIFOs")
        target, what = tmp_path / "pipe.yaml", "một đường ống (FIFO)"
        os.mkfifo(target)
    done = thidua("diff", "--textconv", target, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == f"thidua: lỗi: {target}: đường dẫn này là {what}, không phải một tệp dữ liệu\n"


def test_textconv_of_a_missing_file_says_so(tmp_path):
    done = thidua("diff", "--textconv", tmp_path / "none.yaml", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (2, f"thidua: lỗi: không có tệp '{tmp_path / 'none.yaml'}'\n")
