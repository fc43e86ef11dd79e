"""`thidua validate` through the CLI, in process: exit statuses, the three output formats, colour,
golden output for one broken fixture, and that validating reads only.

Golden files live in tests/golden/validate/; run with UPDATE_GOLDEN=1 to rewrite them.
"""

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from support import BLOC_YEAR_PATH, dedent, write_root
from typer.testing import CliRunner

from thidua.cli.app import app

GOLDEN = Path(__file__).resolve().parent / "golden" / "validate"

# Two errors (an unknown leader, a decimal comma) and one warning (a member without scores). The refused
# score is not also reported as missing: checks that need every value skip a file whose values failed.
BROKEN = dedent("""
    bloc: mttq
    year: 2024
    name: Khối thi đua MTTQ
    members:
      - {id: hlhpn, name: Hội Liên hiệp Phụ nữ tỉnh}
      - {id: ldld, name: Liên đoàn Lao động tỉnh}
    leader: hlhpm
    criteria: _tables/mttq-2024
    scores:
      hlhpn:
        agreed:
          "1.1": 9,5
          "1.2": 30
          "2": 20
""")

CLEAN = dedent("""
    bloc: mttq
    year: 2024
    name: Khối thi đua MTTQ
    members:
      - {id: hlhpn, name: Hội Liên hiệp Phụ nữ tỉnh}
      - {id: ldld, name: Liên đoàn Lao động tỉnh}
    leader: hlhpn
    deputy: ldld
""")

# Only a warning: a review dated outside the year.
WARNING_ONLY = CLEAN + "events:\n  covenant: 2023-06-28\n"


def make_root(tmp_path: Path, text: str) -> Path:
    return write_root(tmp_path / "root", {BLOC_YEAR_PATH: text})


def in_root(tmp_path: Path) -> Path:
    """The folder make_root writes to, made now: a test runs from there, as an office worker does."""
    (tmp_path / "root").mkdir(exist_ok=True)
    return tmp_path / "root"


def invoke(*args: str):
    return CliRunner().invoke(app, ["validate", *args])


# -- exit statuses -------------------------------------------------------------------------

def test_clean_root_exits_0(tmp_path):
    result = invoke("--root", str(make_root(tmp_path, CLEAN)))
    assert result.exit_code == 0, result.output
    assert result.stdout == "3 tệp, 0 lỗi, 0 cảnh báo\n"


def test_errors_exit_1(tmp_path):
    result = invoke("--root", str(make_root(tmp_path, BROKEN)))
    assert result.exit_code == 1
    assert result.stdout.endswith("3 tệp, 2 lỗi, 1 cảnh báo\n")


def test_warnings_alone_exit_0_and_1_with_strict(tmp_path):
    root = str(make_root(tmp_path, WARNING_ONLY))
    assert invoke("--root", root).exit_code == 0
    strict = invoke("--root", root, "--strict")
    assert strict.exit_code == 1
    assert strict.stdout.endswith("3 tệp, 0 lỗi, 1 cảnh báo\n")


def test_missing_path_exits_2(tmp_path):
    root = make_root(tmp_path, CLEAN)
    result = invoke("--root", str(root), str(root / "blocs" / "mttq" / "2025.yaml"))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "2025.yaml" in result.stderr


def test_no_data_root_exits_2(tmp_path, monkeypatch):
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.chdir(empty)
    result = invoke()
    assert result.exit_code == 2
    assert "không tìm thấy thư mục dữ liệu" in result.stderr
    assert "Traceback" not in result.output


def test_root_that_does_not_exist_exits_2(tmp_path):
    result = invoke("--root", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "nowhere" in result.stderr


def test_unknown_option_is_a_usage_error(tmp_path):
    result = invoke("--root", str(make_root(tmp_path, CLEAN)), "--format", "xml")
    assert result.exit_code == 2
    assert "xml" in result.output and "Traceback" not in result.output


def test_root_found_upward_from_the_current_folder(tmp_path, monkeypatch):
    root = make_root(tmp_path, BROKEN)
    monkeypatch.chdir(root / "blocs" / "mttq")
    result = invoke()
    assert result.exit_code == 1
    assert result.stdout.startswith("2024.yaml:6:5: cảnh báo W405: ")  # relative to where the user is


def test_thidua_root_environment_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("THIDUA_ROOT", str(make_root(tmp_path, BROKEN)))
    monkeypatch.chdir(tmp_path)
    result = invoke()
    assert result.exit_code == 1
    assert "blocs/mttq/2024.yaml" in result.stdout and "2 lỗi" in result.stdout


def test_one_file_named_checks_only_that_file(tmp_path, monkeypatch):
    monkeypatch.chdir(in_root(tmp_path))  # printed paths start where the user is
    root = make_root(tmp_path, BROKEN)
    result = invoke("--root", str(root), "--format", "json", str(root / BLOC_YEAR_PATH))
    doc = json.loads(result.stdout)
    assert doc["files"] == 1
    assert {d["file"] for d in doc["diagnostics"]} == {BLOC_YEAR_PATH}


# -- text output ---------------------------------------------------------------------------

def test_text_output_shows_position_source_line_and_caret(tmp_path, monkeypatch):
    monkeypatch.chdir(in_root(tmp_path))  # printed paths start where the user is
    result = invoke("--root", str(make_root(tmp_path, BROKEN)))
    lines = result.stdout.splitlines()
    head = "blocs/mttq/2024.yaml:12:14: lỗi E203: '9,5' dùng dấu phẩy thập phân"
    i = lines.index(head)
    source, caret = lines[i + 1], lines[i + 2]
    assert source == '  12 |       "1.1": 9,5'
    text_start = source.index("| ") + 2
    assert caret.index("^") == text_start + 14 - 1
    assert source[caret.index("^"):].startswith("9,5")
    assert lines[i + 3].startswith("  gợi ý: ") and "9.5" in lines[i + 3]
    assert lines[-1] == "3 tệp, 2 lỗi, 1 cảnh báo"


def test_text_output_matches_the_pattern_editors_jump_to(tmp_path, monkeypatch):
    monkeypatch.chdir(in_root(tmp_path))  # printed paths start where the user is
    result = invoke("--root", str(make_root(tmp_path, BROKEN)))
    heads = [ln for ln in result.stdout.splitlines() if not ln.startswith(" ")][:-1]
    assert len(heads) == 3
    for line in heads:
        assert re.fullmatch(r"blocs/mttq/2024\.yaml:\d+:\d+: (lỗi|cảnh báo) [EW]\d{3}: .+", line)


def test_caret_under_a_column_after_vietnamese_letters(tmp_path, monkeypatch):
    """Columns count characters, not bytes: the caret sits under the value after "Khối"."""
    monkeypatch.chdir(in_root(tmp_path))  # printed paths start where the user is
    text = CLEAN.replace("leader: hlhpn", "leader: hlhpn\nnote: Khối {a: 1}")
    result = invoke("--root", str(make_root(tmp_path, text)))
    lines = result.stdout.splitlines()
    i = next(n for n, ln in enumerate(lines) if " E100: " in ln or " E200: " in ln)
    source, caret = lines[i + 1], lines[i + 2]
    col = int(lines[i].split(":")[2])
    assert caret.index("^") - (source.index("| ") + 2) == col - 1


def test_no_color_gives_no_escape_codes(tmp_path, monkeypatch):
    root = str(make_root(tmp_path, BROKEN))
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in invoke("--root", root).stdout  # colour can be forced …
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in invoke("--root", root).stdout  # … and NO_COLOR wins


# -- JSON and GitHub -----------------------------------------------------------------------

def test_json_structure(tmp_path, monkeypatch):
    monkeypatch.chdir(in_root(tmp_path))  # printed paths start where the user is
    result = invoke("--root", str(make_root(tmp_path, BROKEN)), "--format", "json")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert list(doc) == ["files", "errors", "warnings", "diagnostics"]
    assert (doc["files"], doc["errors"], doc["warnings"]) == (3, 2, 1)
    for d in doc["diagnostics"]:
        assert list(d) == ["file", "line", "col", "code", "name", "severity", "message", "hint"]
        assert isinstance(d["line"], int) and isinstance(d["col"], int)
        assert d["severity"] in ("error", "warning")
    assert [d["name"] for d in doc["diagnostics"]] == ["missing-scores", "unknown-member", "bad-number"]
    assert [(d["code"], d["line"], d["col"]) for d in doc["diagnostics"]] == [
        ("W405", 6, 5), ("E303", 7, 9), ("E203", 12, 14)]


def test_json_when_clean(tmp_path):
    result = invoke("--root", str(make_root(tmp_path, CLEAN)), "-f", "json")
    assert json.loads(result.stdout) == {"files": 3, "errors": 0, "warnings": 0, "diagnostics": []}


GITHUB_LINE = re.compile(r"::(error|warning) file=([^,]+),line=(\d+),col=(\d+),title=([EW]\d{3})::(.+)")


def test_github_annotations(tmp_path, monkeypatch):
    monkeypatch.chdir(in_root(tmp_path))  # printed paths start where the user is
    result = invoke("--root", str(make_root(tmp_path, BROKEN)), "--format", "github")
    lines = result.stdout.splitlines()
    assert lines[-1] == "3 tệp, 2 lỗi, 1 cảnh báo"
    matches = [GITHUB_LINE.fullmatch(ln) for ln in lines[:-1]]
    assert all(matches), lines
    assert [m.groups()[:5] for m in matches] == [
        ("warning", BLOC_YEAR_PATH, "6", "5", "W405"),
        ("error", BLOC_YEAR_PATH, "7", "9", "E303"),
        ("error", BLOC_YEAR_PATH, "12", "14", "E203"),
    ]
    assert matches[2].group(6).startswith("E203: '9,5' dùng dấu phẩy thập phân")


def test_github_actions_picks_github_format(tmp_path, monkeypatch):
    monkeypatch.chdir(in_root(tmp_path))  # printed paths start where the user is
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = invoke("--root", str(make_root(tmp_path, BROKEN)))
    assert result.stdout.startswith("::warning file=blocs/mttq/2024.yaml,line=6,col=5,title=W405::")
    assert invoke("--root", str(tmp_path / "root"), "--format", "text").stdout.startswith("blocs/")


# -- golden files --------------------------------------------------------------------------

def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert actual == path.read_text(encoding="utf-8"), f"run UPDATE_GOLDEN=1 to rewrite {path}"


@pytest.mark.parametrize(("fmt", "name"), [("text", "broken.txt"), ("json", "broken.json"),
                                           ("github", "broken.github")])
def test_golden_output(fmt, name, tmp_path, monkeypatch):
    monkeypatch.chdir(in_root(tmp_path))  # printed paths start where the user is
    result = invoke("--root", str(make_root(tmp_path, BROKEN)), "--format", fmt)
    assert result.exit_code == 1
    check_golden(name, result.stdout)


# -- validate reads only -------------------------------------------------------------------

def snapshot(root: Path) -> dict[str, tuple[bytes | None, int]]:
    out = {}
    for path in sorted(root.rglob("*")):
        stat = path.stat()
        out[path.relative_to(root).as_posix()] = (path.read_bytes() if path.is_file() else None, stat.st_mtime_ns)
    return out


def test_validate_writes_nothing_but_its_cache(tmp_path, monkeypatch):
    root = write_root(tmp_path / "root", {
        BLOC_YEAR_PATH: BROKEN,
        "blocs/mttq/2023.yaml": CLEAN.replace("2024", "2023"),
        "blocs/cac-ban-dang/2024.yaml": b"\xff\xfe" + "bloc: x\n".encode("utf-16-le"),
    })
    before = snapshot(root)
    monkeypatch.chdir(root)
    runs = ([], ["--format", "json"], ["--format", "github"], ["--strict"], [BLOC_YEAR_PATH], ["blocs"])
    for args in runs:
        result = invoke("--no-cache", *args)
        assert result.exit_code == 1, result.output
    assert snapshot(root) == before  # --no-cache: not a byte, not a time stamp
    for args in runs:
        result = invoke(*args)
        assert result.exit_code == 1, result.output
    after = snapshot(root)
    added = sorted(set(after) - set(before))
    assert added == [".thidua-cache", ".thidua-cache/.gitignore", ".thidua-cache/CACHEDIR.TAG",
                     ".thidua-cache/validate.json"]
    assert after[".thidua-cache/.gitignore"][0].endswith(b"\n*\n")  # git ignores the folder by itself
    assert {k: after[k] for k in before} == before  # every input as it was


def test_validate_does_not_import_report_libraries(tmp_path):
    root = make_root(tmp_path, BROKEN)
    code = textwrap.dedent(f"""
        import sys
        from typer.testing import CliRunner
        from thidua.cli.app import app
        result = CliRunner().invoke(app, ["validate", "--root", {str(root)!r}])
        assert result.exit_code == 1, result.output
        assert "openpyxl" not in sys.modules, "openpyxl imported"
        assert "jinja2" not in sys.modules, "jinja2 imported"
    """)
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "THIDUA_ROOT")}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
