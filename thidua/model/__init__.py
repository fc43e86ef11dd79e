"""The bloc-year model: frozen records that know where they came from.

Nothing here reads files or prints. Loading builds these records from checked
YAML (see thidua.loading.build); rules, scoring, handover and the renderers only
read them. Every value a finding may point at carries a :class:`Source`. The records
live in :mod:`.records` (what a file states), :mod:`.honours` (awards received),
:mod:`.policies` (scoring, awards, rotation, documents) and :mod:`.bloc_year`.
"""

from thidua.model.bloc_year import (
    BlocYear,
    ProvinceUnits,
    UnitPlace,
)
from thidua.model.honours import (
    HONOUR_LEVELS,
    Honour,
    HonourDecision,
    person_key,
)
from thidua.model.policies import (
    QUOTA_BASES,
    AwardPolicy,
    Band,
    Config,
    DocumentSettings,
    Quota,
    RotationPolicy,
    ScoringPolicy,
)
from thidua.model.records import (
    Adjustment,
    AwardDecision,
    AwardId,
    BlocId,
    Criterion,
    CriterionId,
    Decided,
    Departure,
    Discipline,
    Event,
    Member,
    MemberId,
    MemberScores,
    Person,
    Points,
    Ref,
    Table,
    VoteCount,
    Votes,
)

__all__ = [
    "Adjustment",
    "AwardDecision",
    "AwardId",
    "AwardPolicy",
    "Band",
    "BlocId",
    "BlocYear",
    "Config",
    "Criterion",
    "CriterionId",
    "Decided",
    "Departure",
    "Discipline",
    "DocumentSettings",
    "Event",
    "HONOUR_LEVELS",
    "Honour",
    "HonourDecision",
    "Member",
    "MemberId",
    "MemberScores",
    "Person",
    "Points",
    "ProvinceUnits",
    "QUOTA_BASES",
    "Quota",
    "Ref",
    "RotationPolicy",
    "ScoringPolicy",
    "Table",
    "UnitPlace",
    "VoteCount",
    "Votes",
    "person_key",
]
