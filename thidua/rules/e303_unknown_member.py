"""E303 unknown-member: Mã đơn vị không có trong danh sách thành viên."""

from thidua.diagnostics import Severity
from thidua.rules.base import Rule

RULE = Rule(
    code="E303",
    name="unknown-member",
    severity=Severity.ERROR,
    title="Mã đơn vị không có trong danh sách thành viên",
    hint="Dùng mã của một đơn vị trong 'members:' (hoặc thêm đơn vị đó vào danh sách).",
    stage="bloc",
)

def _refs(by):
    yield by.leader, "Trưởng khối"
    yield by.deputy, "Phó khối"
    if by.rotation:
        for r in by.rotation.order:
            yield r, "thứ tự luân phiên"
    for e in by.events:
        yield e.host, "đơn vị đăng cai"
        for r in e.present:
            yield r, "đơn vị dự họp"
        for person, role in ((e.chair, "đơn vị của người chủ trì"), (e.secretary, "đơn vị của thư ký")):
            if person is not None:
                yield person.unit, role
    if by.documents.signer is not None:
        yield by.documents.signer.unit, "đơn vị của người ký tờ trình"
    for s in by.scores:
        yield s.member, "bảng điểm"
    if by.votes:
        for c in by.votes.counts:
            yield c.member, "kết quả bỏ phiếu"
    for d in by.discipline:
        yield d.member, "kỷ luật"
    if by.decided:
        for a in by.decided.awards:
            yield a.member, "quyết định khen thưởng"


def check(ctx):
    ids = ctx.by.member_ids
    if not ids:  # 'members:' missing, empty or refused: that one finding says it, not one per reference
        return
    for ref, where in _refs(ctx.by):
        if ref is not None and ref.id not in ids:
            yield RULE.at(ref.src, f"'{ref.id}' ({where}) không phải là đơn vị thành viên của khối năm {ctx.by.year}",
                          _suggest(ref.id, ids))


def _suggest(word, ids):
    import difflib
    close = difflib.get_close_matches(word, sorted(ids), n=1, cutoff=0.5)
    if close:
        return f"Có phải ý là '{close[0]}'? Các mã hiện có: {', '.join(sorted(ids))}."
    return f"Các mã hiện có: {', '.join(sorted(ids))}." if ids else None



# -- a member's name written where its id belongs ------------------------------------------------
# "leader: Hội Liên hiệp Phụ nữ tỉnh" is not an id at all: the format reports it (E206) before the
# members are known. Once they are, the finding says which id was meant.

def _norm(text):
    import unicodedata

    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def meant_id(text, by):
    """The id of the member whose name (or short name) ``text`` is, or closely resembles; else None."""
    import difflib

    typed = _norm(text.rstrip("…"))
    names = {}
    for m in by.members:
        for name in (m.name, m.short):
            if name:
                names.setdefault(_norm(name), m.id)
    if typed in names:
        return names[typed]
    if text.endswith("…"):  # shown cut short: the start of a name
        starts = {i for n, i in names.items() if n.startswith(typed)}
        return starts.pop() if len(starts) == 1 else None
    close = difflib.get_close_matches(typed, list(names), n=1, cutoff=0.75)
    return names[close[0]] if close else None


def with_name_hints(findings, by):
    """``findings`` with each bad-id finding on a member's name told which id to write instead."""
    import dataclasses
    import re

    out = []
    for d in findings:
        m = re.fullmatch(r"'(.+)' không phải là mã hợp lệ", d.message) if d.code == "E206" else None
        meant = meant_id(m[1], by) if m else None
        if meant is not None:
            d = dataclasses.replace(d, hint=f"Có phải ý là '{meant}'? Ở đây ghi mã đơn vị, không ghi tên.")
        out.append(d)
    return tuple(out)
