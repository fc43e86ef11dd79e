"""Shared builders for the scoring, awards, handover and score-CLI tests.

Two kinds of fixture: pure model records built directly from thidua.model (every
value at Source("t.yaml", 1, 1)), and small data roots written as YAML text into
a temporary folder for the edges (loader, CLI).
"""

from __future__ import annotations

import datetime as dt
import os
import textwrap
from decimal import Decimal
from pathlib import Path

from thidua.diagnostics import Source
from thidua.model import (
    AwardDecision,
    AwardPolicy,
    Band,
    BlocYear,
    Config,
    Criterion,
    Decided,
    Departure,
    Discipline,
    Member,
    MemberScores,
    Points,
    Quota,
    Ref,
    RotationPolicy,
    ScoringPolicy,
    Table,
    VoteCount,
    Votes,
)

SRC = Source("t.yaml", 1, 1)
D = Decimal
GOLDEN = Path(__file__).parent / "golden"


# -- pure model builders ------------------------------------------------------

def ref(member_id: str) -> Ref:
    return Ref(member_id, SRC)


def mem(member_id: str, name: str | None = None, *, joined: dt.date | None = None,
        left: dt.date | None = None, predecessors: tuple[str, ...] = ()) -> Member:
    return Member(member_id, name or member_id, SRC, joined=joined, left=left,
                  predecessors=tuple(ref(p) for p in predecessors))


def leaf(cid: str, maximum, name: str | None = None) -> Criterion:
    return Criterion(cid, name or f"Tiêu chí {cid}", D(str(maximum)), SRC)


def group(gid: str, *children: Criterion, maximum=None, name: str | None = None) -> Criterion:
    return Criterion(gid, name or f"Nhóm {gid}", D(str(maximum)) if maximum is not None else None, SRC,
                     tuple(children))


def table(*groups: Criterion, bonus_cap=None, deduction_cap=None, total=None) -> Table:
    def cap(v):
        return D(str(v)) if v is not None else None

    return Table("t", "Bảng thử", tuple(groups), SRC, cap(total), cap(bonus_cap), cap(deduction_cap))


def simple_table(*maxima, bonus_cap=None, deduction_cap=None) -> Table:
    """Groups "1", "2", … each a single leaf "1.1", "2.1", … with the given maxima."""
    return table(*(group(str(i), leaf(f"{i}.1", m)) for i, m in enumerate(maxima, 1)),
                 bonus_cap=bonus_cap, deduction_cap=deduction_cap)


def _points(mapping) -> tuple[Points, ...]:
    return tuple(Points(k, D(str(v)), SRC) for k, v in (mapping or {}).items())


def _adjust(values):
    from thidua.model import Adjustment

    return tuple(Adjustment(D(str(v)), SRC) for v in values)


def sheet(member_id: str, agreed=None, self_=None, bonus=(), deductions=(), total=None) -> MemberScores:
    return MemberScores(ref(member_id), SRC, self_points=_points(self_), agreed=_points(agreed),
                        bonus=_adjust(bonus), deductions=_adjust(deductions),
                        asserted_total=D(str(total)) if total is not None else None,
                        asserted_src=SRC if total is not None else None)


def votes(voters: int | None, counts: dict[str, dict[str, int]]) -> Votes:
    return Votes(SRC, voters, SRC, tuple(VoteCount(a, ref(m), n, SRC)
                                         for a, per in counts.items() for m, n in per.items()))


def decided(awards: dict[str, list[str]] | None = None, next_leader: str | None = None,
            next_deputy: str | None = None) -> Decided:
    return Decided(SRC, tuple(AwardDecision(a, ref(m), SRC) for a, ms in (awards or {}).items() for m in ms),
                   ref(next_leader) if next_leader else None, ref(next_deputy) if next_deputy else None)


def discipline(member_id: str, reason: str = "", *, pending: bool = False, date: dt.date | None = None,
               until: dt.date | None = None) -> Discipline:
    return Discipline(ref(member_id), SRC, reason, pending, date, until)


def departure(member_id: str, reason: str = "merged", into: str | None = None) -> Departure:
    return Departure(ref(member_id), reason, SRC, ref(into) if into else None)


def rotation(kind: str, order: tuple[str, ...] = (), skip_first_year: bool = True,
             cooldown_years: int = 0) -> RotationPolicy:
    return RotationPolicy(kind, tuple(ref(o) for o in order), skip_first_year, cooldown_years)


def rules(places: int = 2, rounding: str = "half-up", bands=(), tie_breaks=()) -> ScoringPolicy:
    return ScoringPolicy(places, rounding, tuple(Band(n, D(str(v))) for n, v in bands), tuple(tie_breaks))


BANDS = (("Xuất sắc", 95), ("Tốt", 85), ("Khá", 70), ("Trung bình", 0))


def award(aid: str, name: str | None = None, *, count: int | None = None, share=None, rounding: str = "down",
          minimum: int = 0, vote=None, min_score=None, min_band: str | None = None, level: str = "bloc",
          from_award: str | None = None, no_discipline: bool = True, full_year: bool = True,
          vote_base: str = "voters", more_than: bool = False, combines_with: tuple[str, ...] = (),
          of: str = "") -> AwardPolicy:
    quota = None
    if count is not None or share is not None:
        quota = Quota(count, D(str(share)) if share is not None else None, rounding, minimum, of)
    return AwardPolicy(aid, name or aid, level, quota, D(str(vote)) if vote is not None else None,
                       D(str(min_score)) if min_score is not None else None, min_band, no_discipline,
                       full_year, from_award, SRC, vote_base, more_than, tuple(combines_with))


def bloc(members, *, table: Table | None = None, scores=(), year: int = 2024, bloc_id: str = "b",
         name: str = "Khối thử", leader: str | None = None, deputy: str | None = None, rotation=None,
         votes=None, discipline=(), decided=None, departures=(), scoring=None, awards=()) -> BlocYear:
    members = tuple(mem(m) if isinstance(m, str) else m for m in members)
    return BlocYear(bloc=bloc_id, year=year, name=name, src=SRC, bloc_src=SRC, year_src=SRC,
                    members=members, leader=ref(leader) if leader else None,
                    deputy=ref(deputy) if deputy else None, rotation=rotation, table=table,
                    scores=tuple(scores), votes=votes, discipline=tuple(discipline), decided=decided,
                    departures=tuple(departures), scoring=scoring, awards=tuple(awards))


def config(*, scoring: ScoringPolicy | None = None, awards=(), rotation_rule: RotationPolicy | None = None) -> Config:
    return Config("Thử", "Thử", scoring or ScoringPolicy(), tuple(awards), rotation_rule or RotationPolicy())


# -- one bloc scored under award rules ----------------------------------------------------------

AWARD_SCORING = rules(bands=BANDS, tie_breaks=("group:1", "deductions"))


def award_result(members, points, *, awards, vote_counts=None, voters=7, **kw):
    """A bloc whose members score ``points[i]`` (one criterion, max 100), scored under ``awards``."""
    from thidua.core.results import score_bloc
    from thidua.core.settings import settings_for

    members = [mem(m) if isinstance(m, str) else m for m in members]
    scores = [sheet(m.id, {"1.1": p}) for m, p in zip(members, points, strict=False) if p is not None]
    by = bloc(members, table=simple_table(100), scores=scores,
              votes=votes(voters, vote_counts) if vote_counts is not None else None, **kw)
    return score_bloc(by, settings_for(by, config(scoring=AWARD_SCORING, awards=awards)))


def proposed(res, award_id=None):
    return [p.member for p in res.proposals if award_id is None or p.award == award_id]


# -- data roots on disk ---------------------------------------------------------

CONFIG_YAML = """\
province: Tỉnh Thử
scoring:
  places: 2
  rounding: half-up
  bands:
    - {name: Xuất sắc, min: 95}
    - {name: Tốt, min: 85}
    - {name: Khá, min: 70}
    - {name: Trung bình, min: 0}
  tie_breaks: ["group:1", deductions, "votes:co-ubnd"]
awards:
  - id: co-ubnd
    name: Cờ thi đua của UBND tỉnh
    quota: 1
    votes: 70%
    min_band: Xuất sắc
  - id: bang-khen
    name: Bằng khen của Chủ tịch UBND tỉnh
    quota: {share: 30%, rounding: down, min: 1}
    votes: 50%
    min_band: Tốt
  - id: co-chinh-phu
    name: Cờ thi đua của Chính phủ
    level: province
    from_award: co-ubnd
    quota: {share: 20%, rounding: up}
rotation:
  rule: fixed-order
  skip_first_year: true
"""

TABLE_YAML = """\
criteria:
  name: Bảng chấm điểm thử
  total: 100
  groups:
    - id: "1"
      name: Công tác chỉ đạo
      items:
        - {id: "1.1", name: Ban hành kế hoạch, max: 30}
        - {id: "1.2", name: Tổ chức thực hiện, max: 30}
    - id: "2"
      name: Kết quả
      items:
        - {id: "2.1", name: Hoàn thành chỉ tiêu, max: 40}
  bonus: {max: 5}
  deductions: {max: 5}
"""

MTTQ_2024 = """\
bloc: mttq
year: 2024
name: Khối thi đua MTTQ và các đoàn thể tỉnh
members:
  - {id: hlhpn, name: Hội Liên hiệp Phụ nữ tỉnh}
  - {id: ubmttq, name: Ủy ban MTTQ Việt Nam tỉnh}
  - {id: hccb, name: Hội Cựu chiến binh tỉnh}
  - {id: hnd, name: Hội Nông dân tỉnh}
  - {id: ldld, name: Liên đoàn Lao động tỉnh}
  - {id: tinhdoan, name: Đoàn TNCS Hồ Chí Minh tỉnh}
  - {id: lhh, name: Liên hiệp các Hội Khoa học - Kỹ thuật tỉnh}
leader: hlhpn
deputy: ubmttq
""" + TABLE_YAML + """\
scores:
  hlhpn:
    agreed: {"1.1": 29.1, "1.2": 29.2, "2.1": 39.5}
    bonus: 2
    total: 99.8
  ubmttq:
    agreed: {"1.1": 28, "1.2": 28, "2.1": 38}
  hccb:
    agreed: {"1.1": 27, "1.2": 27, "2.1": 36}
  hnd:
    agreed: {"1.1": 27, "1.2": 27, "2.1": 37}
    deductions: 1
  ldld:
    agreed: {"1.1": 29, "1.2": 29, "2.1": 38}
  tinhdoan:
    self: {"1.1": 28, "1.2": 29, "2.1": 37}
votes:
  voters: 7
  awards:
    co-ubnd: {hlhpn: 7, ldld: 4}
    bang-khen: {ldld: 6, ubmttq: 5, tinhdoan: 3}
decided:
  awards:
    co-ubnd: [hlhpn]
    bang-khen: [ldld, ubmttq]
"""

# Names chosen to exercise Vietnamese order: "An" < "Ăn" < "Ban", "D…" < "Đ…"; Ban wins its tie on
# group 1, the four others stay tied (2, 2, 2, 2).
KINHTE_2024 = """\
bloc: kinhte
year: 2024
name: Khối thi đua các sở kinh tế
members:
  - {id: ban, name: Ban Quản lý khu kinh tế}
  - {id: an, name: An toàn giao thông tỉnh}
  - {id: dan, name: Đài Phát thanh tỉnh}
  - {id: dau, name: Du lịch tỉnh}
  - {id: aan, name: Ăn uống tỉnh}
leader: ban
deputy: an
""" + TABLE_YAML + """\
scores:
  ban:
    agreed: {"1.1": 25.5, "1.2": 25, "2.1": 35}
  an:
    agreed: {"1.1": 25, "1.2": 25, "2.1": 35.5}
  aan:
    agreed: {"1.1": 25, "1.2": 25, "2.1": 35.5}
  dan:
    agreed: {"1.1": 25, "1.2": 25, "2.1": 35.5}
  dau:
    agreed: {"1.1": 25, "1.2": 25, "2.1": 35.5}
"""


def write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def two_bloc_root(root: Path) -> Path:
    """A data root with two blocs in 2024 (mttq: 7 members, kinhte: 5 with ties and one unscored)."""
    return write(root, {"thidua.yaml": CONFIG_YAML, "blocs/mttq/2024.yaml": MTTQ_2024,
                        "blocs/kinhte/2024.yaml": KINHTE_2024})


def check_golden(name: str, text: str) -> None:
    """Compare with tests/golden/<name>; UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"missing golden file {path}; run with UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs; UPDATE_GOLDEN=1 to accept"


def run_cli(args: list[str], env: dict[str, str] | None = None):
    from typer.testing import CliRunner

    from thidua.cli.app import app

    base = {"NO_COLOR": "1", "THIDUA_ROOT": None, "FORCE_COLOR": None}
    base.update(env or {})
    return CliRunner(env=base).invoke(app, args)


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
