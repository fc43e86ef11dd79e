"""Layers that only point down, checked over the import graph of the package (read from its syntax trees).

An import under ``if TYPE_CHECKING:`` is for annotations only and is not an edge. The
contracts, lowest layer first (docs/architecture.md draws them):

- leaves (findings, ids, the YAML nodes, the model, number and name formatting, the document
  records, safe reading and writing) import only leaves;
- a rule module imports only leaves and the rules package: every layer above may import a RULE;
- the core (scoring, awards, handover, comparison) never reaches up: no rules, format, loading,
  evaluation, documents, renderers or CLI;
- the format (schema) does not import loading; loading does not import the core or anything above;
- the documents read the core, not loading or the runs; renderers read records, never load or evaluate;
- only the CLI imports the CLI, and nothing imports the library entry point ``thidua``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import thidua

PACKAGE = Path(thidua.__file__).parent

LEAVES = ("thidua.errors", "thidua.ids", "thidua.diagnostics", "thidua.yamlnodes", "thidua.model",
          "thidua.core.numbers", "thidua.core.vnsort", "thidua.documents.records", "thidua.documents.province_records",
          "thidua.documents.dates",
          "thidua.loading.reading", "thidua.writing", "thidua.oserrors")
RUNS = ("thidua.evaluation", "thidua.checking", "thidua.scoring_run", "thidua.handover_run", "thidua.diffing",
        "thidua.git")
ABOVE_CORE = ("thidua.rules", "thidua.schema", "thidua.loading", "thidua.documents", "thidua.render", "thidua.cli",
              "thidua.forms", *RUNS)

# (who, what it must not import)
CONTRACTS = [
    ("thidua.core", tuple(p for p in ABOVE_CORE)),
    ("thidua.schema", ("thidua.loading", "thidua.documents", "thidua.render", "thidua.cli", "thidua.forms", *RUNS)),
    ("thidua.loading", ("thidua.core.", "thidua.documents", "thidua.render", "thidua.cli", "thidua.forms", *RUNS)),
    ("thidua.documents", ("thidua.loading", "thidua.render", "thidua.cli", "thidua.forms", *RUNS)),
    ("thidua.render", ("thidua.loading", "thidua.cli", *RUNS)),
]
TOOLS = {"thidua.schema.docs"}  # a developer's command that regenerates docs/: it may read any layer


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(path: Path) -> set[str]:
    """The thidua modules a module imports at run time."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                   and getattr(node.test, "id", None) == "TYPE_CHECKING" for n in ast.walk(node)}
    out: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and node.module.startswith("thidua"):
            if all(a.name.startswith("__") for a in node.names):
                continue  # "from thidua import __version__": the package's metadata, not its functions
            named = {f"{node.module}.{a.name}" for a in node.names} & MODULES.keys()
            out |= named or {node.module}  # "from thidua import rules" imports thidua.rules, not thidua
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("thidua")}
    return out


def _within(name: str, prefix: str) -> bool:
    return name == prefix.rstrip(".") or name.startswith(prefix if prefix.endswith(".") else prefix + ".")


EDGES = {m: imports(p) - {m} for m, p in MODULES.items()}


def test_the_graph_was_read():
    assert len(MODULES) > 100 and "thidua.core.scoring" in EDGES["thidua.core.results"]


def test_leaves_import_only_leaves():
    bad = {m: sorted(d for d in deps if not any(_within(d, leaf) for leaf in LEAVES))
           for m, deps in EDGES.items() if any(_within(m, leaf) for leaf in LEAVES)}
    assert {m: d for m, d in bad.items() if d} == {}


def test_rule_modules_import_only_leaves_and_rules():
    bad = {m: sorted(d for d in deps if not any(_within(d, p) for p in (*LEAVES, "thidua.rules")))
           for m, deps in EDGES.items() if _within(m, "thidua.rules")}
    assert {m: d for m, d in bad.items() if d} == {}


@pytest.mark.parametrize(("who", "forbidden"), CONTRACTS, ids=[c[0] for c in CONTRACTS])
def test_layer_points_down(who, forbidden):
    bad = {m: sorted(d for d in deps if any(_within(d, f) for f in forbidden) and not any(
               _within(d, leaf) for leaf in LEAVES))
           for m, deps in EDGES.items() if _within(m, who) and m not in TOOLS}
    assert {m: d for m, d in bad.items() if d} == {}


def test_only_the_cli_imports_the_cli_and_nobody_imports_the_entry_point():
    bad = {m: sorted(d for d in deps if _within(d, "thidua.cli") or d == "thidua")
           for m, deps in EDGES.items() if not _within(m, "thidua.cli") and m != "thidua.__main__"}
    assert {m: d for m, d in bad.items() if d} == {}


def test_a_forbidden_import_is_caught(tmp_path):
    """The checker itself can fail: a core module importing the rules is seen."""
    probe = tmp_path / "probe.py"
    probe.write_text("from thidua.rules import w700_decision_unsupported\nfrom typing import TYPE_CHECKING\n"
                     "if TYPE_CHECKING:\n    from thidua.cli import app\n", encoding="utf-8")
    found = imports(probe)
    assert "thidua.rules.w700_decision_unsupported" in found and "thidua.cli" not in found
