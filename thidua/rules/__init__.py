"""The registry of rules: every code thidua can report, one module each.

A rule module is named ``<code>_<name>.py`` and holds ``RULE`` (code, name, default
severity, stage, title, hint) and, for the stages that run checks (``config``, ``bloc``,
``score``, ``history``, ``province``), a ``check(ctx)`` generator over a
:class:`~thidua.rules.context.CheckContext`. The registry is the package's modules:
adding a rule is adding its module (and its fixture). Codes are stable: never
renumbered, never reused. docs/rules.md is generated from this registry.

A rule module imports only leaves (thidua.diagnostics, thidua.model, thidua.rules.base)
at run time, so the loader, the format and the core may all import its ``RULE``.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
from types import ModuleType

_MODULE_NAME = re.compile(r"^[ew]\d{3}_[a-z0-9_]+\Z")
CHECK_STAGES = ("config", "bloc", "score", "history", "province")


def _discover() -> tuple[ModuleType, ...]:
    names = sorted((info.name for info in pkgutil.iter_modules(__path__) if _MODULE_NAME.match(info.name)),
                   key=lambda n: (n[1:4], n))  # code order: E308, W309, E310
    return tuple(importlib.import_module(f"{__name__}.{n}") for n in names)


@functools.cache
def _checks_by_stage() -> dict[str, tuple[ModuleType, ...]]:
    modules = __getattr__("MODULES")
    return {stage: tuple(m for m in modules if m.RULE.stage == stage and hasattr(m, "check")) for stage in CHECK_STAGES}


@functools.cache
def _registry() -> tuple[tuple[ModuleType, ...], dict]:
    modules = _discover()
    return modules, {m.RULE.code: m.RULE for m in modules}


def __getattr__(name: str):
    """``MODULES`` and ``REGISTRY`` are read on first use: importing one rule's RULE (as the loader does)
    does not import every rule (PEP 562)."""
    if name == "MODULES":
        return _registry()[0]
    if name == "REGISTRY":
        return _registry()[1]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def checks(stage: str, complete: bool = True):
    """The check functions of one stage, in code order (without those that need every value loaded)."""
    return tuple(m.check for m in _checks_by_stage()[stage] if complete or not m.RULE.needs_complete)


def run(stage: str, ctx, complete: bool = True) -> list:
    """Every finding of one stage's checks on ``ctx``."""
    out: list = []
    for check in checks(stage, complete):
        out.extend(check(ctx))
    return out
