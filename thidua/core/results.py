"""Scoring a bloc-year end to end: totals → ranks → proposals; a year: every bloc, then the province step
(:mod:`thidua.core.province`).

Pure: no findings are made here (the checks that read a result, such as W700, run in
the evaluation), nothing is read or printed.
"""

from __future__ import annotations

from dataclasses import dataclass

from thidua.core.awards import Miss, Proposal, propose_bloc, quota_population, quota_text
from thidua.core.province import ProvinceMiss, ProvinceProposal, propose_province
from thidua.core.scoring import MemberTotal, Ranked, rank, totals
from thidua.core.settings import Settings
from thidua.model import AwardPolicy, BlocYear, Config, ScoringPolicy


@dataclass(frozen=True, slots=True)
class BlocResult:
    """Everything `score` knows about one bloc-year; renderers read this, never recompute."""

    bloc_year: BlocYear
    settings: Settings
    ranked: tuple[Ranked, ...]
    proposals: tuple[Proposal, ...]
    misses: tuple[Miss, ...]

    @property
    def scoring(self) -> ScoringPolicy:
        return self.settings.scoring

    @property
    def awards(self) -> tuple[AwardPolicy, ...]:
        return self.settings.awards

    def proposals_for(self, member: str) -> tuple[Proposal, ...]:
        return tuple(p for p in self.proposals if p.member == member)

    def misses_for(self, member: str) -> tuple[Miss, ...]:
        return tuple(m for m in self.misses if m.member == member)

    def quota_text(self, award: AwardPolicy) -> str:
        """``award``'s quota as applied to this bloc (``50% của 5 đơn vị còn lại = 2,50 → 2``)."""
        before = {a.id for a in self.awards[:self.awards.index(award)]} if award in self.awards else set()
        earlier = {p.member for p in self.proposals if p.award in before}
        return quota_text(award.quota, quota_population(award, self.bloc_year, earlier))


@dataclass(frozen=True, slots=True)
class YearResult:
    year: int
    blocs: tuple[BlocResult, ...]
    province_proposals: tuple[ProvinceProposal, ...]
    province_misses: tuple[ProvinceMiss, ...]


def score_bloc(by: BlocYear, settings: Settings,
               member_totals: tuple[MemberTotal, ...] | None = None) -> BlocResult:
    """Rank ``by`` and propose its awards; ``member_totals`` when the caller has them already."""
    scoring = settings.scoring
    if member_totals is None:
        member_totals = totals(by, scoring)
    ranked = rank(by, member_totals, scoring)
    proposals, misses = propose_bloc(by, ranked, settings.awards, scoring)
    return BlocResult(by, settings, ranked, proposals, misses)


def score_year(year: int, results: list[BlocResult], config: Config, shown: str | None = None) -> YearResult:
    """The year: every bloc's result and the province step over all of them.

    ``shown`` narrows what the result holds to one bloc, after the province step has
    seen every bloc (a share of the blocs' leaders depends on all of them).
    """
    own = [r for r in results if not r.bloc_year.province or r.bloc_year.province == config.province]
    proposals, misses = propose_province(own, config.awards)  # a former province's history takes no part
    if shown is not None:
        results = [r for r in results if r.bloc_year.bloc == shown]
        proposals = tuple(p for p in proposals if p.bloc == shown)
        misses = tuple(m for m in misses if m.bloc == shown)
    return YearResult(year, tuple(results), proposals, misses)
