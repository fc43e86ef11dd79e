"""What the province summary says (tong-hop-tinh), as typed frozen records: the blocs' results, the
province-level proposals and the awards received, built once and laid out by every format (see
:mod:`thidua.documents.records` for the bloc's documents and the parts they share)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from thidua.documents.records import Header, Signature


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
      honours_heading: ``Khen thưởng trong năm:`` (empty when the bloc-year records no honours).
      honours: the awards its members received during the year, one sentence per campaign.
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
    honours_heading: str = ""
    honours: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class HonourCount:
    """One line of the province summary's kết quả khen thưởng: a bloc, or the total.

    Attributes:
      no: row number (None on the total line); name: the bloc's name, or ``Tổng cộng``.
      collectives, individuals: awards received during the year (lượt: a unit awarded twice counts twice).
      proposed_collectives, proposed_individuals: proposed to a higher level, not decided yet.
      proposed_text: those proposals as words (``01 cá nhân``), empty when none.
    """

    no: int | None
    name: str
    collectives: int
    individuals: int
    proposed_collectives: int
    proposed_individuals: int
    proposed_text: str


@dataclass(frozen=True, slots=True)
class HonourSummary:
    """Kết quả khen thưởng của các khối: what the blocs' members received during the year, added up.

    Attributes:
      heading: ``KẾT QUẢ KHEN THƯỞNG TRONG NĂM CỦA CÁC KHỐI THI ĐUA`` (the province's words: khối, cụm or
        both); intro: the totals as a sentence.
      rows: one per bloc that records its awards; total: their sum.
      notes: sentences under the table (the blocs that record none).
    """

    heading: str
    intro: str
    rows: tuple[HonourCount, ...]
    total: HonourCount
    notes: tuple[str, ...]


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
      honours: the awards the blocs' members received during the year (None when no bloc records any).
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
    honours: HonourSummary | None = None
