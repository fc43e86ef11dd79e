"""The rules in force for one bloc-year: the bloc's own where its file states them, else the province's.

A bloc-year may write its own ``scoring``, ``awards`` and ``rotation``; each one it
leaves out comes from thidua.yaml. This choice is made here, once, and every check,
score, proposal, handover, diff and document reads the result.
"""

from __future__ import annotations

from dataclasses import dataclass

from thidua.model import AwardPolicy, BlocYear, Config, RotationPolicy, ScoringPolicy


@dataclass(frozen=True, slots=True)
class Settings:
    """Attributes:
    scoring: rounding, bands and tie-breaks.
    awards: the award policies, in the order they are considered.
    rotation: how the leader (Trưởng khối) passes on; None when neither the bloc-year nor
      thidua.yaml states a rule (then nothing is proposed).
    own: which of ``scoring``, ``awards``, ``rotation`` the bloc-year states itself.
    """

    scoring: ScoringPolicy
    awards: tuple[AwardPolicy, ...]
    rotation: RotationPolicy | None
    own: frozenset[str] = frozenset()

    def award(self, award_id: str) -> AwardPolicy | None:
        return next((a for a in self.awards if a.id == award_id), None)

    @property
    def bloc_awards(self) -> tuple[AwardPolicy, ...]:
        return tuple(a for a in self.awards if a.level == "bloc")


def settings_for(by: BlocYear | None, config: Config) -> Settings:
    """The effective settings of ``by`` (the province's alone when ``by`` is None)."""
    if by is None:
        return Settings(config.scoring, config.awards, config.rotation)
    own = frozenset(name for name, value in (("scoring", by.scoring), ("awards", by.awards),
                                             ("rotation", by.rotation)) if value)
    return Settings(
        scoring=by.scoring or config.scoring,
        awards=by.awards or config.awards,
        rotation=by.rotation or config.rotation,
        own=own,
    )
