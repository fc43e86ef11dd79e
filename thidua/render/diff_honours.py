"""The awards received during the year (``honours:``) in `thidua diff`: the changes as text, and the facts
git's diff driver shows (thidua.render.diff_text uses both)."""

from __future__ import annotations

from thidua.core.changes import HonourChange, Named
from thidua.core.numbers import vn_number


def _n(value: int | None) -> str:
    return "—" if value is None else vn_number(value)


def _who(n: Named | None) -> str:
    return "—" if n is None else n.name


def honour_lines(changes: tuple[HonourChange, ...]) -> list[str]:
    """One line per award: ``Khen thưởng Bằng khen … (phong trào …): thêm tập thể …; tập thể 3 → 4``."""
    grouped: dict[str, list[str]] = {}
    for h in changes:
        head = f"{'Đề nghị khen thưởng' if h.proposed else 'Khen thưởng'} {h.award} ({h.campaign or 'thường xuyên'})"
        if h.kind == "collective":
            item = f"{'thêm' if h.change == 'added' else 'bỏ'} tập thể {_who(h.member)}"
        elif h.kind == "individual":
            unit = f" ({h.member.name})" if h.member else ""
            item = f"{'thêm' if h.change == 'added' else 'bỏ'} cá nhân {h.person}{unit}"
        else:
            item = f"{'tập thể' if h.kind == 'collectives' else 'cá nhân'} {_n(h.old)} → {_n(h.new)}"
        grouped.setdefault(head, []).append(item)
    return [f"{head}: {'; '.join(items)}" for head, items in grouped.items()]


def honour_facts(by, names: dict[str, str]) -> list[str]:
    """The awards received during the year, one line per award and one per recipient."""
    out = []
    for h in by.honours:
        parts = [h.award, h.campaign or "thường xuyên"]
        if h.proposed:
            parts.append(f"đề nghị, {h.proposed_by} đã trình")
        if h.decision is not None:
            d = h.decision
            parts.append(" ".join(x for x in ("QĐ", d.number, d.date.isoformat() if d.date else "", d.issuer) if x))
        out.append(f"Khen thưởng: {' — '.join(parts)}")
        out.extend(f"Khen thưởng · tập thể: {h.award} — {u} — {names.get(u, '?')}" for u in h.unit_ids)
        out.extend(f"Khen thưởng · cá nhân: {h.award} — {p.name}" + (f" — {p.unit.id}" if p.unit else "")
                   + (f" — {p.title}" if p.title else "") for p in h.people)
        if h.collective_count is not None or h.individual_count is not None:
            out.append(f"Khen thưởng · số lượng: {h.award} — tập thể {_n(h.collective_count)}, "
                       f"cá nhân {_n(h.individual_count)}")
    return out
