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
class Section:
    """A numbered part of the minutes.

    Attributes:
      key: what it is about: ``attendance``, ``content``, ``votes``, ``decisions``, ``handover``.
      heading: ``I. THÀNH PHẦN`` …
      paragraphs: sentences before the list or tables.
      items: a numbered list (the units present).
      votes: vote tables.
      after: sentences after the list or tables.
    """

    key: str
    heading: str
    paragraphs: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    votes: tuple[VoteTable, ...] = ()
    after: tuple[str, ...] = ()


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


@dataclass(frozen=True, slots=True)
class RankRow:
    """A member's place in the province summary.

    Attributes:
      rank: 1, 2 … (None when not ranked); rank_text: ``2`` or ``2*`` when shared; tied: shared rank.
      name: the member's name; total: its total (None when not scored); band: its xếp loại.
      proposals: the award names proposed for it.
    """

    rank: int | None
    rank_text: str
    tied: bool
    name: str
    total: Decimal | None
    band: str
    proposals: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BlocSummary:
    """One bloc in the province summary.

    Attributes:
      no, bloc, name, member_count: the bloc.
      leading: the first-ranked member(s), joined with " = " when shared; leading_total: their total.
      awards: one line per award the bloc decided, or proposed when it has not decided
        (``Cờ thi đua của UBND tỉnh: Hội LHPN tỉnh``); decided: whether the bloc has decided.
      next_leader, next_deputy: who will lead and deputise next year (empty when not known).
      leader_word, deputy_word: what the bloc calls them (``Trưởng khối`` / ``Cụm trưởng`` …).
      detail_heading, detail_line: the heading and first sentence of the bloc's own part.
      rows: its members, in rank order; handover: a sentence, or empty.
      places: decimals shown for its figures.
    """

    no: int
    bloc: str
    name: str
    member_count: int
    leading: str
    leading_total: Decimal | None
    awards: tuple[str, ...]
    decided: bool
    next_leader: str
    next_deputy: str
    leader_word: str
    deputy_word: str
    detail_heading: str
    detail_line: str
    rows: tuple[RankRow, ...]
    handover: str
    places: int


@dataclass(frozen=True, slots=True)
class ProvinceSummary:
    """Bảng tổng hợp kết quả thi đua của tỉnh: every bloc of a year.

    Attributes:
      header, title, subject: as on every document.
      year, next_year: the year reported and the year the handover is for.
      blocs: one per bloc; province_heading: the heading of the province-level part (empty when none);
      province_proposals: sentences, one per proposal.
      province_misses_heading, province_misses: a heading, and sentences, one per unit not proposed.
      dates: the blocs' review dates (the workbook's date is the latest).
      draft: some bloc has not decided yet: the summary is marked DỰ THẢO.
      signature: who signs the summary; recipients: Nơi nhận.
      notes: sentences under the table (which blocs' figures are proposals, not decisions).
      bloc_column, leader_column, deputy_column: the table's headings (``Khối thi đua``, ``Trưởng khối năm
      2025`` …, a cụm's words when every bloc is a cụm, both when the province has both);
      results_heading, details_heading: the headings over the table and over each bloc's ranking.
    """

    header: Header
    title: str
    subject: str
    draft: bool
    year: int
    next_year: int
    bloc_column: str
    leader_column: str
    deputy_column: str
    results_heading: str
    details_heading: str
    blocs: tuple[BlocSummary, ...]
    province_heading: str
    province_proposals: tuple[str, ...]
    province_misses_heading: str
    province_misses: tuple[str, ...]
    dates: tuple[dt.date | None, ...]
    signature: Signature
    recipients: tuple[str, ...]
    notes: tuple[str, ...]
