"""Biên bản họp bình xét: the year-end meeting as a biên bản says it (NĐ 30/2020, pure).

When, where, who chaired and who took the minutes, the units present and absent, the
content, the secret ballot's result per award, what the meeting decided (or, in a draft,
what the rules propose for it to vote on), the handover, the closing time, two signatures.
"""

from __future__ import annotations

import dataclasses

from thidua.core.awards import quota_size
from thidua.core.numbers import share_text, vn_number
from thidua.core.vnsort import sort_key
from thidua.documents.bloc import document_header, number_line
from thidua.documents.dates import date_text
from thidua.documents.facts import BlocFacts
from thidua.documents.honours import honours_section
from thidua.documents.meetings import year_meetings
from thidua.documents.phrases import DOTS, clock, percent, person, quota_reached
from thidua.documents.records import Minutes, Section, Signature, VoteRow, VoteTable
from thidua.documents.words import in_words, names_in

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")


def minutes(facts: BlocFacts) -> Minutes:
    by, w = facts.by, facts.words
    review = facts.review
    place = review.place if review and review.place else DOTS
    opening = (f"Vào lúc {clock(review.start if review else '')}, {date_text(facts.date)}, tại {place}, "
               f"{by.name} tổ chức Hội nghị tổng kết công tác thi đua, bình xét khen thưởng năm {by.year}.")
    honours = honours_section(facts)
    parts = [_attendance(facts), _content(facts), *([honours] if honours else []), _votes(facts), _decisions(facts)]
    if facts.handover is not None:
        parts.append(_handover(facts))
    sections = tuple(dataclasses.replace(s, heading=f"{ROMAN[i]}. {s.heading}") for i, s in enumerate(parts))
    end = f"Hội nghị kết thúc vào lúc {clock(review.end if review else '')} cùng ngày."
    if facts.draft:
        closing = (end, f"Dự thảo biên bản lập từ số liệu của {w.Bloc}, để Hội nghị xem xét, sửa đổi và "
                   "thông qua./.")
    else:
        closing = (end, "Biên bản đã được đọc lại trước Hội nghị và được các đơn vị dự họp nhất trí thông qua./.")
    chair_lines = (w.on_behalf, w.LEADER)
    if facts.chair is not None and facts.chair.unit and by.leader and facts.chair.unit != facts.name(by.leader.id):
        chair_lines = ("CHỦ TRÌ",)
    return Minutes(
        header=document_header(facts, number_line(by.number, "BB", facts)),
        title="BIÊN BẢN",
        subject=f"Hội nghị tổng kết công tác thi đua, bình xét khen thưởng năm {by.year}",
        draft=facts.draft, opening=opening, sections=sections, closing=closing,
        signatures=(Signature(("THƯ KÝ",), facts.secretary.name if facts.secretary else ""),
                    Signature(chair_lines, facts.chair.name if facts.chair else "")),
    )


def _attendance(facts: BlocFacts) -> Section:
    by, w = facts.by, facts.words
    review = facts.review
    leader_unit = facts.name(by.leader.id) if by.leader else ""
    chair = facts.chair
    who = [f"Chủ trì: {person(chair.name, chair.title, chair.unit) if chair else person('', '', leader_unit)}"
           + (f" ({w.leader})" if leader_unit and (chair is None or chair.unit in ("", leader_unit)) else "") + ".",
           f"Thư ký: {person(facts.secretary.name, facts.secretary.title, facts.secretary.unit) if facts.secretary else person('')}."]
    present_ids = [r.id for r in review.present] if review else []
    voters = by.votes.voters if by.votes is not None else None
    if not present_ids and by.members and voters == len(by.members):
        # not listed, but every member cast a ballot, and a unit votes only where it attends: all were there
        return Section("attendance", "THÀNH PHẦN THAM DỰ",
                       (*who, f"Các đơn vị thành viên dự họp ({voters}/{len(by.members)} đơn vị: cả {voters} đơn vị bỏ phiếu):"),
                       items=tuple(m.name for m in by.members), after=("Vắng: không.",))
    if not present_ids:
        return Section("attendance", "THÀNH PHẦN THAM DỰ", (
            *who, f"Các đơn vị thành viên của {w.Bloc} ({len(by.members)} đơn vị), số đơn vị dự họp: "
                  f"……/{len(by.members)}:"), items=tuple(m.name for m in by.members))
    absent = [m.name for m in by.members if m.id not in present_ids]
    return Section("attendance", "THÀNH PHẦN THAM DỰ",
                   (*who, f"Các đơn vị thành viên dự họp ({len(present_ids)}/{len(by.members)} đơn vị):"),
                   items=tuple(facts.name(i) for i in present_ids),
                   after=(f"Vắng: {', '.join(absent)}.",) if absent else ("Vắng: không.",))


def _content(facts: BlocFacts) -> Section:
    by, w = facts.by, facts.words
    scored = [r for r in facts.result.ranked if r.total.scored]
    if not scored:
        return Section("content", "NỘI DUNG", (
            f"Hội nghị nghe báo cáo tổng kết công tác thi đua năm {by.year} của {w.Bloc}; các đơn vị tự chấm "
            "điểm, chấm chéo và thống nhất kết quả chấm điểm (Bảng tổng hợp kèm theo, điền tại Hội nghị).",
            *year_meetings(facts)))
    verb = "thống nhất" if facts.decided else "xem xét"
    lines = [f"Hội nghị nghe báo cáo tổng kết công tác thi đua năm {by.year} của {w.Bloc} và {verb} kết quả "
             f"chấm điểm thi đua của {len(scored)} đơn vị (Bảng tổng hợp kèm theo).", *year_meetings(facts)]
    first = [r.total for r in facts.result.ranked if r.rank == 1]
    if first:
        names = " và ".join(t.member.name for t in first)
        band = f", xếp loại {first[0].band}" if first[0].band else ""
        together = " cùng" if len(first) > 1 else ""
        lines.append(f"{names}{together} dẫn đầu {w.Bloc} với {vn_number(first[0].total, facts.result.scoring.places)}"
                     f" điểm{band}.")
    return Section("content", "NỘI DUNG", tuple(lines))


def vote_tables(facts: BlocFacts) -> tuple[VoteTable, ...]:
    """Each award's ballot result, in the configured order (awards not configured after, by id)."""
    by = facts.by
    votes = by.votes
    if votes is None:
        return ()
    known = {a.id: a for a in facts.result.awards if a.level == "bloc"}
    ids = list(known) + sorted({c.award for c in votes.counts} - set(known))
    base = votes.voters
    out = []
    for award in ids:
        counts = [c for c in votes.counts if c.award == award]
        if not counts:
            continue
        counts.sort(key=lambda c: sort_key(facts.name(c.member.id)))
        counts.sort(key=lambda c: -c.count)
        policy = known.get(award)
        name = policy.name if policy else award
        need = f" (cần từ {share_text(policy.vote_threshold)} số phiếu trở lên)" \
            if policy and policy.vote_threshold is not None else ""
        rows = []
        for j, c in enumerate(counts, start=1):
            exact, text = percent(c.count, base)
            rows.append(VoteRow(no=j, name=facts.name(c.member.id), count=c.count, base=base, share=exact,
                                count_text=f"{c.count}/{base}" if base is not None else str(c.count), share_text=text))
        out.append(VoteTable(award, name, f"{len(out) + 1}. {name}{need}:", tuple(rows)))
    return tuple(out)


def _votes(facts: BlocFacts) -> Section:
    by = facts.by
    tables = vote_tables(facts)
    if not tables:
        return Section("votes", "KẾT QUẢ BỎ PHIẾU BÌNH XÉT", (
            "Hội nghị bỏ phiếu kín bình xét, suy tôn các danh hiệu; số đơn vị bỏ phiếu: ……/"
            f"{len(by.members)} (kết quả ghi tại Hội nghị).",))
    return Section("votes", "KẾT QUẢ BỎ PHIẾU BÌNH XÉT", (
        f"Hội nghị bỏ phiếu kín bình xét, suy tôn các danh hiệu; số đơn vị bỏ phiếu: "
        f"{by.votes.voters}/{len(by.members)}. Kết quả:",), votes=tables)


def _vote_phrase(facts: BlocFacts, award: str, member: str) -> str:
    votes = facts.by.votes
    if votes is None or not any(c.award == award for c in votes.counts):
        return ""
    n = votes.count(award, member)
    return f" ({n}/{votes.voters} phiếu, {percent(n, votes.voters)[1]})" if votes.voters else ""


def awarded(facts: BlocFacts) -> list[tuple[str, list[str]]]:
    """(award id, member ids) the documents propose: the bloc's decision, else the rules' proposal."""
    order = [a.id for a in facts.result.awards]
    pairs = list(facts.decisions) if facts.decided else [(p.award, p.member) for p in facts.result.proposals]
    grouped: dict[str, list[str]] = {}
    for award, member in sorted(pairs, key=lambda p: order.index(p[0]) if p[0] in order else len(order)):
        grouped.setdefault(award, []).append(member)
    return list(grouped.items())


def _decisions(facts: BlocFacts) -> Section:
    by, w = facts.by, facts.words
    groups = awarded(facts)
    lines = [f"{i}. {facts.award_names.get(a, a)}: "
             + ", ".join(facts.name(m) + _vote_phrase(facts, a, m) for m in members) + "."
             for i, (a, members) in enumerate(groups, start=1)]
    left_out = _voted_not_proposed(facts, groups)
    if facts.decided:
        head = ("Căn cứ kết quả chấm điểm và bỏ phiếu, Hội nghị thống nhất đề nghị khen thưởng:" if groups else
                f"Hội nghị thống nhất: năm {by.year}, {w.Bloc} không đề nghị khen thưởng.")
        note = (f"Ghi chú: {by.decided.note}",) if by.decided.note else ()
        return Section("decisions", "KẾT LUẬN", (head,), after=(*lines, *left_out, *note))
    if not facts.scored:
        return Section("decisions", "KẾT LUẬN", (
            "Hội nghị thống nhất đề nghị khen thưởng: " + DOTS,))
    head = ("Theo quy định khen thưởng, đề xuất để Hội nghị biểu quyết:" if groups else
            f"Theo quy định khen thưởng, năm {by.year} {w.Bloc} không có đơn vị đủ điều kiện đề nghị khen thưởng.")
    return Section("decisions", "KẾT LUẬN", (head,), after=(*lines, *left_out))


def _voted_not_proposed(facts: BlocFacts, groups: list[tuple[str, list[str]]]) -> tuple[str, ...]:
    """Units the ballot gave votes for an award they are not proposed for, and the rules' reason (a
    case under review, the quota): a reader of the vote table would otherwise ask why."""
    votes = facts.by.votes
    if votes is None:
        return ()
    proposed = {(a, m) for a, members in groups for m in members}
    policies = {a.id: a for a in facts.result.awards}
    population = len(facts.by.members)
    reasons = {(m.award, m.member): (quota_reached(policies[m.award].quota, population,
                                                   quota_size(policies[m.award].quota, population), facts.words.Bloc)
                                     if m.condition == "quota" and m.award in policies else m.reason)
               for m in facts.result.misses if m.condition not in ("votes", "no_vote")}
    lines = []
    for table in vote_tables(facts):
        for c in sorted((c for c in votes.counts if c.award == table.award and c.count > 0),
                        key=lambda c: (-c.count, sort_key(facts.name(c.member.id)))):
            reason = reasons.get((table.award, c.member.id))
            if reason and (table.award, c.member.id) not in proposed:
                lines.append(f"- {facts.name(c.member.id)}, {table.award_name}{_vote_phrase(facts, table.award, c.member.id)}: "
                             f"{in_words(facts.words, reason, names_in(facts.by))}.")
    return ("Đơn vị có phiếu bầu nhưng không đưa vào đề nghị khen thưởng:", *lines) if lines else ()


def _handover(facts: BlocFacts) -> Section:
    h, w = facts.handover, facts.words
    name = facts.name
    heading = f"BÀN GIAO {w.leader.upper()} NĂM {h.next_year}"
    if h.decided_leader or h.decided_deputy:
        roles = [f"{name(h.decided_leader)} làm {w.leader}" if h.decided_leader else "",
                 f"{name(h.decided_deputy)} làm {w.deputy}" if h.decided_deputy else ""]
        return Section("handover", heading, (f"Hội nghị thống nhất: {', '.join(r for r in roles if r)} năm "
                                             f"{h.next_year}.",))
    if h.rule.kind == "elected" or h.leader is None:
        eligible = ", ".join(name(i) for i in h.eligible) or "không có"
        return Section("handover", heading, (
            f"Hội nghị bầu {w.leader}, {w.deputy} năm {h.next_year}: {w.leader} {DOTS}, {w.deputy} {DOTS}. "
            f"Các đơn vị đủ điều kiện: {eligible}.",))
    deputy = f", {name(h.deputy)} làm {w.deputy} ({in_words(w, h.deputy_reason, names_in(facts.by))})" if h.deputy else ""
    return Section("handover", heading, (
        f"Theo quy tắc luân phiên ({in_words(w, h.rule_name)}), đề xuất để Hội nghị thống nhất: {name(h.leader)} "
        f"làm {w.leader} ({in_words(w, h.leader_reason, names_in(facts.by))}){deputy} năm {h.next_year}.",))
