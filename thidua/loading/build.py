"""Checked YAML (Fields) to model records. Pure: no I/O, no findings of its own.

The schema already reported every wrong key and value; what failed is absent
here, so each builder takes what is there and leaves the rest at defaults.
"""

from __future__ import annotations

import re
from decimal import Decimal

from thidua import model as m
from thidua.schema.types import Entry, Fields


def _obj(value) -> Fields | None:
    return value if isinstance(value, Fields) else None


def build_rotation(f: Fields | None, base: m.RotationPolicy | None = None) -> m.RotationPolicy | None:
    """The rule as written (None when not written); keys left out keep ``base`` (the province's rule,
    for a bloc's own), else the documented defaults."""
    if f is None:
        return None
    base = base or m.RotationPolicy()
    return m.RotationPolicy(
        kind=f.get("rule", base.kind),
        order=tuple(f.get("order", base.order)),
        skip_first_year=f.get("skip_first_year", base.skip_first_year),
        cooldown_years=f.get("cooldown_years", base.cooldown_years),
    )


def build_criterion(f: Fields) -> m.Criterion:
    return m.Criterion(
        id=f.get("id", "?"),
        name=f.get("name", ""),
        max=f.get("max"),
        src=f.src,
        children=tuple(build_criterion(c) for c in f.get("items", ()) if isinstance(c, Fields)),
    )


def _cap(f: Fields | None) -> Decimal | None:
    return f.get("max") if f is not None else None


def build_table(f: Fields, table_id: str) -> m.Table:
    return m.Table(
        id=f.get("table", table_id),
        name=f.get("name", ""),
        groups=tuple(build_criterion(g) for g in f.get("groups", ()) if isinstance(g, Fields)),
        src=f.src,
        total=f.get("total"),
        bonus_cap=_cap(_obj(f.get("bonus"))),
        deduction_cap=_cap(_obj(f.get("deductions"))),
    )


def build_scoring(f: Fields | None, base: m.ScoringPolicy) -> m.ScoringPolicy:
    if f is None:
        return base
    bands = tuple(
        m.Band(b.get("name"), b.get("min"))
        for b in f.get("bands", ()) if isinstance(b, Fields) and b.get("name") and b.get("min") is not None
    )
    return m.ScoringPolicy(
        places=f.get("places", base.places),
        rounding=f.get("rounding", base.rounding),
        bands=tuple(sorted(bands, key=lambda b: -b.min)) if f.has("bands") else base.bands,
        tie_breaks=tuple(f.get("tie_breaks", base.tie_breaks)),
        negative_total=f.get("negative_total", base.negative_total),
    )


def build_award(f: Fields) -> m.AwardPolicy:
    quota = f.get("quota")
    if isinstance(quota, int):
        quota = m.Quota(count=quota)
    elif isinstance(quota, Fields):
        quota = m.Quota(count=quota.get("count"), share=quota.get("share"),
                        rounding=quota.get("rounding", "down"), minimum=quota.get("min", 0),
                        base=quota.get("of", ""))
    else:
        quota = None
    from_award = f.get("from_award")
    votes = f.get("votes")
    vote_base, strict, vote_keys = "voters", False, ()
    if isinstance(votes, Fields):
        vote_keys = tuple(k for k in ("min", "over") if votes.get(k) is not None)  # {min: 70%} or {over: 50%}, and what the share is of
        vote_base = votes.get("of", "voters")
        strict = votes.get("over") is not None and votes.get("min") is None
        votes = votes.get("min") if votes.get("min") is not None else votes.get("over")
    return m.AwardPolicy(
        id=f.get("id").id if f.get("id") else "?",
        name=f.get("name", ""),
        level=f.get("level", "bloc"),
        quota=quota,
        vote_threshold=votes,
        min_score=f.get("min_score"),
        min_band=f.get("min_band"),
        no_discipline=f.get("no_discipline", True),
        full_year=f.get("full_year", True),
        from_award=from_award.id if from_award else None,
        src=f.src,
        vote_base=vote_base,
        vote_strict=strict,
        combines_with=tuple(r.id for r in f.get("combines_with", ())),
        vote_keys=vote_keys,
    )


def build_config(f: Fields | None) -> m.Config:
    if f is None:
        return m.Config()
    province = f.get("province", "")
    scoring = _obj(f.get("scoring"))
    review = _obj(f.get("review"))
    return m.Config(
        province=province,
        place=f.get("place", province),
        scoring=build_scoring(scoring, m.ScoringPolicy()),
        awards=tuple(build_award(a) for a in f.get("awards", ()) if isinstance(a, Fields)),
        rotation=build_rotation(_obj(f.get("rotation"))),
        src=f.src,
        documents=build_documents(_obj(f.get("documents"))),
        bands_src=scoring.key_srcs.get("bands") if scoring is not None else None,
        awards_src=f.key_srcs.get("awards"),
        quorum=review.get("quorum") if review is not None else None,
        quorum_src=review.at("quorum") if review is not None else None,
    )


def _points(entries) -> tuple[m.Points, ...]:
    return tuple(m.Points(e.key, e.value, e.value_src, e.key_src) for e in entries or ())


def build_scores(e: Entry) -> m.MemberScores:
    f: Fields = e.value
    bonus = f.get("bonus")
    deductions = f.get("deductions")
    return m.MemberScores(
        member=m.Ref(e.key, e.key_src),
        src=f.src,
        self_points=_points(f.get("self")),
        agreed=_points(f.get("agreed")),
        bonus=_adjust(bonus, f.at("bonus")),
        deductions=_adjust(deductions, f.at("deductions")),
        asserted_total=f.get("total"),
        asserted_src=f.at("total") if f.has("total") else None,
        self_bonus=_adjust(f.get("self_bonus"), f.at("self_bonus")),
        self_deductions=_adjust(f.get("self_deductions"), f.at("self_deductions")),
    )


def _adjust(value, src) -> tuple[m.Adjustment, ...]:
    if isinstance(value, Decimal):
        return (m.Adjustment(value, src),) if value else ()
    return tuple(m.Adjustment(a.get("points", Decimal(0)), a.src, a.get("reason", ""))
                 for a in value or () if isinstance(a, Fields))


def build_person(f: Fields | None) -> m.Person | None:
    if f is None or not f.get("name"):
        return None
    return m.Person(name=f.get("name"), src=f.src, title=f.get("title", ""), unit=f.get("unit"))


def build_documents(f: Fields | None) -> m.DocumentSettings:
    if f is None:
        return m.DocumentSettings()
    return m.DocumentSettings(
        superior=f.get("superior", ""), addressee=f.get("addressee", ""),
        grounds=tuple(g for g in f.get("grounds", ()) if g), recipients=tuple(r for r in f.get("recipients", ()) if r),
        signer=build_person(_obj(f.get("signer"))), proposal_number=f.get("proposal_number", ""),
        office=f.get("office", ""), office_superior=f.get("office_superior", ""),
    )


def _time(text: str) -> str:
    """``8h00``, ``8g00``, ``08:00`` → ``08:00``."""
    if not text:
        return ""
    hours, minutes = re.split(r"[:hg]", text)
    return f"{int(hours):02d}:{minutes}"


def build_event(kind: str, value, src) -> m.Event | None:
    if value is None:
        return None
    if isinstance(value, Fields):
        return m.Event(kind=kind, date=value.get("date"), src=value.src, place=value.get("place", ""),
                       host=value.get("host"), present=tuple(value.get("present", ())),
                       note=value.get("note", ""), start=_time(value.get("start", "")),
                       end=_time(value.get("end", "")), chair=build_person(_obj(value.get("chair"))),
                       secretary=build_person(_obj(value.get("secretary"))))
    return m.Event(kind=kind, date=value, src=src)


REGULAR = "thường xuyên"  # what a campaign may say for khen thưởng thường xuyên (the default)


def build_honour(f: Fields) -> m.Honour:
    decision_f = _obj(f.get("decision"))
    decision = None
    if decision_f is not None:
        decision = m.HonourDecision(src=decision_f.src, number=decision_f.get("number", ""),
                                    date=decision_f.get("date"), issuer=decision_f.get("issuer", ""),
                                    date_src=decision_f.at("date") if decision_f.has("date") else None)
    count = _obj(f.get("count"))
    campaign = f.get("campaign", "")
    return m.Honour(
        award=f.get("award", ""), src=f.src, level=f.get("level", ""), decision=decision,
        campaign="" if " ".join(campaign.split()).casefold() == REGULAR else campaign,
        proposed_by=f.get("proposed_by", ""),
        collectives=tuple(f.get("collectives", ())),
        individuals=tuple(p for p in (build_person(x) for x in f.get("individuals", ()) if isinstance(x, Fields))
                          if p is not None),
        collective_count=count.get("collectives") if count else None,
        individual_count=count.get("individuals") if count else None,
        collective_count_src=count.at("collectives") if count and count.has("collectives") else None,
        individual_count_src=count.at("individuals") if count and count.has("individuals") else None,
        note=f.get("note", ""),
    )


def build_bloc_year(f: Fields, table: m.Table | None, config: m.Config | None = None,
                    complete: bool = True) -> m.BlocYear:
    """A bloc-year; its own ``rotation:`` and ``scoring:`` override the province's key by key."""
    config = config or m.Config()
    bloc = f.get("bloc")
    events_f = _obj(f.get("events"))
    events = ()
    if events_f is not None:
        events = tuple(e for e in (build_event(k, events_f.get(k), events_f.at(k))
                                   for k in ("covenant", "midyear", "review")) if e is not None)
    votes_f = _obj(f.get("votes"))
    votes = None
    if votes_f is not None:
        counts = tuple(
            m.VoteCount(award.key, m.Ref(c.key, c.key_src), c.value, c.value_src, award.key_src)
            for award in votes_f.get("awards", ()) for c in award.value
        )
        votes = m.Votes(src=votes_f.src, voters=votes_f.get("voters"),
                        voters_src=votes_f.at("voters"), counts=counts)
    decided_f = _obj(f.get("decided"))
    decided = None
    if decided_f is not None:
        decided = m.Decided(
            src=decided_f.src,
            awards=tuple(m.AwardDecision(a.key, ref, ref.src, a.key_src)
                         for a in decided_f.get("awards", ()) for ref in a.value),
            next_leader=decided_f.get("next_leader"),
            next_deputy=decided_f.get("next_deputy"),
            note=decided_f.get("note", ""),
        )
    criteria = f.get("criteria")
    criteria_ref = m.Ref(criteria, f.at("criteria")) if isinstance(criteria, str) else None
    return m.BlocYear(
        bloc=bloc.id if bloc else "",
        year=f.get("year", 0),
        name=f.get("name", ""),
        src=f.src,
        bloc_src=f.at("bloc"),
        year_src=f.at("year"),
        members=tuple(
            m.Member(id=x.get("id").id, name=x.get("name", ""), src=x.src, short=x.get("short", ""),
                     joined=x.get("joined"), left=x.get("left"),
                     predecessors=tuple(x.get("predecessors", ())))
            for x in f.get("members", ()) if isinstance(x, Fields) and x.get("id")
        ),
        leader=f.get("leader"),
        deputy=f.get("deputy"),
        rotation=build_rotation(_obj(f.get("rotation")), config.rotation),
        events=events,
        criteria_ref=criteria_ref,
        table=table,
        scores=tuple(build_scores(e) for e in f.get("scores", ()) if isinstance(e.value, Fields)),
        votes=votes,
        discipline=tuple(m.Discipline(d.get("member"), d.src, d.get("reason", ""), d.get("pending", False),
                                      d.get("date"), d.get("until"))
                         for d in f.get("discipline", ()) if isinstance(d, Fields) and d.get("member")),
        decided=decided,
        honours=tuple(build_honour(h) for h in f.get("honours", ()) if isinstance(h, Fields) and h.get("award")),
        departures=tuple(
            m.Departure(member=d.get("member"), reason=d.get("reason", "other"), src=d.src,
                        into=d.get("into"), date=d.get("date"), note=d.get("note", ""))
            for d in f.get("departures", ()) if isinstance(d, Fields) and d.get("member")
        ),
        scoring=build_scoring(_obj(f.get("scoring")), config.scoring) if f.has("scoring") else None,
        awards=tuple(build_award(a) for a in f.get("awards", ()) if isinstance(a, Fields)),
        number=f.get("number", ""),
        note=f.get("note", ""),
        complete=complete,
        kind=f.get("kind") or ("cụm" if f.get("name", "").lower().startswith("cụm") else "khối"),
        documents=build_documents(_obj(f.get("documents"))),
        predecessors=tuple(f.get("predecessors", ())),
        province=f.get("province", ""),
    )
