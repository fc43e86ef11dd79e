"""A targeted editor of YAML text: splices at exact offsets, new entries in the style of their siblings.

Why not a round-trip library: ruamel.yaml keeps comments but re-emits the whole
document with one indentation setting, re-wraps long flow mappings (offices
align ``self:   {…}`` / ``agreed: {…}`` over several lines) and normalises
spacing, so an edit would rewrite lines nobody changed. Here the text is
composed with PyYAML, whose nodes carry exact start and end offsets, and each
change becomes a splice: a scalar replaced in place, a missing key inserted
next to its siblings in their style (flow or block, quoted or not, same
indentation). Everything else — comments, key order, quoting, blank lines,
line endings — stays byte for byte.

This module knows nothing of scores; :mod:`thidua.forms.score_edit` says what to change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import yaml

from thidua.diagnostics import Source
from thidua.forms.meta import number_text
from thidua.yamlquote import double_quoted

try:  # libyaml's C composer: same marks, faster
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the machine
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

WIDTH = 110
NULLS = ("", "~", "null", "Null", "NULL")
_PLAIN_SAFE = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^#:\n]*$")
_PLAIN_SAFE_FLOW = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^#:,\[\]{}\n]*$")
_PLAIN_KEY = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]*$")
_LOOKS_TYPED = re.compile(r"^([-+]?[\d.]+([eE][-+]?\d+)?|true|false|yes|no|on|off|null|~)$", re.IGNORECASE)
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


class EditError(Exception):
    """The file has a shape the editor will not touch (an alias, a list where a mapping belongs …).

    Raised only inside the forms package and turned into an E819 finding where the import
    is prepared; ``node`` (a PyYAML node) says where in the file, when known.
    """

    def __init__(self, message: str, node=None) -> None:
        super().__init__(message)
        self.mark = getattr(node, "start_mark", None)

    def source(self, name: str) -> Source:
        if self.mark is None:
            return Source(name)
        return Source(name, self.mark.line + 1, self.mark.column + 1)


# -- values to write, before they are text -------------------------------------
@dataclass(frozen=True, slots=True)
class Map:
    items: tuple[tuple[str, object], ...]  # (key as written, value)
    flow: bool
    wrap: bool = False


@dataclass(frozen=True, slots=True)
class Seq:
    items: tuple[object, ...]
    flow: bool


@dataclass(frozen=True, slots=True)
class Text:
    value: str


def quote(text: str) -> str:
    """A YAML double-quoted string that reads back as ``text``, whatever it holds."""
    return double_quoted(text)


def _plain_ok(text: str, flow: bool) -> bool:
    pattern = _PLAIN_SAFE_FLOW if flow else _PLAIN_SAFE
    return (bool(pattern.match(text)) and text == text.strip() and not _LOOKS_TYPED.match(text)
            and not _UNPRINTABLE.search(text))


class YamlSplicer:
    """Collects splices against one text, then applies them at once."""

    def __init__(self, text: str) -> None:
        self.text = text
        try:
            self.root = yaml.compose(text, Loader=_Loader)
        except yaml.YAMLError as exc:
            raise EditError(f"không đọc được YAML ({exc})") from None
        if not isinstance(self.root, yaml.MappingNode):
            raise EditError("tệp không phải một mục YAML")
        self.nl = "\r\n" if "\r\n" in text else "\n"
        self.step = self._indent_step()
        self.edits: list[tuple[int, int, int, str]] = []

    # -- low level -------------------------------------------------------------
    def splice(self, start: int, end: int, new: str) -> None:
        self.edits.append((start, end, len(self.edits), new))

    def result(self) -> str:
        out: list[str] = []
        cur = 0
        for start, end, _, new in sorted(self.edits):
            if start < cur:
                raise EditError("hai chỗ sửa chồng lên nhau")
            out.append(self.text[cur:start])
            out.append(new)
            cur = end
        out.append(self.text[cur:])
        return "".join(out)

    def _indent_step(self) -> int:
        for k, v in self.root.value:
            if isinstance(v, yaml.MappingNode) and not v.flow_style and v.value:
                step = v.value[0][0].start_mark.column - k.start_mark.column
                if step > 0:
                    return step
        return 2

    def _scalar_end(self, node) -> int:
        start, end = node.start_mark.index, node.end_mark.index
        while end > start and self.text[end - 1] in " \t\r\n":
            end -= 1
        return end

    def _last_end(self, node) -> int:
        """Where the last character of a node's content stands (comments and blank lines excluded)."""
        if isinstance(node, yaml.ScalarNode):
            return self._scalar_end(node)
        if node.flow_style or not node.value:
            return node.end_mark.index
        last = node.value[-1]
        return self._last_end(last[1] if isinstance(node, yaml.MappingNode) else last)

    def _after_line(self, pos: int) -> tuple[int, str]:
        """The start of the line after ``pos``, and a line break to add first when the file ends there."""
        if pos > 0 and self.text[pos - 1] == "\n":
            return pos, ""
        nxt = self.text.find("\n", pos)
        if nxt < 0:
            return len(self.text), self.nl
        return nxt + 1, ""

    def _line_start_before(self, key) -> int | None:
        """Where to insert lines before a block key: its line, above the comments that lead it."""
        idx = key.start_mark.index
        start = self.text.rfind("\n", 0, idx) + 1
        if self.text[start:idx].strip():
            return None  # the key shares its line with something else ("- key:")
        indent = idx - start
        while start > 0:
            prev = self.text.rfind("\n", 0, start - 1) + 1
            line = self.text[prev:start].rstrip("\r\n")
            if line.strip().startswith("#") and len(line) - len(line.lstrip(" ")) == indent:
                start = prev
            else:
                break
        return start

    @staticmethod
    def get(node, key: str):
        if not isinstance(node, yaml.MappingNode):
            return None
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return k, v
        return None

    # -- rendering -------------------------------------------------------------
    def inline(self, value, col: int = 0) -> str:
        if isinstance(value, Decimal):
            return number_text(value)
        if isinstance(value, Text):
            return quote(value.value)
        if isinstance(value, Seq):
            return "[" + ", ".join(self.inline(v) for v in value.items) + "]"
        parts = [f"{k}: {self.inline(v)}" for k, v in value.items]
        if not value.wrap:
            return "{" + ", ".join(parts) + "}"
        lines, line = [], ""
        for i, p in enumerate(parts):
            piece = p + ("," if i < len(parts) - 1 else "}")
            if line and col + 1 + len(line) + 1 + len(piece) > WIDTH:
                lines.append(line)
                line = piece
            else:
                line = f"{line} {piece}" if line else piece
        lines.append(line)
        return "{" + (self.nl + " " * (col + 1)).join(lines)

    def block(self, value, indent: int, key_len: int) -> str:
        """What follows ``key:`` for a value under a key at ``indent``: " inline" or a line break and lines."""
        inner = indent + self.step
        if isinstance(value, Map) and not value.flow:
            return "".join(f"{self.nl}{' ' * inner}{k}:{self.block(v, inner, len(k))}" for k, v in value.items)
        if isinstance(value, Seq) and not value.flow:
            out = []
            for item in value.items:
                if isinstance(item, Map) and not item.flow:
                    first = True
                    for k, v in item.items:
                        lead = "- " if first else "  "
                        out.append(f"{self.nl}{' ' * inner}{lead}{k}:{self.block(v, inner + 2, len(k))}")
                        first = False
                else:
                    out.append(f"{self.nl}{' ' * inner}- {self.inline(item, inner + 2)}")
            return "".join(out)
        return " " + self.inline(value, indent + key_len + 2)

    def entry(self, key: str, value, indent: int) -> str:
        return f"{' ' * indent}{key}:{self.block(value, indent, len(key))}{self.nl}"

    # -- mappings ----------------------------------------------------------------
    def insert_entries(self, mapping, entries: list[tuple[str, str, object]], rank: dict[str, int] | None) -> None:
        """Add ``(key, key as written, value)`` entries to a mapping, next to the key that follows them."""
        if not entries:
            return
        order = rank or {}
        existing = [(k, v) for k, v in mapping.value if isinstance(k, yaml.ScalarNode)]

        def successor(name: str):
            mine = order.get(name)
            if mine is None:
                return None
            return next((k for k, _ in existing if order.get(k.value, 1 << 30) > mine), None)

        if mapping.flow_style:
            if not mapping.value:
                self.splice(mapping.end_mark.index - 1, mapping.end_mark.index - 1,
                            ", ".join(f"{kt}: {self.inline(v)}" for _, kt, v in entries))
                return
            tail = []
            for name, kt, v in entries:
                succ = successor(name)
                if succ is not None:
                    self.splice(succ.start_mark.index, succ.start_mark.index, f"{kt}: {self.inline(v)}, ")
                else:
                    tail.append(f", {kt}: {self.inline(v)}")
            if tail:
                end = self._last_end(mapping.value[-1][1])
                self.splice(end, end, "".join(tail))
            return
        indent = mapping.value[0][0].start_mark.column
        tail_text = []
        for name, kt, v in entries:
            succ = successor(name)
            at = self._line_start_before(succ) if succ is not None else None
            if at is not None:
                gap = self.nl if indent == 0 and mapping is self.root else ""  # a new top-level section
                self.splice(at, at, self.entry(kt, v, indent) + gap)
            else:
                tail_text.append(self.entry(kt, v, indent))
        if tail_text:
            pos, lead = self._after_line(self._last_end(mapping))
            if self._spaced(mapping):
                lead += self.nl
            self.splice(pos, pos, lead + "".join(tail_text))

    def _spaced(self, mapping) -> bool:
        """Whether the entries of a block mapping are separated by blank lines (members under scores:)."""
        if len(mapping.value) < 2:
            return False
        pos, _ = self._after_line(self._last_end(mapping.value[0][1]))
        between = self.text[pos:mapping.value[1][0].start_mark.index]
        return any(not line.strip() for line in between.splitlines()[:1])

    def set_value(self, node, value, indent: int, key_len: int) -> None:
        """Replace a scalar (a number, a reason, or an empty value) with ``value``."""
        if not isinstance(node, yaml.ScalarNode):
            raise EditError("gặp danh sách hoặc mục ở chỗ cần một giá trị", node)
        start, end = node.start_mark.index, self._scalar_end(node)
        if start == end:  # "key:" with nothing after it
            self.splice(start, end, self.block(value, indent, key_len))
        else:
            self.splice(start, end, self.inline(value, node.start_mark.column))

    def set_reason(self, node, text: str, flow: bool) -> None:
        if not isinstance(node, yaml.ScalarNode):
            raise EditError("lý do không phải là một chuỗi", node)
        style = node.style or None
        if style == "'" and "\n" not in text:
            new = "'" + text.replace("'", "''") + "'"
        elif style is None and _plain_ok(text, flow):
            new = text
        else:
            new = quote(text)
        start, end = node.start_mark.index, self._scalar_end(node)
        if start == end:
            new = " " + new
        self.splice(start, end, new)

    def key_text(self, key: str, style) -> str:
        if style == "'":
            return f"'{key}'"
        if style is None and _PLAIN_KEY.match(key):
            return key  # the siblings are plain: thidua reads every key as text, so 1.10 stays "1.10"
        return quote(key)
