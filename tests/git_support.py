"""A small data root in a git repository (Bắc Kạn, bloc mttq, 2019 and 2020) and git helpers, shared
by the diff, history and init tests (a helper module: it holds no tests). The ``git_env`` fixture that
keeps the user's git configuration out is in conftest.py."""

from __future__ import annotations

import subprocess
from pathlib import Path

CONFIG_YAML = """\
province: Bắc Kạn
scoring:
  bands:
    - {name: Xuất sắc, min: 95}
    - {name: Tốt, min: 85}
    - {name: Khá, min: 0}
awards:
  - id: co-ubnd
    name: Cờ thi đua của UBND tỉnh
    quota: 1
    min_band: Xuất sắc
  - id: bang-khen
    name: Bằng khen của Chủ tịch UBND tỉnh
    quota: 1
    min_band: Tốt
rotation:
  rule: deputy-succeeds
"""

TABLE_YAML = """\
name: Bảng chấm điểm khối MTTQ
total: 100
groups:
  - id: "1"
    name: Công tác chuyên môn
    items:
      - {id: "1.1", name: Kết quả nhiệm vụ, max: 50}
      - {id: "1.2", name: Phong trào thi đua, max: 30}
  - {id: "2", name: Xây dựng tổ chức, max: 20}
bonus: {max: 5}
deductions: {max: 5}
"""

MEMBERS = """\
members:
  - {id: hlhpn, name: Hội Liên hiệp Phụ nữ tỉnh}
  - {id: ldld, name: Liên đoàn Lao động tỉnh}
  - {id: hnd, name: Hội Nông dân tỉnh}
  - {id: tinhdoan, name: Tỉnh đoàn}
"""

YEAR_2019 = f"""\
bloc: mttq
year: 2019
name: Khối thi đua MTTQ và các đoàn thể tỉnh
{MEMBERS}leader: tinhdoan
deputy: hlhpn
criteria: _tables/mttq
scores:
  hlhpn: {{agreed: {{"1.1": 47, "1.2": 28, "2": 19}}}}
  ldld: {{agreed: {{"1.1": 46, "1.2": 28, "2": 18}}}}
  hnd: {{agreed: {{"1.1": 44, "1.2": 26, "2": 17}}}}
  tinhdoan: {{agreed: {{"1.1": 45, "1.2": 27, "2": 18}}}}
decided:
  next_leader: hlhpn
  next_deputy: ldld
"""

# Totals: hlhpn 95, ldld 94, tinhdoan 91, hnd 88,5 → ranks 1, 2, 3, 4.
YEAR_2020 = f"""\
bloc: mttq
year: 2020
name: Khối thi đua MTTQ và các đoàn thể tỉnh
{MEMBERS}leader: hlhpn
deputy: ldld
criteria: _tables/mttq
scores:
  hlhpn:
    agreed: {{"1.1": 48, "1.2": 28, "2": 19}}
  ldld:
    agreed: {{"1.1": 47, "1.2": 29, "2": 18}}
  hnd:
    self: {{"1.1": 45, "1.2": 27, "2": 18}}
    agreed: {{"1.1": 45, "1.2": 26.5, "2": 17}}
  tinhdoan:
    agreed: {{"1.1": 46, "1.2": 27, "2": 18}}
decided:
  awards:
    co-ubnd: [hlhpn]
    bang-khen: [ldld]
  next_leader: ldld
  next_deputy: hnd
"""

HND_LINE = 'agreed: {"1.1": 45, "1.2": 26.5, "2": 17}'


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "init.defaultBranch=main", *args], cwd=repo, capture_output=True,
                          text=True, check=True)
    return done.stdout


def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def make_repo(path: Path, files: dict[str, str] | None = None) -> Path:
    """A git repository holding a small data root (Bắc Kạn, bloc mttq, 2019 and 2020), one commit."""
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q")
    write(path, files or {"thidua.yaml": CONFIG_YAML, "blocs/_tables/mttq.yaml": TABLE_YAML,
                          "blocs/mttq/2019.yaml": YEAR_2019, "blocs/mttq/2020.yaml": YEAR_2020})
    commit(path, "Dữ liệu khối MTTQ 2019-2020")
    return path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
