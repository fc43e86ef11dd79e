"""The Excel scoring form (`thidua form export`): a workbook members fill and send back.

Layout, chosen for the person filling it:

* self scores: a sheet "Hướng dẫn", then one sheet per member (named after it,
  in Vietnamese order). A member opens its own sheet and sees the whole table
  top to bottom, as on the paper *phiếu tự chấm*, with its own bonus and
  deductions and a live total, under the header of a document it files (the
  member as issuer under its bloc, the national title and motto, a date line to
  fill in; NĐ 30/2020) and above its head's signature. Every member can receive
  the same file.
* agreed scores (``--agreed``): one sheet with the criteria down and one column
  per member across, as the chair's office compares members after cross-checking.

Input cells (yellow) are unlocked and validated (a decimal from 0 to the
criterion's maximum, a reason of at most 1,000 characters); every other cell is
locked. Sheet and workbook protection carry no password: they prevent slips,
they are not a security boundary. Subtotals and totals are formulas. A very
hidden sheet holds the metadata import needs (see thidua.forms.meta).

openpyxl is imported when a form is written, never at start-up. The cell primitives (styles,
input cells and their validation, checked locked cells) are in :mod:`thidua.render.form_cells`.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

from thidua.core.numbers import vn_number
from thidua.forms.meta import MAGIC, META_SHEET, VERSION, Check, Slot, number_text
from thidua.forms.plan import (
    AGREED_SHEET,
    AGREED_TITLE,
    INSTRUCTIONS_SHEET,
    ROW_LABELS,
    SELF_LAYOUTS,
    SELF_TITLE,
    SIGN_HINT,
    FormPlan,
    MemberForm,
    bloc_line,
)
from thidua.model import Adjustment, Criterion
from thidua.render.form_cells import Book, Validations
from thidua.render.xlsx_package import stable_zip
from thidua.render.xlsx_sheet import Sheet, estimate_lines, line_height

LAYOUT = SELF_LAYOUTS[VERSION]
AGREED_FIRST_ROW = 7  # first criterion row of the agreed sheet
SELF_WIDTHS = (10, 25, 31, 10, 12)  # A4 portrait at full size; code | criterion or reason (B:C) | maximum | points
SELF_HEAD_ROW = LAYOUT.first_row - 1
GUIDE_WIDTH = 88  # A4 portrait inside the decree's margins
SIZE = 12  # the form's text
MEMBER_WIDTH = 14  # a member's column on the agreed sheet
REASON_LINES = 2  # an empty reason on the agreed sheet has room for two lines
SHRINK = 0.2  # a self sheet at most this much over one page prints on one page, a little smaller


def criteria_rows(groups: tuple[Criterion, ...]) -> list[tuple[Criterion, int]]:
    """Criteria in reading order (pre-order) with their depth."""
    out: list[tuple[Criterion, int]] = []

    def walk(c: Criterion, depth: int) -> None:
        out.append((c, depth))
        for child in c.children:
            walk(child, depth + 1)

    for g in groups:
        walk(g, 0)
    return out


def lines_height(text: str, width: float, size: int = SIZE, bold: bool = False, least: int = 1) -> float:
    """Points a row needs for ``text`` wrapped in ``width`` columns (at least ``least`` lines)."""
    return max(least, estimate_lines(text, width, size, bold)) * line_height(size) + 2

def instructions(plan: FormPlan) -> list[str]:
    kind = plan.kind
    t = plan.table
    caps = []
    if t.bonus_cap is not None:
        caps.append(f"điểm thưởng tối đa {vn_number(t.bonus_cap)}")
    if t.deduction_cap is not None:
        caps.append(f"điểm trừ tối đa {vn_number(t.deduction_cap)}")
    who = ("Mỗi đơn vị tự chấm trên trang mang tên đơn vị mình; không sửa trang của đơn vị khác."
           if kind == "self" else
           "Trưởng khối (hoặc đơn vị được giao) nhập điểm khối đã thống nhất sau chấm chéo, mỗi đơn vị một cột.")
    return [
        f"BIỂU MẪU {'TỰ CHẤM' if kind == 'self' else 'NHẬP ĐIỂM THỐNG NHẤT'} ĐIỂM THI ĐUA NĂM {plan.year}",
        plan.bloc_name,
        "",
        "Hướng dẫn",
        f"1. {who}",
        "2. Chỉ nhập vào các ô nền vàng. Các ô khác đã khóa để tránh sửa nhầm "
        "(bảo vệ trang không đặt mật khẩu); không chèn, xóa dòng hoặc cột, không đổi tên trang.",
        "3. Nhập điểm là số, từ 0 đến điểm tối đa của tiêu chí, ví dụ 9,5 (máy dùng dấu chấm thập phân "
        "thì gõ 9.5). Không gõ chữ, không gõ công thức, không dán chữ vào ô điểm.",
        "4. Điểm thưởng, điểm trừ: mỗi dòng một khoản, ghi số điểm và lý do"
        + (f" ({'; '.join(caps)})." if caps else "."),
        "5. Các ô tổng tự tính; sau khi nhập, kiểm tra lại tổng điểm.",
        "6. Ô để trống nghĩa là giữ nguyên số liệu đã có trong hồ sơ của khối (để trống không xóa điểm).",
        "7. Lưu tệp dạng Excel .xlsx, giữ nguyên tên tệp và tên các trang, gửi lại cho Trưởng khối.",
        "",
        f"Khối: {plan.bloc_name} {bloc_line(plan.bloc, plan.year)}",
        f"Bảng chấm điểm: {t.name} · tổng điểm tối đa {vn_number(t.ceiling)}",
        f"Mã bảng: {t.id} · dấu kiểm: {plan.fingerprint} (để thidua nhận ra biểu mẫu cũ)",
    ]


class Grid:
    """The columns of a scoring sheet: criterion names and reasons over ``name``..``name_end``, the
    maximum in ``top``."""

    def __init__(self, name: str, name_end: str, top: str, widths: dict[str, float]) -> None:
        self.name, self.name_end, self.top = name, name_end, top
        self.name_width = sum(w for c, w in widths.items() if name <= c <= name_end)


class FormBook(Book):
    """The form laid out from its plan: instructions, the scoring sheet(s), the hidden metadata."""

    def __init__(self, plan: FormPlan) -> None:
        super().__init__(f"Biểu mẫu chấm điểm {plan.bloc} {plan.year}")
        self.plan = plan
        self.t = t = plan.table
        self.rows = criteria_rows(t.groups)
        self.cap_text = {
            "bonus": f"Điểm thưởng{f' (tối đa {vn_number(t.bonus_cap)})' if t.bonus_cap is not None else ''}",
            "deductions": f"Điểm trừ{f' (tối đa {vn_number(t.deduction_cap)})' if t.deduction_cap is not None else ''}",
        }
        self.total_label = "TỔNG ĐIỂM (cộng tiêu chí + điểm thưởng − điểm trừ)"

    def wide(self, ws, grid: Grid, r: int, value, **style) -> None:
        """A criterion name or a row label over the grid's name columns, boxed."""
        self.put(ws, f"{grid.name}{r}", value, boxed=True, **style)
        if grid.name_end != grid.name:
            self.put(ws, f"{grid.name_end}{r}", None, boxed=True, fill=style.get("fill"))
            ws.merge_cells(f"{grid.name}{r}:{grid.name_end}{r}")

    def keep_groups(self, s: Sheet, row_of: dict[str, int]) -> None:
        """A group's row prints on the page of its first criterion."""
        for c, _depth in self.rows:
            if not c.is_leaf:
                s.keep(row_of[c.id], row_of[c.id] + 1)

    def grow(self, ws, row: int, points: float) -> None:
        ws.row_dimensions[row].height = max(ws.row_dimensions[row].height or 0, points)

    def member_column(self, ws, col: str, mf: MemberForm, row_of: dict[str, int], v: Validations,
                      slot_ref: Callable[[str, int, str], str], sums: dict[str, int], reason_width: float) -> None:
        """A member's cells in one column: scores, subtotals, bonus, deductions, totals."""
        mid = mf.member.id
        for c, _depth in self.rows:
            ref = f"{col}{row_of[c.id]}"
            if c.is_leaf:
                value = mf.score(c.id)
                self.input_cell(ws, ref, value, Slot(ws.title, ref, mid, "score", c.id, "points",
                                                number_text(value), c.max), v)
            else:
                parts = ",".join(f"{col}{row_of[ch.id]}" for ch in c.children)
                self.formula(ws, ref, f"=SUM({parts})", bold=True).fill = self.group_fill
        top_refs = ",".join(f"{col}{row_of[g.id]}" for g in self.t.groups)
        self.formula(ws, f"{col}{sums['criteria']}", f"=SUM({top_refs})", bold=True)
        for field, items, count, cap in (("bonus", mf.bonus, self.plan.bonus_slots, self.t.bonus_cap),
                                         ("deductions", mf.deductions, self.plan.deduction_slots, self.t.deduction_cap)):
            points_refs = []
            for i in range(1, count + 1):
                item: Adjustment | None = items[i - 1] if i <= len(items) else None
                pref = slot_ref(field, i, "points")
                rref = slot_ref(field, i, "reason")
                points_refs.append(pref)
                pval = item.points if item else None
                self.input_cell(ws, pref, pval, Slot(ws.title, pref, mid, field, str(i), "points",
                                                number_text(pval), cap), v)
                reason = item.reason if item else ""
                self.input_cell(ws, rref, reason or None, Slot(ws.title, rref, mid, field, str(i), "reason", reason),
                                v, text=True)
                if reason:  # the whole reason shows, on screen and on paper
                    self.grow(ws, ws[rref].row, lines_height(reason, reason_width))
            self.formula(ws, f"{col}{sums[field]}", f"=SUM({','.join(points_refs)})", bold=True)
        self.formula(ws, f"{col}{sums['total']}",
                     f"={col}{sums['criteria']}+{col}{sums['bonus']}-{col}{sums['deductions']}", bold=True)

    def criterion_labels(self, ws, row_of: dict[str, int], grid: Grid) -> None:
        from openpyxl.styles import Alignment

        for c, depth in self.rows:
            r = row_of[c.id]
            group = not c.is_leaf or depth == 0
            fill = self.group_fill if not c.is_leaf else None
            self.checked(ws, f"A{r}", c.id, bold=group, boxed=True, align="left", fill=fill)
            self.wide(ws, grid, r, c.name, bold=group, wrap=True, fill=fill)
            ws[f"{grid.name}{r}"].alignment = Alignment(wrap_text=True, vertical="center", indent=depth)
            self.put(ws, f"{grid.top}{r}", c.ceiling, bold=group, boxed=True, align="right", fill=fill)
            self.grow(ws, r, lines_height(c.name, grid.name_width - 1.5 * depth, bold=group))

    def lower_rows(self, ws, r: int, two_rows: bool, header: Callable[[str], str], grid: Grid):
        """Rows below the criteria: their sum, bonus and deduction slots, the total.

        Returns the rows of the sums and, per (field, slot, part), the row of the slot: one row per slot
        (reason and points side by side) or two (points, then reason).
        """
        sums = {"criteria": r}
        self.wide(ws, grid, r, "Cộng điểm các tiêu chí", bold=True)
        self.put(ws, f"{grid.top}{r}", self.t.ceiling, bold=True, boxed=True, align="right")
        at: dict[tuple[str, int, str], int] = {}
        r += 2
        for field, count, short, cap in (("bonus", self.plan.bonus_slots, ROW_LABELS["bonus"], self.t.bonus_cap),
                                         ("deductions", self.plan.deduction_slots, ROW_LABELS["deductions"],
                                          self.t.deduction_cap)):
            sums[field] = r
            self.wide(ws, grid, r, header(field), bold=True, wrap=True)
            self.grow(ws, r, lines_height(header(field), grid.name_width, bold=True))
            self.put(ws, f"{grid.top}{r}", cap, bold=True, boxed=True, align="right")
            for i in range(1, count + 1):
                for parts in ((("points",), ("reason",)) if two_rows else (("points", "reason"),)):
                    r += 1
                    self.checked(ws, f"A{r}", f"{short} {i}", boxed=True)
                    if not two_rows:  # the reason, typed over the width of the criteria's names
                        self.wide(ws, grid, r, None, wrap=True, fill=self.input_fill)
                    if two_rows:
                        self.wide(ws, grid, r, f"{short} {i}: {'lý do' if parts == ('reason',) else 'số điểm'}")
                        if parts == ("reason",):
                            self.grow(ws, r, lines_height("", MEMBER_WIDTH, least=REASON_LINES))
                    self.put(ws, f"{grid.top}{r}", None, boxed=True)
                    for part in parts:
                        at[(field, i, part)] = r
            r += 2
        sums["total"] = r
        self.wide(ws, grid, r, self.total_label, bold=True)
        self.put(ws, f"{grid.top}{r}", None, boxed=True)
        return sums, at

    def guide(self) -> None:
        """The instructions sheet: one line a row, wrapped to the page's width."""
        s = Sheet(self.wb, INSTRUCTIONS_SHEET, (GUIDE_WIDTH,), landscape=False)
        for i, line in enumerate(instructions(self.plan), start=1):
            size = 13 if i == 1 else SIZE
            self.put(s.ws, f"A{i}", line, bold=i in (1, 4), size=size, wrap=True)
            s.ws.row_dimensions[i].height = lines_height(line, GUIDE_WIDTH, size, i in (1, 4)) if line else 10
        self.page(s.ws, False, "1:1")

    def self_sheet(self, mf: MemberForm) -> None:
        """A member's own sheet: the decree's header, the title naming it, the table, its head's signature."""
        ws = self.wb.create_sheet(mf.sheet)
        s = Sheet(self.wb, mf.sheet, SELF_WIDTHS, landscape=False, ws=ws)
        grid = Grid("B", "C", "D", dict(zip("ABCDE", SELF_WIDTHS, strict=True)))
        v = Validations()
        s.header(mf.header)
        unit = f"Đơn vị: {mf.member.name} (mã {mf.member.id})"
        title_row = s.para(SELF_TITLE.format(year=self.plan.year), size=13, bold=True, align="center")
        s.para(self.plan.bloc_name, size=SIZE, bold=True, align="center")
        unit_row = s.para(unit, size=SIZE, bold=True, align="left")
        s.para("Nhập điểm tự chấm vào các ô nền vàng, từ 0 đến điểm tối đa; ghi điểm thưởng, điểm trừ kèm lý do. "
               f"Tổng điểm tự tính. Xem trang «{INSTRUCTIONS_SHEET}».", size=SIZE, italic=True, align="left")
        assert (f"A{title_row}", f"A{unit_row}", s.row) == (LAYOUT.title, LAYOUT.unit, SELF_HEAD_ROW)
        self.checks.append(Check(ws.title, LAYOUT.unit, unit))
        head = SELF_HEAD_ROW
        for col, text in (("A", "Mã"), ("D", "Điểm tối đa"), (LAYOUT.points, "Điểm tự chấm")):
            self.put(ws, f"{col}{head}", text, bold=True, wrap=True, align="center", boxed=True, fill=self.group_fill)
        self.wide(ws, grid, head, "Nội dung tiêu chí", bold=True, wrap=True, align="center", fill=self.group_fill)
        self.grow(ws, head, lines_height("Điểm tự chấm", SELF_WIDTHS[-1], bold=True))
        row_of = {c.id: LAYOUT.first_row + i for i, (c, _) in enumerate(self.rows)}
        self.criterion_labels(ws, row_of, grid)
        sums, at = self.lower_rows(ws, LAYOUT.first_row + len(self.rows), False,
                                   lambda f: f"{self.cap_text[f]}: ghi lý do ở cột {LAYOUT.reasons}, "
                                             f"số điểm ở cột {LAYOUT.points}", grid)
        self.member_column(ws, LAYOUT.points, mf, row_of, v,
                           lambda f, i, p: f"{LAYOUT.reasons if p == 'reason' else LAYOUT.points}{at[(f, i, p)]}",
                           sums, grid.name_width)
        v.install(ws)
        self.page(ws, False, f"{head}:{head}")  # no frozen rows: the header would fill the screen
        self.keep_groups(s, row_of)
        s.keep(sums["bonus"], sums["bonus"] + self.plan.bonus_slots)  # a heading stays with its rows
        s.row = sums["total"] + 2
        s.signature(self.plan.signature, keep_from=sums["deductions"], hint=SIGN_HINT)
        s.print_titles(head, head)
        s.finish(shrink=SHRINK)

    def agreed_sheet(self) -> None:
        """One sheet, a column per member, as the chair's office enters the agreed scores."""
        from openpyxl.utils import get_column_letter

        ws = self.wb.create_sheet(AGREED_SHEET)
        v = Validations()
        last = get_column_letter(3 + len(self.plan.members))
        widths = {"A": 10, "B": 52, "C": 9}
        s = Sheet(self.wb, AGREED_SHEET, [*widths.values(), *[MEMBER_WIDTH] * len(self.plan.members)],
                  landscape=True, ws=ws)
        grid = Grid("B", "B", "C", widths)
        span = sum(widths.values()) + MEMBER_WIDTH * len(self.plan.members)
        self.banner(ws, last, [
            (AGREED_TITLE.format(year=self.plan.year), {"bold": True, "size": 13}),
            (self.plan.bloc_name, {"bold": True}),
            (f"Bảng chấm điểm: {self.t.name}", {}),
            ("Nhập điểm khối đã thống nhất vào các ô nền vàng, mỗi đơn vị một cột, từ 0 đến điểm tối đa; "
             f"ghi điểm thưởng, điểm trừ kèm lý do. Tổng điểm tự tính. Xem trang «{INSTRUCTIONS_SHEET}».",
             {"italic": True}),
        ], span)
        for col, head in zip("ABC", ("Mã", "Nội dung tiêu chí", "Điểm tối đa"), strict=True):
            self.put(ws, f"{col}5", head, bold=True, wrap=True, align="center", boxed=True, fill=self.group_fill)
        self.put(ws, "B6", "(mã đơn vị)", italic=True, size=10, align="right")
        self.grow(ws, 5, lines_height("Điểm tối đa", widths["C"], bold=True))
        row_of = {c.id: AGREED_FIRST_ROW + i for i, (c, _) in enumerate(self.rows)}
        self.criterion_labels(ws, row_of, grid)
        sums, slot_rows = self.lower_rows(ws, AGREED_FIRST_ROW + len(self.rows), True, lambda f: self.cap_text[f],
                                          grid)
        for j, mf in enumerate(self.plan.members):
            col = get_column_letter(4 + j)
            self.put(ws, f"{col}5", mf.member.label, bold=True, wrap=True, align="center", boxed=True,
                     fill=self.group_fill)
            self.grow(ws, 5, lines_height(mf.member.label, MEMBER_WIDTH, bold=True))
            self.checked(ws, f"{col}6", mf.member.id, italic=True, size=10, align="center", color="808080")
            self.member_column(ws, col, mf, row_of, v, lambda f, i, p, col=col: f"{col}{slot_rows[(f, i, p)]}",
                               sums, MEMBER_WIDTH)
        v.install(ws)
        ws.freeze_panes = f"D{AGREED_FIRST_ROW}"
        self.page(ws, True, "5:6")
        for field, count in (("bonus", self.plan.bonus_slots), ("deductions", self.plan.deduction_slots)):
            s.keep(sums[field], slot_rows[(field, 1, "reason")] if count else sums[field])  # heading, first slot
            for i in range(1, count + 1):  # a slot's points and reason on one page
                s.keep(slot_rows[(field, i, "points")], slot_rows[(field, i, "reason")])
        s.keep(sums["deductions"] + 2 * self.plan.deduction_slots, sums["total"])  # the last reason, the total
        self.keep_groups(s, row_of)
        self.dated_signature(s, sums["total"] + 2)
        s.print_titles(5, 6)
        s.finish()

    def dated_signature(self, s: Sheet, row: int) -> None:
        """The place-and-date line and the chair's signature under the agreed table, on one page."""
        _, right = s.split()
        s.row = row
        s.put(row, right, self.plan.date_line, italic=True, align="center", last_col=s.ncols)
        s.fit(row, self.plan.date_line, right, s.ncols, SIZE)
        s.row += 1
        s.signature(self.plan.signature, keep_from=row, hint=SIGN_HINT)

    def scoring_sheets(self) -> None:
        """One sheet per member (self scores), or the agreed sheet."""
        if self.plan.kind == "self":
            for mf in self.plan.members:
                self.self_sheet(mf)
        else:
            self.agreed_sheet()

    def metadata(self) -> None:
        """The very hidden sheet the import reads (thidua.forms.meta_read)."""
        from openpyxl.utils import get_column_letter

        meta = self.wb.create_sheet(META_SHEET)
        head = [("magic", MAGIC), ("version", VERSION), ("kind", self.plan.kind), ("bloc", self.plan.bloc),
                ("year", self.plan.year), ("table", self.t.id), ("fingerprint", self.plan.fingerprint)]
        for i, (k, value) in enumerate(head, start=1):
            self.put(meta, f"A{i}", k)
            self.put(meta, f"B{i}", value)
        r = len(head) + 2
        for i, name in enumerate(("row", "sheet", "cell", "member", "field", "key", "part", "baseline", "max")):
            self.put(meta, f"{get_column_letter(i + 1)}{r}", name)
        for s in self.slots:
            r += 1
            values = ("input", s.sheet, s.cell, s.member, s.field, s.key, s.part, s.baseline, number_text(s.maximum))
            for i, value in enumerate(values):
                self.put(meta, f"{get_column_letter(i + 1)}{r}", value)
        for c in self.checks:
            r += 1
            for i, value in enumerate(("check", c.sheet, c.cell, c.expected)):
                self.put(meta, f"{get_column_letter(i + 1)}{r}", value)
        meta.sheet_state = "veryHidden"
        meta.protection.sheet = True



def form_xlsx(plan: FormPlan) -> bytes:
    """The form as .xlsx bytes, identical for identical plans."""
    from openpyxl.workbook.protection import WorkbookProtection

    book = FormBook(plan)
    book.guide()
    book.scoring_sheets()
    book.metadata()
    wb = book.wb
    wb.active = 0
    wb.security = WorkbookProtection(lockStructure=True)
    out = io.BytesIO()
    wb.save(out)
    return stable_zip(out.getvalue(), dt.datetime(plan.year, 1, 1))
