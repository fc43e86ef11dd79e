"""The cells of a scoring form: styles, input cells with their validation, locked cells it checks on import.

:class:`Book` holds the workbook being written and what the hidden sheet will record
(the input slots and the locked cells that must keep their text); the layout in
:mod:`thidua.render.form_xlsx` places cells with it. openpyxl is imported when a
Book is made, never at start-up.
"""

from __future__ import annotations

from decimal import Decimal

from thidua.core.numbers import vn_number
from thidua.forms.meta import MAX_REASON, Check, Slot, number_text

FONT = "Times New Roman"
INPUT_FILL = "FFF2CC"
GROUP_FILL = "EDEDED"


class Validations:
    """One DataValidation per distinct rule, added in first-use order."""

    def __init__(self) -> None:
        self.rules: dict[tuple, list[str]] = {}

    def number(self, ref: str, top: Decimal | None) -> None:
        self.rules.setdefault(("n", number_text(top)), []).append(ref)

    def text(self, ref: str) -> None:
        self.rules.setdefault(("t", ""), []).append(ref)

    def install(self, ws) -> None:
        from openpyxl.worksheet.datavalidation import DataValidation

        for (kind, top), refs in self.rules.items():
            if kind == "t":
                dv = DataValidation(type="textLength", operator="lessThanOrEqual", formula1=str(MAX_REASON),
                                    allow_blank=True, errorTitle="Lý do quá dài",
                                    error=f"Ghi lý do ngắn gọn, tối đa {MAX_REASON} ký tự.")
            elif top:
                dv = DataValidation(type="decimal", operator="between", formula1="0", formula2=top,
                                    allow_blank=True, errorTitle="Điểm không hợp lệ",
                                    error=f"Nhập một số từ 0 đến {vn_number(Decimal(top))}.",
                                    promptTitle="Điểm", prompt=f"Từ 0 đến {vn_number(Decimal(top))} điểm.")
            else:
                dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0",
                                    allow_blank=True, errorTitle="Điểm không hợp lệ",
                                    error="Nhập một số không âm.")
            dv.showErrorMessage = True
            dv.showInputMessage = bool(dv.prompt)
            dv.errorStyle = "stop"
            for ref in refs:
                dv.add(ref)
            ws.add_data_validation(dv)



class Book:
    """A workbook being written, and the slots and checks its hidden sheet will list."""

    def __init__(self, title: str) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Border, PatternFill, Protection, Side

        thin = Side(style="thin", color="808080")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.input_fill = PatternFill("solid", fgColor=INPUT_FILL)
        self.group_fill = PatternFill("solid", fgColor=GROUP_FILL)
        self.unlocked = Protection(locked=False)
        self.wb = Workbook()
        self.wb.remove(self.wb.active)
        self.wb.properties.creator = "thidua"
        self.wb.properties.title = title
        self.slots: list[Slot] = []
        self.checks: list[Check] = []

    def put(self, ws, ref: str, value, *, bold=False, italic=False, size=12, wrap=False, align=None,
            fill=None, boxed=False, color=None):
        cell = ws[ref]
        cell.value = value
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"  # data, not a self.formula
        from openpyxl.styles import Alignment, Font

        cell.font = Font(name=FONT, size=size, bold=bold, italic=italic, color=color)
        cell.alignment = Alignment(wrap_text=wrap, vertical="center", horizontal=align)
        if fill is not None:
            cell.fill = fill
        if boxed:
            cell.border = self.border
        return cell

    def formula(self, ws, ref: str, text: str, *, bold=False):
        cell = self.put(ws, ref, text, bold=bold, align="right", boxed=True)
        cell.data_type = "f"
        return cell

    def checked(self, ws, ref: str, text: str, **kw):
        self.put(ws, ref, text, **kw)
        self.checks.append(Check(ws.title, ref, text))

    def input_cell(self, ws, ref: str, value, slot: Slot, v: Validations, *, text=False) -> None:
        self.put(ws, ref, value, fill=self.input_fill, boxed=True, wrap=text, align=None if text else "right")
        ws[ref].protection = self.unlocked
        self.slots.append(slot)
        if text:
            v.text(ref)
        else:
            v.number(ref, slot.maximum)

    def page(self, ws, landscape: bool, title_rows: str) -> None:
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.print_title_rows = title_rows
        ws.protection.sheet = True
        ws.protection.formatColumns = False
        ws.protection.formatRows = False

    def banner(self, ws, last_col: str, lines: list[tuple[str, dict]], width: float) -> None:
        """Lines across the sheet (``width`` columns wide), the first two centred, each row as tall as
        its text."""
        from thidua.render.xlsx_sheet import estimate_lines, line_height

        for i, (text, style) in enumerate(lines, start=1):
            ws.merge_cells(f"A{i}:{last_col}{i}")
            self.put(ws, f"A{i}", text, wrap=True, align="center" if i <= 2 else "left", **style)
            size = style.get("size", 12)
            ws.row_dimensions[i].height = estimate_lines(text, width, size, style.get("bold", False)) * \
                line_height(size) + 2

