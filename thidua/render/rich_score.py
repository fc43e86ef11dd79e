"""`score` on a terminal: rich tables. Imported only when stdout is a terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

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


def print_year(year: YearResult, console: Console) -> None:
    for b in year.blocs:
        v = bloc_view(b)
        t = Table(title=v.title, caption=v.subtitle, title_style="bold", show_lines=False)
        for h in HEADERS:
            t.add_column(h, justify="right" if h in ("Hạng", "Điểm") else "left",
                         overflow="fold", style="bold green" if h == "Đề nghị" else None)
        for row in v.rows:
            t.add_row(*row)
        console.print(t)
        for n in v.notes:
            console.print(f"[dim]{n}[/dim]", highlight=False)
        if v.proposals:
            console.print("[bold]Đề nghị khen thưởng:[/bold]")
            for p in v.proposals:
                console.print(f"  • {p}", highlight=False)
        if v.misses:
            console.print("[bold]Chưa đủ điều kiện:[/bold]")
            for m in v.misses:
                console.print(f"  • {m}", highlight=False, style="dim")
        console.print()
    if shows_summary(year):
        t = Table(title=summary_title(year), title_style="bold")
        for h in summary_headers(year):
            t.add_column(h, justify="right" if h in ("Điểm", "Đơn vị") else "left", overflow="fold")
        for row in province_rows(year):
            t.add_row(*row)
        console.print(t)
    lines = province_lines(year, member_names(year))
    if lines:
        console.print("[bold]Cấp tỉnh:[/bold]")
        for line in lines:
            console.print(f"  • {line}", highlight=False)
