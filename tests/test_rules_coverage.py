"""Every rule in the registry has a failing fixture in one of the test_rules_* modules, and every
rule module keeps the contract (a RULE, and a check for the stages that run checks)."""

import re
from pathlib import Path

import pytest
import test_rules_bloc
import test_rules_history
import test_rules_schema
import test_rules_score
import test_rules_text
import test_rules_yaml

import thidua
from thidua.diagnostics import Severity
from thidua.rules import MODULES, REGISTRY

CASE_MODULES = (test_rules_text, test_rules_yaml, test_rules_schema, test_rules_bloc, test_rules_history)
CHECK_STAGES = {"bloc", "history", "config", "score"}


def covered_codes() -> set[str]:
    codes = set(test_rules_score.COVERED)
    for module in CASE_MODULES:
        for case in module.CASES:
            codes |= case.codes
    return codes


def test_every_registered_code_has_a_failing_fixture():
    missing = sorted(set(REGISTRY) - covered_codes())
    assert missing == [], f"write a fixture in tests/test_rules_*.py for {missing}"


def test_fixtures_use_only_registered_codes():
    assert covered_codes() <= set(REGISTRY)


def test_codes_are_unique_and_well_formed():
    codes = [m.RULE.code for m in MODULES]
    assert len(codes) == len(set(codes))
    for module in MODULES:
        rule = module.RULE
        assert re.fullmatch(r"[EW]\d{3}", rule.code)
        assert module.__name__.rsplit(".", 1)[1].startswith(rule.code.lower() + "_")
        assert rule.name == module.__name__.rsplit(".", 1)[1].split("_", 1)[1].replace("_", "-")
        assert rule.title and rule.hint


def _source_of_package() -> str:
    root = Path(thidua.__file__).parent
    return "\n".join(p.read_text(encoding="utf-8") for p in root.rglob("*.py") if p.parent.name != "rules")


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.RULE.code)
def test_every_rule_is_produced_somewhere(module):
    """A rule with no check of its own (text, yaml, schema, E305, W700) is reported by the loader,
    the schema types or scoring, which name its module."""
    short = module.__name__.rsplit(".", 1)[1]
    if module.RULE.stage in CHECK_STAGES and callable(getattr(module, "check", None)):
        return
    assert f"{short}.RULE" in _source_of_package() or f"{short}.compare" in _source_of_package()


def test_code_letter_matches_severity():
    for rule in REGISTRY.values():
        expected = Severity.ERROR if rule.code.startswith("E") else Severity.WARNING
        assert rule.severity is expected, rule.code
