"""The year's earlier meetings, ký kết giao ước thi đua and sơ kết 6 tháng, as the year-end minutes
recall them in their content: when, where, how many units came, and what the file notes of them (pure).
"""

from __future__ import annotations

from thidua.documents.dates import short_date
from thidua.documents.facts import BlocFacts

MEETINGS = {"covenant": "Hội nghị ký kết giao ước thi đua năm {year}",
            "midyear": "Hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm {year}"}


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def year_meetings(facts: BlocFacts) -> tuple[str, ...]:
    """``Ngày 22/02/2024, tại …, Khối đã tổ chức Hội nghị ký kết giao ước thi đua năm 2024 (7/7 đơn vị
    thành viên dự).`` and the meeting's note, for each meeting recorded before the review."""
    by, w = facts.by, facts.words
    lines = []
    for kind, what in MEETINGS.items():
        event = by.event(kind)
        if event is None or (event.date and facts.date and event.date > facts.date):
            continue
        where = event.place or (facts.name(event.host.id) if event.host else "")
        lead = ", ".join(p for p in (f"Ngày {short_date(event.date)}" if event.date else "Trong năm",
                                     f"tại {where}" if where else "") if p)
        present = f" ({len(event.present)}/{len(by.members)} đơn vị thành viên dự)" if event.present else ""
        title = what.format(year=by.year)
        note = " ".join(event.note.split())
        if note.lower().startswith(title.lower() + ":"):  # the note names the meeting itself: one sentence
            lines.append(_sentence(f"{lead}, {w.Bloc} đã tổ chức {title}{present}{note[len(title):]}"))
            continue
        lines.append(f"{lead}, {w.Bloc} đã tổ chức {title}{present}.")
        if note:
            lines.append(_sentence(note))
    return tuple(lines)
