"""What a Word template may do, and how its mistakes are reported: the docxtpl layer of the docx renderer.

* the context is cleaned first: text is NFC, CR/LF become LF (a line break in Word),
  characters XML cannot hold (NUL, BEL, VT, FF, other C0/C1 controls, U+FFFE/U+FFFF,
  lone surrogates) are replaced, never a crash;
* a sandboxed Jinja2 environment (templates may come from a data root's ``templates/``
  folder) with ``StrictUndefined`` and autoescape, so "A & B <C>" is text, not broken XML;
  filters ``dots`` (the value, or a dotted line to fill in by hand) and ``vn`` (decimal comma);
* a lint before rendering: a tag cut by a paragraph break, or two ``{%p`` tags in one
  paragraph, is reported with the paragraph's text;
* ONE exception type, :class:`DocxTemplateError` (a ThiduaError), naming the template file,
  the part (``word/document.xml``, a header), the paragraph and the tag.

docxtpl (and python-docx, lxml) are imported only when a template is rendered.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from thidua.errors import ThiduaError

DOTS = "…"  # U+2026; "……………" is what a clerk fills in by hand

# -- errors ----------------------------------------------------------------------


class DocxTemplateError(ThiduaError):
    """A .docx template that cannot be rendered (exit status 2). The message is one readable line.

    Attributes: ``template`` (path), ``part`` (zip member, e.g. ``word/document.xml``),
    ``paragraph`` (the text of the paragraph at fault, tags included, or ""),
    ``tag`` (the offending tag text, or ""), ``detail`` (what went wrong).
    """

    def __init__(self, template: str, detail: str, part: str = "", paragraph: str = "", tag: str = "") -> None:
        self.template, self.detail, self.part, self.paragraph, self.tag = template, detail, part, paragraph, tag
        where = template + (f" ({part})" if part else "")
        bits = [f"mẫu {where}: {detail}"]
        if tag:
            bits.append(f"thẻ: {tag}")
        if paragraph and paragraph != tag:
            bits.append(f"trong đoạn: «{_shorten(paragraph)}»")
        super().__init__("; ".join(bits))


def _shorten(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- cleaning the context -----------------------------------------------------------

# XML 1.0 cannot hold C0 controls except TAB, LF, CR; C1 controls are legal but are
# invisible garbage from mis-decoded text. U+FFFE/U+FFFF and lone surrogates are illegal.
_TO_NEWLINE = re.compile(r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_TO_SPACE = re.compile(r"[\x00-\x09\x0e-\x1f\x7f-\x84\x86-\x9f]")
_TO_REPLACEMENT = re.compile("[\ufffe\uffff\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Text that Word and XML accept: NFC, line breaks as LF, no control characters.

    LF becomes a line break inside the paragraph (docxtpl does that); VT and FF (Word's
    manual line and page breaks, pasted) become LF; TAB and the other controls become a
    space (a tab in a template draws the dotted fill-in line: one in data must not);
    U+FFFE, U+FFFF and lone surrogates become U+FFFD.
    """
    text = _TO_REPLACEMENT.sub("\ufffd", str.__str__(text))
    text = _TO_NEWLINE.sub("\n", text)
    text = _TO_SPACE.sub(" ", text)
    return unicodedata.normalize("NFC", text)


def clean_context(value: Any) -> Any:
    """A copy of ``value`` with every string passed through :func:`clean_text`.

    Mappings become dicts, lists and tuples become lists; other values (numbers,
    dates, None, booleans) are kept as they are. Keys are cleaned too.
    """
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, Mapping):
        return {clean_text(k) if isinstance(k, str) else k: clean_context(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean_context(v) for v in value]
    return value


# -- the Jinja2 environment ------------------------------------------------------------


def _dots(value: Any = None, length: int = 10) -> Any:
    """The value, or ``length`` dots when it is missing (None, "", blanks, attribute of None)."""
    from jinja2 import Undefined

    if isinstance(value, Undefined):
        # ``x.name`` where x is None is missing data: dots. ``x.nmae`` where x is a dict,
        # or an unknown top-level name, is a template mistake: fail as StrictUndefined does.
        if getattr(value, "_undefined_obj", object()) is not None:
            value._fail_with_undefined_error()
        return DOTS * length
    if value is None or (isinstance(value, str) and not value.strip()):
        return DOTS * length
    return value


def _vn(value: Any = None, places: int | None = None) -> str:
    """A number with a decimal comma (95,50 with ``places`` 2); empty for None."""
    from thidua.core.numbers import vn_number

    if value is None or value == "":
        return ""
    return vn_number(Decimal(str(value)), places)


def environment():
    """The sandboxed environment every template is rendered in (built per call): a template a data
    root brings cannot reach Python internals; an unknown name is an error, not an empty string."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=True, auto_reload=False)
    env.filters["dots"] = _dots
    env.filters["vn"] = _vn
    return env


# -- lint: tags Word's editing broke ----------------------------------------------------

_PARA = re.compile(r"<w:p[ >].*?</w:p>", re.DOTALL)
_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")
_DELIM = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")
_STRUCT = re.compile(r"\{%\s*(?:p|tr|tc|r)\s|\{\{\s*(?:p|tr|tc|r)\s")
_PAIR = {"{{": "}}", "{%": "%}", "{#": "#}"}
_OPENER = {v: k for k, v in _PAIR.items()}


def _paragraph_texts(xml: str) -> list[str]:
    return [html.unescape("".join(_TEXT.findall(p))) for p in _PARA.findall(xml)]


def lint_xml(xml: str) -> tuple[str, str] | None:
    """The first (problem, paragraph text) in a part's XML, or None.

    Each tag must open and close in one paragraph (docxtpl joins the runs of a tag
    split by Word's formatting or spell-check marks, but not across a paragraph
    break); a paragraph holds at most one ``{%p``/``{%tr``/``{%tc``/``{%r`` tag.
    """
    for text in _paragraph_texts(xml):
        if "{" not in text and "}" not in text:
            continue
        opened = None
        for m in _DELIM.finditer(text):
            d = m.group()
            if d in _PAIR:
                if opened is not None:
                    return f"thẻ '{opened}' chưa đóng thì đã mở '{d}'", text
                opened = d
            elif opened is None or _PAIR[opened] != d:
                return f"'{d}' không có '{_OPENER[d]}' mở trước nó trong cùng đoạn", text
            else:
                opened = None
        if opened is not None:
            return f"thẻ '{opened}' không đóng trong cùng đoạn (thẻ bị ngắt xuống dòng?)", text
        if len(_STRUCT.findall(text)) > 1:
            return "một đoạn chỉ được chứa một thẻ {%p …%} ({%tr …%}); tách thành từng đoạn riêng", text
    return None


# -- rendering ------------------------------------------------------------------------------

_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_XML_TAG = re.compile(r"<[^>]+>")
_NAME_IN_MESSAGE = re.compile(r"'([^']+)' is undefined|has no attribute '([^']+)'")


def _template_line(exc: BaseException) -> int | None:
    """The line of the Jinja source that failed: syntax errors carry it, runtime errors
    have it in the frames Jinja2 maps to ``<template>``."""
    lineno = getattr(exc, "lineno", None)
    tb, found = exc.__traceback__, None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            found = tb.tb_lineno
        tb = tb.tb_next
    return found or lineno


def _describe(exc: BaseException) -> str:
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    message = getattr(exc, "message", None) or str(exc)
    if isinstance(exc, TemplateSyntaxError):
        return f"lỗi cú pháp Jinja2: {message}"
    if isinstance(exc, UndefinedError):
        return f"dữ liệu không có giá trị này ({message})"
    if isinstance(exc, SecurityError):
        return f"thao tác không được phép trong môi trường an toàn ({message})"
    return f"{type(exc).__name__}: {message}"


def _locate(src: str, exc: BaseException) -> tuple[str, str]:
    """(paragraph text, offending tag) for an error raised while rendering ``src``."""
    line = _template_line(exc)
    lines = src.splitlines()
    if not line or not 0 < line <= len(lines):
        return "", ""
    text = html.unescape(_XML_TAG.sub("", lines[line - 1]))
    tags = _TAG.findall(text)
    if not tags:
        return text, ""
    m = _NAME_IN_MESSAGE.search(getattr(exc, "message", None) or str(exc))
    name = m and (m.group(1) or m.group(2))
    for tag in tags:
        if name and re.search(rf"\b{re.escape(name)}\b", tag):
            return text, tag
    return text, tags[0] if len(tags) == 1 else " ".join(tags)


def _part_name(part) -> str:
    return str(getattr(part, "partname", "") or "").lstrip("/")


def _root_part(xml: str) -> str:
    """Which part a piece of XML comes from, by its root element."""
    head = xml[:200]
    for root, name in (("<w:body", "word/document.xml"), ("<w:hdr", "đầu trang"), ("<w:ftr", "chân trang"),
                       ("<w:footnotes", "word/footnotes.xml")):
        if head.lstrip().startswith(root) or root + " " in head or root + ">" in head:
            return name
    return ""


def template_class(label: str):
    """DocxTemplate with errors turned into DocxTemplateError and strict XML checks."""
    from docxtpl import DocxTemplate
    from lxml import etree

    class _Template(DocxTemplate):
        def patch_xml(self, src_xml):
            # Lint the XML as Word saved it: docxtpl's patching joins a tag's runs even
            # across paragraphs, which would hide the break and corrupt the output.
            problem = lint_xml(src_xml)
            if problem:
                raise DocxTemplateError(label, problem[0], _root_part(src_xml), problem[1])
            return super().patch_xml(src_xml)

        def render_xml_part(self, src_xml, part, context, jinja_env=None):
            name = _part_name(part)
            # docxtpl puts every paragraph on its own line before handing the XML to Jinja2,
            # so a Jinja line number is a paragraph: do the same to find it again.
            numbered = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml)
            try:
                out = super().render_xml_part(src_xml, part, context, jinja_env)
            except DocxTemplateError:
                raise
            except Exception as exc:  # Jinja2's errors and whatever a filter raised
                paragraph, tag = _locate(numbered, exc)
                raise DocxTemplateError(label, _describe(exc), name, paragraph, tag) from None
            if name != "word/document.xml":  # the body is checked by fix_tables below
                _check_xml(out, label, name)
            return out

        def fix_tables(self, xml):
            _check_xml(xml, label, "word/document.xml")
            return super().fix_tables(xml)

    def _check_xml(xml: str, label: str, name: str) -> None:
        try:
            etree.fromstring(xml.encode("utf-8") if isinstance(xml, str) else xml)
        except etree.XMLSyntaxError as exc:
            lines = xml.splitlines() if isinstance(xml, str) else []
            near = ""
            if exc.lineno and exc.lineno <= len(lines):
                line = lines[exc.lineno - 1]
                col = exc.offset or 0
                near = html.unescape(_XML_TAG.sub("", line[max(0, col - 400): col + 400]))
            raise DocxTemplateError(label, f"mẫu sinh ra XML không hợp lệ ({exc.msg}); "
                                    "thường do thẻ {%p …%}/{%tr …%} đặt sai chỗ", name, near) from None

    return _Template
