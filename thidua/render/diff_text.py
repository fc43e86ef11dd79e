"""`thidua diff` as Vietnamese text, as JSON, and one bloc-year rendered for git's diff driver.

Renderers only read what thidua.core.compare and thidua.diffing computed (the records of
thidua.core.changes); they
never recompute a figure.

JSON (``thidua diff --json``), version 1::

  {"version": 1,
   "old": {"label": "HEAD~1", "commit": "<sha>"}, "new": {"label": "HEAD" | "thư mục làm việc", "commit": "<sha>" | null},
   "files": [{"path", "kind": "config" | "table" | "bloc-year",
              "status": "added" | "removed" | "modified" | "affected",
              "old_errors": [finding], "new_errors": [finding],
              "config_keys": [key],                                   # kind config
              "table": {"criteria": [criterion], "other": [key]},     # kind table, else null
              "bloc_year": {"bloc", "year", "name", "old_name", "status", "results_compared",
                            "members": [{"change", "member", "old_name", "predecessors": [named],
                                         "reason", "into": named | null}],
                            "roles": [{"role": "leader" | "deputy" | "next_leader" | "next_deputy",
                                       "old": named | null, "new": named | null}],
                            "criteria": [{"change", "id", "name", "old_name", "old_max", "new_max"}],
                            "scores": [{"member": named, "kind": "self" | "agreed" | "bonus" | "deductions"
                                                          | "self_bonus" | "self_deductions" | "total",
                                        "old", "new", "criterion", "criterion_name"}],
                            "votes": [{"award", "member": named | null, "old", "new"}],
                            "discipline": [{"change", "member": named, "reason"}],
                            "totals": [{"member": named, "old_total", "new_total", "old_rank", "new_rank",
                                        "old_tied", "new_tied", "old_band", "new_band"}],
                            "awards": [{"kind": "proposed" | "decided", "change": "added" | "removed",
                                        "award", "award_name", "member": named}],
                            "honours": [{"change": "added" | "removed" | "modified", "award", "campaign",
                                         "proposed", "kind": "collective" | "individual" | "collectives"
                                         | "individuals", "member": named | null, "person", "old", "new"}],
                            "handover": [{"role": "chair" | "deputy", "old": named | null, "new": named | null,
                                          "old_reason", "new_reason"}],
                            "other": [key]} | null}],               # null: a side could not be read
   "unchanged_meaning": [path], "errors": <number of files with errors>}

``named`` is ``{"id", "name"}``; ``finding`` is ``{"file", "line", "col", "code", "name", "severity", "message",
"hint"}``; numbers are numbers (rank 0: not ranked; null: absent or not scored). ``honours`` are the awards
received during the year (``honours:``): a recipient added or removed (``collective``: ``member`` is the unit;
``individual``: ``person`` and their unit), or how many (``collectives``, ``individuals``: named and counted
together, ``old`` → ``new``, null when the award is not on that side); ``campaign`` "" is thường xuyên.

The version changes when a key is removed or changes meaning; keys are added within a version (``honours``
was added in version 1).
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from thidua.core.changes import (
    BlocYearChange,
    CriterionChange,
    DiffRun,
    FileDiff,
    HandoverChange,
    MemberChange,
    Named,
    OneFile,
    TotalChange,
)
from thidua.core.handover import RULE_NAMES
from thidua.core.numbers import vn_date, vn_number
from thidua.diagnostics import Diagnostic
from thidua.render.diagnostics import TEXT_LABELS, as_dict
from thidua.render.diff_honours import honour_facts, honour_lines
from thidua.render.score_json import num

KIND_LABELS = {"self": "tự chấm", "agreed": "thống nhất"}
ROLE_LABELS = {"leader": "Trưởng khối", "deputy": "Phó khối",
               "next_leader": "Trưởng khối năm sau (khối quyết định)",
               "next_deputy": "Phó khối năm sau (khối quyết định)"}
REASONS = {"merged": "hợp nhất", "dissolved": "giải thể", "moved": "chuyển khối", "renamed": "đổi tên",
           "other": "lý do khác"}
STATUS = {"added": "tệp mới", "removed": "đã xóa", "modified": "đã sửa",
          "affected": "tệp không đổi; kết quả đổi theo thidua.yaml, bảng điểm hoặc năm trước"}


# -- JSON ---------------------------------------------------------------------------

def _jsonable(value):
    if isinstance(value, HandoverChange):  # the JSON contract says "chair" for the Trưởng khối (leader)
        doc = {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {**doc, "role": "chair" if value.role == "leader" else value.role}
    if isinstance(value, Decimal):
        return num(value)
    if isinstance(value, Diagnostic):
        return as_dict(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    return value


def diff_dict(run: DiffRun) -> dict:
    return {
        "version": 1,
        "old": {"label": run.old_label, "commit": run.old_commit},
        "new": {"label": run.new_label, "commit": run.new_commit},
        "files": [_jsonable(f) for f in run.files],
        "unchanged_meaning": list(run.unchanged_meaning),
        "errors": sum(1 for f in run.files if f.has_errors),
    }


# -- text ----------------------------------------------------------------------------

def _n(value: Decimal | int | None) -> str:
    return "—" if value is None else vn_number(value)


def _who(n: Named | None) -> str:
    return "—" if n is None else n.name


def _rank(rank: int | None, tied: bool) -> str:
    if rank is None:
        return "—"
    if rank == 0:
        return "chưa xếp hạng"
    return f"{rank} (đồng hạng)" if tied else str(rank)


def _side(label: str, commit: str | None) -> str:
    return f"{label} ({commit[:7]})" if commit else label


def _label(n: Named) -> str:
    return n.name if n.name == n.id else f"{n.name} ({n.id})"


def _member_line(c: MemberChange) -> str:
    m = _label(c.member)
    why = ""
    if c.reason:
        why = f" — {REASONS.get(c.reason, c.reason)}" + (f" vào {c.into.name}" if c.into else "")
    preds = ", ".join(_label(p) for p in c.predecessors)
    return {
        "added": f"Thêm đơn vị: {m}",
        "removed": f"Bớt đơn vị: {m}{why}",
        "renamed": f"Đổi tên {c.member.id}: {c.old_name} → {c.member.name}",
        "succeeded": f"Đơn vị mới {m} kế tục {preds}",
        "merged": f"Hợp nhất: {preds} → {m}",
        "departed": f"Ghi nhận rời khối: {m}{why}",
    }.get(c.change, f"{c.change}: {m}")


def _total_parts(t: TotalChange) -> list[str]:
    parts = []
    if t.old_total != t.new_total:
        parts.append(f"tổng {_n(t.old_total)} → {_n(t.new_total)}")
    if (t.old_rank, t.old_tied) != (t.new_rank, t.new_tied):
        parts.append(f"hạng {_rank(t.old_rank, t.old_tied)} → {_rank(t.new_rank, t.new_tied)}")
    if t.old_band != t.new_band:
        parts.append(f"xếp loại {t.old_band or '—'} → {t.new_band or '—'}")
    return parts


def _score_part(s) -> str:
    if s.kind in KIND_LABELS:
        return f"tiêu chí {s.criterion} ({KIND_LABELS[s.kind]}): {_n(s.old)} → {_n(s.new)}"
    what = {"bonus": "điểm thưởng", "deductions": "điểm trừ", "self_bonus": "điểm thưởng (tự đề xuất)",
            "self_deductions": "điểm trừ (tự đề xuất)", "total": "tổng ghi trên biên bản"}[s.kind]
    return f"{what}: {_n(s.old)} → {_n(s.new)}"


def criterion_lines(criteria: tuple[CriterionChange, ...]) -> list[str]:
    out = []
    for k in criteria:
        if k.change == "added":
            out.append(f"Thêm tiêu chí {k.id} {k.name}: tối đa {_n(k.new_max)}")
        elif k.change == "removed":
            out.append(f"Bỏ tiêu chí {k.id} {k.name}")
        else:
            name = f"{k.old_name} → {k.name}" if k.old_name != k.name else k.name
            out.append(f"Tiêu chí {k.id} {name}: tối đa {_n(k.old_max)} → {_n(k.new_max)}")
    return out


def bloc_year_lines(c: BlocYearChange) -> list[str]:
    """One line per fact, each readable on its own."""
    out: list[str] = []
    if c.name != c.old_name:
        out.append(f"Tên khối: {c.old_name} → {c.name}")
    new_file = c.status != "modified"
    if not new_file:
        continued = {p.id for m in c.members for p in m.predecessors}  # told by the merger line
        out.extend(_member_line(m) for m in c.members if not (m.change == "removed" and m.member.id in continued))
        out.extend(f"{ROLE_LABELS[r.role]}: {_who(r.old)} → {_who(r.new)}" for r in c.roles)
    else:
        roles = {r.role: (r.new if c.status == "added" else r.old) for r in c.roles}
        count = sum(1 for m in c.members if m.change in ("added", "succeeded", "merged")) \
            if c.status == "added" else sum(1 for m in c.members if m.change == "removed")
        out.append(f"{count} đơn vị; Trưởng khối {_who(roles.get('leader'))}; Phó khối {_who(roles.get('deputy'))}")
        out.extend(_member_line(m) for m in c.members if m.change in ("merged", "succeeded", "departed"))
    out.extend(criterion_lines(c.criteria))
    # one line per member: its changed figures, then its total and rank
    per_member: dict[str, tuple[str, list[str]]] = {}
    if not new_file:
        for s in c.scores:
            per_member.setdefault(s.member.id, (s.member.name, []))[1].append(_score_part(s))
    for t in c.totals if c.status != "removed" else ():
        parts = _total_parts(t)
        if parts:
            per_member.setdefault(t.member.id, (t.member.name, []))[1].extend(parts)
    out.extend(f"{name}, {'; '.join(parts)}" if parts and parts[0].startswith("tiêu chí")
               else f"{name}: {'; '.join(parts)}" for name, parts in per_member.values())
    for v in c.votes if not new_file else ():
        if v.member is None:
            out.append(f"Số người bỏ phiếu: {_n(v.old)} → {_n(v.new)}")
        else:
            out.append(f"Phiếu {v.award} cho {v.member.name}: {_n(v.old)} → {_n(v.new)}")
    for d in c.discipline:
        verb = {"added": "thêm", "removed": "bỏ", "modified": "sửa"}[d.change]
        out.append(f"Kỷ luật: {verb} {d.member.name}" + (f" ({d.reason})" if d.reason else ""))
    grouped: dict[tuple[str, str], list[str]] = {}
    for a in c.awards:
        verb = "thêm" if a.change == "added" else "bỏ"
        grouped.setdefault((a.kind, a.award_name), []).append(f"{verb} {a.member.name}")
    for (kind, name), items in grouped.items():
        head = "Đề nghị theo quy định" if kind == "proposed" else "Khối đã quyết định"
        out.append(f"{head} {name}: {', '.join(items)}")
    out.extend(honour_lines(c.honours))
    for h in c.handover:
        role = "Trưởng khối" if h.role == "leader" else "Phó khối"
        out.append(f"Đề xuất {role} năm {c.year + 1}: {_who(h.old)} → {_who(h.new)}"
                   + (f" ({h.new_reason})" if h.new is not None and h.new_reason else ""))
    if c.other:
        out.append(f"Thay đổi khác: {', '.join(c.other)}")
    if c.status == "modified" and not c.results_compared:
        out.append("Chưa so sánh tổng điểm, xếp hạng và đề xuất: một phiên bản có lỗi")
    return out


def _finding(d) -> str:
    return f"{d.source}: {TEXT_LABELS[d.severity]} {d.code}: {d.message}"


def file_lines(f: FileDiff, run: DiffRun) -> list[str]:
    status = STATUS[f.status]
    body: list[str] = []
    if f.kind == "config":
        head = f"{f.path} — quy định của tỉnh ({status})"
        if f.config_keys:
            body.append(f"Các mục thay đổi: {', '.join(f.config_keys)} (ảnh hưởng tính vào từng khối-năm bên dưới)")
    elif f.kind == "table":
        head = f"{f.path} — bảng chấm điểm dùng chung ({status})"
        if f.table is not None:
            body.extend(criterion_lines(f.table.criteria))
            if f.table.other:
                body.append(f"Thay đổi khác: {', '.join(f.table.other)}")
    else:
        c = f.bloc_year
        title = f"{c.name}, năm {c.year}" if c else "khối-năm"
        head = f"{f.path} — {title} ({status})"
        if c is not None:
            body.extend(bloc_year_lines(c))
    for label, commit, errors in ((run.old_label, run.old_commit, f.old_errors),
                                  (run.new_label, run.new_commit, f.new_errors)):
        if errors:
            body.append(f"Có lỗi ở {_side(label, commit)}:")
            body.extend(f"  {_finding(d)}" for d in errors)
    return [head, *(f"  {line}" for line in body)]


def render_diff(run: DiffRun) -> str:
    out = [f"So sánh {_side(run.old_label, run.old_commit)} → {_side(run.new_label, run.new_commit)}", ""]
    for f in run.files:
        out.extend(file_lines(f, run))
        out.append("")
    if run.unchanged_meaning:
        out.append(f"Chỉ đổi cách viết hoặc chú thích (ý nghĩa không đổi): {', '.join(run.unchanged_meaning)}")
        out.append("")
    if not run.files:
        out.append("Không có thay đổi nào về dữ liệu thi đua.")
    else:
        errors = sum(1 for f in run.files if f.has_errors)
        out.append(f"{len(run.files)} tệp thay đổi" + (f", {errors} tệp có lỗi" if errors else ""))
    return "\n".join(out) + "\n"


# -- git's diff driver (textconv) ------------------------------------------------------------

def textconv_text(one: OneFile) -> str:
    """A normalized rendering of one bloc-year: one self-describing line per fact, so `git diff` shows meaning.

    A file that cannot be read is shown as its findings followed by its text, unchanged.
    """
    by = one.bloc_year
    errors = [d for d in one.findings if d.is_error]
    if by is None or (errors and one.result is None and not by.members):
        lines = ["# thidua: tệp không đọc được như một tệp khối-năm"]
        lines.extend(f"# dòng {d.source.line}:{d.source.col}: {d.code}: {d.message}" for d in errors)
        return "\n".join(lines) + "\n" + one.text + ("" if one.text.endswith("\n") else "\n")
    names = {m.id: m.name for m in by.members}

    def who(ref) -> str:
        return f"{ref.id} — {names.get(ref.id, '?')}" if ref is not None else "—"

    out = [f"Khối: {by.bloc} — {by.name} — năm {by.year}"]
    if by.number:
        out.append(f"Số văn bản: {by.number}")
    out.append(f"Trưởng khối: {who(by.leader)}")
    out.append(f"Phó khối: {who(by.deputy)}")
    for m in by.members:
        extra = []
        if m.short:
            extra.append(f"tên ngắn {m.short}")
        if m.joined:
            extra.append(f"vào khối {vn_date(m.joined)}")
        if m.left:
            extra.append(f"rời khối {vn_date(m.left)}")
        if m.predecessors:
            extra.append("kế tục " + ", ".join(p.id for p in m.predecessors))
        out.append(f"Thành viên: {m.id} — {m.name}" + (f" ({'; '.join(extra)})" if extra else ""))
    for d in by.departures:
        into = f" vào {d.into.id}" if d.into else ""
        when = f" ngày {vn_date(d.date)}" if d.date else ""
        out.append(f"Rời khối: {d.member.id} — {REASONS.get(d.reason, d.reason)}{into}{when}")
    if by.rotation is not None:
        out.append(f"Luân phiên: {RULE_NAMES.get(by.rotation.kind, by.rotation.kind)}" + (f" — {', '.join(r.id for r in by.rotation.order)}"
                                                       if by.rotation.order else ""))
    for e in by.events:
        label = {"covenant": "Ký kết", "midyear": "Sơ kết", "review": "Tổng kết"}.get(e.kind, e.kind)
        out.append(f"Mốc: {label} {vn_date(e.date) if e.date else '—'}" + (f" — {e.place}" if e.place else ""))
    if by.table is not None:
        source = by.criteria_ref.id if by.criteria_ref else "viết trong tệp"
        out.append(f"Bảng điểm: {by.table.name} ({source}) — tối đa {_n(by.table.ceiling)}")
    crit = {c.id: c.name for c in by.table.leaves()} if by.table else {}
    for s in by.scores:
        mid = s.member.id
        agreed = {p.criterion: p.points for p in s.agreed}
        own = {p.criterion: p.points for p in s.self_points}
        order = [c for c in crit if c in agreed or c in own] + sorted((set(agreed) | set(own)) - set(crit))
        for cid in order:
            parts = []
            if cid in own:
                parts.append(f"tự chấm {_n(own[cid])}")
            if cid in agreed:
                parts.append(f"thống nhất {_n(agreed[cid])}")
            out.append(f"Điểm: {mid} · {cid} {crit.get(cid, '')}".rstrip() + f": {' · '.join(parts)}")
        for adj, label in ((s.bonus, "thưởng"), (s.deductions, "trừ"), (s.self_bonus, "thưởng (tự đề xuất)"),
                           (s.self_deductions, "trừ (tự đề xuất)")):
            for a in adj:
                out.append(f"Điểm {label}: {mid} · {_n(a.points)}" + (f" — {a.reason}" if a.reason else ""))
        if s.asserted_total is not None:
            out.append(f"Tổng ghi trên biên bản: {mid} · {_n(s.asserted_total)}")
    if one.result is not None:
        for r in one.result.ranked:
            t = r.total
            if not t.scored:
                out.append(f"Xếp hạng: {t.member.id} — chưa có điểm")
                continue
            out.append(f"Xếp hạng: {_rank(r.rank, r.tied)} — {t.member.id} — {t.member.name} — tổng {_n(t.total)}"
                       + (f" — {t.band}" if t.band else "") + ("" if t.agreed else " — tự chấm"))
        for p in one.result.proposals:
            out.append(f"Đề nghị theo quy định: {p.award_name} — {p.member} — {names.get(p.member, '')}")
    elif errors:
        out.append("# thidua: chưa tính tổng, xếp hạng vì tệp có lỗi:")
        out.extend(f"# dòng {d.source.line}:{d.source.col}: {d.code}: {d.message}" for d in errors)
    if by.votes is not None:
        out.append(f"Bỏ phiếu: {_n(by.votes.voters)} người bỏ phiếu")
        out.extend(f"Phiếu: {c.award} · {c.member.id} · {c.count}" for c in by.votes.counts)
    out.extend(f"Kỷ luật: {d.member.id}" + (f" — {d.reason}" if d.reason else "") for d in by.discipline)
    if by.decided is not None:
        out.extend(f"Khối quyết định: {a.award} — {a.member.id} — {names.get(a.member.id, '')}"
                   for a in by.decided.awards)
        if by.decided.next_leader:
            out.append(f"Khối quyết định Trưởng khối năm {by.year + 1}: {by.decided.next_leader.id}")
        if by.decided.next_deputy:
            out.append(f"Khối quyết định Phó khối năm {by.year + 1}: {by.decided.next_deputy.id}")
        if by.decided.note:
            out.append(f"Ghi chú quyết định: {' '.join(by.decided.note.split())}")
    out.extend(honour_facts(by, names))
    if by.note:
        out.append(f"Ghi chú: {' '.join(by.note.split())}")
    return "\n".join(out) + "\n"

