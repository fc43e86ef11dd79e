"""Scoring a bloc-year end to end: totals → ranks → proposals → comparison with what was decided."""

from __future__ import annotations

from dataclasses import dataclass

from thidua.core.awards import (
    LeadingUnit,
    Miss,
    Proposal,
    ProvinceMiss,
    ProvinceProposal,
    propose_bloc,
    propose_province,
)
from thidua.core.scoring import Ranked, rank, totals
from thidua.diagnostics import Diagnostic
from thidua.model import AwardPolicy, BlocYear, Config, ScoringPolicy
from thidua.rules import w700_decision_unsupported


@dataclass(frozen=True, slots=True)
class BlocResult:
    """Everything `score` knows about one bloc-year; renderers read this, never recompute."""

    bloc_year: BlocYear
    scoring: ScoringPolicy
    awards: tuple[AwardPolicy, ...]
    ranked: tuple[Ranked, ...]
    proposals: tuple[Proposal, ...]
    misses: tuple[Miss, ...]
    findings: tuple[Diagnostic, ...]

    def proposals_for(self, member: str) -> tuple[Proposal, ...]:
        return tuple(p for p in self.proposals if p.member == member)

    def misses_for(self, member: str) -> tuple[Miss, ...]:
        return tuple(m for m in self.misses if m.member == member)


@dataclass(frozen=True, slots=True)
class YearResult:
    year: int
    blocs: tuple[BlocResult, ...]
    province_proposals: tuple[ProvinceProposal, ...]
    province_misses: tuple[ProvinceMiss, ...]


def score_bloc(by: BlocYear, config: Config) -> BlocResult:
    scoring = by.scoring or config.scoring
    awards = by.awards or config.awards
    ranked = rank(by, totals(by, scoring), scoring)
    proposals, misses = propose_bloc(by, ranked, awards, scoring)
    findings = tuple(w700_decision_unsupported.compare(by, awards, proposals, misses))
    return BlocResult(by, scoring, awards, ranked, proposals, misses, findings)


def leading_units(result: BlocResult) -> list[LeadingUnit]:
    """The bloc's first-ranked members (several when the first place is shared)."""
    if result.bloc_year.table is None:
        return []
    return [_candidate(result, r) for r in result.ranked if r.rank == 1]


def _candidate(result: BlocResult, r: Ranked) -> LeadingUnit:
    by = result.bloc_year
    votes = by.votes
    return LeadingUnit(
        bloc=by.bloc, bloc_name=by.name, member=r.total.member.id, member_name=r.total.member.name,
        total=r.total.total, ceiling=by.table.ceiling,
        proposed=frozenset(p.award for p in result.proposals_for(r.total.member.id)),
        votes=tuple(sorted((c.award, c.count) for c in (votes.counts if votes else ())
                           if c.member.id == r.total.member.id)),
        voters=votes.voters if votes else None,
    )


def score_year(year: int, results: list[BlocResult], config: Config, shown: str | None = None) -> YearResult:
    """The year: every bloc's result and the province step over all of them.

    ``shown`` narrows what the result holds to one bloc, after the province step has
    seen every bloc (a share of the blocs' leaders depends on all of them).
    """
    leading = [c for r in results for c in leading_units(r)]
    proposals, misses = propose_province(leading, config.awards, len(results))
    if shown is not None:
        results = [r for r in results if r.bloc_year.bloc == shown]
        proposals = tuple(p for p in proposals if p.bloc == shown)
        misses = tuple(m for m in misses if m.bloc == shown)
    return YearResult(year, tuple(results), proposals, misses)
