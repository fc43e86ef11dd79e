"""YAML text to a tree of positioned nodes, in one pass over libyaml's events.

We read events rather than PyYAML's constructed objects because the events keep
what a careful check needs and a loader throws away: duplicate keys, anchors,
aliases, tags, and the position of every key and value. Scalars stay strings;
the schema decides what type a value should be, so ``no`` stays the word "no"
and ``1.10`` stays a criterion id rather than the float 1.1.

Aliases are never expanded (an alias bomb costs nothing) and nesting depth is
bounded while reading events, before any recursion can happen.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from thidua.diagnostics import Diagnostic, Source
from thidua.rules import (
    e100_yaml_syntax,
    e101_duplicate_key,
    e102_alias,
    e103_tag,
    e104_too_deep,
    e105_complex_key,
    e106_multiple_documents,
)

try:  # libyaml's C parser; the pure-Python one where libyaml is missing
    from yaml import CSafeLoader as _Loader

    _C_PARSER = True
except ImportError:  # pragma: no cover - depends on the machine
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

    _C_PARSER = False

MAX_DEPTH = 32


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


@dataclass(frozen=True, slots=True)
class Tree:
    root: Node | None
    diagnostics: tuple[Diagnostic, ...]


class _Builder:
    """Collects events into nodes with an explicit stack (no recursion)."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.diags: list[Diagnostic] = []
        # Each frame: [kind, start_src, items, pending_key, seen_keys, skip]
        self.stack: list[list] = []
        self.root: Node | None = None
        self.skip_depth = 0  # >0 while inside a node that is being discarded

    def src(self, mark) -> Source:
        return Source(self.file, mark.line + 1, mark.column + 1)

    def _check_props(self, event) -> None:
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self.diags.append(e102_alias.RULE.at(self.src(event.start_mark), f"neo YAML '&{anchor}'"))
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":
            implicit = getattr(event, "implicit", True)
            if not (isinstance(implicit, tuple) and any(implicit)) and implicit is not True:
                self.diags.append(e103_tag.RULE.at(self.src(event.start_mark), f"thẻ kiểu '{tag}'"))

    def add(self, node: Node | None) -> None:
        if not self.stack:
            self.root = node
            return
        frame = self.stack[-1]
        if frame[0] == "seq":
            if node is not None:
                frame[2].append(node)
            return
        if frame[3] is None:  # this node is a key
            if isinstance(node, Scalar):
                frame[3] = node
            else:
                if node is not None:
                    self.diags.append(e105_complex_key.RULE.at(node.src, "khóa là một danh sách hoặc một mục"))
                frame[3] = False  # placeholder: drop the value that follows
            return
        key = frame[3]
        frame[3] = None
        if key is False or node is None:
            return
        seen = frame[4]
        if key.value in seen:
            first = seen[key.value]
            self.diags.append(e101_duplicate_key.RULE.at(
                key.src, f"khóa '{key.value}' lặp lại (đã có ở dòng {first.line})"))
            return
        seen[key.value] = key.src
        frame[2].append((key, node))

    def start(self, kind: str, event) -> bool:
        if len(self.stack) >= MAX_DEPTH:
            self.diags.append(e104_too_deep.RULE.at(
                self.src(event.start_mark), f"lồng nhau quá {MAX_DEPTH} cấp"))
            return False
        self._check_props(event)
        self.stack.append([kind, self.src(event.start_mark), [], None, {}])
        return True

    def end(self) -> None:
        kind, src, items, _, _ = self.stack.pop()
        self.add(Mapping(tuple(items), src) if kind == "map" else Sequence(tuple(items), src))


def parse(text: str, file: str) -> Tree:
    """Parse one YAML document into a :class:`Tree`; problems become diagnostics."""
    b = _Builder(file)
    documents = 0
    loader = _Loader(text)
    try:
        while True:
            event = loader.get_event()
            if event is None:
                break
            cls = type(event)
            if cls is yaml.ScalarEvent:
                b._check_props(event)
                b.add(Scalar(event.value, not event.style, b.src(event.start_mark)))
            elif cls is yaml.MappingStartEvent:
                if not b.start("map", event):
                    break
            elif cls is yaml.SequenceStartEvent:
                if not b.start("seq", event):
                    break
            elif cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
                b.end()
            elif cls is yaml.AliasEvent:
                b.diags.append(e102_alias.RULE.at(b.src(event.start_mark), f"bí danh YAML '*{event.anchor}'"))
                b.add(None)
            elif cls is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    b.diags.append(e106_multiple_documents.RULE.at(
                        b.src(event.start_mark), "tệp có tài liệu YAML thứ hai"))
                    break
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = b.src(mark) if mark is not None else Source(file, 1, 1)
        if "maximum nesting depth" in (exc.problem or ""):
            b.diags.append(e104_too_deep.RULE.at(where, "lồng nhau quá sâu"))
        else:
            b.diags.append(e100_yaml_syntax.RULE.at(where, _syntax_message(exc)))
        return Tree(None, tuple(b.diags))
    except yaml.YAMLError as exc:  # reader errors (control characters) have no MarkedYAMLError
        where = Source(file, 1, 1)
        mark = getattr(exc, "position", None)
        if isinstance(mark, int):
            # libyaml counts bytes of the UTF-8 it was given; the pure-Python reader counts characters
            head = text.encode("utf-8")[:mark].decode("utf-8", "ignore") if _C_PARSER else text[:mark]
            where = Source(file, head.count("\n") + 1, len(head) - (head.rfind("\n") + 1) + 1)
        char = getattr(exc, "character", None)
        what = f"U+{ord(char):04X}" if isinstance(char, str) else f"0x{char:02X}" if isinstance(char, int) else "lạ"
        b.diags.append(e100_yaml_syntax.RULE.at(where, f"ký tự điều khiển {what} không được phép trong YAML"))
        return Tree(None, tuple(b.diags))
    finally:
        loader.dispose()
    if b.stack:  # stopped early (too deep or a second document): nothing trustworthy to check
        return Tree(None, tuple(b.diags))
    return Tree(b.root, tuple(b.diags))


_PROBLEMS = {
    "could not find expected ':'": "thiếu dấu ':' sau khóa",
    "mapping values are not allowed here": "dấu ':' không đúng chỗ (giá trị có dấu ':' cần đặt trong nháy)",
    "found character that cannot start any token": "ký tự không thể bắt đầu một giá trị (tab hoặc ký tự lạ)",
    "found character '\\t' that cannot start any token": "dùng phím Tab để thụt lề; YAML chỉ nhận dấu cách",
    "did not find expected key": "thụt lề lệch hoặc thiếu khóa",
    "did not find expected '-' indicator": "thụt lề lệch trong danh sách",
    "found unexpected end of stream": "tệp kết thúc giữa chừng (nháy hoặc ngoặc chưa đóng)",
    "found undefined alias": "bí danh chưa được định nghĩa",
    "did not find expected node content": "thiếu giá trị",
    "found unexpected ':'": "dấu ':' không đúng chỗ",
    "could not find expected ':' ": "thiếu dấu ':'",
}


def _syntax_message(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or "").strip()
    for en, vi in _PROBLEMS.items():
        if problem.startswith(en):
            return f"{vi} ({problem})"
    return f"lỗi cú pháp YAML ({problem or exc.context or 'không rõ'})"
