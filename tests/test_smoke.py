"""The README's first command works on the bundled data, from the repository and from any folder."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from thidua.cli.app import app

REPOSITORY = Path(__file__).resolve().parent.parent


def test_validate_bundled_root_is_clean(monkeypatch):
    monkeypatch.chdir(REPOSITORY)
    result = CliRunner().invoke(app, ["validate"])
    assert result.exit_code == 0, result.output
    assert result.output.endswith(" tệp, 0 lỗi, 0 cảnh báo\n")


@pytest.mark.parametrize("example", sorted(p.name for p in (REPOSITORY / "examples").iterdir() if p.is_dir()))
def test_validate_each_bundled_example_is_clean(example):
    result = CliRunner().invoke(app, ["validate", "--no-cache", "--root", str(REPOSITORY / "examples" / example)])
    assert result.exit_code == 0, result.output
    assert result.output.endswith(" tệp, 0 lỗi, 0 cảnh báo\n"), result.output


def test_score_2024_from_another_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # nothing here: the data root is named
    result = CliRunner().invoke(app, ["score", "2024", "--root", str(REPOSITORY)])
    assert result.exit_code == 0, result.output
    assert "mttq" in result.stdout and "Hội Liên hiệp Phụ nữ tỉnh" in result.stdout
