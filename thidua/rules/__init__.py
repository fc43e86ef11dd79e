"""The registry of rules: every code thidua can report, one module each.

A rule module holds ``RULE`` (code, default severity, title, hint) and, for the
checks that run on a loaded bloc-year (or on thidua.yaml), a ``check`` generator.
Codes are stable: never renumbered, never reused. docs/rules.md is tested against
this registry.
"""

from __future__ import annotations

import importlib
from types import ModuleType

# Every rule module, by name: adding a rule is adding its module here.
_NAMES = (
    "e001_not_utf8",
    "e002_utf16",
    "e003_legacy_font_text",
    "e004_not_nfc",
    "e005_eth_for_dj",
    "e006_empty_file",
    "e100_yaml_syntax",
    "e101_duplicate_key",
    "e102_alias",
    "e103_tag",
    "e104_too_deep",
    "e105_complex_key",
    "e106_multiple_documents",
    "e200_wrong_type",
    "e201_unknown_key",
    "e202_missing_key",
    "e203_bad_number",
    "e204_bad_date",
    "e205_out_of_range",
    "e206_bad_id",
    "e207_bad_choice",
    "e208_empty_value",
    "e300_bloc_mismatch",
    "e301_year_mismatch",
    "e302_duplicate_member",
    "e303_unknown_member",
    "e304_leader_is_deputy",
    "e305_table_not_found",
    "e306_table_total",
    "e307_duplicate_criterion",
    "e308_unknown_award",
    "w309_event_outside_year",
    "e310_bad_award_rule",
    "e400_score_out_of_range",
    "e401_unknown_criterion",
    "e402_bonus_over_cap",
    "e403_deductions_over_cap",
    "e404_total_mismatch",
    "w405_missing_scores",
    "w406_not_agreed",
    "w407_incomplete_scores",
    "e500_votes_over_voters",
    "e501_voters_over_members",
    "w502_discipline_award",
    "w600_rotation_mismatch",
    "w601_member_vanished",
    "w700_decision_unsupported",
)

MODULES: tuple[ModuleType, ...] = tuple(importlib.import_module(f"{__name__}.{n}") for n in _NAMES)

REGISTRY = {m.RULE.code: m.RULE for m in MODULES}


def checks(stage: str, complete: bool = True):
    """The check functions of one stage, in code order (without those that need every value loaded)."""
    return tuple(m.check for m in MODULES
                 if m.RULE.stage == stage and hasattr(m, "check") and (complete or not m.RULE.needs_complete))
