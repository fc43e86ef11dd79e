"""The positioned YAML tree: scalars, mappings and sequences, each knowing where it stands (a leaf module).

The parser (thidua.loading.yamltree) builds these; the format (thidua.schema) reads them.
Scalars stay strings: the format decides what type a value should be.
"""

from __future__ import annotations

from dataclasses import dataclass

from thidua.diagnostics import Source


@dataclass(frozen=True, slots=True)
class Scalar:
    """A scalar as written: ``plain`` is False when it was quoted or a block scalar."""

    value: str
    plain: bool
    src: Source

    @property
    def is_null(self) -> bool:
        return self.plain and self.value in ("", "~", "null", "Null", "NULL")


@dataclass(frozen=True, slots=True)
class Mapping:
    """Key/value pairs in file order; keys are unique (duplicates are reported and dropped)."""

    items: tuple[tuple[Scalar, Node], ...]
    src: Source

    def get(self, key: str) -> Node | None:
        for k, v in self.items:
            if k.value == key:
                return v
        return None


@dataclass(frozen=True, slots=True)
class Sequence:
    items: tuple[Node, ...]
    src: Source


Node = Scalar | Mapping | Sequence
