"""What `score` shows, as rows of text: shared by the plain and the rich renderers."""

from __future__ import annotations

from dataclasses import dataclass

from thidua.core.numbers import vn_number
from thidua.core.results import BlocResult, YearResult
from thidua.documents.words import KHOI, group_word, in_words, names_in, words_for

HEADERS = ("Hạng", "Đơn vị", "Điểm", "Xếp loại", "Đề nghị")


@dataclass(frozen=True, slots=True)
class BlocView:
    title: str
    subtitle: str
    rows: tuple[tuple[str, ...], ...]
    proposals: tuple[str, ...]
    misses: tuple[str, ...]
    notes: tuple[str, ...]


def member_name(result: BlocResult, member_id: str) -> str:
    m = result.bloc_year.member(member_id)
    return m.name if m else member_id


def bloc_view(result: BlocResult) -> BlocView:
    by = result.bloc_year
    w, keep = words_for(by.kind), names_in(by)
    parts = []
    if by.leader:
        parts.append(f"{w.leader}: {member_name(result, by.leader.id)}")
    if by.deputy:
        parts.append(f"{w.deputy}: {member_name(result, by.deputy.id)}")
    if by.table is not None:
        parts.append(f"Bảng điểm: tối đa {vn_number(by.table.ceiling)} điểm")
    rows = []
    notes = []
    for r in result.ranked:
        t = r.total
        rank = "—" if not r.rank else f"{r.rank}*" if r.tied else str(r.rank)
        total = vn_number(t.total, result.scoring.places) if t.scored else "chưa chấm"
        if t.scored and not t.agreed:
            total += " (tự chấm)"
        if t.floored:
            total += " (tổng âm, tính bằng 0)"
        proposals = "; ".join(p.award_name for p in result.proposals_for(t.member.id))
        rows.append((rank, t.member.name, total, t.band or "", proposals))
        if r.tie_note and r.rank:
            notes.append(f"{t.member.name}: {r.tie_note}")
    if any(r.tied for r in result.ranked):
        notes.insert(0, "* đồng hạng")
    proposals = tuple(
        f"{p.award_name}: {member_name(result, p.member)} — {in_words(w, ', '.join(p.reasons), keep)}" for p in result.proposals
    )
    by_member: dict[str, list[str]] = {r.total.member.id: [] for r in result.ranked}
    for m in result.misses:  # one line per member, in rank order, its misses in award order
        by_member.setdefault(m.member, []).append(f"{m.award_name}: {in_words(w, m.reason, keep)}")
    by_member = {mid: reasons for mid, reasons in by_member.items() if reasons}
    misses = tuple(f"{member_name(result, mid)} — {'; '.join(reasons)}" for mid, reasons in by_member.items())
    awards = [a for a in result.awards if a.level == "bloc" and a.quota is not None]
    for a in awards:
        notes.append(f"Hạn mức {a.name}: {result.quota_text(a)}")
    return BlocView(f"{by.name} ({by.bloc}) — năm {by.year}", " · ".join(parts), tuple(rows),
                    proposals, misses, tuple(notes))


SUMMARY_HEADERS = ("Khối", "Đơn vị", "Dẫn đầu", "Điểm", "Đề nghị")


def summary_title(year: YearResult) -> str:
    return f"Tổng hợp năm {year.year}: {len(year.blocs)} {group_word(b.bloc_year.kind for b in year.blocs)}"


def summary_headers(year: YearResult) -> tuple[str, ...]:
    first = group_word(b.bloc_year.kind for b in year.blocs).capitalize()
    return (first, *SUMMARY_HEADERS[1:])


def province_rows(year: YearResult) -> tuple[tuple[str, ...], ...]:
    rows = []
    for b in year.blocs:
        lead = [r for r in b.ranked if r.rank == 1]
        lead_name = " = ".join(r.total.member.name for r in lead) or "—"
        lead_total = vn_number(lead[0].total.total, b.scoring.places) if lead else ""
        counts: dict[str, int] = {}
        for p in b.proposals:
            counts[p.award_name] = counts.get(p.award_name, 0) + 1
        rows.append((b.bloc_year.bloc, str(len(b.bloc_year.members)), lead_name, lead_total,
                     "; ".join(f"{n}: {c}" for n, c in counts.items())))
    return tuple(rows)


def shows_summary(year: YearResult) -> bool:
    """The table of the blocs is for more than one (with ``--bloc``, the one bloc is shown above it)."""
    return len(year.blocs) > 1


def bloc_title(by) -> str:
    """A bloc as a line names it: its name as written ("Khối thi đua MTTQ …", a cụm's "Khối …" too), with the
    bloc's word in front when the name starts with neither word ("MTTQ tỉnh" → "Khối thi đua MTTQ tỉnh")."""
    name = by.name or by.bloc
    return name if name.lower().startswith(("khối", "cụm")) else f"{words_for(by.kind).Bloc} thi đua {name}"


def province_lines(year: YearResult, names: dict[tuple[str, str], str]) -> tuple[str, ...]:
    words = {b.bloc_year.bloc: words_for(b.bloc_year.kind) for b in year.blocs}
    keep = {b.bloc_year.bloc: names_in(b.bloc_year) for b in year.blocs}  # a reason quotes its own bloc
    titles = {b.bloc_year.bloc: bloc_title(b.bloc_year) for b in year.blocs}
    out = []
    for p in year.province_proposals:
        w = words.get(p.bloc, KHOI)
        out.append(f"{p.award_name}: {names.get((p.bloc, p.member), p.member)} "
                   f"({titles.get(p.bloc) or f'{w.bloc} {p.bloc}'}) — "
                   f"{in_words(w, ', '.join(p.reasons), keep.get(p.bloc, ()))}")
    for m in year.province_misses:
        w = words.get(m.bloc, KHOI)
        out.append(f"Không đề nghị {m.award_name}: {names.get((m.bloc, m.member), m.member)} "
                   f"({titles.get(m.bloc) or f'{w.bloc} {m.bloc}'}) — {in_words(w, m.reason, keep.get(m.bloc, ()))}")
    return tuple(out)


def member_names(year: YearResult) -> dict[tuple[str, str], str]:
    return {(b.bloc_year.bloc, m.id): m.name for b in year.blocs for m in b.bloc_year.members}
