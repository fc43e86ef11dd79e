"""What each document says, as typed frozen records: built once, laid out by every format.

A document is a header (NĐ 30/2020 layout), a title and subject, and its body as
sentences already phrased in Vietnamese, with figures kept as numbers where a format
lays them out in a table (so a workbook stores numbers, not text). Markdown, the
workbook and Word documents only lay these out: none of them phrases a sentence or
computes a figure. A data root's own templates receive these records, by the names
documented in docs/report.md (generated from the docstrings below).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Header:
    """The first block of an administrative document.

    Attributes:
      parent: the superior body, upper case (may be empty).
      issuer: the issuing body, upper case (the bloc, or the province's office).
      number: ``Số: 05/BB-KTĐ``, or ``Số:      /BB-KTĐ`` with room to write the number.
      nation: ``CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM``.
      motto: ``Độc lập - Tự do - Hạnh phúc``.
      date_line: ``Khánh Hòa, ngày 20 tháng 12 năm 2024`` (dots where the date is not known).
    """

    parent: str
    issuer: str
    number: str
    nation: str
    motto: str
    date_line: str


@dataclass(frozen=True, slots=True)
class Signature:
    """A signature block.

    Attributes:
      lines: the authority and title, upper case (``TM. KHỐI THI ĐUA``, ``TRƯỞNG KHỐI``).
      name: who signs (empty: a dotted line to fill in).
    """

    lines: tuple[str, ...]
    name: str


@dataclass(frozen=True, slots=True)
class Column:
    """A column of figures in the score sheet: a criteria group with its maximum.

    Attributes:
      label: the column head (``1. Công tác chuyên môn (50)``, or ``Nhóm 1 (50)`` when the name is long).
      id, name, max: the group's id, full name and maximum.
    """

    label: str
    id: str
    name: str
    max: Decimal


@dataclass(frozen=True, slots=True)
class ScoreRow:
    """One member in the score sheet.

    Attributes:
      no: the row number (1, 2 …); member, name: the member's id and full name.
      scored: False when the member has no scores (its figures are None).
      groups: the points of each column, in the order of ``ScoreSheet.columns``.
      bonus, deductions, total: the counted figures (Decimal, rounded as the total is).
      rank: 1, 2 … (None when not ranked); rank_text: ``2`` or ``2*`` when shared; tied: shared rank.
      band: the xếp loại (empty when none); note: ties broken, self scores only …
      proposals: the award names proposed for this member.
    """

    no: int
    member: str
    name: str
    scored: bool
    groups: tuple[Decimal | None, ...]
    bonus: Decimal | None
    deductions: Decimal | None
    total: Decimal | None
    rank: int | None
    rank_text: str
    tied: bool
    band: str
    note: str
    proposals: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ScoreSheet:
    """Bảng tổng hợp kết quả chấm điểm, attached to the minutes.

    Attributes:
      header, title, subject: as on every document (the subject is the bloc's name).
      attached: ``(Kèm theo Biên bản số … ngày …)``, or empty.
      table_line: the scoring table's name and limits, as a sentence (empty without a table).
      columns: the criteria groups; rows: every member, in rank order.
      places: decimals shown for every figure.
      notes: sentences under the table (the tie mark, a legend of long group names, the bands).
      signature: who signs the sheet.
      draft: nothing is decided yet: the document is marked DỰ THẢO.
    """

    header: Header
    title: str
    subject: str
    draft: bool
    attached: str
    table_line: str
    columns: tuple[Column, ...]
    rows: tuple[ScoreRow, ...]
    places: int
    notes: tuple[str, ...]
    signature: Signature


@dataclass(frozen=True, slots=True)
class VoteRow:
    """One member's votes for one award.

    Attributes:
      no: row number; name: the member's name.
      count: votes in favour; base: what the share is taken of (the ballots cast).
      share: the exact share as a Decimal fraction (None when the base is 0 or unknown).
      count_text: ``6/7``; share_text: ``85,71 %`` (rounded to two decimals).
    """

    no: int
    name: str
    count: int
    base: int | None
    share: Decimal | None
    count_text: str
    share_text: str


@dataclass(frozen=True, slots=True)
class VoteTable:
    """The secret-ballot result for one award.

    Attributes:
      award, award_name: the award's id and name.
      heading: ``1. Cờ thi đua của UBND tỉnh (cần từ 70% số phiếu):``.
      rows: the members voted for, most votes first.
    """

    award: str
    award_name: str
    heading: str
    rows: tuple[VoteRow, ...]


@dataclass(frozen=True, slots=True)
class HonourRow:
    """One award of one campaign in the kết quả khen thưởng: how many collectives and individuals, and who.

    Attributes:
      no: row number in its campaign; award_name: the award (``Bằng khen của Chủ tịch UBND tỉnh``).
      label: the award as the row says it; a proposal says so (``… (UBND tỉnh đã trình, chưa có quyết định)``).
      proposed: only proposed to a higher level, not decided yet.
      collectives, individuals: how many (lượt), named and counted together.
      decisions: one line per decision (``Quyết định số 1234/QĐ-UBND ngày 10/6/2021 của Chủ tịch UBND tỉnh``).
      names: the recipients named: a line of collectives (``Tập thể: …``), a line of individuals (``Cá nhân: …``).
      unnamed: how many are not named (``Không ghi tên: 06 tập thể, 16 cá nhân.``); empty when all are.
      details: decisions, names and unnamed, in that order (the lines of the table's last cell).
    """

    no: int
    award_name: str
    label: str
    proposed: bool
    collectives: int
    individuals: int
    decisions: tuple[str, ...]
    names: tuple[str, ...]
    unnamed: str
    details: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class HonourGroup:
    """The awards of one campaign (phong trào thi đua chuyên đề), or of khen thưởng thường xuyên.

    Attributes:
      campaign: the campaign's name (empty: thường xuyên); heading: ``1. Phong trào thi đua …:``.
      rows: its awards: those received, then those proposed, each the highest level first.
    """

    campaign: str
    heading: str
    rows: tuple[HonourRow, ...]


@dataclass(frozen=True, slots=True)
class Section:
    """A numbered part of the minutes.

    Attributes:
      key: what it is about: ``attendance``, ``content``, ``honours``, ``votes``, ``decisions``, ``handover``.
      heading: ``I. THÀNH PHẦN`` …
      paragraphs: sentences before the list or tables.
      items: a numbered list (the units present).
      votes: vote tables.
      honours: the awards received during the year, per campaign (section ``honours``).
      after: sentences after the list or tables.
    """

    key: str
    heading: str
    paragraphs: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    votes: tuple[VoteTable, ...] = ()
    after: tuple[str, ...] = ()
    honours: tuple[HonourGroup, ...] = ()


@dataclass(frozen=True, slots=True)
class Minutes:
    """Biên bản họp bình xét: the bloc's year-end meeting.

    Attributes:
      header, title, subject: as on every document.
      opening: the sentence saying when, where and who met.
      sections: the numbered parts, in order.
      closing: the closing sentences.
      signatures: the signature blocks, left to right.
      draft: nothing is decided yet: the document is marked DỰ THẢO and speaks of proposals.
    """

    header: Header
    title: str
    subject: str
    draft: bool
    opening: str
    sections: tuple[Section, ...]
    closing: tuple[str, ...]
    signatures: tuple[Signature, ...]

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)


@dataclass(frozen=True, slots=True)
class ProposalEntry:
    """A member proposed for an award.

    Attributes:
      no: row number; member, name: id and name; total: its total (Decimal, None if not scored);
      band: its xếp loại; reason: its achievement and why it is proposed, in sentences.
    """

    no: int
    member: str
    name: str
    total: Decimal | None
    band: str
    reason: str


@dataclass(frozen=True, slots=True)
class ProposalGroup:
    """The members proposed for one award.

    Attributes:
      award, award_name: the award; heading: ``1. Cờ thi đua của UBND tỉnh (1 đơn vị)``.
      entries: the members, in rank order.
    """

    award: str
    award_name: str
    heading: str
    entries: tuple[ProposalEntry, ...]


@dataclass(frozen=True, slots=True)
class Proposal:
    """Tờ trình đề nghị khen thưởng, from the bloc to the province.

    Attributes:
      header, title, subject: as on every document.
      addressee: ``Kính gửi: …``.
      grounds: the lines the proposal rests on (``Căn cứ …;``).
      intro: the sentence that introduces the proposals (empty when nothing is proposed).
      groups: the awards proposed, in the configured order.
      empty: the sentence said when nothing is proposed (empty when something is).
      closing: the closing sentence; recipients: Nơi nhận, each a line; signature: who signs.
      places: decimals shown for every figure.
      draft: nothing is decided yet: the document is marked DỰ THẢO.
    """

    header: Header
    title: str
    subject: str
    draft: bool
    addressee: str
    grounds: tuple[str, ...]
    intro: str
    groups: tuple[ProposalGroup, ...]
    empty: str
    closing: str
    recipients: tuple[str, ...]
    signature: Signature
    places: int


@dataclass(frozen=True, slots=True)
class BlocDocuments:
    """The three documents of one bloc-year, filed together.

    Attributes:
      score_sheet, minutes, proposal: the documents.
      year, bloc, bloc_name: the bloc-year.
      date: the review's date (the documents' date; None when not recorded).
    """

    score_sheet: ScoreSheet
    minutes: Minutes
    proposal: Proposal
    year: int
    bloc: str
    bloc_name: str
    date: dt.date | None
