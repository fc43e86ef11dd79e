"""`thidua history --bloc B`: a bloc year by year: chair and deputy, each member's total and rank, awards.

JSON (``--json``), version 1::

  {"version": 1, "bloc": "mttq", "name": "<latest name>",
   "years": [{"year", "file", "name", "leader": named | null, "deputy": named | null,
              "scored": bool, "errors": [finding],
              "members": [{"id", "name", "total", "rank", "tied", "band", "agreed"}],
              "decided": [{"award", "award_name", "member": named}],
              "proposed": [{"award", "award_name", "member": named}],
              "honours": [honour]}],
   "members": [{"key", "name", "former_names": [str], "merged_from": [key],
                "years": [{"year", "id", "name", "total", "rank", "tied", "leader", "deputy",
                           "honours": [{"award", "campaign", "proposed", "person": str | null}]}]}]}

``named`` is ``{"id", "name"}``; ``total`` null and ``rank`` 0 when not scored (or the year has errors).
Members are followed through renames (same id, or one predecessor); a merger starts a new row that
names the rows it continues (``merged_from``).

``honour`` is an award the bloc's members received during the year (``honours:`` of the file)::

  {"award", "level", "campaign", "proposed", "proposed_by",
   "decision": {"number", "date": "YYYY-MM-DD" | null, "issuer"} | null,
   "collectives": [named], "individuals": [{"name", "title", "unit": named | null}],
   "count": {"collectives": int | null, "individuals": int | null},
   "total": {"collectives": int, "individuals": int}}

``campaign`` is "" for khen thưởng thường xuyên; ``total`` counts named and counted recipients together.
A member's ``honours`` are the awards given to it (``person`` null) or to one of its people.

The version changes when a key is removed or changes meaning; keys are added within a version (``honours``
was added in version 1).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from thidua.cli.common import JsonOption, RootOption, handles_errors, resolve_root, use_color
from thidua.cli.output import json_text

if TYPE_CHECKING:
    from thidua.core.results import BlocResult
    from thidua.diagnostics import Diagnostic
    from thidua.model import BlocYear


@dataclass(frozen=True, slots=True)
class YearEntry:
    year: int
    file: str
    bloc_year: BlocYear | None
    result: BlocResult | None  # None when the year has errors
    errors: tuple[Diagnostic, ...]
    award_names: dict[str, str]


def load_history(root: Path, bloc: str) -> list[YearEntry]:
    """Every year of ``bloc``, scored when it has no errors (the checks `score` runs)."""
    from thidua.evaluation import evaluate
    from thidua.loading.load import Workspace
    from thidua.loading.root import bloc_year_path, require_bloc, years_of

    require_bloc(root, bloc)
    ws = Workspace(root)
    config, config_diags = ws.config()
    out = []
    for year in years_of(root, bloc):
        ev = evaluate(ws, bloc_year_path(root, bloc, year), score=True)
        errors = tuple(d for d in [*config_diags, *ev.findings] if d.is_error)
        awards = ev.settings.awards if ev.settings else config.awards
        out.append(YearEntry(year, ev.name, ev.bloc_year, ev.result, errors, {a.id: a.name for a in awards}))
    return out


def _named(by, member_id: str | None) -> dict | None:
    if member_id is None:
        return None
    m = by.member(member_id)
    return {"id": member_id, "name": m.name if m else member_id}


def _cells(entry: YearEntry) -> dict[str, dict]:
    from thidua.render.score_json import num

    if entry.result is None:
        return {}
    return {r.total.member.id: {"total": num(r.total.total) if r.total.scored else None, "rank": r.rank,
                                "tied": r.tied, "band": r.total.band, "agreed": r.total.agreed}
            for r in entry.result.ranked}


def history_dict(bloc: str, entries: list[YearEntry]) -> dict:
    from thidua.core.honours import by_member
    from thidua.core.lineage import follow
    from thidua.render.diagnostics import as_dict

    # A file whose 'year:' is broken or disagrees with its name cannot be placed in the history.
    built = [e for e in entries if e.bloc_year is not None and e.bloc_year.year == e.year]
    cells = {e.year: _cells(e) for e in entries}
    by_year = {e.year: e.bloc_year for e in built}
    years = []
    for e in entries:
        by = e.bloc_year
        c = cells[e.year]
        years.append({
            "year": e.year, "file": e.file, "name": by.name if by else None,
            "leader": _named(by, by.leader.id) if by and by.leader else None,
            "deputy": _named(by, by.deputy.id) if by and by.deputy else None,
            "scored": e.result is not None, "errors": [as_dict(d) for d in e.errors],
            "members": [{"id": m.id, "name": m.name, **c.get(m.id, {"total": None, "rank": 0, "tied": False,
                                                                      "band": None, "agreed": False})}
                        for m in (by.members if by else ())],
            "decided": [{"award": a.award, "award_name": e.award_names.get(a.award, a.award),
                         "member": _named(by, a.member.id)} for a in (by.decided.awards if by and by.decided else ())],
            "proposed": [{"award": p.award, "award_name": p.award_name, "member": _named(by, p.member)}
                         for p in (e.result.proposals if e.result else ())],
            "honours": [_honour(by, h) for h in (by.honours if by else ())],
        })
    received = {e.year: by_member(e.bloc_year) for e in built}
    members = []
    for t in follow([e.bloc_year for e in built]):
        rows = []
        for year, mid, name in t.years:
            by = by_year[year]
            c = cells[year].get(mid, {})
            rows.append({"year": year, "id": mid, "name": name, "total": c.get("total"), "rank": c.get("rank", 0),
                         "tied": c.get("tied", False),
                         "leader": bool(by.leader and by.leader.id == mid),
                         "deputy": bool(by.deputy and by.deputy.id == mid),
                         "honours": [{"award": x.honour.award, "campaign": x.honour.campaign,
                                      "proposed": x.honour.proposed, "person": x.person.name if x.person else None}
                                     for x in received[year].get(mid, ())]})
        members.append({"key": t.key, "name": t.name, "former_names": list(t.former_names),
                        "merged_from": list(t.merged_from), "years": rows})
    latest = built[-1].bloc_year.name if built else bloc
    return {"version": 1, "bloc": bloc, "name": latest, "years": years, "members": members}


def _honour(by, h) -> dict:
    d = h.decision
    return {
        "award": h.award, "level": h.level, "campaign": h.campaign, "proposed": h.proposed,
        "proposed_by": h.proposed_by,
        "decision": {"number": d.number, "date": d.date.isoformat() if d.date else None, "issuer": d.issuer}
        if d else None,
        "collectives": [_named(by, u) for u in h.unit_ids],
        "individuals": [{"name": p.name, "title": p.title, "unit": _named(by, p.unit.id) if p.unit else None}
                        for p in h.people],
        "count": {"collectives": h.collective_count, "individuals": h.individual_count},
        "total": {"collectives": h.collectives_total, "individuals": h.individuals_total},
    }


HONOURS_TITLE = "Khen thưởng các đơn vị đã nhận trong năm"


def honour_table(doc: dict) -> tuple[tuple[str, ...], list[tuple[str, ...]]] | None:
    """(headers, rows): per year, each member's awards (to the unit, or to its people by name), then the
    recipients a source counted without naming them; None when no year records honours."""
    from thidua.documents.honours import counts_text

    rows = []
    for y in doc["years"]:
        names = {m["id"]: m["name"] for m in y["members"]}
        # member → award → (the unit itself awarded, the names of its people awarded)
        per_member: dict[str, dict[tuple[str, bool], tuple[list[bool], list[str]]]] = {}
        unnamed = []
        for h in y["honours"]:
            award = (h["award"], h["proposed"])
            for u in h["collectives"]:
                per_member.setdefault(u["id"], {}).setdefault(award, ([], []))[0].append(True)
            for p in h["individuals"]:
                if p["unit"] is not None:
                    per_member.setdefault(p["unit"]["id"], {}).setdefault(award, ([], []))[1].append(p["name"])
            hidden = counts_text(h["total"]["collectives"] - len(h["collectives"]),
                                 h["total"]["individuals"] - len(h["individuals"]))
            if hidden:
                unnamed.append(f"{h['award']}{' (đề nghị)' if h['proposed'] else ''}: {hidden}")
        order = [m["id"] for m in y["members"]]
        for mid in sorted(per_member, key=lambda i: order.index(i) if i in order else len(order)):
            items = []
            for (award, proposed), (unit, people) in per_member[mid].items():
                who = ((["đề nghị"] if proposed else []) + (["tập thể"] if unit else [])
                       + ([f"cá nhân: {', '.join(people)}"] if people else []))
                items.append(f"{award} ({'; '.join(who)})")
            rows.append((str(y["year"]), names.get(mid, mid), "; ".join(items)))
        if unnamed:
            rows.append((str(y["year"]), "(không ghi tên)", "; ".join(unnamed)))
    if not rows:
        return None
    return ("Năm", "Đơn vị", "Khen thưởng đã nhận"), rows


def _awards_text(items: list[dict]) -> str:
    grouped: dict[str, list[str]] = {}
    for a in items:
        grouped.setdefault(a["award_name"], []).append(a["member"]["name"])
    return "; ".join(f"{name}: {', '.join(who)}" for name, who in grouped.items())


def history_tables(doc: dict) -> tuple[str, tuple, list, tuple, list, list[str]]:
    """(title, year headers, year rows, member headers, member rows, notes): shared by plain and rich output."""
    from thidua.core.numbers import vn_number

    years = doc["years"]
    first, last = (years[0]["year"], years[-1]["year"]) if years else (None, None)
    span = "chưa có năm nào" if not years else f"năm {first}" if first == last else f"{first}–{last}"
    title = f"{doc['name']} ({doc['bloc']}): lịch sử {span}"
    year_headers = ("Năm", "Trưởng khối", "Phó khối", "Khối đã quyết định", "Đề nghị theo quy định")
    year_rows = []
    for y in years:
        if y["name"] is None:
            year_rows.append((str(y["year"]), f"(tệp không đọc được: {len(y['errors'])} lỗi)", "", "", ""))
            continue
        proposed = _awards_text(y["proposed"]) if y["scored"] else f"(chưa chấm: {len(y['errors'])} lỗi)"
        year_rows.append((str(y["year"]), y["leader"]["name"] if y["leader"] else "—",
                          y["deputy"]["name"] if y["deputy"] else "—", _awards_text(y["decided"]), proposed))
    member_headers = ("Đơn vị", *(str(y["year"]) for y in years))
    member_rows = []
    notes = []
    keys = {m["key"]: m["name"] for m in doc["members"]}
    for m in doc["members"]:
        cells = {}
        for r in m["years"]:
            role = " T" if r["leader"] else " P" if r["deputy"] else ""
            if r["total"] is None:
                cells[r["year"]] = "—" + role
            else:
                rank = f"{r['rank']}{'=' if r['tied'] else ''}"
                cells[r["year"]] = f"{vn_number(r['total'])} ({rank}){role}"
        label = m["name"]
        if m["former_names"]:
            label += f" (trước đây: {', '.join(m['former_names'])})"
        if m["merged_from"]:
            notes.append(f"{m['name']}: hợp nhất từ {', '.join(keys.get(k, k) for k in m['merged_from'])}")
        member_rows.append((label, *(cells.get(y["year"], "") for y in years)))
    notes.append("Ô: tổng điểm (hạng); = đồng hạng; T Trưởng khối, P Phó khối; — chưa có điểm.")
    return title, year_headers, year_rows, member_headers, member_rows, notes


def history_text(doc: dict) -> str:
    from thidua.render.plain import table

    title, yh, yr, mh, mr, notes = history_tables(doc)
    parts = [title, "", table(yh, yr, (True,)), "", table(mh, mr, (False, *([True] * (len(mh) - 1)))), ""]
    if (honours := honour_table(doc)) is not None:
        parts.extend([HONOURS_TITLE, "", table(*honours, (True,)), ""])
    parts.extend(notes)
    return "\n".join(parts) + "\n"


def print_history(doc: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    title, yh, yr, mh, mr, notes = history_tables(doc)
    console = Console(highlight=False)
    tables = [(yh, yr, title), (mh, mr, "Tổng điểm và hạng theo năm")]
    if (honours := honour_table(doc)) is not None:
        tables.append((*honours, HONOURS_TITLE))
    for headers, rows, heading in tables:
        t = Table(title=heading, title_style="bold")
        for i, h in enumerate(headers):
            t.add_column(h, justify="right" if (headers is mh and i) or (headers is not mh and i == 0) else "left",
                         overflow="fold")
        for row in rows:
            t.add_row(*row)
        console.print(t)
    for n in notes:
        console.print(f"[dim]{n}[/dim]", highlight=False)


@handles_errors
def history(
    bloc: Annotated[str, typer.Option("--bloc", "-b", help="Mã khối, ví dụ mttq.")],
    root: RootOption = None,
    as_json: JsonOption = False,
) -> None:
    """Lịch sử một khối qua các năm: Trưởng khối, Phó khối, tổng điểm và hạng của từng đơn vị, khen thưởng.

    Đơn vị đổi tên hoặc hợp nhất được theo dõi qua 'predecessors' và 'departures'. Năm có lỗi vẫn được
    liệt kê (không chấm điểm) và lệnh trả mã thoát 1.

    Example: thidua history --bloc mttq --root examples/bac-kan
    """
    from thidua.cli.score_cmd import print_findings
    from thidua.diagnostics import sorted_diagnostics

    data_root = resolve_root(root)
    entries = load_history(data_root, bloc)
    doc = history_dict(bloc, entries)
    if as_json:
        sys.stdout.write(json_text(doc))
    elif use_color():
        print_history(doc)
    else:
        sys.stdout.write(history_text(doc))
    errors = sorted_diagnostics(d for e in entries for d in e.errors)
    if not as_json:
        print_findings(errors)
    raise typer.Exit(1 if errors else 0)
