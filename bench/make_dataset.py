"""Generate a synthetic thidua data root at realistic shape, for benchmarks.

    python bench/make_dataset.py OUT --blocs N --years Y [--members M] [--seed S] [--last-year 2024]

OUT gets ``thidua.yaml``, one shared scoring table per year in ``blocs/_tables/`` and
``blocs/<bloc>/<year>.yaml`` for every bloc and year (the last ``Y`` years up to
``--last-year``). Each bloc has 8–16 members (``--members`` fixes the number), agreed
and self scores on a table with groups and sub-criteria, bonus and deductions with
reasons, secret-ballot vote counts, award decisions that match what the rules
propose, chairs and deputies that follow the rotation rule (so W600 stays quiet),
and, here and there, a merger, a rename, a member moving out and one joining
mid-year (recorded with ``predecessors``/``departures``/``joined``).

The output is a function of the arguments only: every choice comes from a
``random.Random`` seeded with the seed and the table's or bloc's number (so a bloc's
data does not change when ``--blocs`` grows), nothing depends on the clock or on
hash order. It validates under
``thidua validate`` with no finding. Only the standard library is used (the YAML
text is written here), so the generator does not depend on what it measures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

# -- names --------------------------------------------------------------------------------------

PROVINCE = "Khánh Hòa"

DEPARTMENTS = [
    "Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", "Sở Công Thương", "Sở Xây dựng",
    "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Khoa học và Công nghệ", "Sở Nông nghiệp và Môi trường",
    "Sở Văn hóa, Thể thao và Du lịch", "Sở Ngoại vụ", "Sở Dân tộc và Tôn giáo", "Thanh tra tỉnh",
    "Văn phòng UBND tỉnh", "Ban Quản lý các khu công nghiệp", "Đài Phát thanh và Truyền hình tỉnh",
    "Báo Khánh Hòa", "Trường Chính trị tỉnh", "Bảo hiểm xã hội tỉnh", "Cục Thuế tỉnh",
    "Kho bạc Nhà nước tỉnh", "Cục Thống kê tỉnh", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh",
    "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Tòa án nhân dân tỉnh", "Viện Kiểm sát nhân dân tỉnh",
    "Cục Hải quan tỉnh", "Ngân hàng Nhà nước chi nhánh tỉnh", "Liên minh Hợp tác xã tỉnh",
]
MASS = [
    ("Ủy ban MTTQ Việt Nam tỉnh", "UBMTTQ tỉnh", "ubmttq"), ("Hội Liên hiệp Phụ nữ tỉnh", "Hội LHPN tỉnh", "hlhpn"),
    ("Hội Nông dân tỉnh", "", "hnd"), ("Hội Cựu chiến binh tỉnh", "Hội CCB tỉnh", "hccb"),
    ("Tỉnh đoàn", "", "tinhdoan"), ("Liên đoàn Lao động tỉnh", "LĐLĐ tỉnh", "ldld"),
    ("Liên hiệp các Hội Khoa học - Kỹ thuật tỉnh", "Liên hiệp Hội KH-KT", "lhhkhkt"),
    ("Hội Chữ thập đỏ tỉnh", "", "hctd"), ("Hội Người cao tuổi tỉnh", "", "hnct"),
    ("Hội Luật gia tỉnh", "", "hlg"), ("Hội Nhà báo tỉnh", "", "hnb"),
    ("Liên hiệp các tổ chức hữu nghị tỉnh", "", "lhtchn"), ("Hội Văn học nghệ thuật tỉnh", "", "hvhnt"),
    ("Hội Khuyến học tỉnh", "", "hkh"), ("Hội Cựu thanh niên xung phong tỉnh", "", "hctnxp"),
    ("Hội Nạn nhân chất độc da cam/dioxin tỉnh", "", "hnncddc"),
]
PLACES = [
    "Nha Trang", "Cam Ranh", "Ninh Hòa", "Vạn Ninh", "Diên Khánh", "Khánh Vĩnh", "Khánh Sơn", "Cam Lâm",
    "Trường Sa", "Phan Rang", "Ninh Hải", "Ninh Phước", "Ninh Sơn", "Bác Ái", "Thuận Bắc", "Thuận Nam",
    "Đồng Xuân", "Sơn Hòa", "Tuy An", "Phú Hòa", "Tây Hòa", "Đông Hòa", "Sông Cầu", "Ea Súp",
    "Buôn Đôn", "Cư M'gar", "Krông Pắc", "Lắk", "Đắk Mil", "Đắk Song", "Tuy Đức", "Đạ Tẻh", "Bảo Lộc",
    "Di Linh", "Đức Trọng", "Lạc Dương", "Đơn Dương", "Lâm Hà", "Cát Tiên", "Hòa Thắng", "Vĩnh Nguyên",
    "Phước Long", "Vĩnh Hải", "Lộc Thọ", "Tân Lập", "Xương Huân", "Phương Sài", "Ngọc Hiệp", "Đồng Đế",
    "Ba Ngòi", "Cam Đức", "Suối Dầu", "Đại Lãnh", "Tu Bông", "Vạn Giã", "Ninh Diêm", "Hòn Khói",
]
ENTERPRISES = [
    "Công ty TNHH MTV Xổ số kiến thiết", "Công ty Cổ phần Cấp thoát nước", "Công ty Điện lực",
    "Ngân hàng Nông nghiệp và Phát triển Nông thôn chi nhánh tỉnh", "Ngân hàng TMCP Công Thương chi nhánh",
    "Ngân hàng TMCP Ngoại thương chi nhánh", "Ngân hàng Chính sách xã hội chi nhánh tỉnh",
    "Công ty TNHH MTV Yến sào", "Công ty Cổ phần Đường sắt", "Viễn thông tỉnh", "Bưu điện tỉnh",
    "Công ty Cổ phần Môi trường đô thị", "Công ty TNHH MTV Khai thác công trình thủy lợi",
    "Công ty Cổ phần Du lịch", "Cảng hàng không quốc tế Cam Ranh", "Công ty Cổ phần Cảng Nha Trang",
]
SCHOOLS = ["Trường THPT chuyên Lê Quý Đôn", "Trường Cao đẳng Kỹ thuật Công nghệ", "Trường Cao đẳng Y tế",
           "Trường Cao đẳng Sư phạm Trung ương", "Trường Đại học Khánh Hòa", "Trường THPT Nguyễn Văn Trỗi",
           "Trường THPT Lý Tự Trọng", "Trường THPT Hoàng Văn Thụ", "Trường THPT Trần Hưng Đạo",
           "Trường THPT Nguyễn Trãi", "Trường THPT Phan Bội Châu", "Trường THPT Lê Hồng Phong",
           "Trường THPT Ngô Gia Tự", "Trường THPT Huỳnh Thúc Kháng", "Trường Phổ thông Dân tộc nội trú tỉnh"]

CATEGORIES = [
    ("Khối thi đua các cơ quan tổng hợp", "dept"),
    ("Khối thi đua các sở, ngành kinh tế", "dept"),
    ("Khối thi đua MTTQ và các tổ chức chính trị - xã hội", "mass"),
    ("Khối thi đua các hội đặc thù", "mass"),
    ("Cụm thi đua các xã, phường", "commune"),
    ("Khối thi đua các doanh nghiệp", "enterprise"),
    ("Khối thi đua các trường học", "school"),
]

BONUS_REASONS = [
    'Dẫn đầu phong trào "Dân vận khéo"', "Có sáng kiến được công nhận cấp tỉnh",
    "Hoàn thành xuất sắc nhiệm vụ đột xuất được giao", "Được Bộ, ngành Trung ương tặng Bằng khen",
    "Đăng cai tổ chức hội nghị của Khối", 'Mô hình "Chuyển đổi số" được nhân rộng',
]
DEDUCTION_REASONS = [
    "Nộp báo cáo 6 tháng chậm", "Báo cáo tổng kết sai số liệu", "Không dự họp sơ kết, không báo vắng",
    "Để xảy ra đơn thư khiếu nại vượt cấp", "Nộp hồ sơ đăng ký thi đua chậm",
]

# -- scoring table ------------------------------------------------------------------------------

GROUPS = [
    ("Thực hiện nhiệm vụ chính trị, chuyên môn được giao", [
        ("Hoàn thành các chỉ tiêu, nhiệm vụ trọng tâm trong năm", ["Chỉ tiêu chuyên môn", "Nhiệm vụ đột xuất"]),
        ("Triển khai các chương trình, kế hoạch của tỉnh", None),
        ("Chất lượng tham mưu, đề xuất", ["Văn bản tham mưu", "Đề án, dự án", "Sáng kiến"]),
        ("Phối hợp với các đơn vị trong Khối", None),
    ]),
    ("Công tác xây dựng Đảng, chính quyền và đoàn thể", [
        ("Xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh", None),
        ("Hoạt động của công đoàn, đoàn thanh niên", None),
        ("Thực hiện quy chế dân chủ ở cơ sở", None),
    ]),
    ("Công tác thi đua, khen thưởng", [
        ("Ký kết giao ước, đăng ký thi đua đúng hạn", None),
        ("Tổ chức phong trào thi đua, nhân rộng điển hình", ["Phong trào thường xuyên", "Phong trào theo đợt"]),
        ("Báo cáo sơ kết, tổng kết đầy đủ, đúng hạn", None),
    ]),
    ("Cải cách hành chính, chuyển đổi số", [
        ("Giải quyết thủ tục hành chính đúng hạn", None),
        ("Ứng dụng công nghệ thông tin, chuyển đổi số", None),
        ("Thực hành tiết kiệm, chống lãng phí", None),
    ]),
]
GROUP_MAX = [40, 20, 20, 20]


@dataclass
class Leaf:
    id: str
    max: int


@dataclass
class TableSpec:
    ref: str
    text: str
    leaves: list[Leaf]
    group_leaves: list[list[str]]


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """``total`` split into ``parts`` positive integers (each at least 2)."""
    cuts = sorted(rng.sample(range(1, total // 2), parts - 1)) if parts > 1 else []
    out, prev = [], 0
    for c in [*cuts, total // 2]:
        out.append(2 * (c - prev))
        prev = c
    out[-1] += total - sum(out)
    return out


def make_table(year: int, rng: random.Random) -> TableSpec:
    ref = f"bang-diem-{year}"
    lines = [f"# Bảng chấm điểm thi đua dùng chung cho các khối, năm {year}.",
             f"table: {ref}", f"name: Bảng chấm điểm thi đua năm {year}", "total: 100", "groups:"]
    leaves: list[Leaf] = []
    group_leaves: list[list[str]] = []
    for gi, ((gname, items), gmax) in enumerate(zip(GROUPS, GROUP_MAX, strict=True), start=1):
        lines += [f"  - id: \"{gi}\"", f"    name: {_text(gname)}", f"    max: {gmax}", "    items:"]
        mine: list[str] = []
        for ii, (iname, subs, imax) in enumerate(
                ((n, s, m) for (n, s), m in zip(items, _split(gmax, len(items), rng), strict=True)), start=1):
            cid = f"{gi}.{ii}"
            lines += [f"      - id: \"{cid}\"", f"        name: {_text(iname)}", f"        max: {imax}"]
            if subs and imax >= 2 * len(subs):
                lines.append("        items:")
                for si, (sname, smax) in enumerate(zip(subs, _split(imax, len(subs), rng), strict=True)):
                    sid = f"{cid}.{'abcdefgh'[si]}"
                    lines += [f"          - {{id: \"{sid}\", name: {_text(sname, flow=True)}, max: {smax}}}"]
                    leaves.append(Leaf(sid, smax))
                    mine.append(sid)
            else:
                leaves.append(Leaf(cid, imax))
                mine.append(cid)
        group_leaves.append(mine)
    lines += ["bonus: {max: 5}", "deductions: {max: 5}"]
    return TableSpec(ref, "\n".join(lines) + "\n", leaves, group_leaves)


# -- YAML text ----------------------------------------------------------------------------------

_PLAIN = re.compile(r"^[^\W\d_][\w ,.()/'’-]*[\w.)]$")
_PLAIN_FLOW = re.compile(r"^[^\W\d_][\w .()/'’-]*[\w.)]$")
_RESERVED = {"yes", "no", "true", "false", "on", "off", "null", "y", "n", "có", "không"}


def _text(value: str, flow: bool = False) -> str:
    """A YAML scalar for free text: plain where it is safe, else double-quoted."""
    value = unicodedata.normalize("NFC", value)
    pattern = _PLAIN_FLOW if flow else _PLAIN
    if pattern.match(value) and value.lower() not in _RESERVED and ": " not in value and " #" not in value:
        return value
    return json.dumps(value, ensure_ascii=False)


def _num(value: Decimal) -> str:
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


def slug(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


# -- the simulation ---------------------------------------------------------------------------


@dataclass
class Unit:
    id: str
    name: str
    short: str = ""
    strength: float = 0.9


@dataclass
class YearState:
    """One bloc's year as the generator decided it (what the file will say)."""

    year: int
    members: list[Unit]
    joined: dict[str, dt.date] = field(default_factory=dict)
    predecessors: dict[str, list[str]] = field(default_factory=dict)
    departures: list[dict] = field(default_factory=list)
    leader: str | None = None
    deputy: str | None = None


@dataclass
class Bloc:
    id: str
    name: str
    rule: str  # fixed-order (the province's rule) or deputy-succeeds (the bloc's own)
    cooldown: int
    pool: list[Unit]
    years: list[YearState] = field(default_factory=list)


def unit_pool(kind: str, rng: random.Random, size: int) -> list[Unit]:
    if kind == "dept":
        names = [(n, "", slug(n.replace("Sở ", "so ").replace("Ban ", "ban "))) for n in DEPARTMENTS]
    elif kind == "mass":
        names = list(MASS)
    elif kind == "enterprise":
        names = [(n, "", slug(n)[:40].strip("-")) for n in ENTERPRISES]
    elif kind == "school":
        names = [(n, "", slug(n.replace("Trường ", ""))[:40].strip("-")) for n in SCHOOLS]
    else:
        names = []
        for p in PLACES:
            prefix = rng.choice(["xã", "phường"])
            names.append((f"UBND {prefix} {p}", "", slug(f"{prefix} {p}")[:40].strip("-")))
    rng.shuffle(names)
    out, seen = [], set()
    for name, short, uid in names:
        if uid in seen:
            continue
        seen.add(uid)
        out.append(Unit(uid, name, short, round(rng.uniform(0.78, 0.99), 3)))
        if len(out) == size:
            break
    return out


def _lineage(uid: str, history: list[YearState]) -> set[str]:
    """Mirror of thidua.core.handover.lineage: the id and every id it continues."""
    ids = {uid}
    for y in history:
        if uid in y.predecessors:
            ids.update(y.predecessors[uid])
    changed = True
    while changed:
        changed = False
        for y in history:
            for m in y.members:
                if m.id in ids:
                    new = set(y.predecessors.get(m.id, ())) - ids
                    if new:
                        ids |= new
                        changed = True
            for d in y.departures:
                if d.get("into") in ids and d["member"] not in ids:
                    ids.add(d["member"])
                    changed = True
    return ids


def _why_not(uid: str, history: list[YearState], cooldown: int) -> bool:
    """True when ``uid`` may not chair next year (mirror of core.handover._ineligibility)."""
    current = history[-1]
    if uid in current.joined:
        return True
    earlier = [y for y in history if y.year == current.year - 1]
    if earlier:
        if len(current.predecessors.get(uid, ())) > 1:  # a merger makes a new unit, whatever its parts did
            return True
        ids = _lineage(uid, history)
        if not any(m.id in ids for m in earlier[0].members):
            return True
    if cooldown:
        ids = _lineage(uid, history)
        if any(y.leader in ids and y.year > current.year - cooldown for y in history):
            return True
    return False


def _after(order: list[str], start: str | None) -> list[str]:
    if start in order:
        i = order.index(start)
        return order[i + 1:] + order[:i + 1]
    return list(order)


def propose(history: list[YearState], rule: str, cooldown: int) -> tuple[str | None, str | None]:
    """Next year's (chair, deputy) under the rule, from the bloc's last five years."""
    history = history[-5:]
    current = history[-1]
    order = [m.id for m in current.members]
    bad = {uid: _why_not(uid, history, cooldown) for uid in order}

    def first(seq: list[str], exclude: str | None) -> str | None:
        return next((i for i in seq if i != exclude and not bad[i]), None)

    if rule == "deputy-succeeds" and current.deputy in bad:
        chair = current.deputy if not bad[current.deputy] else first(_after(order, current.deputy), current.deputy)
    else:
        chair = first(_after(order, current.leader), None)
    deputy = first(_after(order, chair), chair)
    return chair, deputy


# -- one bloc-year's content --------------------------------------------------------------------

Q = Decimal("0.5")


def _half(x: float) -> Decimal:
    return (Decimal(repr(x)) / Q).quantize(Decimal(1), rounding=ROUND_HALF_UP) * Q


@dataclass
class Sheet:
    agreed: dict[str, Decimal]
    self_points: dict[str, Decimal] | None
    bonus: list[tuple[Decimal, str]]
    deductions: list[tuple[Decimal, str]]
    total: Decimal


def score_member(unit: Unit, table: TableSpec, rng: random.Random) -> Sheet:
    agreed, own = {}, {}
    for leaf in table.leaves:
        value = min(Decimal(leaf.max), max(Decimal(0), _half(leaf.max * rng.uniform(unit.strength - 0.08, unit.strength + 0.06))))
        agreed[leaf.id] = value
        own[leaf.id] = min(Decimal(leaf.max), value + (Q if rng.random() < 0.3 else 0))
    bonus = [(_half(rng.uniform(0.5, 2.5)), rng.choice(BONUS_REASONS))] if rng.random() < 0.3 else []
    deductions = [(_half(rng.uniform(0.5, 2)), r) for r in rng.sample(DEDUCTION_REASONS, rng.choice([1, 1, 2]))] \
        if rng.random() < 0.25 else []
    total = sum(agreed.values(), Decimal(0)) + min(Decimal(5), sum((b for b, _ in bonus), Decimal(0))) \
        - min(Decimal(5), sum((d for d, _ in deductions), Decimal(0)))
    return Sheet(agreed, own if rng.random() < 0.7 else None, bonus, deductions, total)


BANDS = [("Xuất sắc", 95), ("Tốt", 85), ("Khá", 70), ("Trung bình", 50), ("Yếu", 0)]
AWARDS = [  # id, quota (count, share), vote share, min band index
    ("co-ubnd", 1, None, Decimal("0.7"), 0),
    ("bang-khen", None, Decimal("0.3"), Decimal("0.5"), 1),
]


def _band(total: Decimal) -> int:
    return next(i for i, (_, low) in enumerate(BANDS) if total >= low)


def award_proposals(ranked: list[str], sheets: dict[str, Sheet], votes: dict[str, dict[str, int]],
                    voters: int, members: int, not_full_year: set[str], disciplined: set[str]) -> dict[str, list[str]]:
    """Mirror of thidua.core.awards.propose_bloc for the rules this generator writes."""
    taken: set[str] = set()
    out: dict[str, list[str]] = {}
    for award, count, share, need, band in AWARDS:
        size = count if count is not None else max(int((share * members).to_integral_value(rounding="ROUND_FLOOR")), 1)
        granted = []
        for uid in ranked:
            if uid in taken or uid in disciplined or uid in not_full_year:
                continue
            if _band(sheets[uid].total) > band or award not in votes:
                continue
            if Decimal(votes[award].get(uid, 0)) < need * voters or len(granted) >= size:
                continue
            granted.append(uid)
            taken.add(uid)
        if granted:
            out[award] = granted
    return out


def _date(year: int, month: int, rng: random.Random, span: int = 1) -> dt.date:
    m = month + rng.randrange(span)
    return dt.date(year, m, rng.randint(1, 28))


def bloc_year_text(bloc: Bloc, state: YearState, table: TableSpec, rng: random.Random,
                   next_pair: tuple[str | None, str | None]) -> str:
    units = state.members
    ids = [u.id for u in units]
    sheets: dict[str, Sheet] = {}
    totals_seen: set[Decimal] = set()
    for u in units:
        for _ in range(50):  # distinct totals: the ranking then needs no tie-break
            sheet = score_member(u, table, rng)
            if sheet.total not in totals_seen:
                break
        totals_seen.add(sheet.total)
        sheets[u.id] = sheet
    ranked = sorted(ids, key=lambda i: sheets[i].total, reverse=True)
    voters = len(units) - (1 if rng.random() < 0.2 else 0)
    votes: dict[str, dict[str, int]] = {"co-ubnd": {}, "bang-khen": {}}
    votes["co-ubnd"][ranked[0]] = rng.randint(math.ceil(voters * 0.6), voters)
    votes["co-ubnd"][ranked[1]] = rng.randint(0, voters // 2)
    for uid in ranked[1:6]:
        votes["bang-khen"][uid] = rng.randint(math.ceil(voters * 0.35), voters)
    disciplined = {rng.choice(ids[2:])} if rng.random() < 0.03 else set()
    decided = award_proposals(ranked, sheets, votes, voters, len(units), set(state.joined), disciplined)

    L = [f"# Khối-năm tổng hợp cho bench/ (dữ liệu giả lập, seed cố định): {bloc.name}, năm {state.year}.",
         f"bloc: {bloc.id}", f"year: {state.year}", f"name: {_text(bloc.name)}",
         f"number: {rng.randint(1, 30):02d}/BB-KTĐ", "", "members:"]
    for u in units:
        L.append(f"  - id: {u.id}")
        L.append(f"    name: {_text(u.name)}")
        if u.short:
            L.append(f"    short: {_text(u.short)}")
        if u.id in state.joined:
            L.append(f"    joined: {state.joined[u.id].isoformat()}")
        if u.id in state.predecessors:
            L.append(f"    predecessors: [{', '.join(state.predecessors[u.id])}]")
    L += ["", f"leader: {state.leader}", f"deputy: {state.deputy}"]
    if bloc.rule != "fixed-order":
        L += ["rotation:", f"  rule: {bloc.rule}", f"  order: [{', '.join(ids)}]",
              f"  cooldown_years: {bloc.cooldown}"]
    host = state.leader
    place = f"Hội trường {next(u.name for u in units if u.id == host)}"
    present = [i for i in ids if rng.random() < 0.95]
    present += [i for i in ids if i not in present][:max(0, voters - len(present))]  # a ballot each (E504)
    present.sort(key=ids.index)
    review = dt.date(state.year, 12, rng.randint(10, 30)) if rng.random() < 0.8 else dt.date(state.year + 1, 1, rng.randint(5, 20))
    L += ["", "events:", f"  covenant: {_date(state.year, 2, rng, 2).isoformat()}",
          f"  midyear: {{date: {_date(state.year, 6, rng, 2).isoformat()}, host: {host}}}",
          "  review:", f"    date: {review.isoformat()}", f"    place: {_text(place)}", f"    host: {host}",
          f"    present: [{', '.join(present)}]", "", f"criteria: _tables/{table.ref}", "", "scores:"]
    for u in units:
        s = sheets[u.id]
        L.append(f"  {u.id}:")
        if s.self_points is not None:
            L.append("    self: {" + ", ".join(f'"{k}": {_num(v)}' for k, v in s.self_points.items()) + "}")
        L.append("    agreed: {" + ", ".join(f'"{k}": {_num(v)}' for k, v in s.agreed.items()) + "}")
        for key, items in (("bonus", s.bonus), ("deductions", s.deductions)):
            if items:
                L.append(f"    {key}:")
                L += [f"      - {{points: {_num(p)}, reason: {_text(r, flow=True)}}}" for p, r in items]
        if rng.random() < 0.4:
            L.append(f"    total: {_num(s.total)}")
    L += ["", "votes:", f"  voters: {voters}", "  awards:"]
    for award, counts in votes.items():
        L.append(f"    {award}: {{" + ", ".join(f"{k}: {v}" for k, v in counts.items()) + "}")
    if disciplined:
        who = sorted(disciplined)[0]
        L += ["", "discipline:", f"  - member: {who}", "    reason: Khiển trách tập thể do vi phạm quy định tài chính"]
    L += ["", "decided:"]
    if decided:
        L.append("  awards:")
        L += [f"    {a}: [{', '.join(ms)}]" for a, ms in decided.items()]
    chair, deputy = next_pair
    if chair and rng.random() < 0.5:  # half the blocs record the handover in the minutes
        L.append(f"  next_leader: {chair}")
        if deputy:
            L.append(f"  next_deputy: {deputy}")
    L.append(f"  note: Biên bản họp tổng kết ngày {review.day:02d}/{review.month:02d}/{review.year}.")
    if state.departures:
        L += ["", "departures:"]
        for d in state.departures:
            L.append(f"  - member: {d['member']}")
            L.append(f"    reason: {d['reason']}")
            if d.get("into"):
                L.append(f"    into: {d['into']}")
            L.append(f"    date: {d['date'].isoformat()}")
            if d.get("note"):
                L.append(f"    note: {_text(d['note'])}")
    return unicodedata.normalize("NFC", "\n".join(L) + "\n")


# -- membership over the years ----------------------------------------------------------------

def next_members(bloc: Bloc, prev: YearState, year: int, rng: random.Random,
                 keep: set[str], spare: list[Unit]) -> YearState:
    """This year's membership: last year's, with now and then a merger, a move, a newcomer."""
    members = list(prev.members)
    state = YearState(year, members)
    free = [u for u in members if u.id not in keep]
    tag = f"-k{bloc.id.rsplit('-', 1)[1]}"  # every id of the bloc ends with it: ids never repeat across blocs

    def base(u: Unit) -> str:
        return u.id.removesuffix(tag).strip("-")
    event = rng.random()
    if event < 0.04 and len(free) >= 2 and len(members) > 8:  # two units merge into a new one
        a, b = rng.sample(free, 2)
        new = Unit(f"{base(a)[:16].strip('-')}-{base(b)[:16].strip('-')}{tag}", f"{a.name} (hợp nhất với {b.name})"[:300],
                   "", max(a.strength, b.strength))
        if all(new.id != u.id for u in members):
            at = members.index(a)
            members[at] = new
            members.remove(b)
            state.predecessors[new.id] = [a.id, b.id]
            when = dt.date(year, 7, 1)
            note = f"Hợp nhất theo Quyết định số {rng.randint(100, 3000)}/QĐ-UBND"
            state.departures += [{"member": a.id, "reason": "merged", "into": new.id, "date": when, "note": note},
                                 {"member": b.id, "reason": "merged", "into": new.id, "date": when}]
    elif event < 0.06 and free:  # a unit is renamed (a new id continues the old one)
        a = rng.choice(free)
        new = Unit(f"{base(a)[:30].strip('-')}-moi{tag}", f"{a.name} (tên mới)", a.short, a.strength)
        if all(new.id != u.id for u in members):
            members[members.index(a)] = new
            state.predecessors[new.id] = [a.id]
            state.departures.append({"member": a.id, "reason": "renamed", "into": new.id,
                                     "date": dt.date(year, 1, 1)})
    elif event < 0.09 and free and len(members) > 8:  # a unit moves to another bloc
        a = rng.choice(free)
        members.remove(a)
        state.departures.append({"member": a.id, "reason": "moved", "date": dt.date(year, 3, 1),
                                 "note": "Chuyển sang khối thi đua khác theo quyết định của Hội đồng TĐKT tỉnh"})
    elif event < 0.12 and spare and len(members) < 16:  # a unit joins during the year
        u = spare.pop(0)
        if all(u.id != m.id for m in members):
            members.append(u)
            state.joined[u.id] = dt.date(year, rng.randint(3, 9), 1)
    return state


def make_bloc(index: int, years: list[int], rng: random.Random, members: int | None) -> Bloc:
    title, kind = CATEGORIES[index % len(CATEGORIES)]
    count = members or rng.randint(8, 16)
    if count + 4 > {"dept": len(DEPARTMENTS), "mass": len(MASS), "enterprise": len(ENTERPRISES),
                    "school": len(SCHOOLS)}.get(kind, len(PLACES)):
        title, kind = "Cụm thi đua các xã, phường", "commune"  # only places are that many
    pool = unit_pool(kind, rng, count + 4)
    for u in pool:  # a unit belongs to one bloc a year (E318): the pools' names repeat, the ids must not
        u.id = f"{u.id[:33].strip('-')}-k{index + 1:03d}"
    if len(pool) < count:
        raise SystemExit(f"make_dataset: not enough distinct unit names for {count} members in one bloc")
    rule = "deputy-succeeds" if rng.random() < 0.25 else "fixed-order"
    bloc = Bloc(f"khoi-{index + 1:03d}", f"{title} số {index // len(CATEGORIES) + 1}", rule,
                0 if rule == "deputy-succeeds" else 2, pool)
    first = YearState(years[0], pool[:count])
    first.leader, first.deputy = first.members[0].id, first.members[1].id
    bloc.years.append(first)
    spare = pool[count:]
    for year in years[1:]:
        chair, deputy = propose(bloc.years, bloc.rule, bloc.cooldown)
        keep = {x for x in (chair, deputy) if x}
        state = next_members(bloc, bloc.years[-1], year, rng, keep, spare)
        state.leader, state.deputy = chair, deputy
        bloc.years.append(state)
    return bloc


CONFIG = f"""# Cấu hình thi đua của tỉnh (dữ liệu giả lập cho bench/).
province: {PROVINCE}
place: {PROVINCE}

scoring:
  places: 2
  rounding: half-up
  bands:
{chr(10).join(f'    - {{name: {n}, min: {m}}}' for n, m in BANDS)}
  tie_breaks: ["group:1", deductions, "votes:co-ubnd"]

awards:
  - id: co-ubnd
    name: Cờ thi đua của UBND tỉnh
    quota: 1
    votes: 70%
    min_band: Xuất sắc
  - id: bang-khen
    name: Bằng khen của Chủ tịch UBND tỉnh
    quota: {{share: 30%, rounding: down, min: 1}}
    votes: 50%
    min_band: Tốt
  - id: co-chinh-phu
    name: Cờ thi đua của Chính phủ
    level: province
    from_award: co-ubnd
    quota: {{share: 20%, rounding: down}}

rotation:
  rule: fixed-order
  skip_first_year: true
  cooldown_years: 2
"""


def generate(out: Path, blocs: int, years: int, members: int | None = None, seed: int = 0,
             last_year: int = 2024) -> int:
    """Write the data root; returns the number of files written."""
    span = list(range(last_year - years + 1, last_year + 1))
    (out / "blocs" / "_tables").mkdir(parents=True, exist_ok=True)
    (out / "thidua.yaml").write_text(unicodedata.normalize("NFC", CONFIG), encoding="utf-8")
    tables = {}
    for y in span:
        tables[y] = make_table(y, random.Random(f"{seed}-table-{y}"))
        (out / "blocs" / "_tables" / f"{tables[y].ref}.yaml").write_text(tables[y].text, encoding="utf-8")
    written = 1 + len(span)
    for i in range(blocs):
        bloc = make_bloc(i, span, random.Random(f"{seed}-bloc-{i}"), members)
        folder = out / "blocs" / bloc.id
        folder.mkdir(parents=True, exist_ok=True)
        body_rng = random.Random(f"{seed}-scores-{i}")
        for k, state in enumerate(bloc.years):
            nxt = bloc.years[k + 1] if k + 1 < len(bloc.years) else None
            pair = (nxt.leader, nxt.deputy) if nxt else propose(bloc.years[:k + 1], bloc.rule, bloc.cooldown)
            text = bloc_year_text(bloc, state, tables[state.year], body_rng, pair)
            (folder / f"{state.year}.yaml").write_text(text, encoding="utf-8")
            written += 1
    return written


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out", type=Path, help="folder to create the data root in")
    p.add_argument("--blocs", type=int, required=True, help="number of blocs")
    p.add_argument("--years", type=int, required=True, help="number of years, ending with --last-year")
    p.add_argument("--members", type=int, default=None, help="members per bloc (default: 8–16 at random)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--last-year", type=int, default=2024)
    a = p.parse_args(argv)
    if a.blocs < 1 or a.years < 1:
        p.error("--blocs and --years must be at least 1")
    if a.members is not None and not 4 <= a.members <= 60:
        p.error("--members must be between 4 and 60")
    if a.out.exists() and any(a.out.iterdir()):
        p.error(f"{a.out} exists and is not empty")
    n = generate(a.out, a.blocs, a.years, a.members, a.seed, a.last_year)
    print(f"{n} files in {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
