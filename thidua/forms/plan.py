"""What a form shows, computed from a bloc-year (pure: no openpyxl, no I/O).

The renderer (thidua.render.form_xlsx) lays this out; it never reads the
bloc-year itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from thidua.core.vnsort import sort_key
from thidua.documents.common import header
from thidua.documents.dates import BLANK, place_date_line
from thidua.documents.records import Header, Signature
from thidua.documents.words import words_for
from thidua.forms.meta import META_SHEET, fingerprint
from thidua.model import Adjustment, BlocYear, Member, MemberScores, Table

MIN_SLOTS = 3  # empty bonus / deduction rows offered per member beyond those already recorded
INSTRUCTIONS_SHEET = "Hướng dẫn"
AGREED_SHEET = "Điểm thống nhất"
# Visible, locked texts that the import holds the hidden metadata against (thidua.forms.meta_read).
SELF_TITLE = "PHIẾU TỰ CHẤM ĐIỂM THI ĐUA NĂM {year}"
AGREED_TITLE = "BẢNG NHẬP ĐIỂM THỐNG NHẤT SAU CHẤM CHÉO NĂM {year}"
ROW_LABELS = {"bonus": "Thưởng", "deductions": "Trừ"}  # "Thưởng 1", "Trừ 2" in column A
_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")
SELF_SIGNATURE = Signature(lines=("THỦ TRƯỞNG ĐƠN VỊ",), name="")
SIGN_HINT = "(Ký, ghi rõ họ tên và đóng dấu)"


@dataclass(frozen=True, slots=True)
class SelfLayout:
    """Where a self-score sheet keeps what the import holds the metadata against, by form version.

    Attributes:
      title: the cell holding the sheet's title (:data:`SELF_TITLE`).
      unit: the cell naming its member (``Đơn vị: <name> (mã <id>)``).
      points, reasons: the columns of the points and the reason input cells.
      first_row: the first criterion's row.
    """

    title: str
    unit: str
    points: str
    reasons: str
    first_row: int


# Version 2: the title on row 1, points in column D. Version 3: the decree's header (the member as
# issuer under its bloc, the national title and motto, the date line) above it, points in column E.
SELF_LAYOUTS = {2: SelfLayout("A1", "A3", "D", "B", 7), 3: SelfLayout("A5", "A7", "E", "B", 10)}


@dataclass(frozen=True, slots=True)
class MemberForm:
    """One member as the form shows it: its current scores of the form's kind, bonus and deductions."""

    member: Member
    sheet: str
    scores: tuple[tuple[str, Decimal], ...]
    bonus: tuple[Adjustment, ...]
    deductions: tuple[Adjustment, ...]
    header: Header

    def score(self, criterion: str) -> Decimal | None:
        return next((v for k, v in self.scores if k == criterion), None)


@dataclass(frozen=True, slots=True)
class FormPlan:
    """Attributes:
    kind: ``self`` (one sheet per member) or ``agreed`` (one sheet, a column per member).
    members: in Vietnamese alphabetical order of their names.
    bonus_slots, deduction_slots: rows offered for each (at least MIN_SLOTS, more when already recorded).
    signature: the block a member's head signs its self-score sheet with; on the agreed sheet, the
      chair's (``TM. KHỐI THI ĐUA / TRƯỞNG KHỐI``, the bloc-year's ``documents.signer`` or dots).
    date_line: the agreed sheet's place-and-date line above that signature, the date left to fill in.
    """

    kind: str
    bloc: str
    year: int
    bloc_name: str
    province: str
    table: Table
    fingerprint: str
    members: tuple[MemberForm, ...]
    bonus_slots: int
    deduction_slots: int
    signature: Signature = SELF_SIGNATURE
    date_line: str = ""


def bloc_line(bloc: str, year: int) -> str:
    """How the instructions sheet's line "Khối: <name> (mã <bloc>) · Năm: <year>" ends."""
    return f"(mã {bloc}) · Năm: {year}"


def sheet_titles(members: tuple[Member, ...]) -> dict[str, str]:
    """A valid, unique Excel sheet title per member id (≤ 31 characters, no []:*?/\\)."""
    taken = {INSTRUCTIONS_SHEET.casefold(), AGREED_SHEET.casefold(), META_SHEET.casefold()}
    out: dict[str, str] = {}
    for m in members:
        base = _BAD_TITLE.sub("-", m.label).strip(" '") or m.id
        title = base[:31].rstrip()
        n = 2
        while title.casefold() in taken:
            suffix = f" ({n})"
            title = base[:31 - len(suffix)].rstrip() + suffix
            n += 1
        taken.add(title.casefold())
        out[m.id] = title
    return out


def member_header(bloc_name: str, member: Member, place: str) -> Header:
    """A self-score sheet's header: the member issues it under its bloc; the date is left to fill in,
    after the province's place (``Khánh Hòa, ngày ...... tháng ...... năm ......``) or dots."""
    return header(bloc_name.upper(), member.name.upper(), "", place_date_line(place or BLANK, None))


def plan_form(by: BlocYear, table: Table, kind: str, province: str = "", place: str = "") -> FormPlan:
    """``place``: where the sheets are dated (thidua.yaml's ``place``, else the province)."""
    sheets = {s.member.id: s for s in by.scores}
    members = tuple(sorted(by.members, key=lambda m: sort_key(m.name)))
    titles = sheet_titles(members)
    forms = []
    for m in members:
        sheet: MemberScores | None = sheets.get(m.id)
        points = (sheet.self_points if kind == "self" else sheet.agreed) if sheet else ()
        forms.append(MemberForm(
            member=m,
            sheet=titles[m.id],
            scores=tuple((p.criterion, p.points) for p in points),
            # A self form shows (and fills) what the member claims, never the figures that count.
            bonus=(sheet.self_bonus if kind == "self" else sheet.bonus) if sheet else (),
            deductions=(sheet.self_deductions if kind == "self" else sheet.deductions) if sheet else (),
            header=member_header(by.name, m, place),
        ))
    return FormPlan(
        kind=kind,
        bloc=by.bloc,
        year=by.year,
        bloc_name=by.name,
        province=province,
        table=table,
        fingerprint=fingerprint(table),
        members=tuple(forms),
        bonus_slots=max([MIN_SLOTS, *(len(f.bonus) for f in forms)]),
        deduction_slots=max([MIN_SLOTS, *(len(f.deductions) for f in forms)]),
        signature=SELF_SIGNATURE if kind == "self" else agreed_signature(by),
        date_line="" if kind == "self" else place_date_line(place or BLANK, None),
    )


def agreed_signature(by: BlocYear) -> Signature:
    """The agreed scores are the bloc's, after the cross-scoring: its chair signs them for the bloc."""
    words = words_for(by.kind)
    signer = by.documents.signer
    return Signature(lines=(words.on_behalf, words.LEADER), name=signer.name if signer else "")
