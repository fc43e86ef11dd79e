"""Declarative value types: each converts a positioned YAML node or reports why not.

This module holds the containers (lists, free-keyed mappings, objects of known keys, one-of) and
gathers the whole vocabulary: the base in :mod:`thidua.schema.base`, the scalars in
:mod:`thidua.schema.scalars`. The format (:mod:`thidua.schema.formats`) is declared with them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from thidua.diagnostics import Source
from thidua.ids import KEY_RE
from thidua.model import Ref
from thidua.rules import e201_unknown_key, e202_missing_key, e205_out_of_range, e208_empty_value
from thidua.schema.base import (
    INVALID,
    Context,
    Entry,
    Fields,
    ScalarType,
    Type,
    did_you_mean,
    json_regex,
    short_text,
)
from thidua.schema.scalars import (
    MAX_NUMBER,
    PLAIN_NUMBER_RE,
    Bool,
    Choice,
    Date,
    Id,
    Int,
    Key,
    Num,
    Ratio,
    Share,
    Str,
    parse_decimal,
)
from thidua.yamlnodes import Mapping, Node, Scalar, Sequence

__all__ = ["INVALID", "MAX_NUMBER", "Bool", "Choice", "Context", "Date", "Dict", "Entry", "Field", "Fields", "Id",
           "Int", "Key", "List", "Num", "Obj", "OneOf", "Ratio", "ScalarType", "Share", "Str", "Type", "json_regex",
           "parse_decimal"]


@dataclass(frozen=True)
class List(Type):
    item: Type = None  # type: ignore[assignment]
    doc: str = ""
    max_items: int = 500
    what: str = "một danh sách"
    min_items: int = 0

    def convert(self, node: Node, ctx: Context) -> Any:
        if isinstance(node, Scalar) and node.is_null:
            if self.min_items:
                return ctx.report(e208_empty_value.RULE.at(node.src, f"danh sách bỏ trống, cần ít nhất {self.min_items} mục"))
            return ()
        if not isinstance(node, Sequence):
            return self.wrong(node, ctx)
        if len(node.items) > self.max_items:
            return ctx.report(e205_out_of_range.RULE.at(
                node.src, f"danh sách có {len(node.items)} mục, quá {self.max_items}",
                f"Danh sách này có nhiều nhất {self.max_items} mục; kiểm tra lại, có thể đã dán nhầm dữ liệu khác."))
        if len(node.items) < self.min_items:
            return ctx.report(e205_out_of_range.RULE.at(
                node.src, f"danh sách có {len(node.items)} mục, cần ít nhất {self.min_items}",
                f"Thêm ít nhất {self.min_items} mục vào danh sách."))
        out = [self.item.convert(n, ctx) for n in node.items]
        return tuple(v for v in out if v is not INVALID)

    def schema(self) -> dict:
        out = {"type": "array", "items": self.item.schema(), "maxItems": self.max_items}
        if self.min_items:
            out["minItems"] = self.min_items
        return out


@dataclass(frozen=True)
class Dict(Type):
    """A mapping whose keys are data (member ids, criterion ids)."""

    key: Type = None  # type: ignore[assignment]
    value: Type = None  # type: ignore[assignment]
    doc: str = ""
    what: str = "một mục (mapping)"

    def convert(self, node: Node, ctx: Context) -> Any:
        if isinstance(node, Scalar) and node.is_null:
            return ()
        if not isinstance(node, Mapping):
            return self.wrong(node, ctx)
        out = []
        # Score sheets are most of every file: plain "1.2: 9.5" entries take a short path with the
        # same checks (key pattern, number syntax, range); anything unusual takes the general one.
        value_type = self.value
        fast = isinstance(self.key, Key) and type(value_type) is Num and not value_type.integer
        lo, hi = (value_type.minimum, value_type.maximum) if fast else (None, None)
        for k, v in node.items:
            if fast and k.__class__ is Scalar and v.__class__ is Scalar and v.plain \
                    and KEY_RE.match(k.value) and PLAIN_NUMBER_RE.match(v.value):
                number = Decimal(v.value)
                if (lo is None or number >= lo) and (hi is None or number <= hi):
                    out.append(Entry(k.value, k.src, number, v.src))
                    continue
            key = self.key.convert(k, ctx)
            value = self.value.convert(v, ctx)
            if key is INVALID or value is INVALID:
                continue
            out.append(Entry(key.id if isinstance(key, Ref) else key, k.src, value, v.src))
        return tuple(out)

    def schema(self) -> dict:
        key = self.key.schema()
        return {"type": "object", "propertyNames": key, "additionalProperties": self.value.schema()}


@dataclass(frozen=True)
class Field:
    type: Type
    required: bool = False
    doc: str = ""
    example: Any = None


@dataclass(frozen=True)
class Obj(Type):
    """A mapping of known keys; unknown keys are findings, with a spelling hint."""

    fields: dict[str, Field] = field(default_factory=dict)
    doc: str = ""
    what: str = "một mục (mapping)"
    title: str = ""

    def convert(self, node: Node, ctx: Context) -> Any:
        if not isinstance(node, Mapping):
            return self.wrong(node, ctx)
        values: dict[str, Any] = {}
        key_srcs: dict[str, Source] = {}
        value_srcs: dict[str, Source] = {}
        for k, v in node.items:
            spec = self.fields.get(k.value)
            if spec is None:
                ctx.report(e201_unknown_key.RULE.at(
                    k.src, f"khóa '{short_text(k.value)}' không có trong định dạng",
                    did_you_mean(k.value, tuple(self.fields)) or
                    f"Các khóa hợp lệ ở đây: {', '.join(self.fields)}."))
                continue
            key_srcs[k.value] = k.src
            value_srcs[k.value] = v.src
            if isinstance(v, Scalar) and v.is_null and not spec.required and not isinstance(spec.type, (List, Dict)):
                continue  # an optional key left empty is as good as absent
            values[k.value] = spec.type.convert(v, ctx)
        for name, spec in self.fields.items():
            if spec.required and name not in key_srcs:
                ctx.report(e202_missing_key.RULE.at(node.src, f"thiếu khóa bắt buộc '{name}'",
                                                    f"Thêm '{name}:' ({spec.doc})." if spec.doc else None))
        return Fields(values, key_srcs, value_srcs, node.src)

    def schema(self) -> dict:
        props = {}
        for name, f in self.fields.items():
            s = dict(f.type.schema())
            if f.doc:
                s["description"] = f.doc
            if f.example is not None:
                s["examples"] = [f.example]
            props[name] = s
        out: dict = {"type": "object", "properties": props, "additionalProperties": False}
        req = [n for n, f in self.fields.items() if f.required]
        if req:
            out["required"] = req
        if self.title:
            out["title"] = self.title
        return out


@dataclass(frozen=True)
class OneOf(Type):
    """A scalar form or a mapping form of one value (``criteria: _tables/2024`` or inline)."""

    scalar: Type = None  # type: ignore[assignment]
    mapping: Type = None  # type: ignore[assignment]
    doc: str = ""
    what: str = "một giá trị hoặc một mục"

    def convert(self, node: Node, ctx: Context) -> Any:
        if isinstance(node, Mapping) and self.mapping is not None:
            return self.mapping.convert(node, ctx)
        if isinstance(node, Sequence) and isinstance(self.mapping, List):
            return self.mapping.convert(node, ctx)
        if isinstance(node, Scalar) and self.scalar is not None:
            return self.scalar.convert(node, ctx)
        return self.wrong(node, ctx)

    def schema(self) -> dict:
        return {"anyOf": [t.schema() for t in (self.scalar, self.mapping) if t is not None]}
