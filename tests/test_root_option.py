"""--root (or THIDUA_ROOT) naming something that is not a data root stops with why, never a false all-clear.

A typo'd folder, /proc, a bloc's own folder or a file given as the root would otherwise be read as a root
with no files: "0 tệp, 0 lỗi" tells the office its data is fine when nothing was checked.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support import write_root
from typer.testing import CliRunner

from thidua.cli.app import app

VALID = (Path(__file__).parent / "data" / "bad" / "ok-crlf-line-endings.yaml").read_bytes()  # bloc k, 2024


@pytest.fixture
def root(tmp_path):
    return write_root(tmp_path / "root", {"blocs/k/2024.yaml": VALID})


def stderr_of(args, env=None):
    result = CliRunner().invoke(app, args, env=env)
    assert result.exit_code == 2, result.output
    return result.stderr


@pytest.mark.parametrize("args", [["validate"], ["score", "2024"], ["history", "--bloc", "k"]], ids=lambda a: a[0])
def test_a_folder_without_data_is_refused(tmp_path, args):
    empty = tmp_path / "typo"
    empty.mkdir()
    assert stderr_of([*args, "--root", str(empty)]) == (
        f"thidua: lỗi: '{empty}' không phải thư mục dữ liệu thi đua: không có thidua.yaml hoặc blocs/ trong đó\n")


def test_a_blocs_own_folder_suggests_the_root(root):
    bloc = root / "blocs" / "k"
    assert stderr_of(["validate"], env={"THIDUA_ROOT": str(bloc)}) == (
        f"thidua: lỗi: '{bloc}' không phải thư mục dữ liệu thi đua: không có thidua.yaml hoặc blocs/ trong đó; "
        f"có phải ý là '{root}'?\n")


def test_a_file_given_as_the_root_is_called_a_file(root):
    f = root / "blocs" / "k" / "2024.yaml"
    assert stderr_of(["validate", "--root", str(f)]) == (
        f"thidua: lỗi: thư mục dữ liệu '{f}' là một tệp, không phải thư mục\n")


def test_a_missing_root_is_said_missing(tmp_path):
    assert stderr_of(["validate", "--root", str(tmp_path / "none")]) == (
        f"thidua: lỗi: thư mục dữ liệu '{tmp_path / 'none'}' không tồn tại\n")


def test_a_real_root_and_its_blocs_folder_still_work(root):
    for given in (root, root / "blocs"):
        result = CliRunner().invoke(app, ["validate", "--root", str(given)])
        assert result.exit_code == 0 and result.output.endswith(" tệp, 0 lỗi, 0 cảnh báo\n"), result.output
