"""A small data root for the form tests, in every YAML style an office writes, and helpers to fill forms.

Shared by the tests/test_form_*.py modules (a helper module: it holds no tests).

The bloc-year mixes flow and block mappings, a quoted and an unquoted reason, a
bonus written as a list and deductions written as a single number, comments at
every level, a member with no scores yet and one with self scores only.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from thidua.cli.app import app

CONFIG = textwrap.dedent("""\
    # Cấu hình thử nghiệm cho biểu mẫu.
    province: Khánh Hòa
    scoring:
      bands:
        - {name: Tốt, min: 20}
        - {name: Khá, min: 0}
""")

BLOC_2024 = textwrap.dedent("""\
    # Khối thi đua kiểm thử: dùng cho các bài kiểm thử biểu mẫu Excel.
    bloc: kt
    year: 2024
    name: Khối thi đua kiểm thử

    members:
      - {id: alpha, name: Sở Alpha}
      - {id: beta, name: Ban Beta, short: Beta}
      - id: gamma
        name: Đài Gamma
      - {id: delta, name: Đoàn Delta}

    leader: alpha
    deputy: beta

    criteria:
      table: kt-2024
      name: Bảng điểm thử năm 2024
      total: 30
      groups:
        - id: "1"
          name: Nhóm một
          max: 20
          items:
            - {id: "1.1", name: Tiêu chí một chấm một, max: 10}
            - {id: "1.2", name: Tiêu chí một chấm hai, max: 10}
        - {id: "2", name: Nhóm hai, max: 10}
      bonus: {max: 3}
      deductions: {max: 5}

    # Điểm: alpha đủ cả hai loại; beta chỉ tự chấm; gamma chưa có; delta có điểm trừ dạng một số.
    scores:
      alpha:   # Sở Alpha
        self:   {"1.1": 9, "1.2": 8, "2": 9.5}
        agreed: {"1.1": 8.5, "1.2": 8, "2": 9}
        bonus: [{points: 1, reason: 'Sáng kiến hay'}]
        total: 26.5

      beta:
        self:
          "1.1": 7   # tự chấm, thiếu 1.2
          "2": 8
        deductions:
          - points: 0.5
            reason: Nộp báo cáo chậm

      delta:
        self: {"1.1": 5, "1.2": 5, "2": 5}
        deductions: 1

    # Ghi chú cuối tệp.
    note: Dữ liệu minh họa.
""")

BLOC_2023 = textwrap.dedent("""\
    bloc: kt
    year: 2023
    name: Khối thi đua kiểm thử
    members:
      - {id: alpha, name: Sở Alpha}
      - {id: beta, name: Ban Beta}
    criteria:
      table: kt-2023
      name: Bảng điểm thử năm 2023
      groups:
        - {id: "1", name: Nhóm một, max: 10}
""")

YEAR_FILE = "blocs/kt/2024.yaml"

# Where things are on a self-score sheet (form version 3: the decree's header above the title; rows follow
# the table: 1, 1.1, 1.2, 2; points in column E, reasons in B, merged over C).
SELF = {"1": "E10", "1.1": "E11", "1.2": "E12", "2": "E13", "bonus1": "E17", "bonus1_reason": "B17",
        "bonus2": "E18", "bonus2_reason": "B18", "ded1": "E22", "ded1_reason": "B22", "ded2": "E23",
        "ded2_reason": "B23", "total": "E26"}
SELF_CODES = {"1": "A10", "1.1": "A11", "1.2": "A12", "2": "A13"}  # the criterion ids in column A
SHEETS = {"alpha": "Sở Alpha", "beta": "Beta", "gamma": "Đài Gamma", "delta": "Đoàn Delta"}


def make_root(base: Path, crlf: bool = False) -> Path:
    root = base / "root"
    files = {"thidua.yaml": CONFIG, YEAR_FILE: BLOC_2024, "blocs/kt/2023.yaml": BLOC_2023}
    for name, text in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(text.replace("\n", "\r\n" if crlf else "\n").encode("utf-8"))
    return root


def run(*args: str):
    return CliRunner().invoke(app, [str(a) for a in args])


def export(root: Path, out: Path, *extra: str, year: int = 2024):
    result = run("form", "export", "--root", root, "--bloc", "kt", str(year), "-o", out, *extra)
    assert result.exit_code == 0, result.output
    return out


def fill(src: Path, dst: Path, cells: dict[str, dict[str, object]]) -> Path:
    """Write values into a form as a member would (openpyxl, no recomputation)."""
    wb = openpyxl.load_workbook(src)
    for sheet, values in cells.items():
        for ref, value in values.items():
            wb[sheet][ref] = value
    wb.save(dst)
    return dst


def score_json(root: Path, year: int = 2024) -> dict:
    result = run("score", str(year), "--root", root, "--bloc", "kt", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    return {m["id"]: m for m in data["blocs"][0]["members"]}


def slot_cells(form: Path) -> dict[tuple[str, str, str, str], tuple[str, str]]:
    """(member, field, key, part) → (sheet, cell) of every input cell, read from the form's hidden sheet."""
    ws = openpyxl.load_workbook(form)["_thidua"]
    out = {}
    for row in ws.iter_rows(values_only=True):
        if row and row[0] == "input":
            _, sheet, cell, member, field, key, part = (str(v) if v is not None else "" for v in row[:7])
            out[(member, field, key, part)] = (sheet, cell)
    return out


def fill_slots(src: Path, dst: Path, values: dict[tuple[str, str, str, str], object]) -> Path:
    """Fill cells named by what they fill: ("alpha", "bonus", "1", "points") → 2."""
    where = slot_cells(src)
    cells: dict[str, dict[str, object]] = {}
    for target, value in values.items():
        sheet, cell = where[target]
        cells.setdefault(sheet, {})[cell] = value
    return fill(src, dst, cells)


def make_wide_root(base: Path, members: int) -> Path:
    """A data root whose bloc kw (2024) has ``members`` members (m01, m02 …) and no scores yet."""
    lines = ["bloc: kw", "year: 2024", "name: Khối rộng", "members:"]
    lines += [f"  - {{id: m{i:02d}, name: Đơn vị {i:02d}}}" for i in range(1, members + 1)]
    lines += ["criteria:", "  table: kw-2024", "  name: Bảng điểm", "  groups:",
              '    - {id: "1", name: Nhóm một, max: 10}', '    - {id: "2", name: Nhóm hai, max: 10}',
              "  deductions: {max: 5}", "scores: {}", ""]
    root = base / "wide"
    for name, text in {"thidua.yaml": CONFIG, "blocs/kw/2024.yaml": "\n".join(lines)}.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return root
