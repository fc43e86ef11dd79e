"""The operating system's errors reach the user in Vietnamese, with the file they are about.

Python gives the C library's English ("No space left on device", "Too many levels of symbolic
links", "File name too long"); a user reads the same cause in Vietnamese instead.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import write_root

from thidua.oserrors import os_error_text

VALID = (Path(__file__).parent / "data" / "bad" / "ok-crlf-line-endings.yaml").read_bytes()  # bloc k, 2024
REPO = Path(__file__).resolve().parent.parent


def thidua(*args, cwd: Path, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "thidua", *map(str, args)], stdout=stdout, stderr=subprocess.PIPE,
                          text=True, encoding="utf-8", timeout=60, cwd=cwd, env=env, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize(("code", "text"), [
    (errno.ENOSPC, "ổ đĩa đã đầy"), (errno.EACCES, "không có quyền truy cập"),
    (errno.ENOENT, "không có tệp hoặc thư mục này"), (errno.ELOOP, "liên kết (symlink) vòng lặp, không trỏ tới tệp nào"),
    (errno.ENAMETOOLONG, "tên tệp quá dài"), (errno.EROFS, "ổ đĩa hoặc thư mục chỉ cho đọc, không ghi được"),
])
def test_the_systems_english_becomes_vietnamese(code, text):
    assert os_error_text(OSError(code, os.strerror(code), "x")) == text


def test_a_message_thidua_wrote_is_kept():
    assert os_error_text(OSError(errno.EEXIST, "không tạo được tệp tạm", "x")) == "không tạo được tệp tạm"


def test_an_unlisted_error_keeps_the_systems_words_marked_as_such():
    assert os_error_text(OSError(errno.ECHILD, os.strerror(errno.ECHILD))) == f"lỗi hệ thống: {os.strerror(errno.ECHILD)}"


@pytest.fixture
def root(tmp_path):
    return write_root(tmp_path / "root", {"blocs/k/2024.yaml": VALID})


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["schema"], ["score", "2024"], ["validate", "--format", "json"]], ids=lambda a: a[0])
def test_a_full_disk_under_stdout_is_said_in_vietnamese(root, args):
    with open("/dev/full", "w") as full:
        done = thidua(*args, cwd=root, stdout=full)
    assert done.returncode == 2
    assert done.stderr == "thidua: lỗi: ổ đĩa đã đầy\n"


def test_an_output_in_a_missing_folder_is_said_in_vietnamese(root, tmp_path):
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    done = thidua("report", "--bloc", "k", "--year", "2024", "-o", target / "r.xlsx", cwd=root)
    assert done.returncode == 2
    assert done.stderr == f"thidua: lỗi: đã có một tệp cùng tên ở chỗ này ({target / 'r.xlsx'})\n"


def test_a_symlink_loop_is_e008_in_vietnamese(root):
    (root / "blocs" / "k" / "2025.yaml").symlink_to("loop")
    (root / "blocs" / "k" / "loop").symlink_to("2025.yaml")
    done = thidua("validate", cwd=root)
    assert done.returncode == 1
    assert ("blocs/k/2025.yaml: lỗi E008: không đọc được tệp: liên kết (symlink) vòng lặp, không trỏ tới tệp nào\n"
            in done.stdout), done.stdout
