"""The data root is found the same from anywhere inside it, and a file named on the command line is
judged as in a whole-root run; printed paths open from where the user is.

The bundled layout keeps thidua.yaml in blocs/ (``<root>/blocs/thidua.yaml``): each case below once
went wrong there (a false E305, a false all-clear from blocs/, a search in blocs/blocs).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thidua.cli.app import app
from thidua.loading.root import all_data_files, find_root, user_path

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def bundled(tmp_path) -> Path:
    """A copy of the repository's own data root: blocs/ with thidua.yaml inside it."""
    root = tmp_path / "repo"
    shutil.copytree(REPO / "blocs", root / "blocs")
    return root


def run(*args: str):
    return CliRunner().invoke(app, list(args))


# -- find_root -------------------------------------------------------------------------------

@pytest.mark.parametrize("where", [".", "blocs", "blocs/mttq", "blocs/_tables"])
def test_bundled_root_found_from_every_folder_inside(bundled, where):
    assert find_root(start=bundled / where) == bundled.resolve()


@pytest.mark.parametrize("where", [".", "blocs", "blocs/mttq"])
def test_root_with_thidua_yaml_on_top_found_from_every_folder_inside(tmp_path, where):
    root = tmp_path / "data"
    (root / "blocs" / "mttq").mkdir(parents=True)
    (root / "thidua.yaml").write_text("province: Bắc Kạn\n", encoding="utf-8")
    assert find_root(start=root / where) == root.resolve()


def test_root_option_naming_the_bundled_blocs_folder_means_its_parent(bundled):
    assert find_root(bundled / "blocs") == bundled.resolve()
    assert find_root(bundled) == bundled


def test_a_folder_named_blocs_with_blocs_inside_is_a_root_of_its_own(tmp_path):
    root = tmp_path / "blocs"
    (root / "blocs" / "mttq").mkdir(parents=True)
    (root / "thidua.yaml").write_text("province: Bắc Kạn\n", encoding="utf-8")
    assert find_root(start=root / "blocs" / "mttq") == root.resolve()


# -- the three broken cases of the bundled layout ----------------------------------------------

def test_a_file_named_from_the_top_is_judged_with_its_table(bundled, monkeypatch):
    monkeypatch.chdir(bundled)
    result = run("validate", "--no-cache", "blocs/mttq/2024.yaml")
    # no false E305; 2024 and the later years whose history reads it (2025, 2026)
    assert (result.exit_code, result.stdout) == (0, "3 tệp, 0 lỗi, 0 cảnh báo\n")


def test_validate_from_blocs_checks_the_whole_root(bundled, monkeypatch):
    monkeypatch.chdir(bundled / "blocs")
    result = run("validate", "--no-cache")
    files = len(all_data_files(bundled))
    assert files > 10
    assert (result.exit_code, result.stdout) == (0, f"{files} tệp, 0 lỗi, 0 cảnh báo\n")  # not "1 tệp"


def test_score_from_a_bloc_folder(bundled, monkeypatch):
    monkeypatch.chdir(bundled / "blocs" / "mttq")
    result = run("score", "2024", "--bloc", "mttq")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Khối thi đua MTTQ và các tổ chức chính trị - xã hội tỉnh (mttq) — năm 2024\n")


def _break_mttq_2024(root: Path) -> int:
    """An unknown leader in blocs/mttq/2024.yaml; the line it is on (the value is at column 9)."""
    path = root / "blocs" / "mttq" / "2024.yaml"
    text = path.read_text(encoding="utf-8")
    assert "\nleader: hlhpn " in text
    path.write_text(text.replace("\nleader: hlhpn ", "\nleader: hlhpm "), encoding="utf-8")
    return text.splitlines().index(next(ln for ln in text.splitlines() if ln.startswith("leader: "))) + 1


@pytest.mark.parametrize(("where", "shown"), [
    (".", "blocs/mttq/2024.yaml"),
    ("blocs", "mttq/2024.yaml"),
    ("blocs/mttq", "2024.yaml"),
    ("blocs/_tables", "../mttq/2024.yaml"),
])
def test_paths_are_printed_from_where_the_user_is(bundled, monkeypatch, where, shown):
    line = _break_mttq_2024(bundled)
    monkeypatch.chdir(bundled / where)
    result = run("validate", "--no-cache")
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{shown}:{line}:9: lỗi E303: "), first
    assert (Path.cwd() / shown).is_file()  # the user can open what is printed


def test_a_file_named_from_its_own_folder_gets_the_same_findings_as_the_whole_root(bundled, monkeypatch):
    _break_mttq_2024(bundled)
    monkeypatch.chdir(bundled)
    whole = [ln for ln in run("validate", "--no-cache").stdout.splitlines() if ln.startswith("blocs/mttq/2024")]
    monkeypatch.chdir(bundled / "blocs" / "mttq")
    named = [ln for ln in run("validate", "--no-cache", "2024.yaml").stdout.splitlines() if ln.startswith("2024")]
    assert whole and named == [ln.removeprefix("blocs/mttq/") for ln in whole]


def test_root_given_from_elsewhere_prints_absolute_paths(bundled, tmp_path, monkeypatch):
    line = _break_mttq_2024(bundled)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = run("validate", "--no-cache", "--root", str(bundled))
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{(bundled / 'blocs/mttq/2024.yaml').as_posix()}:{line}:9: lỗi E303: "), first


def test_github_annotations_are_relative_to_the_checkout(bundled, monkeypatch):
    """GitHub places an annotation by its path from the checkout's top, whatever the step's folder."""
    line = _break_mttq_2024(bundled)
    monkeypatch.setenv("GITHUB_WORKSPACE", str(bundled))
    monkeypatch.chdir(bundled / "blocs")  # a step with working-directory: blocs
    result = run("validate", "--no-cache", "--format", "github")
    assert result.stdout.startswith(f"::error file=blocs/mttq/2024.yaml,line={line},col=9,title=E303::")


def test_user_path():
    root = Path("/data/tinh")
    assert user_path(root, "blocs/mttq/2024.yaml", "/data/tinh") == "blocs/mttq/2024.yaml"
    assert user_path(root, "blocs/mttq/2024.yaml", "/data/tinh/blocs/mttq") == "2024.yaml"
    assert user_path(root, "blocs/_tables/a.yaml", "/data/tinh/blocs/mttq") == "../_tables/a.yaml"
    assert user_path(root, "blocs/mttq/2024.yaml", "/data") == "tinh/blocs/mttq/2024.yaml"
    assert user_path(root, "blocs/mttq/2024.yaml", "/home/vp") == "/data/tinh/blocs/mttq/2024.yaml"
    assert user_path(root, "", "/home/vp") == ""
    # a report written with -o outside the data, from the data root: absolute, not a climb out of it
    assert user_path(root, "/tmp/bc/tong-hop.xlsx", "/data/tinh") == "/tmp/bc/tong-hop.xlsx"


def test_score_names_refused_files_from_where_the_user_is(bundled, monkeypatch):
    line = _break_mttq_2024(bundled)
    monkeypatch.chdir(bundled / "blocs" / "mttq")
    result = run("score", "2024", "--bloc", "mttq")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"2024.yaml:{line}:9: lỗi E303: ")
    assert "không chấm 1 tệp có lỗi: 2024.yaml; " in result.stderr
