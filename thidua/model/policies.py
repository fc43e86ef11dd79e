"""The policies a province (thidua.yaml) or a bloc states: scoring, awards, rotation, what documents print."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from thidua.diagnostics import Source
from thidua.model.records import AwardId, Person, Ref


@dataclass(frozen=True, slots=True)
class Band:
    """Xếp loại: a name and the lowest total that earns it."""

    name: str
    min: Decimal


QUOTA_BASES = ("members", "rest", "blocs", "proposed")


@dataclass(frozen=True, slots=True)
class Quota:
    """At most ``count`` members, or ``share`` of a base rounded by ``rounding``.

    ``base`` is what the share is taken of: ``members`` (the bloc's members, for a bloc-level
    award), ``rest`` (the bloc's members not proposed for an award considered before: "số đơn vị
    còn lại"), ``blocs`` (the blocs' leading units, one a bloc: CV 5007/BNV-TĐKT) or ``proposed``
    (the units the blocs proposed for ``from_award``: NĐ 91/2017, art. 11); empty means the
    level's default (``members`` for a bloc-level award, ``blocs`` for a province-level one).
    """

    count: int | None = None
    share: Decimal | None = None
    rounding: str = "down"  # down | up | nearest
    minimum: int = 0
    base: str = ""


@dataclass(frozen=True, slots=True)
class AwardPolicy:
    """One award and the conditions to propose it (quota, votes, score, eligibility).

    ``level`` is ``bloc`` (each bloc proposes its own members) or ``province``
    (chosen among the blocs' leaders, e.g. Cờ thi đua của Chính phủ). ``vote_threshold`` is
    compared with the votes over ``vote_base``: at least it, or more than it with ``vote_strict``.
    A member receives at most one bloc-level award unless each award it already holds is in
    the next award's ``combines_with``.
    """

    id: AwardId
    name: str
    level: str = "bloc"
    quota: Quota | None = None
    vote_threshold: Decimal | None = None
    min_score: Decimal | None = None
    min_band: str | None = None
    no_discipline: bool = True
    full_year: bool = True
    from_award: AwardId | None = None
    src: Source | None = None
    vote_base: str = "voters"  # voters (the ballots cast) | members (tính trên tổng số thành viên)
    vote_strict: bool = False  # True: more than the share ("trên 50%"); False: at least ("từ 70% trở lên")
    combines_with: tuple[AwardId, ...] = ()  # awards a member may already hold and still receive this one
    vote_keys: tuple[str, ...] = ()  # which of votes.min / votes.over the file writes (E310 wants exactly one)


@dataclass(frozen=True, slots=True)
class ScoringPolicy:
    """How totals are rounded, classified and ranked, and what a total below zero becomes."""

    places: int = 2
    rounding: str = "half-up"
    bands: tuple[Band, ...] = ()
    tie_breaks: tuple[str, ...] = ()
    negative_total: str = "error"  # error (finding E408) | floor (counted as 0)


@dataclass(frozen=True, slots=True)
class RotationPolicy:
    """How the chair passes on.

    ``kind``: ``fixed-order`` (luân phiên theo thứ tự), ``deputy-succeeds`` (Phó khối
    lên Trưởng khối, the next in order becomes deputy), ``best-ranked`` (the
    best-ranked eligible member) or ``elected`` (no proposal, only who is eligible).
    """

    kind: str = "deputy-succeeds"
    order: tuple[Ref, ...] = ()
    skip_first_year: bool = True
    cooldown_years: int = 0


@dataclass(frozen=True, slots=True)
class DocumentSettings:
    """What the documents print that the scores do not say (thidua.yaml's, or a bloc-year's, ``documents:``).

    Empty strings and tuples mean "not stated": a bloc-year's value replaces the province's, its
    ``grounds`` come after the province's.
    """

    superior: str = ""
    addressee: str = ""
    grounds: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    signer: Person | None = None
    proposal_number: str = ""
    office: str = ""
    office_superior: str = ""


@dataclass(frozen=True, slots=True)
class Config:
    """Province-wide defaults from thidua.yaml."""

    province: str = ""
    place: str = ""
    scoring: ScoringPolicy = field(default_factory=ScoringPolicy)
    awards: tuple[AwardPolicy, ...] = ()
    rotation: RotationPolicy | None = None  # None: thidua.yaml states no rotation rule
    src: Source | None = None
    documents: DocumentSettings = field(default_factory=DocumentSettings)
    bands_src: Source | None = None   # where 'bands:' is written (None: not written)
    awards_src: Source | None = None  # where 'awards:' is written (None: not written)
    quorum: Fraction | None = None  # review.quorum: the share of members a review meeting needs present
    quorum_src: Source | None = None

    def award(self, award_id: AwardId) -> AwardPolicy | None:
        return next((a for a in self.awards if a.id == award_id), None)
