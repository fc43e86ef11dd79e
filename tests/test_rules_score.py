"""Rules of the score stage: W700, checked on the scored bloc-year (``thidua.evaluation``),
where the bloc's recorded decision and the award rules disagree. Positions are checked on a
bloc-year loaded from YAML, like the other rules."""

from pathlib import Path

from support import BLOC_YEAR_PATH, dedent, diagnostics, write_root

from thidua.evaluation import evaluate
from thidua.loading.load import Workspace

# hlhpn leads with 100 and 3/3 votes for co-ubnd (quota 1, 70%, Xuất sắc); ldld has 95 but 1/3.
TEXT = dedent("""
    bloc: mttq
    year: 2024
    name: Khối thi đua MTTQ
    members:
      - {id: hlhpn, name: Hội LHPN tỉnh}
      - {id: ldld, name: LĐLĐ tỉnh}
      - {id: tinhdoan, name: Tỉnh đoàn}
    criteria: _tables/mttq-2024
    scores:
      hlhpn:
        agreed: {"1.1": 50, "1.2": 30, "2": 20}
      ldld:
        agreed: {"1.1": 50, "1.2": 25, "2": 20}
      tinhdoan:
        agreed: {"1.1": 40, "1.2": 25, "2": 15}
    votes:
      voters: 3
      awards:
        co-ubnd: {hlhpn: 3, ldld: 1}
        bang-khen: {tinhdoan: 1}
    decided:
      awards:
        co-ubnd: [ldld]
""")


def score(tmp_path: Path, text: str):
    root = write_root(tmp_path / "root", {BLOC_YEAR_PATH: text})
    # the file itself is valid: validate reports W700 only, the decision against the rules
    assert {d.code for d in diagnostics(root)} <= {"W700"}
    return evaluate(Workspace(root), root / BLOC_YEAR_PATH, score=True)


def test_decision_unsupported_by_the_rules(tmp_path):
    result = score(tmp_path, TEXT)
    found = [(d.source.file, d.code, d.source.line, d.source.col) for d in result.findings]
    assert found == [
        (BLOC_YEAR_PATH, "W700", 22, 3),   # hlhpn proposed by the rules, not recorded
        (BLOC_YEAR_PATH, "W700", 23, 15),  # ldld recorded for co-ubnd: only 1/3 votes
    ]
    missing, unsupported = result.findings
    assert "1/3 phiếu" in unsupported.message
    assert "hlhpn" in missing.message


def test_decision_as_proposed_is_clean(tmp_path):
    result = score(tmp_path, TEXT.replace("co-ubnd: [ldld]", "co-ubnd: [hlhpn]"))
    assert [p.member for p in result.result.proposals] == ["hlhpn"]
    assert result.findings == ()


def test_no_decision_recorded_is_clean(tmp_path):
    text = TEXT[:TEXT.index("decided:")]
    assert score(tmp_path, text).findings == ()


def test_validate_strict_fails_on_a_decision_the_rules_do_not_support_naming_both_members(tmp_path):
    from typer.testing import CliRunner

    from thidua.cli.app import app

    root = write_root(tmp_path / "root", {BLOC_YEAR_PATH: TEXT})
    loose = CliRunner().invoke(app, ["validate", "--root", str(root)])
    assert loose.exit_code == 0 and "W700" in loose.stdout
    strict = CliRunner().invoke(app, ["validate", "--root", str(root), "--strict"])
    assert strict.exit_code == 1
    assert ("khối đề nghị Cờ thi đua của UBND tỉnh (co-ubnd) cho LĐLĐ tỉnh (ldld) nhưng theo quy định: "
            in strict.stdout)
    assert "theo quy định, đơn vị được đề xuất là Hội LHPN tỉnh (hlhpn)" in strict.stdout
