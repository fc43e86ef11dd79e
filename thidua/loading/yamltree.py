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

from dataclasses import MISSING, dataclass, fields

import yaml

from thidua.diagnostics import Diagnostic, Source
from thidua.loading.textcheck import check_text
from thidua.rules import (
    e100_yaml_syntax,
    e101_duplicate_key,
    e102_alias,
    e103_tag,
    e104_too_deep,
    e105_complex_key,
    e106_multiple_documents,
)
from thidua.yamlnodes import Mapping, Node, Scalar, Sequence

try:  # libyaml's C parser; the pure-Python one where libyaml is missing
    from yaml import CSafeLoader as _Loader

    _C_PARSER = True
except ImportError:  # pragma: no cover - depends on the machine
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

    _C_PARSER = False

MAX_DEPTH = 32




@dataclass(frozen=True, slots=True)
class Tree:
    root: Node | None
    diagnostics: tuple[Diagnostic, ...]


def _maker(cls, names: tuple[str, ...]):
    """A fast constructor for a frozen, slotted dataclass taking the fields ``names``, in order.

    ``cls(...)`` on a frozen dataclass sets each field through ``object.__setattr__``;
    parsing makes two such records (a Scalar and its Source) per scalar of every file,
    so the loader sets the slots directly instead (a quarter of the parse time). Fields
    after ``names`` take their defaults (a Source's sheet and cell). The records are the
    same in every way (equality, hash, repr). Should the fields change otherwise, this
    falls back to the class itself.
    """
    all_fields = fields(cls)
    rest = all_fields[len(names):]
    if tuple(f.name for f in all_fields[:len(names)]) != names or len(names) != 3 or any(
            f.default is MISSING for f in rest):  # pragma: no cover - guards a future change
        return cls
    new = object.__new__
    set_a, set_b, set_c = (getattr(cls, name).__set__ for name in names)
    defaults = tuple((getattr(cls, f.name).__set__, f.default) for f in rest)

    def make(a, b, c):
        obj = new(cls)
        set_a(obj, a)
        set_b(obj, b)
        set_c(obj, c)
        return obj

    if not defaults:
        return make
    if len(defaults) == 2:  # a Source's sheet and cell, written out: a loop here costs a tenth of the parse
        (set_d, d), (set_e, e) = defaults

        def make_with_two(a, b, c):
            obj = new(cls)
            set_a(obj, a)
            set_b(obj, b)
            set_c(obj, c)
            set_d(obj, d)
            set_e(obj, e)
            return obj

        return make_with_two

    def make_with_defaults(a, b, c):
        obj = make(a, b, c)
        for set_default, value in defaults:
            set_default(obj, value)
        return obj

    return make_with_defaults


_new_source = _maker(Source, ("file", "line", "col"))
_new_scalar = _maker(Scalar, ("value", "plain", "src"))

_ScalarEvent = yaml.ScalarEvent
_MappingStartEvent = yaml.MappingStartEvent
_SequenceStartEvent = yaml.SequenceStartEvent
_MappingEndEvent = yaml.MappingEndEvent
_SequenceEndEvent = yaml.SequenceEndEvent
_AliasEvent = yaml.AliasEvent
_DocumentStartEvent = yaml.DocumentStartEvent


def _source(file: str, mark) -> Source:
    return _new_source(file, mark.line + 1, mark.column + 1)


def _check_props(event, file: str, diags: list[Diagnostic]) -> None:
    """E102 for an anchor, E103 for an explicit tag (rare: most events have neither)."""
    anchor = getattr(event, "anchor", None)
    if anchor is not None:
        diags.append(e102_alias.RULE.at(_source(file, event.start_mark), f"neo YAML '&{anchor}'"))
    tag = getattr(event, "tag", None)
    if tag is not None and tag != "!":
        implicit = getattr(event, "implicit", True)
        if not (isinstance(implicit, tuple) and any(implicit)) and implicit is not True:
            diags.append(e103_tag.RULE.at(_source(file, event.start_mark), f"thẻ kiểu '{tag}'"))


def _split_decimal(items: list, key: Scalar, new_scalar) -> bool:
    """Undo what a decimal comma does in a flow mapping: {"1.1": 9,5} reads as 9 and a key 5.

    When the value before is a plain whole number, put "9,5" back together so the
    schema reports one decimal comma (E203) instead of a stray key and a lost digit.
    """
    prev_key, prev = items[-1]
    if prev.__class__ is Scalar and prev.plain and prev.value.lstrip("+-").isdigit():
        items[-1] = (prev_key, new_scalar(f"{prev.value},{key.value}", True, prev.src))
        return True
    return False


def parse(text: str, file: str) -> Tree:
    """Parse one YAML document into a :class:`Tree`; problems become diagnostics.

    One loop over the events with an explicit stack (no recursion). It is the
    hottest loop of every command, so the common case (a scalar with neither anchor
    nor tag, added to the mapping or list it belongs to) is written out inline.
    """
    diags: list[Diagnostic] = []
    # One frame per open collection: [items, key, seen keys, is a mapping, where it starts, flow style]. ``key`` is
    # None while a key is expected, the key Scalar while its value is, False to drop the value that follows.
    stack: list[list] = []
    root: Node | None = None
    documents = 0
    loader = _Loader(text)
    get_event = loader.get_event
    new_scalar, new_source = _new_scalar, _new_source
    try:
        while True:
            event = get_event()
            if event is None:
                break
            cls = event.__class__
            if cls is _ScalarEvent:
                if event.anchor is not None or event.tag is not None:
                    _check_props(event, file, diags)
                mark = event.start_mark
                node: Node | None = new_scalar(event.value, not event.style,
                                               new_source(file, mark.line + 1, mark.column + 1))
            elif cls is _MappingStartEvent or cls is _SequenceStartEvent:
                if len(stack) >= MAX_DEPTH:
                    diags.append(e104_too_deep.RULE.at(_source(file, event.start_mark), f"lồng nhau quá {MAX_DEPTH} cấp"))
                    break
                if event.anchor is not None or event.tag is not None:
                    _check_props(event, file, diags)
                stack.append([[], None, {}, cls is _MappingStartEvent, _source(file, event.start_mark),
                              event.flow_style is True])
                continue
            elif cls is _MappingEndEvent or cls is _SequenceEndEvent:
                items, _, _, is_map, src, _ = stack.pop()
                node = Mapping(tuple(items), src) if is_map else Sequence(tuple(items), src)
            elif cls is _AliasEvent:
                diags.append(e102_alias.RULE.at(_source(file, event.start_mark), f"bí danh YAML '*{event.anchor}'"))
                node = None
            elif cls is _DocumentStartEvent:
                documents += 1
                if documents > 1:
                    diags.append(e106_multiple_documents.RULE.at(
                        _source(file, event.start_mark), "tệp có tài liệu YAML thứ hai"))
                    break
                continue
            else:
                continue
            # The node is complete: add it to the collection it belongs to.
            if not stack:
                root = node
                continue
            frame = stack[-1]
            if not frame[3]:  # a list
                if node is not None:
                    frame[0].append(node)
                continue
            key = frame[1]
            if key is None:  # this node is a key
                if node.__class__ is Scalar:
                    frame[1] = node
                else:
                    if node is not None:
                        diags.append(e105_complex_key.RULE.at(node.src, "khóa là một danh sách hoặc một mục"))
                    frame[1] = False
                continue
            frame[1] = None
            if key is False or node is None:
                continue
            if frame[5] and key.plain and node.__class__ is Scalar and node.plain and not node.value \
                    and key.value.isdigit() and frame[0] and _split_decimal(frame[0], key, new_scalar):
                continue
            seen = frame[2]
            first = seen.get(key.value)
            if first is not None:
                diags.append(e101_duplicate_key.RULE.at(
                    key.src, f"khóa '{key.value}' lặp lại (đã có ở dòng {first.line})"))
                continue
            seen[key.value] = key.src
            frame[0].append((key, node))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = _source(file, mark) if mark is not None else Source(file, 1, 1)
        if "maximum nesting depth" in (exc.problem or ""):
            diags.append(e104_too_deep.RULE.at(where, "lồng nhau quá sâu"))
        else:
            char = _char_at(text, mark.line, mark.column) if mark is not None else ""
            message = _TAB if char == "\t" else _syntax_message(exc, char)
            diags.append(e100_yaml_syntax.RULE.at(where, message, _HINTS.get(message)))
        return Tree(None, tuple(diags))
    except yaml.YAMLError as exc:  # reader errors (control characters) have no MarkedYAMLError
        where = Source(file, 1, 1)
        mark = getattr(exc, "position", None)
        if isinstance(mark, int):
            # libyaml counts bytes of the UTF-8 it was given; the pure-Python reader counts characters
            head = text.encode("utf-8")[:mark].decode("utf-8", "ignore") if _C_PARSER else text[:mark]
            where = Source(file, head.count("\n") + 1, len(head) - (head.rfind("\n") + 1) + 1)
        char = getattr(exc, "character", None)
        what = f"U+{ord(char):04X}" if isinstance(char, str) else f"0x{char:02X}" if isinstance(char, int) else "lạ"
        diags.append(e100_yaml_syntax.RULE.at(where, f"ký tự điều khiển {what} không được phép trong YAML"))
        return Tree(None, tuple(diags))
    finally:
        loader.dispose()
    if stack:  # stopped early (too deep or a second document): nothing trustworthy to check
        return Tree(None, tuple(diags))
    diags.extend(check_text(text, root, file))  # escapes that hide control characters (E107, E108)
    return Tree(root, tuple(diags))


_TAB = "dùng phím Tab để thụt lề; YAML chỉ nhận dấu cách"
_TAB_HINT = "Thay phím Tab bằng dấu cách (2 hoặc 4 dấu cách cho mỗi cấp)."
_NO_CHARACTER = ("mã thoát \\u hoặc \\U trong nháy kép không thành một ký tự (nửa cặp thay thế \\ud800–\\udfff, "
                 "hoặc số lớn hơn \\U0010FFFF)")
_HINTS = {_TAB: _TAB_HINT, _NO_CHARACTER: "Viết thẳng ký tự cần dùng, hoặc xóa mã thoát."}  # else the rule's hint


def _char_at(text: str, line: int, column: int) -> str:
    """The character at a mark (0-based line and column), '' past the text. libyaml's messages do not all
    say that the character they stopped at is a Tab ("found character that cannot start any token")."""
    start = 0
    for _ in range(line):
        start = text.find("\n", start) + 1
        if not start:
            return ""
    end = text.find("\n", start)
    row = text[start:] if end < 0 else text[start:end]
    return row[column] if 0 <= column < len(row) else ""


# libyaml's (and PyYAML's) English, in Vietnamese; matched by the start of the problem. The English is
# never shown: what the user reads is the Vietnamese line and the caret under the place.
_PROBLEMS = {
    "could not find expected ':'": "thiếu dấu ':' sau khóa",
    "mapping values are not allowed": "dấu ':' không đúng chỗ (giá trị có dấu ':' cần đặt trong nháy)",
    "found character '\\t' that cannot start any token": _TAB,
    "found character that cannot start any token": "ký tự {char} không thể bắt đầu một giá trị",
    "found a tab character": _TAB,
    "did not find expected key": "thụt lề lệch hoặc thiếu khóa",
    "did not find expected '-' indicator": "thụt lề lệch trong danh sách",
    "found unexpected end of stream": "tệp kết thúc giữa chừng (nháy hoặc ngoặc chưa đóng)",
    "found undefined alias": "bí danh chưa được định nghĩa",
    "did not find expected node content": "thiếu giá trị",
    "found unexpected ':'": "dấu ':' không đúng chỗ",
    "did not find expected ',' or ']'": "danh sách trong ngoặc vuông chưa đóng, hoặc thiếu dấu ',' giữa hai mục",
    "did not find expected ',' or '}'": "mục trong ngoặc nhọn chưa đóng, hoặc thiếu dấu ',' giữa hai khóa",
    "did not find expected <document start>": "còn nội dung sau dấu kết thúc tài liệu '...'",
    "did not find expected alphabetic or numeric character": "sau '&' hoặc '*' cần một tên (chữ hoặc số)",
    "did not find expected comment or line break": "sau dấu '|' hoặc '>' chỉ được có chú thích rồi xuống dòng",
    "found invalid Unicode character escape code": _NO_CHARACTER,
    "did not find expected hexdecimal number": "mã thoát \\x, \\u trong nháy kép thiếu chữ số thập lục phân",
    "did not find the expected '>'": "thẻ kiểu '!<…>' chưa đóng",
    "found an indentation indicator equal to 0": "số thụt lề sau '|' hoặc '>' không được là 0",
    "found duplicate %YAML directive": "chỉ thị %YAML lặp lại",
    "found incompatible YAML document": "phiên bản YAML không được hỗ trợ",
    "found undefined tag handle": "thẻ kiểu chưa được định nghĩa",
    "found unknown directive name": "chỉ thị '%…' không hợp lệ",
    "found unknown escape character": "mã thoát '\\…' không hợp lệ trong nháy kép (viết '\\\\' cho một dấu '\\')",
    "block sequence entries are not allowed": "dấu '-' của danh sách không đúng chỗ (thụt lề lệch)",
    "found unexpected document indicator": "dòng '---' hoặc '...' nằm giữa một giá trị",
    "found extra": "có ký tự thừa",
    "found unexpected end of": "tệp kết thúc giữa chừng",
    "did not find expected": "thiếu một phần của cú pháp YAML (thụt lề, dấu ':' hoặc ngoặc)",
}


def _syntax_message(exc: yaml.MarkedYAMLError, char: str = "") -> str:
    problem = (exc.problem or "").strip()
    for en, vi in _PROBLEMS.items():
        if problem.startswith(en):
            return vi.replace("{char}", f"'{char}'" if char.isprintable() and char else "lạ")
    return "lỗi cú pháp YAML ở đây"
