"""Kết quả khen thưởng: what the bloc's members received during the year, as the documents say it (pure).

The minutes get a section (per campaign, each award with its number of collectives and
individuals and the names recorded); the province summary adds the blocs up. The figures are
the core's (thidua.core.honours); every sentence is phrased here. Numbers below ten take a
leading zero in running text, as the blocs' reports write them ("06 tập thể, 01 cá nhân").
"""

from __future__ import annotations

from thidua.core.honours import AwardTally, HonourTotals, tally, totals
from thidua.core.numbers import vn_number
from thidua.documents.dates import short_date
from thidua.documents.facts import BlocFacts
from thidua.documents.province_records import HonourCount, HonourSummary
from thidua.documents.records import HonourGroup, HonourRow, Section
from thidua.documents.words import group_word
from thidua.model import BlocYear, HonourDecision

HEADING = "KẾT QUẢ KHEN THƯỞNG TRONG NĂM"
BLOC_HEADING = "Khen thưởng trong năm:"
REGULAR = "Khen thưởng thường xuyên"


def number_text(n: int, what: str, times: bool = False) -> str:
    """``06 tập thể``, ``16 cá nhân``, ``1.250 lượt cá nhân``; empty for 0."""
    if not n:
        return ""
    figure = f"{n:02d}" if n < 10 else vn_number(n)
    return f"{figure} {'lượt ' if times else ''}{what}"


def counts_text(collectives: int, individuals: int, times: bool = False) -> str:
    """``06 tập thể, 16 cá nhân`` (the parts that are not 0; empty when both are)."""
    parts = [number_text(collectives, "tập thể", times), number_text(individuals, "cá nhân", times)]
    return ", ".join(p for p in parts if p)


def decision_text(d: HonourDecision) -> str:
    """``Quyết định số 1234/QĐ-UBND ngày 10/6/2021 của Chủ tịch UBND tỉnh`` (what is known of it)."""
    parts = ["Quyết định"]
    if d.number:
        parts.append(f"số {d.number}")
    if d.date:
        parts.append(f"ngày {short_date(d.date)}")
    if d.issuer:
        parts.append(f"của {d.issuer}")
    return " ".join(parts)


def award_label(a: AwardTally) -> str:
    if a.proposed:
        return f"{a.award} ({', '.join(a.proposed_by)} đã trình, chưa có quyết định)"
    return a.award


def _campaign(text: str) -> str:
    return text[:1].upper() + text[1:] if text else REGULAR


def _who(p, name) -> str:
    """``Nguyễn Văn An (Chuyên viên Hội Liên hiệp Phụ nữ tỉnh)``."""
    role = " ".join(x for x in (p.title, name(p.unit.id) if p.unit else "") if x)
    return f"{p.name} ({role})" if role else p.name


def _row(no: int, a: AwardTally, name) -> HonourRow:
    label = award_label(a)
    names = []
    if a.unit_ids:
        names.append(f"Tập thể: {', '.join(name(u) for u in a.unit_ids)}.")
    if a.people:
        names.append("Cá nhân: " + "; ".join(_who(p, name) for p in a.people) + ".")
    hidden = counts_text(a.unnamed_collectives, a.unnamed_individuals)
    unnamed = f"Không ghi tên: {hidden}." if hidden else ""
    decisions = tuple(dict.fromkeys(decision_text(d) for d in a.decisions))
    return HonourRow(
        no=no, award_name=a.award, label=label, proposed=a.proposed,
        collectives=a.collectives, individuals=a.individuals,
        decisions=decisions, names=tuple(names), unnamed=unnamed,
        details=(*decisions, *names, *((unnamed,) if unnamed else ())),
    )


def honour_groups(by: BlocYear, name) -> tuple[HonourGroup, ...]:
    """The year's awards per campaign; ``name`` gives a member's name from its id."""
    return tuple(HonourGroup(c.campaign, f"{i}. {_campaign(c.campaign)}:",
                             tuple(_row(j, a, name) for j, a in enumerate(c.awards, start=1)))
                 for i, c in enumerate(tally(by.honours), start=1))


def _totals_phrase(t: HonourTotals) -> str:
    parts = []
    if received := counts_text(t.collectives, t.individuals, times=True):
        parts.append(f"{received} được khen thưởng")
    if proposed := counts_text(t.proposed_collectives, t.proposed_individuals, times=True):
        parts.append(f"{proposed} được đề nghị cấp trên khen thưởng")
    return " và ".join(parts)


def honours_section(facts: BlocFacts) -> Section | None:
    """The minutes' "kết quả khen thưởng trong năm" (None when the bloc-year records no honours)."""
    by, w = facts.by, facts.words
    if not by.honours:
        return None
    phrase = _totals_phrase(totals(by.honours))
    intro = (f"Năm {by.year}, trong {w.Bloc} có {phrase}, cụ thể như sau:" if phrase else
             f"Năm {by.year}, các tập thể, cá nhân trong {w.Bloc} được khen thưởng (chưa ghi số lượng):")
    return Section("honours", HEADING, (intro,), honours=honour_groups(by, facts.name))


def summary_lines(facts: BlocFacts) -> tuple[str, ...]:
    """One sentence per campaign, its awards with their numbers, for the bloc's part of the province summary
    (``Khen thưởng thường xuyên: Cờ thi đua của UBND tỉnh 01 tập thể.``)."""
    return tuple(
        f"{_campaign(g.campaign)}: "
        + "; ".join(f"{r.label} {counts_text(r.collectives, r.individuals) or 'chưa ghi số lượng'}" for r in g.rows)
        + "." for g in honour_groups(facts.by, facts.name))


def _count(no: int | None, name: str, t: HonourTotals) -> HonourCount:
    return HonourCount(no, name, t.collectives, t.individuals, t.proposed_collectives, t.proposed_individuals,
                       counts_text(t.proposed_collectives, t.proposed_individuals))


def honour_summary(year: int, blocs: tuple[BlocYear, ...]) -> HonourSummary | None:
    """The blocs' honours added up, per bloc and in total (None when no bloc records any), in the province's
    words (khối, cụm, or both)."""
    recorded = [by for by in blocs if by.honours]
    if not recorded:
        return None
    many = group_word(by.kind for by in blocs)
    rows = tuple(_count(i, by.name, totals(by.honours)) for i, by in enumerate(recorded, start=1))
    grand = sum((totals(by.honours) for by in recorded), HonourTotals())
    phrase = _totals_phrase(grand)
    intro = (f"Năm {year}, {len(recorded)}/{len(blocs)} {many} ghi kết quả khen thưởng trong năm: "
             f"{phrase or 'chưa ghi số lượng'}.")
    missing = [by.name for by in blocs if not by.honours]
    notes = (f"Chưa ghi kết quả khen thưởng trong năm: {'; '.join(missing)}.",) if missing else ()
    return HonourSummary(f"{HEADING} CỦA CÁC {many.upper()} THI ĐUA", intro, rows, _count(None, "Tổng cộng", grand), notes)
