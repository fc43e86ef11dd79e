"""Markdown references generated from the format declarations and the rule registry.

Pure functions: a format spec (``Obj`` and the types it holds) becomes a table of
key paths with their type in plain Vietnamese words, whether they are required,
what they mean and an example; the rule registry becomes a table of codes.
docs/format.md and docs/rules.md hold these tables between markers::

    <!-- BEGIN GENERATED: bloc-year -->
    ...
    <!-- END GENERATED: bloc-year -->

and tests/test_docs.py fails when they differ from what is rendered here, so a
new key or a new rule cannot go undocumented. ``python -m thidua.schema.docs
--write`` rewrites the generated parts in place (``--check`` only compares).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from thidua.rules.base import Rule
from thidua.schema.formats import AWARD, BLOC_YEAR, CONFIG, ROTATION, SCORING, TABLE
from thidua.schema.types import (
    MAX_NUMBER,
    Bool,
    Choice,
    Date,
    Dict,
    Id,
    Key,
    List,
    Num,
    Obj,
    OneOf,
    Ratio,
    Share,
    Str,
    Type,
)

_DEFAULT_STR_LEN = Str().max_len
_DEFAULT_INT_MAX = Decimal(10**6)


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a format reference.

    Attributes:
      path: where the key stands, e.g. ``members[].id`` or ``scores.<mã>.self``.
      type: the value's type in plain Vietnamese words.
      required: whether the key must be present (in its parent).
      doc: what the value means.
      example: an example value, already written as YAML flow text (or "").
    """

    path: str
    type: str
    required: bool
    doc: str
    example: str


# -- types in words -------------------------------------------------------------


def _num_words(t: Num) -> str:
    word = "số nguyên" if t.integer else "số"
    lo = t.minimum
    hi = t.maximum if t.maximum not in (MAX_NUMBER, _DEFAULT_INT_MAX) else None
    if lo is not None and hi is not None:
        return f"{word} từ {lo} đến {hi}"
    if lo is not None:
        return f"{word} ≥ {lo}"
    if hi is not None:
        return f"{word} ≤ {hi}"
    return word


def type_words(t: Type) -> str:
    """A type in words an office worker reads: ``danh sách mã``, ``số từ 0 đến 100`` …"""
    if isinstance(t, Id):
        return "mã (chữ thường không dấu, số, - _)"
    if isinstance(t, Key):
        return "mã tiêu chí (ví dụ 1.2)"
    if isinstance(t, Str):
        if getattr(t, "pattern", None) is not None:
            return t.what.split(" (")[0]  # text with a syntax of its own: the syntax is in its doc
        return "chữ" if t.max_len == _DEFAULT_STR_LEN else f"chữ (tối đa {t.max_len} ký tự)"
    if isinstance(t, Num):
        return _num_words(t)
    if isinstance(t, Ratio):
        return "tỷ lệ (2/3, 70% hoặc 0.7)"
    if isinstance(t, Share):
        return "tỷ lệ (70% hoặc 0.7)"
    if isinstance(t, Date):
        return "ngày NĂM-THÁNG-NGÀY"
    if isinstance(t, Bool):
        return "true hoặc false"
    if isinstance(t, Choice):
        return "một trong: " + ", ".join(t.choices)
    if isinstance(t, List):
        least = getattr(t, "min_items", 0)
        return "danh sách " + _item_words(t.item) + (f" (ít nhất {least})" if least else "")
    if isinstance(t, Dict):
        return f"mục: {_key_words(t.key)} → {_item_words(t.value)}"
    if isinstance(t, Obj):
        return "mục"
    if isinstance(t, OneOf):
        parts = [type_words(p) for p in (t.scalar, t.mapping) if p is not None]
        return " hoặc ".join(parts)
    return t.what  # pragma: no cover - a type added without words


def _item_words(t: Type) -> str:
    if isinstance(t, Obj):
        return "mục"
    if isinstance(t, Id):
        return "mã"
    if isinstance(t, Key):
        return "mã tiêu chí"
    return type_words(t)


def _key_words(t: Type) -> str:
    return "mã tiêu chí" if isinstance(t, Key) else "mã"


def _key_placeholder(t: Type) -> str:
    return "<mã tiêu chí>" if isinstance(t, Key) else "<mã>"


# -- examples as YAML flow text ----------------------------------------------------

_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#,\[\]{}]*$")


def _scalar_text(value: Any, key: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | Decimal):
        return str(value)
    text = str(value)
    if key and re.fullmatch(r"[0-9][0-9.]*", text):
        return f'"{text}"'  # "1.1": a criterion id, quoted as people are used to seeing it
    if _PLAIN.match(text) and text == text.strip():
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow(value: Any) -> str:
    """An example value as one line of YAML: ``[hlhpn, ldld]``, ``{"1.1": 10}``, ``70%``."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_scalar_text(k, key=True)}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return _scalar_text(value)


# -- walking a spec ----------------------------------------------------------------

SeeAlso = tuple[tuple[Type, str], ...]


def _documented_as(t: Type, see_also: SeeAlso) -> str | None:
    """Where ``t`` (or the mapping it holds) is documented instead, if it is."""
    inner = _inner_obj(t)
    return next((where for other, where in see_also if other is t or other is inner), None)


def rows(spec: Obj, see_also: SeeAlso = ()) -> list[Row]:
    """Every key of ``spec`` in file order, depth first.

    ``see_also`` names types documented elsewhere (a shared table, thidua.yaml's
    ``scoring``); where one of them occurs, a single row points there instead of
    repeating it. A mapping used twice (the three events, bonus and deductions)
    and a type that holds itself (criteria with sub-criteria) are shown once;
    later occurrences point back to the first.
    """
    out: list[Row] = []
    _walk_obj(spec, "", out, see_also, (), [])
    return out


def _walk_obj(spec: Obj, prefix: str, out: list[Row], see_also: SeeAlso,
              ancestors: tuple[tuple[str, str], ...], shown: list[tuple[Obj, str]], owner: str = "") -> None:
    """Rows of ``spec``'s keys under ``prefix``; ``owner`` is the key that holds it."""
    shown.append((spec, owner))
    if spec.title:
        ancestors = (*ancestors, (spec.title, owner))
    for name, f in spec.fields.items():
        path = f"{prefix}.{name}" if prefix else name
        example = "" if f.example is None else flow(f.example)
        elsewhere = _documented_as(f.type, see_also)
        if elsewhere is not None:
            out.append(Row(path, type_words(f.type), f.required, f"{f.doc}; cùng dạng với {elsewhere}".lstrip("; "),
                           example))
            continue
        target = _inner_obj(f.type)
        if target is not None:
            seen = next((p for obj, p in shown if obj is target), None)
            if seen is None and target.title:
                seen = next((p for title, p in ancestors if title == target.title), None)
            if seen is not None:
                out.append(Row(path, type_words(f.type), f.required,
                               f"{f.doc}; cùng dạng với `{seen}`".lstrip("; "), example))
                continue
        out.append(Row(path, type_words(f.type), f.required, f.doc, example))
        for child, child_prefix in _children(f.type, path):
            _walk_obj(child, child_prefix, out, see_also, ancestors, shown, path)


def _inner_obj(t: Type) -> Obj | None:
    """The mapping a value holds (directly, in a list, a dict or one form of a OneOf)."""
    return next((child for child, _ in _children(t, "")), None)


def _children(t: Type, path: str) -> Iterator[tuple[Obj, str]]:
    if isinstance(t, Obj):
        yield t, path
    elif isinstance(t, List):
        yield from _children(t.item, f"{path}[]")
    elif isinstance(t, Dict):
        yield from _children(t.value, f"{path}.{_key_placeholder(t.key)}")
    elif isinstance(t, OneOf):
        for part in (t.scalar, t.mapping):
            if part is not None:
                yield from _children(part, path)


# -- Markdown ----------------------------------------------------------------------


def _cell(text: str) -> str:
    """Table-safe text: no pipes or newlines, and ``<`` that Markdown cannot take for HTML
    (escaped outside code spans only: inside them a backslash would show)."""
    parts = text.replace("|", "\\|").replace("\n", " ").split("`")
    return "`".join(p if i % 2 else p.replace("<", "\\<") for i, p in enumerate(parts))


def _code(text: str) -> str:
    if not text:
        return ""
    ticks = "``" if "`" in text else "`"
    pad = " " if ticks == "``" else ""
    return f"{ticks}{pad}{text.replace('|', '¦')}{pad}{ticks}"


def render_format(spec: Obj, see_also: SeeAlso = ()) -> str:
    """A Markdown table of every key of a format (ends with a newline)."""
    lines = [
        "| Khóa | Kiểu | Bắt buộc | Ý nghĩa | Ví dụ |",
        "| --- | --- | --- | --- | --- |",
    ]
    for r in rows(spec, see_also):
        lines.append(f"| {_code(r.path)} | {_cell(r.type)} | {'có' if r.required else ''} | "
                     f"{_cell(r.doc)} | {_code(r.example)} |")
    return "\n".join(lines) + "\n"


SEVERITY_WORDS = {"error": "lỗi (error)", "warning": "cảnh báo (warning)"}
STAGE_WORDS = {
    "text": "text: mã hóa",
    "yaml": "yaml: cú pháp",
    "schema": "schema: khóa và kiểu",
    "bloc": "bloc: một khối-năm",
    "history": "history: so với năm trước",
    "province": "province: các tệp cùng năm của tỉnh",
    "score": "score: chấm điểm",
    "config": "config: thidua.yaml",
    "form": "form: biểu mẫu Excel",
}


def render_rules(rules: Iterable[Rule]) -> str:
    """A Markdown table of rules, in code order (ends with a newline)."""
    lines = [
        "| Mã | Tên | Mức | Giai đoạn | Nội dung | Cách sửa |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in sorted(rules, key=lambda r: (r.code[1:], r.code)):
        lines.append(f"| {r.code} | {_code(r.name)} | {SEVERITY_WORDS.get(r.severity.label, r.severity.label)} | "
                     f"{_cell(STAGE_WORDS.get(r.stage, r.stage))} | {_cell(r.title)} | {_cell(r.hint)} |")
    return "\n".join(lines) + "\n"


# -- the generated sections of the project's docs ------------------------------------

_TABLE_REF = "tệp bảng điểm (phần *Bảng chấm điểm*)"
SECTIONS_FORMAT: dict[str, tuple[Obj, SeeAlso]] = {
    "bloc-year": (BLOC_YEAR, (
        (TABLE, _TABLE_REF),
        (ROTATION, "`rotation` của thidua.yaml"),
        (SCORING, "`scoring` của thidua.yaml"),
        (AWARD, "`awards[]` của thidua.yaml"),
    )),
    "table": (TABLE, ()),
    "config": (CONFIG, ()),
}


def section(name: str) -> str:
    """The generated text of one named section (``bloc-year``, ``table``, ``config``, ``rules``)."""
    if name == "rules":
        from thidua.rules import REGISTRY

        return render_rules(REGISTRY.values())
    if name == "report-context":
        from thidua.documents.reference import render_reference

        return render_reference()
    spec, see_also = SECTIONS_FORMAT[name]
    return render_format(spec, see_also)


DOC_SECTIONS = {"format.md": ("bloc-year", "table", "config"), "rules.md": ("rules",),
                "report.md": ("report-context",)}


def markers(name: str) -> tuple[str, str]:
    return f"<!-- BEGIN GENERATED: {name} -->", f"<!-- END GENERATED: {name} -->"


def _section_re(name: str) -> re.Pattern[str]:
    begin, end = markers(name)
    return re.compile(re.escape(begin) + r"\n(.*?)" + re.escape(end), re.S)


def extract(text: str, name: str) -> str | None:
    """What a document holds between the markers of ``name`` (None when the markers are missing)."""
    m = _section_re(name).search(text)
    return m[1] if m else None


def replace(text: str, name: str, body: str) -> str:
    """``text`` with the part between the markers of ``name`` replaced by ``body``."""
    pattern = _section_re(name)
    if not pattern.search(text):
        begin, end = markers(name)
        raise ValueError(f"markers {begin} … {end} not found")
    begin, end = markers(name)
    return pattern.sub(lambda _: f"{begin}\n{body}{end}", text, count=1)


def docs_dir() -> Path:
    """docs/ of the source tree this module belongs to."""
    return Path(__file__).resolve().parents[2] / "docs"


def refresh(folder: Path, write: bool) -> list[Path]:
    """The documents whose generated parts are stale; rewritten in place when ``write``."""
    stale = []
    for doc, names in DOC_SECTIONS.items():
        path = folder / doc
        text = path.read_text(encoding="utf-8")
        new = text
        for name in names:
            new = replace(new, name, section(name))
        if new != text:
            stale.append(path)
            if write:
                path.write_text(new, encoding="utf-8")
    return stale


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m thidua.schema.docs",
                                     description="Regenerate the generated parts of docs/format.md, rules.md and report.md.")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", action="store_true", help="rewrite the generated sections in place")
    group.add_argument("--check", action="store_true", help="exit 1 when a generated section is stale")
    parser.add_argument("--docs", type=Path, default=None, help="the docs folder (default: the source tree's docs/)")
    args = parser.parse_args(argv)
    folder = args.docs or docs_dir()
    stale = refresh(folder, write=args.write)
    for path in stale:
        print(f"{'rewrote' if args.write else 'stale'}: {path}")
    return 1 if (args.check and stale) else 0


if __name__ == "__main__":
    raise SystemExit(main())
