"""The base of the declarative value types: what converting a node yields and how findings are kept.

A type knows three things: how to convert a node (reporting E2xx findings on the way), how to
describe itself as JSON Schema, and a one-line description for the docs. The scalars are in
:mod:`thidua.schema.scalars`, the containers in :mod:`thidua.schema.types`.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from thidua.diagnostics import Diagnostic, Source
from thidua.rules import e200_wrong_type, e208_empty_value
from thidua.yamlnodes import Mapping, Node, Scalar, Sequence


class _Invalid:
    """A value that failed to convert; its finding is already reported."""

    def __repr__(self) -> str:
        return "INVALID"

    def __bool__(self) -> bool:
        return False


INVALID: Any = _Invalid()

@dataclass(frozen=True, slots=True)
class Entry:
    """One key/value pair of a free-keyed mapping (scores, vote counts)."""

    key: str
    key_src: Source
    value: Any
    value_src: Source


@dataclass(frozen=True, slots=True)
class Fields:
    """A checked mapping of known keys: values plus where each key and value stand."""

    values: dict[str, Any]
    key_srcs: dict[str, Source]
    value_srcs: dict[str, Source]
    src: Source

    def get(self, name: str, default: Any = None) -> Any:
        v = self.values.get(name, default)
        return default if v is INVALID else v

    def has(self, name: str) -> bool:
        return name in self.values

    def at(self, name: str) -> Source:
        """Where the value of ``name`` stands (the mapping itself when absent)."""
        return self.value_srcs.get(name) or self.key_srcs.get(name) or self.src

    def key_at(self, name: str) -> Source:
        return self.key_srcs.get(name) or self.src


class Context:
    """Collects findings while converting one file."""

    def __init__(self) -> None:
        self.diagnostics: list[Diagnostic] = []

    def report(self, d: Diagnostic) -> Any:
        self.diagnostics.append(d)
        return INVALID


def json_regex(pattern: str) -> str:
    """A Python pattern as JSON Schema (ECMA 262) writes it: '$' is already end of string there."""
    return pattern.replace("\\Z", "$")


def kind_of(node: Node) -> str:
    if isinstance(node, Mapping):
        return "một mục (mapping)"
    if isinstance(node, Sequence):
        return "một danh sách"
    return f"giá trị '{short_text(node.value)}'" if node.value else "giá trị rỗng"


def short_text(text: str) -> str:
    return text if len(text) <= 30 else text[:27] + "…"


class Type:
    doc = ""
    what = "giá trị"

    def convert(self, node: Node, ctx: Context) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def schema(self) -> dict:  # pragma: no cover - abstract
        raise NotImplementedError

    def wrong(self, node: Node, ctx: Context) -> Any:
        return ctx.report(e200_wrong_type.RULE.at(node.src, f"cần {self.what}, nhưng gặp {kind_of(node)}"))


class ScalarType(Type):
    def convert(self, node: Node, ctx: Context) -> Any:
        if not isinstance(node, Scalar):
            return self.wrong(node, ctx)
        if node.is_null:
            return ctx.report(e208_empty_value.RULE.at(node.src, f"bỏ trống chỗ cần {self.what}"))
        return self.scalar(node, ctx)

    def scalar(self, node: Scalar, ctx: Context) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError


def did_you_mean(word: str, choices: tuple[str, ...]) -> str | None:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"Có phải ý là '{close[0]}'?" if close else None
