"""The reference of what a data root's templates receive, generated from the records' docstrings.

docs/report.md holds it between markers; ``python -m thidua.schema.docs --write`` rewrites it
and tests/test_docs.py fails when it is stale, so the documentation cannot drift from the code.
"""

from __future__ import annotations

import dataclasses
import inspect
import re
import typing

from thidua.documents import province_records, records

# What each template receives at the top level.
TEMPLATE_NAMES = (
    ("score_sheet", "ScoreSheet", "the bloc's templates: `bao-cao-khoi.md.j2`, `bang-tong-hop.md.j2`"),
    ("minutes", "Minutes", "the bloc's templates: `bao-cao-khoi.md.j2`, `bien-ban.md.j2`"),
    ("proposal", "Proposal", "the bloc's templates: `bao-cao-khoi.md.j2`, `to-trinh.md.j2`"),
    ("year, bloc, bloc_name", "", "the bloc's templates: the year, the bloc's id and name"),
    ("summary", "ProvinceSummary", "the province template `tong-hop-tinh.md.j2`"),
)
RECORDS = (records.Header, records.Signature, records.ScoreSheet, records.Column, records.ScoreRow,
           records.Minutes, records.Section, records.VoteTable, records.VoteRow, records.HonourGroup,
           records.HonourRow, records.Proposal, records.ProposalGroup, records.ProposalEntry,
           province_records.ProvinceSummary, province_records.BlocSummary, province_records.RankRow,
           province_records.HonourSummary, province_records.HonourCount)
_ATTRIBUTE = re.compile(r"^\s{2}([a-z_][a-z_0-9]*(?:(?:, | and )[a-z_][a-z_0-9]*)*): (.*)$")


def descriptions(cls) -> dict[str, str]:
    """Field name → its description, read from the "Attributes:" part of the class docstring."""
    doc = inspect.getdoc(cls) or ""
    if "Attributes:" not in doc:
        return {}
    out: dict[str, str] = {}
    current: list[str] = []
    for line in doc.split("Attributes:", 1)[1].splitlines():
        m = _ATTRIBUTE.match(line)
        if m:
            current = re.split(r", | and ", m[1])
            for name in current:
                out[name] = m[2]
        elif line.strip() and current:
            for name in current:
                out[name] += " " + line.strip()
    # "no: row number; name: …" on one line describes several fields
    for text in list(out.values()):
        for part in text.split("; "):
            inner = re.match(r"^([a-z_][a-z_0-9]*(?:, [a-z_][a-z_0-9]*)*): (.*)$", part)
            if inner:
                for field in inner[1].split(", "):
                    out.setdefault(field, inner[2])
    return out


def _type(cls, name: str) -> str:
    hint = typing.get_type_hints(cls)[name]
    text = str(hint).replace("typing.", "").replace("thidua.documents.records.", "")
    text = text.replace("thidua.documents.province_records.", "")
    text = text.replace("<class '", "").replace("'>", "").replace("decimal.", "").replace("datetime.", "")
    return text.replace("NoneType", "None")


def render_reference() -> str:
    lines = ["| Name | Record | Received by |", "| --- | --- | --- |"]
    lines += [f"| `{n}` | {f'`{r}`' if r else ''} | {w} |" for n, r, w in TEMPLATE_NAMES]
    for cls in RECORDS:
        summary = (inspect.getdoc(cls) or "").split("\n", 1)[0]
        lines += ["", f"**`{cls.__name__}`**: {summary}", "", "| Field | Type | Meaning |", "| --- | --- | --- |"]
        known = descriptions(cls)
        for f in dataclasses.fields(cls):
            meaning = known.get(f.name, "").replace("``", "`")
            lines.append(f"| `{f.name}` | `{_type(cls, f.name)}` | {meaning} |")
    return "\n".join(lines) + "\n"
