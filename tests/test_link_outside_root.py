"""E010: a data file that a link takes outside the data root is not read. Git keeps links, so a link
committed to a data repository could make validate quote a file of the machine that runs it (a CI
runner's secrets) into a public log; a link inside the root, or a file the user names, is read."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from fixtures_scoring import run_cli

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "bac-kan"
SECRET = "GITHUB_TOKEN=ghp_bi_mat_khong_duoc_in_ra\n"


def root_with_link(tmp_path: Path, target: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".thidua-cache"))
    (root / "blocs/mttq/2022.yaml").symlink_to(target)
    return root


def test_a_year_file_linked_outside_the_root_is_e010_and_its_content_is_never_printed(tmp_path):
    secret = tmp_path / "secrets.env"
    secret.write_text(SECRET, encoding="utf-8")
    root = root_with_link(tmp_path, secret)
    for args in (["validate", "--no-cache"], ["validate"], ["validate", "--format", "json"],
                 ["validate", "--format", "github"], ["score", "2022"]):
        res = run_cli([*args, "--root", str(root)])
        assert res.exit_code == 1, (args, res.output)
        assert "ghp_" not in res.output and "GITHUB_TOKEN" not in res.output, args
    res = run_cli(["validate", "--no-cache", "--root", str(root)])
    assert (f"blocs/mttq/2022.yaml: lỗi E010: liên kết tới '{os.path.realpath(secret)}', ở ngoài thư mục dữ "
            "liệu: tệp không được đọc\n") in res.stdout


def test_a_link_that_stays_inside_the_root_is_read(tmp_path):
    root = tmp_path / "data"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".thidua-cache"))
    kept = root / "ban-goc"
    kept.mkdir()
    year = (root / "blocs/mttq/2021.yaml").read_text(encoding="utf-8").replace("year: 2021", "year: 2022")
    (kept / "2022.yaml").write_text(year, encoding="utf-8")
    (root / "blocs/mttq/2022.yaml").symlink_to(kept / "2022.yaml")
    res = run_cli(["validate", "--no-cache", "--root", str(root)])
    assert "E010" not in res.stdout, res.output


def test_a_file_named_outside_the_root_is_the_users_choice(tmp_path):
    root = tmp_path / "data"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".thidua-cache"))
    outside = tmp_path / "nam-2020.yaml"
    shutil.copyfile(root / "blocs/mttq/2020.yaml", outside)
    res = run_cli(["validate", "--no-cache", "--root", str(root), str(outside)])
    assert "E010" not in res.output
