"""The one evaluation path: a bloc-year's effective settings, and what every command sees the same way."""

from __future__ import annotations

from support import BLOC_YEAR_PATH, TABLE, dedent, findings, write_root
from typer.testing import CliRunner

from thidua.cli.app import app

# A bloc with its own bands and awards: its 'Loại A' is not one of the province's bands.
OWN_RULES = """\
    bloc: mttq
    year: 2024
    name: Khối thi đua MTTQ
    members:
      - {id: a, name: Đơn vị A}
      - {id: b, name: Đơn vị B}
    leader: a
    deputy: b
    criteria: _tables/mttq-2024
    scoring:
      bands:
        - {name: Loại A, min: 90}
        - {name: Loại B, min: 0}
    awards:
      - id: giay-khen
        name: Giấy khen của Khối
        quota: 1
        min_band: Loại A
    scores:
      a:
        agreed: {"1.1": 50, "1.2": 30, "2": 15}
      b:
        agreed: {"1.1": 40, "1.2": 30, "2": 15}
"""


def test_a_blocs_own_awards_are_held_to_its_own_bands(tmp_path):
    root = write_root(tmp_path / "root", {BLOC_YEAR_PATH: OWN_RULES})
    assert [f for f in findings(root) if f[1] == "E310"] == []
    result = CliRunner().invoke(app, ["score", "2024", "--root", str(root), "--json"])
    assert result.exit_code == 0, result.output
    assert '"giay-khen"' in result.stdout


def test_a_blocs_own_award_naming_a_band_it_lacks_is_e310(tmp_path):
    text = OWN_RULES.replace("min_band: Loại A", "min_band: Xuất sắc")  # the province's band, not the bloc's
    root = write_root(tmp_path / "root", {BLOC_YEAR_PATH: text})
    e310 = [f for f in findings(root) if f[1] == "E310"]
    assert e310 == [(BLOC_YEAR_PATH, "E310", 15, 5)]  # the award, at its "- id:"


def test_a_refused_config_is_named_where_it_is(tmp_path, monkeypatch):
    broken = "province: Khánh Hòa\nscoring:\n  places: nhiều\n"
    root = write_root(tmp_path / "root", {"blocs/thidua.yaml": broken, "blocs/_tables/mttq-2024.yaml": TABLE,
                                          BLOC_YEAR_PATH: dedent(OWN_RULES)}, config=False)
    monkeypatch.chdir(root)  # paths are printed from where the user is
    result = CliRunner().invoke(app, ["score", "2024", "--root", str(root)])
    assert result.exit_code == 1
    assert "blocs/thidua.yaml" in result.stderr
    assert "không chấm 1 tệp có lỗi: blocs/thidua.yaml" in result.stderr
