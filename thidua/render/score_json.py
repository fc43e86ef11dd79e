"""The documented JSON structure of `thidua score --json` (numbers as numbers, stable order).

Schema (version 1)::

  {"version": 1, "year": 2024,
   "blocs": [{"bloc", "name", "year", "leader", "deputy",
              "table": {"id", "name", "max"} | null,
              "members": [{"rank" (0 = unscored), "tied", "id", "name", "total", "criteria",
                           "bonus", "deductions", "agreed", "scored", "band",
                           "groups": [{"id", "name", "points", "max"}],
                           "votes": {award: count},
                           "proposals": [{"award", "name", "reasons": [str]}],
                           "misses": [{"award", "name", "reason"}]}],
              "proposals": [{"award", "name", "member", "reasons"}]}],
   "province": {"proposals": [{"award", "name", "bloc", "member", "reasons"}],
                "misses": [{"award", "name", "bloc", "member", "reason"}]},
   "refused": [file], "findings": [{"file", "line", "col", "code", "name", "severity", "message", "hint"}]}
"""

from __future__ import annotations

from decimal import Decimal

from thidua.core.results import BlocResult, YearResult
from thidua.render.diagnostics import as_dict


def num(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def bloc_dict(b: BlocResult) -> dict:
    by = b.bloc_year
    members = []
    for r in b.ranked:
        t = r.total
        mid = t.member.id
        members.append({
            "rank": r.rank, "tied": r.tied, "id": mid, "name": t.member.name,
            "total": num(t.total) if t.scored else None, "criteria": num(t.criteria), "bonus": num(t.bonus),
            "deductions": num(t.deductions), "agreed": t.agreed, "scored": t.scored, "band": t.band,
            "groups": [{"id": s.id, "name": s.name, "points": num(s.points), "max": num(s.max)} for s in t.subtotals],
            "votes": {c.award: c.count for c in (by.votes.counts if by.votes else ()) if c.member.id == mid},
            "proposals": [{"award": p.award, "name": p.award_name, "reasons": list(p.reasons)}
                          for p in b.proposals_for(mid)],
            "misses": [{"award": m.award, "name": m.award_name, "reason": m.reason} for m in b.misses_for(mid)],
        })
    return {
        "bloc": by.bloc, "name": by.name, "year": by.year,
        "leader": by.leader.id if by.leader else None, "deputy": by.deputy.id if by.deputy else None,
        "table": {"id": by.table.id, "name": by.table.name, "max": num(by.table.ceiling)} if by.table else None,
        "members": members,
        "proposals": [{"award": p.award, "name": p.award_name, "member": p.member, "reasons": list(p.reasons)}
                      for p in b.proposals],
    }


def year_dict(year: YearResult, refused=(), findings=()) -> dict:
    return {
        "version": 1,
        "year": year.year,
        "blocs": [bloc_dict(b) for b in year.blocs],
        "province": {
            "proposals": [{"award": p.award, "name": p.award_name, "bloc": p.bloc, "member": p.member,
                           "reasons": list(p.reasons)} for p in year.province_proposals],
            "misses": [{"award": m.award, "name": m.award_name, "bloc": m.bloc, "member": m.member, "reason": m.reason}
                       for m in year.province_misses],
        },
        "refused": list(refused),
        "findings": [as_dict(d) for d in findings],
    }
