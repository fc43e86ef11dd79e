"""Helpers shared by the tests: build a data root in a temporary folder and read its findings.

A rule test gives its input inline (YAML text, or bytes for the encoding rules), writes it
under ``<tmp>/root`` and compares the exact ``(file, code, line, col)`` of every finding.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from thidua.checking import validate
from thidua.diagnostics import Diagnostic, sorted_diagnostics

BLOC_YEAR_PATH = "blocs/mttq/2024.yaml"

CONFIG = textwrap.dedent("""\
    province: Khánh Hòa
    scoring:
      bands:
        - {name: Xuất sắc, min: 95}
        - {name: Tốt, min: 80}
      tie_breaks: ["group:1", deductions]
    awards:
      - id: co-ubnd
        name: Cờ thi đua của UBND tỉnh
        quota: 1
        votes: 70%
        min_band: Xuất sắc
      - id: bang-khen
        name: Bằng khen của Chủ tịch UBND tỉnh
        quota: 1
        votes: 50%
    rotation:
      rule: fixed-order
""")

# Groups 1 (1.1 + 1.2 = 80) and 2 (20): total 100; bonus and deductions capped at 5.
TABLE = textwrap.dedent("""\
    name: Bảng chấm điểm thi đua năm 2024
    total: 100
    groups:
      - id: "1"
        name: Công tác chuyên môn
        items:
          - {id: "1.1", name: Thực hiện nhiệm vụ, max: 50}
          - {id: "1.2", name: Báo cáo đúng hạn, max: 30}
      - id: "2"
        name: Công tác xây dựng tổ chức
        max: 20
    bonus: {max: 5}
    deductions: {max: 5}
""")


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


@dataclass(frozen=True)
class Case:
    """One fixture: files written under the root, and the findings expected from validating it.

    Attributes:
      id: test id.
      files: path (relative to the root) → YAML text (dedented) or raw bytes.
      expect: every finding of the whole root as ``(file, code, line, col)``, in position order.
      config: whether the default thidua.yaml and shared table are written too.
    """

    id: str
    files: dict[str, str | bytes]
    expect: list[tuple[str, str, int, int]] = field(default_factory=list)
    config: bool = True

    @property
    def codes(self) -> set[str]:
        return {e[1] for e in self.expect}


def bloc_case(id: str, text: str | bytes, *expect: tuple[str, int, int], **files: str | bytes) -> Case:
    """A case whose main file is blocs/mttq/2024.yaml; ``expect`` gives (code, line, col) in that file."""
    main = text if isinstance(text, bytes) else dedent(text)
    extra = {k.replace("__", "/"): v for k, v in files.items()}
    return Case(id, {BLOC_YEAR_PATH: main, **extra}, [(BLOC_YEAR_PATH, *e) for e in expect])


def write_root(root: Path, files: dict[str, str | bytes], config: bool = True) -> Path:
    all_files: dict[str, str | bytes] = {}
    if config:
        all_files = {"thidua.yaml": CONFIG, "blocs/_tables/mttq-2024.yaml": TABLE}
    all_files.update(files)
    for name, content in all_files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(dedent(content), encoding="utf-8")
    (root / "blocs").mkdir(exist_ok=True)
    return root


def diagnostics(root: Path) -> list[Diagnostic]:
    """Every finding of the data root, as the CLI shows them (position order, duplicates dropped)."""
    return sorted_diagnostics(d for report in validate(root) for d in report.diagnostics)


def findings(root: Path) -> list[tuple[str, str, int, int]]:
    return [(d.source.file, d.code, d.source.line, d.source.col) for d in diagnostics(root)]


def run_case(case: Case, tmp_path: Path) -> list[tuple[str, str, int, int]]:
    return findings(write_root(tmp_path / "root", case.files, case.config))
