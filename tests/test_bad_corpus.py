"""The corpus of broken files in tests/data/bad/: each gives its finding, and no command crashes on it.

Every file in the corpus is a bloc-year (``bloc: k``, ``year: 2024``) with one thing wrong, named after
it (``e204-feb-30.yaml``); ``expected.tsv`` lists the finding each must produce (code, line, column),
``-`` for the files that must be accepted without a finding (a UTF-8 BOM, CRLF line ends). Each file is
placed at ``blocs/k/2024.yaml`` of a data root built in a temporary folder, with the thidua.yaml and
shared table of tests/support.py.

Then every command runs on that root in-process: it must end with exit status 0, 1 or 2, print no
traceback, let no exception escape, and change no input file (bytes and modification time).
"""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

import pytest
from support import diagnostics, write_root
from typer.testing import CliRunner

from thidua.cli.app import app

CORPUS = Path(__file__).parent / "data" / "bad"
MANIFEST = CORPUS / "expected.tsv"
TARGET = "blocs/k/2024.yaml"
VALID = "ok-utf8-bom.yaml"  # the corpus's valid base (with a BOM, which is accepted)
PWNED = Path("/tmp/thidua-pwned")  # what e103-tag-python-object.yaml would create if a tag ran


def _manifest() -> list[tuple[str, str, int, int]]:
    rows = []
    with MANIFEST.open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter="\t"):
            if not row or row[0].startswith("#"):
                continue
            name, code, line, col = row
            rows.append((name, code, int(line) if line != "-" else 0, int(col) if col != "-" else 0))
    return rows


ROWS = _manifest()
FILES = sorted(p.name for p in CORPUS.glob("*.yaml"))
FORMS = CORPUS / "forms.tsv"


def test_manifest_lists_every_file_once():
    names = [r[0] for r in ROWS]
    assert len(names) == len(set(names))
    assert sorted(names) == FILES


def test_each_file_is_named_after_its_finding():
    for name, code, _, _ in ROWS:
        prefix = name.split("-")[0]
        assert prefix == ("ok" if code == "-" else code.lower()), name


def _root(tmp_path: Path, name: str) -> Path:
    return write_root(tmp_path / "root", {TARGET: (CORPUS / name).read_bytes()})


@pytest.mark.parametrize(("name", "code", "line", "col"), ROWS, ids=[r[0] for r in ROWS])
def test_finding(tmp_path, name, code, line, col):
    found = diagnostics(_root(tmp_path, name))
    if code == "-":
        assert found == [], f"{name} must be accepted, got {[(d.code, d.message) for d in found]}"
        return
    at = [(d.code, d.source.line, d.source.col) for d in found if d.source.file == TARGET]
    assert (code, line, col) in at, f"{name}: expected {code} at {line}:{col}, got {at}"
    assert all(d.source.file == TARGET for d in found), "only the broken file has findings"
    assert any(d.is_error for d in found), "a broken file is an error, not only warnings"


# -- no command crashes on any of them ---------------------------------------------------------

def _snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file() and not {".git", ".thidua-cache"} & set(p.relative_to(root).parts)}


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=thidua-test", "-c", "user.email=test@thidua.invalid",
                    "-c", "commit.gpgsign=false", *args], cwd=root, check=True, capture_output=True)


def _commands() -> set[str]:
    runner = CliRunner()
    return {c for c in ("validate", "score", "handover", "report", "diff", "history", "form")
            if runner.invoke(app, [c, "--help"]).exit_code == 0}


COMMANDS = _commands()


@pytest.fixture(scope="module")
def forms(tmp_path_factory) -> dict[str, Path]:
    """A scoring form exported from the valid base, and two broken workbooks."""
    if "form" not in COMMANDS:
        return {}
    folder = tmp_path_factory.mktemp("forms")
    root = write_root(folder / "good", {TARGET: (CORPUS / VALID).read_bytes()})
    good = folder / "k-2024-tu-cham.xlsx"
    result = CliRunner().invoke(app, ["form", "export", "--bloc", "k", "2024", "-o", str(good), "--root", str(root)])
    assert result.exit_code == 0, result.output
    truncated = folder / "truncated.xlsx"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    junk = folder / "not-a-zip.xlsx"
    junk.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    return {"good": good, "truncated": truncated, "junk": junk}


def _invocations(root: Path, out: Path, forms: dict[str, Path]) -> list[list[str]]:
    r = ["--root", str(root)]
    calls = [["validate", *r], ["validate", str(root / TARGET), "--format", "json"],
             ["score", "2024", *r], ["score", "2024", *r, "--json"],
             ["handover", "2024", "--bloc", "k", *r], ["handover", "2024", "--bloc", "k", *r, "--json"]]
    if "report" in COMMANDS:
        calls += [["report", "--bloc", "k", *r, "-o", str(out)], ["report", "--year", "2024", *r, "-o", str(out)]]
    if "diff" in COMMANDS:
        calls += [["diff", *r], ["diff", "--textconv", str(root / TARGET)]]
    if "history" in COMMANDS:
        calls += [["history", "--bloc", "k", *r]]
    if forms:  # the YAML is broken, or the workbook, or both: nothing may be written
        calls += [["form", "import", str(forms["good"]), *r],
                  ["form", "import", str(forms["truncated"]), *r, "--write"],
                  ["form", "import", str(forms["junk"]), *r, "--write"],
                  ["form", "export", "--bloc", "k", "2024", *r, "-o", str(out / "form.xlsx")]]
    return calls


# Known bugs outside this test's reach: (command, corpus file) → what happens. Each must still reproduce
# (the test fails once it is fixed, so the entry is removed) and ends the test as xfail, after every other
# command on that file has been checked.
KNOWN_BUGS: dict[tuple[str, str], str] = {}


@pytest.mark.parametrize("name", [r[0] for r in ROWS])
def test_no_command_crashes(tmp_path, monkeypatch, name, forms):
    root = write_root(tmp_path / "root", {TARGET: (CORPUS / VALID).read_bytes()})
    if "diff" in COMMANDS:  # the valid base is committed; the broken file is the working tree's change
        _git(root, "init", "-q", ".")
        _git(root, "add", "-A")
        _git(root, "commit", "-q", "-m", "base")
    (root / TARGET).write_bytes((CORPUS / name).read_bytes())
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(tmp_path)
    before = _snapshot(root)
    runner = CliRunner()
    known = {cmd: why for (cmd, file), why in KNOWN_BUGS.items() if file == name}
    seen = set()
    for args in _invocations(root, out, forms):
        result = runner.invoke(app, args)
        shown = f"thidua {' '.join(args)} on {name}"
        assert result.exception is None or isinstance(result.exception, SystemExit), \
            f"{shown}: {type(result.exception).__name__}: {result.exception}"
        assert result.exit_code in (0, 1, 2), f"{shown}: exit {result.exit_code}\n{result.output}"
        assert "Traceback" not in result.output, f"{shown}:\n{result.output}"
        if "lỗi nội bộ" in result.output and args[0] in known:
            seen.add(args[0])
        else:  # handles_errors turned an exception into one line: still a bug
            assert "lỗi nội bộ" not in result.output, f"{shown}: an internal error reached the user\n{result.output}"
        assert _snapshot(root) == before, f"{shown} changed an input file"
    assert not PWNED.exists(), "a YAML tag was executed"
    assert seen == set(known), f"known bug no longer reproduces, remove it from KNOWN_BUGS: {set(known) - seen}"
    if seen:
        pytest.xfail("; ".join(known.values()))


# -- the forms corpus: a form exported from tests/form_support.py's root, broken one way each ------------

def _form_rows() -> list[tuple[str, list[list[str]], str, str]]:
    rows = []
    with FORMS.open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter="\t"):
            if not row or row[0].startswith("#"):
                continue
            name, ops, code, where = row
            rows.append((name, [op.split("|") for op in ops.split("; ")], code, where))
    return rows


FORM_ROWS = _form_rows()


def _broken_form(form: Path, ops: list[list[str]], out: Path) -> Path:
    import json
    import zipfile

    import openpyxl

    if ops[0][0] == "cut":
        out.write_bytes(form.read_bytes()[: int(form.stat().st_size * float(ops[0][1]))])
        return out
    if ops[0][0] == "text":
        out.write_text(json.loads(ops[0][1]), encoding="utf-8")
        return out
    if ops[0][0] == "ods":
        with zipfile.ZipFile(out, "w") as z:
            z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        return out
    wb = openpyxl.load_workbook(form)
    for op, *args in ops:
        if op == "cell":
            wb[args[0]][args[1]] = json.loads(args[2])
        elif op == "meta":
            meta = wb["_thidua"]
            row = next(r for r in range(1, 20) if meta[f"A{r}"].value == args[0])
            meta[f"B{row}"] = json.loads(args[1])
        elif op == "rename":
            wb[args[0]].title = args[1]
        elif op == "delete":
            del wb[args[0]]
    wb.save(out)
    return out


def test_forms_manifest_names_each_case_after_its_code():
    assert FORM_ROWS and len({r[0] for r in FORM_ROWS}) == len(FORM_ROWS)
    for name, _, code, _ in FORM_ROWS:
        assert name.split("-")[1] == code.lower(), name


@pytest.mark.skipif("form" not in COMMANDS, reason="no form command")
@pytest.mark.parametrize(("name", "ops", "code", "where"), FORM_ROWS, ids=[r[0] for r in FORM_ROWS])
def test_form_finding(tmp_path, name, ops, code, where):
    """Each broken form gives its finding at its place, and import --write changes nothing."""
    from form_support import YEAR_FILE, export, make_root

    root = make_root(tmp_path)
    if code == "E821" and "kh" in str(ops):
        other = root / "blocs" / "kh" / "2024.yaml"
        other.parent.mkdir(parents=True)
        other.write_bytes((root / YEAR_FILE).read_bytes().replace(b"bloc: kt", b"bloc: kh"))
    if "2023" in str(ops):
        (root / "blocs" / "kt" / "2023.yaml").write_bytes((root / YEAR_FILE).read_bytes().replace(
            b"year: 2024", b"year: 2023"))
    form = export(root, tmp_path / "f.xlsx")
    bad = _broken_form(form, ops, tmp_path / f"{name}.xlsx")
    before = _snapshot(root)
    result = CliRunner().invoke(app, ["form", "import", str(bad), "--root", str(root), "--write"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and "lỗi nội bộ" not in result.output
    place = str(bad) if where == "-" else f"{bad}!{where}"
    lines = [ln for ln in result.stderr.splitlines() if f" {code}: " in ln]
    assert lines, result.stderr
    if where == "-":
        assert any(ln.startswith(f"{bad}: lỗi {code}") or ln.startswith(f"{bad}!") for ln in lines), lines
    else:
        assert any(ln.startswith(f"{place}: lỗi {code}") for ln in lines), lines
    assert _snapshot(root) == before
