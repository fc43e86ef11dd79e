"""Build the bundled Word templates from code: templates/bien-ban.docx, to-trinh.docx, tong-hop-tinh.docx.

    python tools/build_docx_templates.py [OUTDIR]        # default: the project's templates/

A developer's tool, not part of the installed package: the templates it writes are committed,
and tests/test_report_docx.py checks they are what this code builds (so a change to a template
goes through this file, reviewable, and an office's own edited copy goes in its data root's
templates/ folder instead).

The layout follows Nghị định 30/2020/NĐ-CP as offices apply it: A4 portrait,
margins 20/20/30/15 mm (top, bottom, left, right), Times New Roman 14 pt body,
justified, first-line indent 1.27 cm, 6 pt after; the header block (issuer on
the left, national name and motto on the right, each with a short rule), the
document's kind and subject, page numbers centred in the header from page 2.

Every look is a named style (Vietnamese names, ASCII ids), so a clerk changes a
style, not a hundred paragraphs: "Normal" (body), "Title" (BIÊN BẢN), "Subtitle"
(its subject), "Heading 1"/"Heading 2" (I. THÀNH PHẦN …, 1. Cờ thi đua …),
"Cơ quan chủ quản", "Cơ quan ban hành", "Quốc hiệu", "Tiêu ngữ", "Gạch dưới …",
"Số, ký hiệu", "Địa danh, ngày tháng", "Dự thảo", "Kính gửi", "Căn cứ",
"Danh sách", "Bảng", "Bảng giữa", "Bảng tiêu đề", "Chức vụ người ký",
"Họ tên người ký", "Nơi nhận", "Nơi nhận - đơn vị", "Lệnh mẫu" (the grey
``{%p …%}`` lines, which never reach the output), and the table styles
"Table Grid" and "Bảng không viền". Only these styles are kept from
python-docx's stock template.

The fields are docxtpl tags naming the records of thidua.documents (``minutes``, ``proposal``,
``summary``; docs/report.md lists every field). The build is reproducible: the same code gives
the same bytes (thidua.render.docx.repack).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from thidua.render.docx import DEFAULT_STAMP, repack

FONT = "Times New Roman"
LANG = "vi-VN"

# A4 and the margins of NĐ 30/2020 (top 20–25, bottom 20–25, left 30–35, right 15–20 mm).
PAGE_W, PAGE_H = Mm(210), Mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = Mm(20), Mm(20), Mm(30), Mm(15)
TEXT_W_CM = 21.0 - 3.0 - 1.5  # 16.5 cm

# The header block: a borderless table of two columns.
# 17 cm, 0.5 cm into the left margin, so that "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" (7.36 cm at 12 pt)
# and "KHỐI THI ĐUA CÁC CƠ QUAN" hold on one line each; the right edge stays on the right margin.
HEAD_LEFT_CM, HEAD_RIGHT_CM = 7.7, 9.3
HEAD_INDENT_CM = -0.5
CELL_PAD_CM = 0.1  # left and right padding of the layout tables' cells
# Widths measured with Liberation Serif (metrics of Times New Roman): "Độc lập - Tự do -
# Hạnh phúc" bold 13 pt is 5.61 cm; the rule under it is made as long.
MOTTO_W_CM = 5.61
ISSUER_RULE_CM = 2.4  # ⅓–½ of the issuer's line width (about 6 cm when it wraps)

JINJA_GREY = RGBColor(0x80, 0x80, 0x80)


def twips(cm: float) -> int:
    return round(cm / 2.54 * 1440)


# -- styles -----------------------------------------------------------------------------------

KEEP_STYLE_IDS = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "TableGrid",
                  "Title", "Subtitle", "Heading1", "Heading2", "Header", "Footer"}


def _prune_styles(doc) -> None:
    """Drop python-docx's 150 stock styles we don't use; strip the kept ones bare."""
    root = doc.styles.element
    for style in list(root.findall(qn("w:style"))):
        sid = style.get(qn("w:styleId"))
        if sid not in KEEP_STYLE_IDS:
            root.remove(style)
            continue
        for tag in ("w:link", "w:rsid", "w:pPr", "w:rPr"):
            for el in style.findall(qn(tag)):
                style.remove(el)


def _doc_defaults(doc) -> None:
    """Times New Roman 14 pt for every script, Vietnamese spell-checking, no spacing."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    for el in list(defaults):
        defaults.remove(el)
    rpr_default = OxmlElement("w:rPrDefault")
    rpr = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    rpr.append(fonts)
    for tag in ("w:sz", "w:szCs"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), "28")
        rpr.append(el)
    lang = OxmlElement("w:lang")
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attr), LANG if attr == "w:val" else "en-US" if attr == "w:eastAsia" else "ar-SA")
    rpr.append(lang)
    rpr_default.append(rpr)
    ppr_default = OxmlElement("w:pPrDefault")
    ppr = OxmlElement("w:pPr")
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")
    ppr.append(spacing)
    ppr_default.append(ppr)
    defaults.append(rpr_default)
    defaults.append(ppr_default)


def _pstyle(doc, name, style_id=None, base="Normal", *, size=None, bold=None, italic=None,
            align=None, first=None, left=None, right=None, before=None, after=None,
            line=None, exact=None, keep_next=None, color=None, quick=True):
    """A paragraph style (created unless it exists) with the given look; sizes in pt, cm."""
    styles = doc.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.style_id = style_id or name
    if base and style.name != base:
        style.base_style = styles[base]
        style.next_paragraph_style = styles[base] if base == "Normal" else style
    style.quick_style = quick
    f = style.font
    if size is not None:
        f.size = Pt(size)
    if bold is not None:
        f.bold = bold
    if italic is not None:
        f.italic = italic
    if color is not None:
        f.color.rgb = color
    pf = style.paragraph_format
    if align is not None:
        pf.alignment = align
    if first is not None:
        pf.first_line_indent = Cm(first)
    if left is not None:
        pf.left_indent = Cm(left)
    if right is not None:
        pf.right_indent = Cm(right)
    if before is not None:
        pf.space_before = Pt(before)
    if after is not None:
        pf.space_after = Pt(after)
    if exact is not None:
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(exact)
    elif line is not None:
        pf.line_spacing = line
    if keep_next is not None:
        pf.keep_with_next = keep_next
    return style


def _border(style, side: str, size_eighths: int = 6, space: int = 0) -> None:
    """A solid black border on one side of a paragraph style (w:pBdr)."""
    ppr = style.element.get_or_add_pPr()
    bdr = ppr.find(qn("w:pBdr"))
    if bdr is None:
        bdr = OxmlElement("w:pBdr")
        _insert_ppr(ppr, bdr)
    el = OxmlElement(f"w:{side}")
    el.set(qn("w:val"), "single")
    el.set(qn("w:sz"), str(size_eighths))
    el.set(qn("w:space"), str(space))
    el.set(qn("w:color"), "000000")
    bdr.append(el)


_PPR_ORDER = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
              "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
              "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
              "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
              "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
              "sectPr", "pPrChange"]


_TBLPR_ORDER = ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
                "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
                "tblCaption", "tblDescription", "tblPrChange"]


def _insert_ordered(parent, el, order: list[str]) -> None:
    """Insert ``el`` into ``parent`` at the place the schema's sequence gives it (Word rejects a
    wrong order as unreadable content)."""
    rank = order.index(el.tag.split("}")[1])
    for child in parent:
        name = child.tag.split("}")[1]
        if name in order and order.index(name) > rank:
            child.addprevious(el)
            return
    parent.append(el)


def _insert_ppr(ppr, el) -> None:
    _insert_ordered(ppr, el, _PPR_ORDER)


def _contextual_spacing(style) -> None:
    _insert_ppr(style.element.get_or_add_pPr(), OxmlElement("w:contextualSpacing"))


def _outline(style, level: int) -> None:
    ppr = style.element.get_or_add_pPr()
    el = OxmlElement("w:outlineLvl")
    el.set(qn("w:val"), str(level))
    _insert_ppr(ppr, el)


def _table_style(doc, name: str, style_id: str, borders: bool) -> None:
    """A table style: "Bảng không viền" (layout, no borders) based on Normal Table."""
    el = OxmlElement("w:style")
    el.set(qn("w:type"), "table")
    el.set(qn("w:customStyle"), "1")
    el.set(qn("w:styleId"), style_id)
    for tag, val in (("w:name", name), ("w:basedOn", "TableNormal"), ("w:uiPriority", "99")):
        child = OxmlElement(tag)
        child.set(qn("w:val"), val)
        el.append(child)
    tblpr = OxmlElement("w:tblPr")
    bdrs = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        b = OxmlElement(f"w:{side}")
        b.set(qn("w:val"), "single" if borders else "nil")
        if borders:
            b.set(qn("w:sz"), "4")
            b.set(qn("w:space"), "0")
            b.set(qn("w:color"), "000000")
        bdrs.append(b)
    tblpr.append(bdrs)
    tblpr.append(_cell_margins(CELL_PAD_CM))
    el.append(tblpr)
    doc.styles.element.append(el)


def _cell_margins(cm: float):
    mar = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        m = OxmlElement(f"w:{side}")
        m.set(qn("w:w"), str(twips(cm)))
        m.set(qn("w:type"), "dxa")
        mar.append(m)
    return mar


def make_styles(doc) -> None:
    _prune_styles(doc)
    _doc_defaults(doc)
    C, L, J = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.JUSTIFY
    # Body: 14 pt, justified, first line 1.27 cm, 6 pt after, line 1.15.
    _pstyle(doc, "Normal", base=None, size=14, align=J, first=1.27, before=0, after=6, line=1.15)
    normal = doc.styles["Normal"].paragraph_format
    normal.widow_control = True
    # A tab in a body paragraph draws a dotted line to the right margin: the blanks to fill in by hand.
    normal.tab_stops.add_tab_stop(Cm(TEXT_W_CM), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    # The header block.
    _pstyle(doc, "Cơ quan chủ quản", "CoQuanChuQuan", size=12, align=C, first=0, after=0, line=1.0)
    _pstyle(doc, "Cơ quan ban hành", "CoQuanBanHanh", "Cơ quan chủ quản", bold=True)
    _pstyle(doc, "Quốc hiệu", "QuocHieu", "Cơ quan chủ quản", bold=True)
    _pstyle(doc, "Tiêu ngữ", "TieuNgu", "Cơ quan chủ quản", size=13, bold=True)
    pad = CELL_PAD_CM
    side = (HEAD_LEFT_CM - 2 * pad - ISSUER_RULE_CM) / 2
    s = _pstyle(doc, "Gạch dưới cơ quan", "GachDuoiCoQuan", "Cơ quan chủ quản", size=2, exact=4,
                left=side, right=side, quick=False)
    _border(s, "bottom", 6)
    side = (HEAD_RIGHT_CM - 2 * pad - MOTTO_W_CM) / 2
    s = _pstyle(doc, "Gạch dưới tiêu ngữ", "GachDuoiTieuNgu", "Cơ quan chủ quản", size=2, exact=4,
                left=side, right=side, quick=False)
    _border(s, "bottom", 6)
    _pstyle(doc, "Số, ký hiệu", "SoKyHieu", "Cơ quan chủ quản", size=13, before=6)
    _pstyle(doc, "Địa danh, ngày tháng", "DiaDanhNgayThang", "Cơ quan chủ quản", size=14, italic=True, before=6)
    s = _pstyle(doc, "Dự thảo", "DuThao", "Cơ quan chủ quản", size=13, bold=True, left=TEXT_W_CM - 3.0,
                after=6)
    for side_name in ("top", "left", "bottom", "right"):
        _border(s, side_name, 8, 1)
    # Kind and subject of the document.
    _pstyle(doc, "Title", size=14, bold=True, align=C, first=0, before=18, after=0, line=1.0, keep_next=True)
    _pstyle(doc, "Subtitle", size=14, bold=True, italic=False, align=C, first=0, before=0, after=12,
            line=1.0, keep_next=True)
    h1 = _pstyle(doc, "Heading 1", size=14, bold=True, align=J, first=1.27, before=12, after=6, keep_next=True)
    _outline(h1, 0)
    h2 = _pstyle(doc, "Heading 2", size=14, bold=True, italic=False, align=J, first=1.27, before=9, after=6,
                 keep_next=True)
    _outline(h2, 1)
    for name in ("Title", "Subtitle", "Heading 1", "Heading 2"):
        doc.styles[name].font.color.rgb = RGBColor(0, 0, 0)
    # Body pieces.
    _pstyle(doc, "Kính gửi", "KinhGui", size=14, align=C, first=0, before=6, after=12)
    _pstyle(doc, "Căn cứ", "CanCu", italic=True)
    _pstyle(doc, "Danh sách", "DanhSach", align=L, left=1.9, first=0, after=2)
    _pstyle(doc, "Dẫn bảng", "DanBang", before=6, keep_next=True)  # the sentence before a table stays with it
    _pstyle(doc, "Sau bảng", "SauBang", before=6)  # a sentence right under a table, not against its rule
    # Table text.
    _pstyle(doc, "Bảng", "Bang", size=13, align=L, first=0, before=2, after=2, line=1.0)
    _pstyle(doc, "Bảng giữa", "BangGiua", "Bảng", align=C)
    _pstyle(doc, "Bảng tiêu đề", "BangTieuDe", "Bảng giữa", bold=True)
    # Signature and recipients.
    # keep_next: the title lines stay on the page of the name under them (the table's next row)
    s = _pstyle(doc, "Chức vụ người ký", "ChucVuNguoiKy", size=14, bold=True, align=C, first=0, before=12,
                after=0, line=1.0, keep_next=True)
    _contextual_spacing(s)  # 12 pt above the block, none between its lines
    s = _pstyle(doc, "Họ tên người ký", "HoTenNguoiKy", "Chức vụ người ký", before=72, keep_next=False)
    off = OxmlElement("w:contextualSpacing")
    off.set(qn("w:val"), "0")
    _insert_ppr(s.element.get_or_add_pPr(), off)  # inherited from the title style: off here
    _pstyle(doc, "Nơi nhận", "NoiNhan", size=12, bold=True, italic=True, align=L, first=0, before=12, after=0,
            line=1.0)
    _pstyle(doc, "Nơi nhận - đơn vị", "NoiNhanDonVi", "Nơi nhận", size=11, bold=False, italic=False, before=0,
            left=0.25, first=-0.25)  # a wrapped recipient lines up after its "- "
    # Page header (page numbers).
    _pstyle(doc, "Header", size=13, align=C, first=0, after=0, line=1.0, quick=False)
    _pstyle(doc, "Footer", size=12, align=C, first=0, after=0, line=1.0, quick=False)
    # The template's own control lines ({%p for …%}): small and grey; removed when rendered.
    _pstyle(doc, "Lệnh mẫu", "LenhMau", size=9, align=L, first=0, after=0, line=1.0, color=JINJA_GREY)
    _table_style(doc, "Bảng không viền", "BangKhongVien", borders=False)
    grid = doc.styles["Table Grid"]
    grid_pr = grid.element.find(qn("w:tblPr"))
    if grid_pr is not None and grid_pr.find(qn("w:tblCellMar")) is None:
        _insert_ordered(grid_pr, _cell_margins(CELL_PAD_CM), _TBLPR_ORDER)


# -- the package --------------------------------------------------------------------------

APP_XML = (b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
           b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
           b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
           b"<Application>thidua</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
           b"<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
           b"<HyperlinksChanged>false</HyperlinksChanged></Properties>")


def _clean_package(doc, title: str) -> None:
    """No thumbnail of an empty page, no customXml, no stylesWithEffects, no rsids."""
    drop = ("/thumbnail", "/customXml", "/stylesWithEffects")
    for rels in (doc.part.package.rels, doc.part.rels):
        for rid, rel in list(rels.items()):
            if rel.reltype.endswith(drop):
                del rels[rid]
    for rel in doc.part.package.rels.values():
        if rel.reltype.endswith("/extended-properties"):
            rel.target_part._blob = APP_XML
    settings = doc.settings.element
    for tag in ("w:rsids", "w:savePreviewPicture", "w:zoom", "w:proofState", "w:attachedTemplate"):
        for el in settings.findall(qn(tag)):
            settings.remove(el)
    compat = settings.find(qn("w:compat"))
    if compat is not None and compat.find(qn("w:doNotExpandShiftReturn")) is None:
        # a justified line that ends in a line break (a newline in the data) is not stretched
        compat.insert(0, OxmlElement("w:doNotExpandShiftReturn"))
    for el in settings.iter(qn("w:compatSetting")):
        if el.get(qn("w:name")) == "compatibilityMode":
            el.set(qn("w:val"), "15")
    for el in settings.iter(qn("w:themeFontLang")):
        el.set(qn("w:val"), LANG)
    for el in settings.iter():
        if el.tag.endswith("}docId"):
            el.getparent().remove(el)
            break
    cp = doc.core_properties
    cp.title, cp.subject, cp.author, cp.comments, cp.keywords, cp.category = title, "", "", "", "", ""
    cp.language, cp.last_modified_by, cp.revision = LANG, "", 1
    cp.created = cp.modified = DEFAULT_STAMP


def _page(doc) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_W, PAGE_H
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.header_distance = section.footer_distance = Mm(10)
    section.gutter = 0
    # Page numbers from page 2: a different (empty) first-page header, PAGE centred in the others.
    section.different_first_page_header_footer = True
    first = section.first_page_header
    first.is_linked_to_previous = False
    first.paragraphs[0].style = doc.styles["Header"]
    header = section.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p.style = doc.styles["Header"]
    _field(p, "PAGE", "2")
    for footer in (section.footer, section.first_page_footer):
        footer.is_linked_to_previous = False
        footer.paragraphs[0].style = doc.styles["Footer"]


def _field(paragraph, code: str, shown: str) -> None:
    """A complex field (begin / instrText / separate / result / end), as Word writes one."""
    def run_with(child):
        r = OxmlElement("w:r")
        r.append(child)
        paragraph._p.append(r)

    for kind, text in (("begin", None), (None, f" {code} "), ("separate", None), (None, shown), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == shown:
            el = OxmlElement("w:t")
            el.text = text
        else:
            el = OxmlElement("w:instrText")
            el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            el.text = text
        run_with(el)


# -- building blocks -------------------------------------------------------------------------


class Writer:
    """Adds paragraphs and tables to a document or a table cell with named styles only."""

    def __init__(self, doc):
        self.doc = doc

    def para(self, text: str = "", style: str = "Normal", where=None, first_in=None):
        """A paragraph in ``where`` (document or cell); ``first_in`` reuses a cell's empty first paragraph."""
        if first_in is not None and len(first_in.paragraphs) == 1 and not first_in.paragraphs[0].text \
                and not getattr(first_in, "_used", False):
            p = first_in.paragraphs[0]
            first_in._used = True
            if text:
                p.add_run(text)
        else:
            p = (where or self.doc).add_paragraph(text)
        p.style = self.doc.styles[style]
        return p

    def ctl(self, tag: str, where=None):
        """A docxtpl control line such as ``{%p for x in xs %}``: its own paragraph, grey."""
        return self.cell_para(where, tag, "Lệnh mẫu") if where is not None else self.para(tag, "Lệnh mẫu")

    def cell_para(self, cell, text: str, style: str):
        return self.para(text, style, where=cell, first_in=cell)

    def table(self, widths_cm: list[float], rows: int, style: str, indent_cm: float | None = None):
        """A fixed-width table, centred, or from ``indent_cm`` off the left margin."""
        t = self.doc.add_table(rows=rows, cols=len(widths_cm))
        t.style = self.doc.styles[style]
        t.autofit = False
        tblpr = t._tbl.tblPr
        if indent_cm is None:
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
        else:
            ind = OxmlElement("w:tblInd")
            ind.set(qn("w:w"), str(twips(indent_cm)))
            ind.set(qn("w:type"), "dxa")
            _insert_ordered(tblpr, ind, _TBLPR_ORDER)
        tblw = tblpr.find(qn("w:tblW"))
        if tblw is None:
            tblw = OxmlElement("w:tblW")
            _insert_ordered(tblpr, tblw, _TBLPR_ORDER)
        tblw.set(qn("w:type"), "dxa")
        tblw.set(qn("w:w"), str(sum(twips(w) for w in widths_cm)))
        look = tblpr.find(qn("w:tblLook"))
        if look is not None:  # no first-row/first-column conditional formats: plain grid
            tblpr.remove(look)
        for i, w in enumerate(widths_cm):
            t.columns[i].width = Cm(w)
            for cell in t.columns[i].cells:
                cell.width = Cm(w)
        return t

    def data_table(self, widths_cm, headers, cells, loop_open, loop_close):
        """A ruled table: a header row (repeated on each page), then a ``{%tr for %}`` row,
        the row of fields, the ``{%tr endfor %}`` row."""
        t = self.table(widths_cm, 4, "Table Grid")
        head, open_row, body, close_row = t.rows
        _repeat_header(head)
        for cell, text in zip(head.cells, headers, strict=True):
            self.cell_para(cell, text, "Bảng tiêu đề")
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        for row, tag in ((open_row, loop_open), (close_row, loop_close)):
            merged = row.cells[0].merge(row.cells[-1])
            self.cell_para(merged, tag, "Lệnh mẫu")
        for cell, (text, style) in zip(body.cells, cells, strict=True):
            self.cell_para(cell, text, style)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        _cant_split(body)
        return t


def _repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    trpr.append(el)


def _cant_split(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))


# -- the shared pieces of every document -------------------------------------------------------


def header_block(w: Writer, d: str) -> None:
    """DỰ THẢO mark (when ``d.draft``), then the NĐ 30 header: issuer | national name, Số | date; title, subject."""
    w.ctl(f"{{%p if {d}.draft %}}")
    w.para("DỰ THẢO", "Dự thảo")
    w.ctl("{%p endif %}")
    t = w.table([HEAD_LEFT_CM, HEAD_RIGHT_CM], 2, "Bảng không viền", indent_cm=HEAD_INDENT_CM)
    (left, right), (num, date) = t.rows[0].cells, t.rows[1].cells
    w.ctl(f"{{%p if {d}.header.parent %}}", left)
    w.cell_para(left, f"{{{{ {d}.header.parent }}}}", "Cơ quan chủ quản")
    w.ctl("{%p endif %}", left)
    w.cell_para(left, f"{{{{ {d}.header.issuer | dots(20) }}}}", "Cơ quan ban hành")
    w.cell_para(left, "", "Gạch dưới cơ quan")
    w.cell_para(right, f"{{{{ {d}.header.nation }}}}", "Quốc hiệu")
    w.cell_para(right, f"{{{{ {d}.header.motto }}}}", "Tiêu ngữ")
    w.cell_para(right, "", "Gạch dưới tiêu ngữ")
    w.cell_para(num, f"{{{{ {d}.header.number }}}}", "Số, ký hiệu")
    w.cell_para(date, f"{{{{ {d}.header.date_line }}}}", "Địa danh, ngày tháng")
    w.para(f"{{{{ {d}.title }}}}", "Title")
    w.para(f"{{{{ {d}.subject }}}}", "Subtitle")


def signature_cell(w: Writer, cell, key: str) -> None:
    """The authority and title lines (TM. KHỐI THI ĐUA / TRƯỞNG KHỐI) of the Signature ``key``."""
    w.ctl(f"{{%p for line in {key}.lines %}}", cell)
    w.cell_para(cell, "{{ line }}", "Chức vụ người ký")
    w.ctl("{%p endfor %}", cell)


def recipients_cell(w: Writer, cell, key: str) -> None:
    w.cell_para(cell, "Nơi nhận:", "Nơi nhận")
    w.ctl(f"{{%p for r in {key} %}}", cell)
    w.cell_para(cell, '- {{ r }}{{ "." if loop.last else ";" }}', "Nơi nhận - đơn vị")
    w.ctl("{%p endfor %}", cell)


def new_document():
    doc = Document()
    body = doc.element.body
    for el in list(body):
        if el.tag != qn("w:sectPr"):
            body.remove(el)
    make_styles(doc)
    _page(doc)
    return doc, Writer(doc)


def save(doc, path: Path, title: str) -> None:
    _clean_package(doc, title)
    buf = io.BytesIO()
    doc.save(buf)
    path.write_bytes(repack(buf.getvalue(), DEFAULT_STAMP))


def paragraphs(w: Writer, key: str, style: str = "Normal") -> None:
    w.ctl(f"{{%p for text in {key} %}}")
    w.para("{{ text }}", style)
    w.ctl("{%p endfor %}")


# -- Biên bản họp bình xét ----------------------------------------------------------------------


def build_bien_ban(path: Path) -> None:
    doc, w = new_document()
    header_block(w, "minutes")
    w.para("{{ minutes.opening }}")
    w.ctl("{%p for s in minutes.sections %}")
    w.para("{{ s.heading }}", "Heading 1")
    paragraphs(w, "s.paragraphs")
    w.ctl("{%p for item in s.items %}")
    w.para('{{ loop.index }}) {{ item }}{{ "." if loop.last else ";" }}', "Danh sách")
    w.ctl("{%p endfor %}")
    w.ctl("{%p for v in s.votes %}")
    w.para("{{ v.heading }}", "Dẫn bảng")
    w.data_table([1.2, 8.0, 4.3, 3.0], ["TT", "Đơn vị", "Số phiếu đồng ý", "Tỷ lệ"],
                 [("{{ r.no }}", "Bảng giữa"), ("{{ r.name }}", "Bảng"),
                  ("{{ r.count_text }}", "Bảng giữa"), ("{{ r.share_text }}", "Bảng giữa")],
                 "{%tr for r in v.rows %}", "{%tr endfor %}")
    w.ctl("{%p endfor %}")
    honour_tables(w)
    paragraphs(w, "s.after")
    w.ctl("{%p endfor %}")
    t = _signature_table(w, [TEXT_W_CM / 2, TEXT_W_CM / 2], 3, [
        ("{%p for text in minutes.closing %}", "Lệnh mẫu"), ("{{ text }}", "Dẫn bảng"),
        ("{%p endfor %}", "Lệnh mẫu")])
    (tl, tr), (nl, nr) = t.rows[1].cells, t.rows[2].cells
    signature_cell(w, tl, "minutes.signatures[0]")
    signature_cell(w, tr, "minutes.signatures[1]")
    w.cell_para(nl, "{{ minutes.signatures[0].name | dots(12) }}", "Họ tên người ký")
    w.cell_para(nr, "{{ minutes.signatures[1].name | dots(12) }}", "Họ tên người ký")
    save(doc, path, "Biên bản họp bình xét thi đua, khen thưởng")


def honour_tables(w: Writer) -> None:
    """The kết quả khen thưởng of a minutes section ``s``: per campaign, a table of its awards."""
    w.ctl("{%p for g in s.honours %}")
    w.para("{{ g.heading }}", "Dẫn bảng")
    w.data_table([1.0, 5.0, 1.7, 1.7, 7.1],
                 ["TT", "Hình thức khen thưởng", "Tập thể", "Cá nhân", "Quyết định; tập thể, cá nhân được khen"],
                 [("{{ r.no }}", "Bảng giữa"), ("{{ r.label }}", "Bảng"), ("{{ r.collectives }}", "Bảng giữa"),
                  ("{{ r.individuals }}", "Bảng giữa"), ("{{ r.details | join('\\n') }}", "Bảng")],
                 "{%tr for r in g.rows %}", "{%tr endfor %}")
    w.ctl("{%p endfor %}")


# -- Tờ trình đề nghị khen thưởng ------------------------------------------------------------------


def build_to_trinh(path: Path) -> None:
    doc, w = new_document()
    header_block(w, "proposal")
    w.para("{{ proposal.addressee }}", "Kính gửi")
    paragraphs(w, "proposal.grounds", "Căn cứ")
    w.ctl("{%p if proposal.intro %}")
    w.para("{{ proposal.intro }}")
    w.ctl("{%p endif %}")
    w.ctl("{%p for g in proposal.groups %}")
    w.para("{{ g.heading }}", "Heading 2")
    w.data_table([1.1, 4.9, 2.4, 8.1], ["TT", "Tên đơn vị", "Tổng điểm", "Thành tích, lý do đề nghị"],
                 [("{{ e.no }}", "Bảng giữa"), ("{{ e.name }}", "Bảng"),
                  ("{{ e.total | vn(proposal.places) }}", "Bảng giữa"), ("{{ e.reason }}", "Bảng")],
                 "{%tr for e in g.entries %}", "{%tr endfor %}")
    w.ctl("{%p endfor %}")
    w.ctl("{%p if proposal.empty %}")
    w.para("{{ proposal.empty }}")
    w.ctl("{%p endif %}")
    _recipients_and_signature(w, "proposal", [("{{ proposal.closing }}", "Dẫn bảng")])
    save(doc, path, "Tờ trình đề nghị khen thưởng")


def _recipients_and_signature(w: Writer, d: str, closing: list[tuple[str, str]]) -> None:
    t = _signature_table(w, [7.0, TEXT_W_CM - 7.0], 2, closing)
    left, right = t.rows[1].cells
    recipients_cell(w, left, f"{d}.recipients")
    signature_cell(w, right, f"{d}.signature")
    w.cell_para(right, f"{{{{ {d}.signature.name | dots(12) }}}}", "Họ tên người ký")


def _signature_table(w: Writer, widths: list[float], rows: int, closing: list[tuple[str, str]]):
    """The borderless table that ends a document: row 0, merged, holds its last sentence
    (``closing``: (text, style) pairs, "Lệnh mẫu" for control lines); the rows below hold
    the signatures. Rows never split and each keeps with the next, so the signatures never
    stand alone on a page (Word and LibreOffice both keep table rows together this way, while
    LibreOffice does not always keep a paragraph with the table after it). The table is
    shifted by the cells' padding so its text lines up with the body's margins."""
    pad = CELL_PAD_CM
    t = w.table([widths[0] + pad] + widths[1:-1] + [widths[-1] + pad], rows, "Bảng không viền", indent_cm=-pad)
    top = t.rows[0].cells[0].merge(t.rows[0].cells[-1])
    for text, style in closing:
        w.cell_para(top, text, style)
    for row in t.rows:
        _cant_split(row)
    return t


# -- Báo cáo tổng hợp của tỉnh -------------------------------------------------------------------


def build_tong_hop(path: Path) -> None:
    doc, w = new_document()
    for name in ("Bảng", "Bảng tiêu đề"):  # six columns on a portrait page: 12 pt in the table
        doc.styles[name].font.size = Pt(12)
    header_block(w, "summary")
    w.para("I. {{ summary.results_heading }}", "Heading 1")
    w.data_table([1.0, 3.6, 1.3, 3.0, 4.2, 3.4],
                 ["TT", "{{ summary.bloc_column }}", "Số đơn vị", "Đơn vị dẫn đầu (tổng điểm)", "Đề nghị khen thưởng",
                  "{{ summary.leader_column }}\n{{ summary.deputy_column }}"],
                 [("{{ b.no }}", "Bảng giữa"), ("{{ b.name }}", "Bảng"), ("{{ b.member_count }}", "Bảng giữa"),
                  ("{{ b.leading | dots(8) }}{% if b.leading_total is not none %} "
                   "({{ b.leading_total | vn(b.places) }}){% endif %}", "Bảng"),
                  ("{% if b.awards %}{{ b.awards | join('\\n') }}{% else %}Không{% endif %}", "Bảng"),
                  ("{{ b.leader_word }}: {{ b.next_leader | dots(6) }}\n{{ b.deputy_word }}: {{ b.next_deputy | dots(6) }}",
                   "Bảng")],
                 "{%tr for b in summary.blocs %}", "{%tr endfor %}")
    paragraphs(w, "summary.notes")
    w.ctl("{%p if summary.province_heading %}")
    w.para("II. {{ summary.province_heading }}", "Heading 1")
    paragraphs(w, "summary.province_proposals")
    w.ctl("{%p if summary.province_misses %}")
    w.para("{{ summary.province_misses_heading }}")
    w.ctl("{%p for m in summary.province_misses %}")
    w.para("- {{ m }}", "Danh sách")
    w.ctl("{%p endfor %}")
    w.ctl("{%p endif %}")
    w.ctl("{%p endif %}")
    w.para("{% if summary.province_heading %}III{% else %}II{% endif %}. {{ summary.details_heading }}",
           "Heading 1")
    w.ctl("{%p for b in summary.blocs %}")
    w.para("{{ b.detail_heading }}", "Heading 2")
    w.para("{{ b.detail_line }}", "Dẫn bảng")
    w.data_table([1.6, 6.4, 2.4, 2.6, 3.5], ["Xếp hạng", "Đơn vị", "Tổng điểm", "Xếp loại", "Đề nghị"],
                 [("{{ r.rank_text }}", "Bảng giữa"), ("{{ r.name }}", "Bảng"),
                  ("{{ r.total | vn(b.places) }}", "Bảng giữa"), ("{{ r.band }}", "Bảng giữa"),
                  ("{{ r.proposals | join('; ') }}", "Bảng")],
                 "{%tr for r in b.rows %}", "{%tr endfor %}")
    w.ctl("{%p if b.handover %}")
    w.para("{{ b.handover }}", "Sau bảng")
    w.ctl("{%p endif %}")
    w.ctl("{%p if b.honours %}")
    w.para("{{ b.honours_heading }}", "Dẫn bảng")
    w.ctl("{%p for line in b.honours %}")
    w.para("- {{ line }}", "Danh sách")
    w.ctl("{%p endfor %}")
    w.ctl("{%p endif %}")
    w.ctl("{%p endfor %}")
    honour_summary(w)
    _recipients_and_signature(w, "summary", [])
    save(doc, path, "Báo cáo tổng hợp kết quả thi đua các khối, cụm thi đua")


def honour_summary(w: Writer) -> None:
    """IV (III without a province-level part). The blocs' kết quả khen thưởng added up: a row per bloc, then
    the total in bold."""
    h = "summary.honours"
    w.ctl(f"{{%p if {h} %}}")
    w.para(f"{{% if summary.province_heading %}}IV{{% else %}}III{{% endif %}}. {{{{ {h}.heading }}}}", "Heading 1")
    w.para(f"{{{{ {h}.intro }}}}", "Dẫn bảng")
    t = w.data_table([1.0, 7.0, 2.2, 2.2, 4.1],
                     ["TT", "{{ summary.bloc_column }}", "Tập thể (lượt)", "Cá nhân (lượt)",
                      "Đề nghị cấp trên khen thưởng"],
                     [("{{ r.no }}", "Bảng giữa"), ("{{ r.name }}", "Bảng"), ("{{ r.collectives }}", "Bảng giữa"),
                      ("{{ r.individuals }}", "Bảng giữa"), ("{{ r.proposed_text }}", "Bảng")],
                     f"{{%tr for r in {h}.rows %}}", "{%tr endfor %}")
    total = t.add_row()
    cells = [("", "Bảng giữa", False), (f"{{{{ {h}.total.name }}}}", "Bảng", True),
             (f"{{{{ {h}.total.collectives }}}}", "Bảng giữa", True),
             (f"{{{{ {h}.total.individuals }}}}", "Bảng giữa", True), (f"{{{{ {h}.total.proposed_text }}}}", "Bảng", False)]
    for cell, (text, style, bold) in zip(total.cells, cells, strict=True):
        for run in w.cell_para(cell, text, style).runs:
            run.bold = bold
    _cant_split(total)
    paragraphs(w, f"{h}.notes")
    w.ctl("{%p endif %}")


BUILDERS = {"bien-ban.docx": build_bien_ban, "to-trinh.docx": build_to_trinh,
            "tong-hop-tinh.docx": build_tong_hop}


def build_all(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, build in BUILDERS.items():
        build(out / name)
        written.append(out / name)
    return written


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "templates"
    for path in build_all(out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
