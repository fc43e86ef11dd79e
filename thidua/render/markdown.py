"""The report documents as Markdown, and the document context both report formats read.

``bloc_context`` and ``province_context`` turn the scored model (BlocResult,
YearResult, Handover) into plain dicts of text and Decimals: the one description of
what the documents say. The Jinja2 templates (bundled in ``thidua.templates``, or a
data root's own ``templates/`` folder, which overrides them by file name) render it
as Markdown; thidua.render.xlsx lays the same context out as a workbook. Nothing
here computes a figure: totals, ranks, bands and proposals come from the core.

jinja2 is imported only in this module, and only when a template is rendered.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from thidua.core.handover import Handover
from thidua.core.numbers import share_text, vn_number, vn_percent
from thidua.core.results import BlocResult, YearResult
from thidua.core.vnsort import sort_key
from thidua.errors import ThiduaError
from thidua.model import BlocYear, Config
from thidua.render.dates import date_text, place_date_line, short_date

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
BLOC_TEMPLATE = "bao-cao-khoi.md.j2"
PROVINCE_TEMPLATE = "tong-hop-tinh.md.j2"
TEMPLATES_DIR = "templates"  # a data root's own templates, overriding the bundled ones by name

# -- the document context ------------------------------------------------------


def province_label(province: str) -> str:
    """``Khánh Hòa`` → ``tỉnh Khánh Hòa``; a name that already says tỉnh / thành phố is kept."""
    lowered = province.lower()
    if not province or lowered.startswith(("tỉnh ", "thành phố ", "tp ", "tp.")):
        return province
    return f"tỉnh {province}"


def _name(by: BlocYear, member_id: str | None) -> str:
    if not member_id:
        return ""
    m = by.member(member_id)
    return m.name if m else member_id


def _review(by: BlocYear) -> dict[str, Any]:
    event = by.event("review")
    date = event.date if event else None
    present_ids = [r.id for r in event.present] if event else []
    present = [_name(by, i) for i in present_ids]
    absent = [m.name for m in by.members if present_ids and m.id not in present_ids]
    return {
        "date": date,
        "date_text": date_text(date),
        "short_date": short_date(date),
        "place": event.place if event else "",
        "host": _name(by, event.host.id) if event and event.host else "",
        "present": present,
        "absent": absent,
        "present_count": len(present),
        "member_count": len(by.members),
        "note": event.note if event else "",
    }


def _row_note(r) -> str:
    t = r.total
    notes = []
    if r.tie_note:
        notes.append(r.tie_note)
    if t.scored and not t.agreed:
        notes.append("điểm tự chấm, chưa thống nhất")
    return "; ".join(notes)


def _rows(result: BlocResult) -> list[dict[str, Any]]:
    rows = []
    for i, r in enumerate(result.ranked, start=1):
        t = r.total
        rows.append({
            "no": i,
            "id": t.member.id,
            "name": t.member.name,
            "rank": r.rank or None,
            "rank_text": "" if not r.rank else f"{r.rank}*" if r.tied else str(r.rank),
            "tied": r.tied,
            "scored": t.scored,
            "agreed": t.agreed,
            "groups": [s.points for s in t.subtotals] if t.scored else [None for _ in t.subtotals],
            "criteria": t.criteria if t.scored else None,
            "bonus": t.bonus if t.scored else None,
            "deductions": t.deductions if t.scored else None,
            "total": t.total if t.scored else None,
            "band": t.band or "",
            "note": _row_note(r),
            "proposals": [p.award_name for p in result.proposals_for(t.member.id)],
        })
    return rows


def _award_order(result: BlocResult) -> list[tuple[str, str, Decimal | None]]:
    """(id, name, vote threshold) of the bloc's awards, in the configured order."""
    return [(a.id, a.name, a.vote_threshold) for a in result.awards if a.level == "bloc"]


def _votes(result: BlocResult) -> list[dict[str, Any]]:
    by = result.bloc_year
    votes = by.votes
    if votes is None:
        return []
    voters = votes.voters or 0
    known = _award_order(result)
    ids = [a for a, _, _ in known] + sorted({c.award for c in votes.counts} - {a for a, _, _ in known})
    names = {a: n for a, n, _ in known}
    thresholds = {a: t for a, _, t in known}
    out = []
    for award in ids:
        counts = [c for c in votes.counts if c.award == award]
        if not counts:
            continue
        counts.sort(key=lambda c: sort_key(_name(by, c.member.id)))
        counts.sort(key=lambda c: -c.count)
        out.append({
            "award": award,
            "name": names.get(award, award),
            "threshold": share_text(thresholds[award]) if thresholds.get(award) is not None else "",
            "rows": [{"name": _name(by, c.member.id), "count": c.count,
                      "share": vn_percent(c.count, voters) if voters else ""} for c in counts],
        })
    return out


def _proposals(result: BlocResult) -> list[dict[str, Any]]:
    by = result.bloc_year
    ranked = {r.total.member.id: r for r in result.ranked}
    order = [a for a, _, _ in _award_order(result)]
    groups: dict[str, dict[str, Any]] = {}
    for p in sorted(result.proposals, key=lambda p: order.index(p.award) if p.award in order else len(order)):
        group = groups.setdefault(p.award, {"award": p.award, "name": p.award_name, "members": []})
        r = ranked.get(p.member)
        group["members"].append({
            "id": p.member,
            "name": _name(by, p.member),
            "total": r.total.total if r else None,
            "rank": r.rank if r else None,
            "band": (r.total.band or "") if r else "",
            "reasons": list(p.reasons),
        })
    return list(groups.values())


def _handover(by: BlocYear, handover: Handover | None) -> dict[str, Any] | None:
    """The proposal (``chair``, ``deputy`` with reasons) and what the bloc recorded in ``decided:``.

    ``next_chair``/``next_deputy`` are who will serve: the decision where recorded, else the proposal.
    """
    if handover is None:
        return None
    h = handover
    return {
        "year": h.year,
        "next_year": h.next_year,
        "rule": h.rule.kind,
        "rule_name": h.rule_name,
        "chair": _name(by, h.leader),
        "deputy": _name(by, h.deputy),
        "chair_reason": h.leader_reason,
        "deputy_reason": h.deputy_reason,
        "eligible": [_name(by, i) for i in h.eligible],
        "decided": bool(h.decided_leader or h.decided_deputy),
        "decided_chair": _name(by, h.decided_leader),
        "decided_deputy": _name(by, h.decided_deputy),
        "matches": h.decided_leader == h.leader and h.decided_deputy == h.deputy,
        "next_chair": _name(by, h.decided_leader or h.leader),
        "next_deputy": _name(by, h.decided_deputy or h.deputy),
    }


def bloc_context(result: BlocResult, handover: Handover | None, config: Config) -> dict[str, Any]:
    """Everything the three documents of one bloc-year say (score sheet, minutes, proposal)."""
    by = result.bloc_year
    review = _review(by)
    place = config.place or config.province
    table = by.table
    leader = _name(by, by.leader.id) if by.leader else ""
    return {
        "kind": "bloc",
        "province": config.province,
        "province_label": province_label(config.province),
        "place": place,
        "year": by.year,
        "bloc": {"id": by.bloc, "name": by.name, "member_count": len(by.members),
                 "leader": leader, "deputy": _name(by, by.deputy.id) if by.deputy else ""},
        "header": {
            "parent": "",
            "issuer": by.name.upper(),
            "nation": NATION,
            "motto": MOTTO,
            "date_line": place_date_line(place, review["date"]),
        },
        "number": {
            "minutes": f"Số: {by.number}" if by.number else "Số:     /BB-KTĐ",
            "proposal": "Số:     /TTr-KTĐ",
            "minutes_ref": by.number,
        },
        "review": review,
        "places": result.scoring.places,
        "table": {
            "name": table.name if table else "",
            "ceiling": table.ceiling if table else None,
            "groups": [{"id": g.id, "name": g.name, "max": g.ceiling} for g in table.groups] if table else [],
            "bonus_cap": table.bonus_cap if table else None,
            "deduction_cap": table.deduction_cap if table else None,
        },
        "rows": _rows(result),
        "scored_count": sum(1 for r in result.ranked if r.total.scored),
        "tied": any(r.tied for r in result.ranked),
        "bands": [{"name": b.name, "min": b.min} for b in result.scoring.bands],
        "voters": by.votes.voters if by.votes else None,
        "votes": _votes(result),
        "proposals": _proposals(result),
        "handover": _handover(by, handover),
        "signature": {"on_behalf": "TM. KHỐI THI ĐUA", "title": "TRƯỞNG KHỐI", "unit": leader},
        "addressee": f"Hội đồng Thi đua - Khen thưởng {province_label(config.province)}".strip(),
        "recipients": [f"Hội đồng Thi đua - Khen thưởng {province_label(config.province)}".strip(),
                       f"Ban Thi đua - Khen thưởng {province_label(config.province)}".strip(),
                       "Các đơn vị thành viên Khối", "Lưu: VT"],
    }


def province_context(year: YearResult, handovers: dict[str, Handover | None], config: Config) -> dict[str, Any]:
    """The province summary of a year: every bloc's ranking, proposals and next chair."""
    place = config.place or config.province
    names = {(b.bloc_year.bloc, m.id): m.name for b in year.blocs for m in b.bloc_year.members}
    blocs = []
    for b in year.blocs:
        by = b.bloc_year
        leaders = [r for r in b.ranked if r.rank == 1]
        blocs.append({
            "id": by.bloc,
            "name": by.name,
            "member_count": len(by.members),
            "places": b.scoring.places,
            "ceiling": by.table.ceiling if by.table else None,
            "review": _review(by),
            "leaders": [{"name": r.total.member.name, "total": r.total.total} for r in leaders],
            "rows": _rows(b),
            "proposals": _proposals(b),
            "handover": _handover(by, handovers.get(by.bloc)),
        })
    return {
        "kind": "province",
        "province": config.province,
        "province_label": province_label(config.province),
        "place": place,
        "year": year.year,
        "header": {
            "parent": f"Sở Nội vụ {province_label(config.province)}".strip().upper(),
            "issuer": "BAN THI ĐUA - KHEN THƯỞNG",
            "nation": NATION,
            "motto": MOTTO,
            "date_line": place_date_line(place, None),
        },
        "number": "Số:     /BC-TĐKT",
        "blocs": blocs,
        "province_proposals": [
            {"award": p.award, "name": p.award_name, "bloc": p.bloc,
             "bloc_name": next((b.bloc_year.name for b in year.blocs if b.bloc_year.bloc == p.bloc), p.bloc),
             "member": names.get((p.bloc, p.member), p.member), "reasons": list(p.reasons)}
            for p in year.province_proposals
        ],
        "province_misses": [
            {"award": m.award, "bloc": m.bloc, "member": names.get((m.bloc, m.member), m.member), "reason": m.reason}
            for m in year.province_misses
        ],
    }


# -- Markdown ------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\|*_`\[\]<>#])")
_NEWLINES = re.compile(r"\r\n|\r|\n")


def md(value: Any) -> str:
    """Text safe in a Markdown paragraph or table cell.

    Backslash-escapes ``\\ | * _ ` [ ] < > #`` and turns line breaks into ``<br>``,
    so a unit called "A | B *C*" cannot split a table row or turn bold.
    """
    if value is None:
        return ""
    text = _MD_SPECIAL.sub(r"\\\1", str(value))
    return _NEWLINES.sub("<br>", text)


def vn(value: Decimal | int | None, places: int | None = None) -> str:
    """A number with a decimal comma (95,5; with ``places``: 95,50); empty for None."""
    if value is None or value == "":
        return ""
    return vn_number(value, places)


def bundled_templates() -> Path:
    """The folder of the templates shipped with thidua (the ``thidua.templates`` package)."""
    try:
        from importlib.resources import files

        return Path(str(files("thidua.templates")))
    except ModuleNotFoundError:  # a source tree used without installing: templates/ beside thidua/
        return Path(__file__).resolve().parents[2] / TEMPLATES_DIR


def template_dirs(root: Path | None) -> list[Path]:
    """Where templates are looked up, first match wins: the data root's templates/, then the bundled ones."""
    dirs = []
    if root is not None and (root / TEMPLATES_DIR).is_dir():
        dirs.append(root / TEMPLATES_DIR)
    bundled = bundled_templates()
    if not any(d.resolve() == bundled.resolve() for d in dirs):
        dirs.append(bundled)
    return dirs


def environment(dirs: Sequence[Path]):
    """A sandboxed Jinja2 environment: templates a data root brings cannot reach Python internals."""
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(
        loader=FileSystemLoader([str(d) for d in dirs], encoding="utf-8"),
        autoescape=False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["md"] = md
    env.filters["vn"] = vn
    env.filters["date"] = short_date
    return env


def render(template: str, context: dict[str, Any], root: Path | None = None) -> str:
    """Render ``template`` with ``context``; a broken template is a ThiduaError naming file and line."""
    from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    dirs = template_dirs(root)
    env = environment(dirs)
    try:
        text = env.get_template(template).render(context)
    except TemplateNotFound as exc:
        raise ThiduaError(f"không tìm thấy mẫu '{exc.name}' (tìm trong {', '.join(str(d) for d in dirs)})") from None
    except TemplateSyntaxError as exc:
        raise ThiduaError(f"mẫu {exc.filename or exc.name}:{exc.lineno}: lỗi cú pháp Jinja2: {exc.message}") from None
    except SecurityError as exc:
        raise ThiduaError(f"mẫu {_where(exc, template)}: thao tác không được phép trong môi trường an toàn "
                          f"({exc})") from None
    except UndefinedError as exc:
        raise ThiduaError(f"mẫu {_where(exc, template)}: dữ liệu không có giá trị này ({exc.message})") from None
    except TemplateError as exc:
        raise ThiduaError(f"mẫu {_where(exc, template)}: {exc.message or exc}") from None
    text = unicodedata.normalize("NFC", text)
    return text if text.endswith("\n") else text + "\n"


def _where(exc: BaseException, template: str) -> str:
    """``file.md.j2:LINE`` of the template line that failed (Jinja2 maps its frames to template lines)."""
    tb = exc.__traceback__
    found = template
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(".j2"):
            found = f"{name}:{tb.tb_lineno}"
        tb = tb.tb_next
    return found


def render_bloc(context: dict[str, Any], root: Path | None = None) -> bytes:
    return render(BLOC_TEMPLATE, context, root).encode("utf-8")


def render_province(context: dict[str, Any], root: Path | None = None) -> bytes:
    return render(PROVINCE_TEMPLATE, context, root).encode("utf-8")
