"""Every rule in the registry has a failing fixture in the tests, and every rule module keeps the
contract (a RULE, and a check for the stages that run checks).

A code counts as covered where a test expects it: inside an ``assert``, or in the expected findings
of a fixture (``bloc_case(...)``, ``Case(...)``). The test modules are read as text (their syntax
tree), not imported.
"""

import ast
import re
from pathlib import Path

import pytest

import thidua
from thidua.diagnostics import Severity
from thidua.rules import CHECK_STAGES, MODULES, REGISTRY

TESTS = Path(__file__).parent
_CODE = re.compile(r"\b[EW]\d{3}\b")
FIXTURE_CALLS = {"bloc_case", "Case"}


def _codes_in(node: ast.AST) -> set[str]:
    """Codes written in the strings of ``node`` ("E203", or inside "x.yaml:3:5: error E203: …")."""
    return {code for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)
            for code in _CODE.findall(n.value)}


def covered_codes() -> set[str]:
    codes: set[str] = set()
    for path in sorted(TESTS.glob("test_*.py")):
        if path.name == Path(__file__).name:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assert) or isinstance(node, ast.Call) and getattr(node.func, "id", None) in FIXTURE_CALLS:
                codes |= _codes_in(node)
    return codes


def test_every_registered_code_has_a_failing_fixture():
    missing = sorted(set(REGISTRY) - covered_codes())
    assert missing == [], f"write a fixture in tests/ that expects {missing}"


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
    """A rule with no check of its own (text, yaml, schema, E305, the form codes) is reported by the
    loader, the schema types or the form reader, which name its module."""
    short = module.__name__.rsplit(".", 1)[1]
    if module.RULE.stage in CHECK_STAGES and callable(getattr(module, "check", None)):
        return
    assert f"{short}.RULE" in _source_of_package() or f"{short}," in _source_of_package()


def test_code_letter_matches_severity():
    for rule in REGISTRY.values():
        expected = Severity.ERROR if rule.code.startswith("E") else Severity.WARNING
        assert rule.severity is expected, rule.code
