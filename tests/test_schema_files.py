"""schema/*.json (what editors load through the '# yaml-language-server: $schema=…' line) are what
`thidua schema` prints, and they agree with `thidua validate` on what an office worker types.

The agreement is tried with the real check-jsonschema (in the test extra): the bundled data passes; the
forms thidua accepts (a number in quotes, có/yes for true, a date without its zeros, an unquoted
criterion id) pass the schema too; what thidua refuses, the schema refuses as well.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import write_root
from typer.testing import CliRunner

from thidua.checking import validate
from thidua.cli.app import app

REPO = Path(__file__).resolve().parent.parent
KINDS = ("bloc-year", "config", "table")


@pytest.mark.parametrize("kind", KINDS)
def test_schema_files_are_what_thidua_schema_prints(kind):
    printed = CliRunner().invoke(app, ["schema", kind]).stdout
    on_disk = (REPO / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert on_disk == printed, f"schema/{kind}.schema.json is stale: thidua schema {kind} > schema/{kind}.schema.json"


def test_schema_files_hold_the_checks_editors_were_missing():
    bloc_year = json.loads((REPO / "schema/bloc-year.schema.json").read_text(encoding="utf-8"))
    assert bloc_year["properties"]["members"]["minItems"] == 1
    config = json.loads((REPO / "schema/config.schema.json").read_text(encoding="utf-8"))
    tie = config["properties"]["scoring"]["properties"]["tie_breaks"]["items"]
    assert tie["pattern"] == "^(?:group:[0-9A-Za-z._-]+|deductions|bonus|votes:[a-z][a-z0-9_-]*)$"


def check_jsonschema(kind: str, *files: Path) -> subprocess.CompletedProcess:
    exe = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent)) or shutil.which("check-jsonschema")
    if exe is None:
        pytest.fail("check-jsonschema is missing: pip install -e '.[test]'")
    return subprocess.run([exe, "--schemafile", str(REPO / "schema" / f"{kind}.schema.json"), *map(str, files)],
                          capture_output=True, text=True)


def test_the_bundled_data_passes_the_schemas():
    for kind, pattern in (("bloc-year", "blocs/*/[0-9][0-9][0-9][0-9].yaml"), ("config", "thidua.yaml"),
                          ("table", "blocs/_tables/*.yaml")):
        files = sorted(REPO.glob(pattern)) + sorted(REPO.glob(f"blocs/{pattern}")) + \
            sorted(REPO.glob(f"examples/*/{pattern}"))
        assert files, pattern
        done = check_jsonschema(kind, *files)
        assert done.returncode == 0, done.stdout + done.stderr


OFFICE_CONFIG = """\
province: Khánh Hòa
scoring:
  places: "2"
  bands:
    - {name: Xuất sắc, min: "95"}
    - {name: Tốt, min: 80}
rotation:
  rule: fixed-order
  skip_first_year: Có
awards:
  - {id: co-ubnd, name: Cờ thi đua của UBND tỉnh, quota: 1, votes: "0.7"}
"""

OFFICE_BLOC_YEAR = """\
bloc: mttq
year: "2024"
name: Khối MTTQ
members:
  - {id: hlhpn, name: Hội Liên hiệp Phụ nữ tỉnh}
  - {id: ldld, name: Liên đoàn Lao động tỉnh}
leader: hlhpn
deputy: ldld
rotation:
  rule: fixed-order
  skip_first_year: yes
  order: [hlhpn, ldld]
events:
  covenant: 2024-2-5
  review: "2024-12-20"
criteria:
  name: Bảng điểm
  total: 100
  groups:
    - {id: 1, name: Chuyên môn, max: 80}
    - {id: "2", name: Tổ chức, max: "20"}
scores:
  hlhpn:
    agreed: {1: "70", "2": 18.5}
  ldld:
    agreed: {"1": 70, "2": " 19 "}
"""


def test_what_an_office_worker_types_passes_both(tmp_path):
    root = write_root(tmp_path / "root", {"thidua.yaml": OFFICE_CONFIG, "blocs/mttq/2024.yaml": OFFICE_BLOC_YEAR})
    assert [d for r in validate(root) for d in r.diagnostics] == []
    for kind, rel in (("config", "thidua.yaml"), ("bloc-year", "blocs/mttq/2024.yaml")):
        done = check_jsonschema(kind, root / rel)
        assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(("before", "after", "code"), [
    ("skip_first_year: yes", "skip_first_year: chưa", "E207"),
    ("covenant: 2024-2-5", "covenant: 5/2/2024", "E204"),
    ('"2": 18.5', '"2": "18,5"', "E203"),
    ('year: "2024"', 'year: "2024.5"', "E203"),
    ('"2": 18.5', '"2": "mười"', "E203"),
])
def test_what_thidua_refuses_the_schema_refuses(tmp_path, before, after, code):
    assert before in OFFICE_BLOC_YEAR
    root = write_root(tmp_path / "root", {"thidua.yaml": OFFICE_CONFIG,
                                          "blocs/mttq/2024.yaml": OFFICE_BLOC_YEAR.replace(before, after)})
    assert code in {d.code for r in validate(root) for d in r.diagnostics}
    done = check_jsonschema("bloc-year", root / "blocs/mttq/2024.yaml")
    assert done.returncode == 1, done.stdout + done.stderr
