"""What the three documents of a bloc-year draw on, gathered once (pure).

Whether the bloc has decided (``decided:`` records its award decisions or next year's
leader) decides how the documents speak: a decision is stated as the meeting's; without
one the documents are a *DỰ THẢO* that presents the rules' proposal for the meeting to
vote on. A year with no scores at all is a blank form to fill in.
"""

from __future__ import annotations

from dataclasses import dataclass

from thidua.core.handover import Handover
from thidua.core.results import BlocResult
from thidua.documents.common import member_name, province_label
from thidua.documents.words import Words, words_for
from thidua.model import Config, Event, Person


@dataclass(frozen=True, slots=True)
class Signer:
    name: str
    title: str
    unit: str


@dataclass(frozen=True, slots=True)
class BlocFacts:
    """Attributes:
    result, handover, config: what the core computed, and the province's config.
    words: khối or cụm; review: the year-end meeting (None when not recorded).
    decided: the bloc recorded what it decided; scored: some member has scores.
    decisions: (award id, member id) the bloc decided, in the order written.
    award_names: award id → name (the awards in force, then any id the file names).
    superior, addressee, grounds, recipients, proposal_number: from ``documents:`` (the bloc's over the province's).
    signer: who signs the proposal and the score sheet; chair, secretary: of the meeting.
    """

    result: BlocResult
    handover: Handover | None
    config: Config
    words: Words
    review: Event | None
    decided: bool
    scored: bool
    decisions: tuple[tuple[str, str], ...]
    award_names: dict[str, str]
    superior: str
    addressee: str
    grounds: tuple[str, ...]
    recipients: tuple[str, ...]
    proposal_number: str
    signer: Signer | None
    chair: Signer | None
    secretary: Signer | None

    @property
    def by(self):
        return self.result.bloc_year

    @property
    def draft(self) -> bool:
        return not self.decided

    @property
    def place(self) -> str:
        return self.config.place or self.config.province

    @property
    def date(self):
        return self.review.date if self.review else None

    def name(self, member_id: str | None) -> str:
        return member_name(self.by, member_id)


def _signer(by, p: Person | None) -> Signer | None:
    if p is None:
        return None
    return Signer(p.name, p.title, member_name(by, p.unit.id) if p.unit else "")


def gather(result: BlocResult, handover: Handover | None, config: Config) -> BlocFacts:
    by = result.bloc_year
    review = by.event("review")
    own, province = by.documents, config.documents
    decided = by.decided is not None and bool(by.decided.awards or by.decided.next_leader or by.decided.next_deputy)
    names = {a.id: a.name for a in result.awards}
    label = province_label(config.province)
    council = f"Hội đồng Thi đua - Khen thưởng {label}".strip() if label else "Hội đồng Thi đua - Khen thưởng"
    return BlocFacts(
        result=result, handover=handover, config=config, words=words_for(by.kind), review=review,
        decided=decided,
        scored=any(r.total.scored for r in result.ranked),
        decisions=tuple((d.award, d.member.id) for d in (by.decided.awards if by.decided else ())),
        award_names=names,
        superior=own.superior or province.superior or council,
        addressee=own.addressee or province.addressee or council,
        grounds=(*province.grounds, *own.grounds),
        recipients=own.recipients or province.recipients,
        proposal_number=own.proposal_number,
        signer=_signer(by, own.signer),
        chair=_signer(by, review.chair) if review else None,
        secretary=_signer(by, review.secretary) if review else None,
    )
