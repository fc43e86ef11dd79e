"""The province-level step: awards such as Cờ thi đua của Chính phủ, among the blocs' leading units.

Each bloc puts forward its leading unit (đơn vị dẫn đầu): the one it decided (``decided:`` the
award itself, or its ``from_award``), else the one the rules proposed for ``from_award``, else
its first-ranked eligible unit. The candidates are ordered by their share of their table's
maximum, then by their vote share, and taken within the quota, whose share is of a base written
in the rule (``of: blocs`` or ``of: proposed``). Nothing is settled by bloc id or by alphabet: a
bloc whose first place is tied, a disciplined first-ranked unit passed over, and candidates
tied across the last places are each flagged for the council (Hội đồng Thi đua - Khen thưởng).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from thidua.core.awards import Check, VoteShare, check_conditions, quota_base, quota_size, quota_text
from thidua.core.numbers import vn_number, vn_percent
from thidua.core.vnsort import sort_key
from thidua.model import AwardPolicy

COUNCIL = "Hội đồng Thi đua - Khen thưởng tỉnh"


@dataclass(frozen=True, slots=True)
class LeadingUnit:
    """A bloc's leading member, as the province-level step sees it.

    Attributes:
      rank: its rank in the bloc; source: ``decided`` (the bloc's recorded decision) or ``rules``.
      vote: its vote share for the award (or its ``from_award``) at the bloc's ballot, if any.
      note: what the council should know about how it became the candidate ("" when it simply led).
    """

    bloc: str
    bloc_name: str
    member: str
    member_name: str
    total: Decimal
    ceiling: Decimal
    proposed: frozenset[str]
    votes: tuple[tuple[str, int], ...]  # (award id, votes) at the bloc's ballot
    voters: int | None
    rank: int = 1
    source: str = "rules"
    vote: VoteShare | None = None
    note: str = ""

    def votes_for(self, award: AwardPolicy) -> int:
        counts = dict(self.votes)
        return counts.get(award.id, counts.get(award.from_award or "", 0))

    @property
    def share_of_max(self) -> Decimal:
        return self.total / self.ceiling if self.ceiling else Decimal(0)

    @property
    def merit(self) -> tuple[Fraction, Fraction]:
        """Share of the table's maximum, then vote share: larger is better, compared exactly."""
        score = Fraction(self.total) / Fraction(self.ceiling) if self.ceiling else Fraction(0)
        vote = Fraction(self.vote.votes, self.vote.base) if self.vote and self.vote.base else Fraction(-1)
        return score, vote


@dataclass(frozen=True, slots=True)
class ProvinceProposal:
    """A province-level proposal; besides the sentences, the facts as values: the unit's rank in
    its bloc, total and table maximum, where the candidacy came from (``source``), its place
    within ``quota`` of ``population`` (``base``: ``blocs`` or ``proposed``), and the notes the
    council should read (``council``)."""

    award: str
    award_name: str
    bloc: str
    member: str
    reasons: tuple[str, ...]
    rank: int = 1
    total: Decimal | None = None
    ceiling: Decimal | None = None
    source: str = "rules"
    place: int | None = None
    quota: int | None = None
    population: int = 0
    base: str = "blocs"
    council: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ProvinceMiss:
    """Why a bloc's unit is not proposed. ``kind``: ``not-proposed`` (its bloc did not propose it for
    ``from_award``), ``condition`` (it misses one of the award's conditions), ``bloc-tie`` (its bloc's
    first place is tied: a place is kept for the bloc, the bloc or the council chooses), ``tie`` (tied
    with other blocs' units across the last places: the council decides), ``quota`` (no place left)."""

    award: str
    award_name: str
    bloc: str
    member: str
    reason: str
    kind: str = ""
    tied_with: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Entry:
    """One bloc's candidacy: one unit, or several tied for its leading place."""

    bloc: str
    bloc_name: str
    units: tuple[LeadingUnit, ...]

    @property
    def merit(self) -> tuple[Fraction, Fraction]:
        return max(u.merit for u in self.units)


def _unit(result, r, source: str, vote: VoteShare | None, note: str = "") -> LeadingUnit:
    by = result.bloc_year
    mid = r.total.member.id
    counts = by.votes.counts if by.votes else ()
    return LeadingUnit(by.bloc, by.name, mid, r.total.member.name, r.total.total, by.table.ceiling,
                       frozenset(p.award for p in result.proposals_for(mid)),
                       tuple(sorted((c.award, c.count) for c in counts if c.member.id == mid)),
                       by.votes.voters if by.votes else None, r.rank, source, vote, note)


def _vote_of(result, mid: str, award: AwardPolicy) -> VoteShare | None:
    """The unit's vote share for ``from_award`` at the bloc level (its proposal's, else its miss's)."""
    wanted = award.from_award or award.id
    found = next((p.vote for p in result.proposals if p.award == wanted and p.member == mid), None)
    return found or next((m.vote for m in result.misses if m.award == wanted and m.member == mid), None)


def _scored(result) -> list:
    return [r for r in result.ranked if r.total.scored] if result.bloc_year.table is not None else []


def _conditions(award: AwardPolicy, result, r) -> Check:
    return check_conditions(award, r, result.bloc_year, result.scoring)


def bloc_entry(result, award: AwardPolicy, names: dict[str, str]) -> tuple[Entry | None, list[ProvinceMiss]]:
    """The bloc's candidacy for ``award`` and the misses found on the way."""
    by = result.bloc_year
    scored = _scored(result)
    if not scored:
        return None, []
    ranks = {r.total.member.id: r for r in scored}
    decided: dict[str, list[str]] = {}
    for d in (by.decided.awards if by.decided else ()):
        decided.setdefault(d.award, []).append(d.member.id)
    misses: list[ProvinceMiss] = []

    def miss(mid: str, reason: str, kind: str) -> None:
        misses.append(ProvinceMiss(award.id, award.name, by.bloc, mid, reason, kind))

    source, ids, tied = "rules", None, []
    if decided.get(award.id):
        source, ids = "decided", decided[award.id]
    elif award.from_award:
        if decided.get(award.from_award):
            source, ids = "decided", decided[award.from_award]
        else:
            ids = [p.member for p in result.proposals if p.award == award.from_award]
            tied = [m.member for m in result.misses if m.award == award.from_award and m.condition == "tie"]
    if ids is None:  # no from_award, nothing decided: the first-ranked eligible units
        return _first_eligible(result, award, scored, misses)
    nominated = [ranks[i] for i in ids if i in ranks] or [ranks[i] for i in tied if i in ranks]
    if not nominated:
        for r in scored:
            if r.rank == 1:
                miss(r.total.member.id, f"không được khối đề nghị {names.get(award.from_award, award.from_award)}",
                     "not-proposed")
        return None, misses
    best = min(r.rank for r in nominated)
    top = [r for r in nominated if r.rank == best]
    units = []
    for r in top:
        c = _conditions(award, result, r)
        if c.miss is not None:
            miss(r.total.member.id, c.miss, "condition")
            continue
        note = _passed_note(result, award, scored, best, names) if best != 1 else ""
        units.append(_unit(result, r, source, _vote_of(result, r.total.member.id, award), note))
    return (Entry(by.bloc, by.name, tuple(units)) if units else None), misses


def _passed_note(result, award: AwardPolicy, scored: list, best: int, names: dict[str, str]) -> str:
    """Why the bloc's first-ranked units are not its candidate (for the council to read)."""
    wanted = award.from_award
    parts = []
    for r in scored:
        if r.rank != 1:
            continue
        mid = r.total.member.id
        why = next((m.reason for m in result.misses if m.award == wanted and m.member == mid), None)
        parts.append(f"{r.total.member.name} ({why or 'không được khối đề nghị ' + names.get(wanted, wanted or '')})")
    return (f"đơn vị hạng nhất của khối không là ứng viên: {'; '.join(parts)}; đơn vị hạng {best} "
            f"là ứng viên, {COUNCIL} xem xét")


def _first_eligible(result, award: AwardPolicy, scored: list, misses: list) -> tuple[Entry | None, list]:
    by = result.bloc_year
    passed: list[str] = []
    for rank in sorted({r.rank for r in scored}):
        group = [r for r in scored if r.rank == rank]
        units = []
        for r in group:
            c = _conditions(award, result, r)
            if c.miss is None:
                units.append(r)
            elif rank == 1:
                misses.append(ProvinceMiss(award.id, award.name, by.bloc, r.total.member.id, c.miss, "condition"))
                passed.append(f"{r.total.member.name} ({c.miss})")
            else:
                passed.append(f"{r.total.member.name} ({c.miss})")
        if units:
            note = "" if rank == 1 else (f"đơn vị xếp trên không đủ điều kiện: {'; '.join(passed)}; đơn vị đủ "
                                         f"điều kiện kế tiếp (hạng {rank}) là ứng viên, {COUNCIL} xem xét")
            return Entry(by.bloc, by.name, tuple(_unit(result, r, "rules", _vote_of(result, r.total.member.id, award),
                                                       note) for r in units)), misses
    return None, misses


def population(results, award: AwardPolicy) -> tuple[int, str]:
    """(the count the quota's share is taken of, what it counts)."""
    base = quota_base(award.quota, "province")
    if base == "proposed" and award.from_award:
        n = 0
        for result in results:
            by = result.bloc_year
            decided = [d for d in (by.decided.awards if by.decided else ()) if d.award == award.from_award]
            n += len(decided) if decided else sum(1 for p in result.proposals if p.award == award.from_award)
        return n, base
    return sum(1 for result in results if _scored(result)), "blocs"


def _base_words(base: str, award: AwardPolicy, names: dict[str, str]) -> str:
    if base == "proposed":
        return f"đơn vị được đề nghị {names.get(award.from_award, award.from_award)}"
    return "đơn vị dẫn đầu khối"


def propose_province(results, awards: tuple[AwardPolicy, ...]) -> tuple[tuple[ProvinceProposal, ...],
                                                                        tuple[ProvinceMiss, ...]]:
    """Every province-level award among the blocs' leading units (see the module's docstring)."""
    names = {a.id: a.name for a in awards}
    proposals: list[ProvinceProposal] = []
    misses: list[ProvinceMiss] = []
    for award in awards:
        if award.level != "province":
            continue
        entries: list[Entry] = []
        for result in results:
            entry, found = bloc_entry(result, award, names)
            misses.extend(found)
            if entry is not None:
                entries.append(entry)
        count, base = population(results, award)
        size = quota_size(award.quota, count)
        limit = f"{quota_text(award.quota, count)} {_base_words(base, award, names)}"
        granted = 0
        for group in _merit_groups(entries):
            if size is not None and granted + len(group) > size:
                if granted < size:  # equal merit across the last places: the council decides
                    misses.extend(_edge_tie(award, group, size - granted))
                else:
                    misses.extend(ProvinceMiss(award.id, award.name, e.bloc, u.member, f"ngoài hạn mức ({limit})",
                                               "quota") for e in group for u in e.units)
                granted = size
                continue
            for e in group:
                granted += 1
                if len(e.units) > 1:
                    misses.extend(_bloc_tie(award, e, granted, size))
                    continue
                u = e.units[0]
                reasons = _reasons(u, award, names)
                if size is not None:
                    reasons.append(f"trong hạn mức {granted}/{size} ({limit})")
                council = (u.note,) if u.note else ()
                proposals.append(ProvinceProposal(award.id, award.name, e.bloc, u.member, (*reasons, *council),
                                                  u.rank, u.total, u.ceiling, u.source,
                                                  granted if size is not None else None, size, count, base, council))
    return tuple(proposals), tuple(misses)


def _reasons(u: LeadingUnit, award: AwardPolicy, names: dict[str, str]) -> list[str]:
    # Sentences a council member reads: the unit led its bloc with this many points, its bloc proposed it
    # (with the ballot), and where it stands in the quota (added by the caller).
    out = [f"dẫn đầu khối với {vn_number(u.total)}/{vn_number(u.ceiling)} điểm "
           f"({vn_percent(u.total, u.ceiling)} số điểm tối đa)"]
    if u.vote is None:
        out.append("được khối bình xét, đề nghị" if u.source == "decided" else "khối chưa ghi kết quả bình xét")
    else:
        prize = names.get(award.from_award or award.id, award.from_award or award.id)
        ballot = f"{u.vote.votes}/{u.vote.base} phiếu ({vn_percent(u.vote.votes, u.vote.base)})"
        out.append(f"được khối bình xét, đề nghị {prize} với {ballot}" if u.source == "decided"
                   else f"được {ballot} bầu {prize}, khối chưa ghi kết quả bình xét")
    return out


def _merit_groups(entries: list[Entry]) -> list[list[Entry]]:
    """Entries by merit, best first; equal merit together, in Vietnamese order of the bloc's name
    (an order to read them in, not a ranking)."""
    ordered = sorted(entries, key=lambda e: sort_key(e.bloc_name))
    ordered.sort(key=lambda e: e.merit, reverse=True)
    groups: list[list[Entry]] = []
    for e in ordered:
        if groups and groups[-1][0].merit == e.merit:
            groups[-1].append(e)
        else:
            groups.append([e])
    return groups


def _edge_tie(award: AwardPolicy, group: list[Entry], left: int) -> list[ProvinceMiss]:
    out = []
    blocs = [e.bloc for e in group]
    for e in group:
        for u in e.units:
            others = tuple(b for b in blocs if b != e.bloc)
            leaders = "; ".join(f"{x.units[0].member_name} ({x.bloc_name})" for x in group if x.bloc != e.bloc)
            out.append(ProvinceMiss(
                award.id, award.name, e.bloc, u.member,
                f"bằng tỷ lệ điểm ({vn_percent(u.total, u.ceiling)} số điểm tối đa) và tỷ lệ phiếu với {leaders} ở suất "
                f"cuối: còn {left} suất cho {len(group)} khối; {COUNCIL} quyết định",
                "tie", others))
    return out


def _bloc_tie(award: AwardPolicy, e: Entry, place: int, size: int | None) -> list[ProvinceMiss]:
    ids = [u.member for u in e.units]
    where = f"suất {place}/{size}" if size is not None else "một suất"
    names = {u.member: u.member_name for u in e.units}
    return [ProvinceMiss(award.id, award.name, e.bloc, u.member,
                         f"đồng hạng nhất khối với {', '.join(names[i] for i in ids if i != u.member)}, khối chưa chọn "
                         "đơn vị "
                         f"dẫn đầu: {where} dành cho khối, khối hoặc {COUNCIL} chọn một đơn vị", "bloc-tie",
                         tuple(i for i in ids if i != u.member))
            for u in e.units]
