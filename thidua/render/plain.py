"""Plain-text tables for pipes and files (no colour, no box drawing, stable for golden tests)."""

from __future__ import annotations

from collections.abc import Sequence

from thidua.core.results import YearResult
from thidua.render.score_view import (
    HEADERS,
    bloc_view,
    member_names,
    province_lines,
    province_rows,
    shows_summary,
    summary_headers,
    summary_title,
)

NUMERIC = {"Hạng", "Điểm", "Đơn vị"}


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[bool] = ()) -> str:
    widths = [max(len(str(c)) for c in col) for col in zip(headers, *rows, strict=False)]
    right = list(right) + [False] * (len(headers) - len(right))

    def line(cells):
        out = [str(c).rjust(w) if r else str(c).ljust(w) for c, w, r in zip(cells, widths, right, strict=False)]
        return "  ".join(out).rstrip()

    return "\n".join([line(headers), line("-" * w for w in widths), *(line(r) for r in rows)])


def render_year(year: YearResult) -> str:
    parts = []
    for b in year.blocs:
        v = bloc_view(b)
        parts.append(v.title)
        if v.subtitle:
            parts.append(v.subtitle)
        parts.append("")
        parts.append(table(HEADERS, v.rows, (True, False, True, False, False)))
        if v.notes:
            parts.append("")
            parts.extend(v.notes)
        if v.proposals:
            parts.append("")
            parts.append("Đề nghị khen thưởng:")
            parts.extend(f"  • {p}" for p in v.proposals)
        if v.misses:
            parts.append("")
            parts.append("Chưa đủ điều kiện:")
            parts.extend(f"  • {m}" for m in v.misses)
        parts.append("")
    if shows_summary(year):
        parts.append(summary_title(year))
        parts.append("")
        parts.append(table(summary_headers(year), province_rows(year), (False, True, False, True, False)))
        parts.append("")
    lines = province_lines(year, member_names(year))
    if lines:
        parts.append("Cấp tỉnh:")
        parts.extend(f"  • {line}" for line in lines)
        parts.append("")
    return "\n".join(parts)
