"""JSON Schema (draft 2020-12) generated from the format declarations."""

from __future__ import annotations

import json

from thidua.schema.formats import BLOC_YEAR, CONFIG, TABLE

_SPECS = {"bloc-year": (BLOC_YEAR, "bloc-year"), "table": (TABLE, "table"), "config": (CONFIG, "config")}


def schema_of(kind: str = "bloc-year") -> dict:
    spec, name = _SPECS[kind]
    doc = {"$schema": "https://json-schema.org/draft/2020-12/schema",
           "$id": f"https://thidua.invalid/schema/{name}.schema.json"}
    doc.update(spec.schema())
    return doc


def dumps(kind: str = "bloc-year") -> str:
    return json.dumps(schema_of(kind), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
