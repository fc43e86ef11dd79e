from typer.testing import CliRunner

from thidua.cli.app import app


def test_validate_bundled_root_is_clean(monkeypatch):
    pass
    result = CliRunner().invoke(app, ["validate"])
    assert result.exit_code == 0, result.output
    assert "0 lỗi" in result.output
