"""The fixture data root of the report tests (tests/golden/report/data), and helpers the
tests/test_report_*.py modules share (a helper module: it holds no tests).

The root holds two blocs of Khánh Hòa in 2024: ``mttq`` (7 members, one named
"Liên hiệp các Hội KH&KT | tỉnh *Khánh Hòa*" so Markdown escaping is exercised,
votes, decisions, a handover that follows the rule; 2023 as its history) and
``kinh-te`` (4 members, reviewed on 09/01/2025).
"""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

from fixtures_scoring import run_cli

DATA = Path(__file__).resolve().parent / "golden" / "report" / "data"


def data_root(tmp_path: Path) -> Path:
    """A fresh copy of the fixture root (reports are written inside it)."""
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    return root


def report(root: Path, *args: str):
    return run_cli(["report", "--root", str(root), *args])


def markdown_text(path: Path) -> str:
    """A Markdown file as read: escapes, bold marks and <br> taken out."""
    text = path.read_text(encoding="utf-8")
    return re.sub(r"\\(.)", r"\1", text.replace("<br>", "\n").replace("**", ""))


def workbook_text(path: Path) -> tuple[str, set[str]]:
    """Every text cell of a workbook, and every number in it."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    strings, numbers = [], set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    strings.append(cell.value)
                elif isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                    numbers.add(Decimal(repr(cell.value)).normalize())
    return "\n".join(strings), numbers


def body_text(path: Path) -> str:
    """Every paragraph and table row of a Word document's body, in order (tables as ``a | b | c``), one per line."""
    import docx

    document = docx.Document(str(path))
    out = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[1]
        if tag == "p":
            text = "".join(t.text or "" for t in block.iter() if t.tag.endswith("}t"))
            if text.strip():
                out.append(text)
        elif tag == "tbl":
            table = docx.table.Table(block, document)
            for row in table.rows:
                cells = []
                for cell in row.cells:
                    text = "\n".join(p.text for p in cell.paragraphs if p.text.strip())
                    if not cells or text != cells[-1]:  # a merged cell repeats itself
                        cells.append(text)
                if any(cells):
                    out.append(" | ".join(cells))
    return "\n".join(out) + "\n"
