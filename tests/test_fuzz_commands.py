"""Fuzzing every command over mutated copies of the example data.

Hypothesis takes a file of an example data root (the bundled root, examples/*; a small built-in root
when none exists), mutates it the way people and broken editors do (a line deleted, duplicated or
swapped, random Unicode typed in, the file cut short, indentation changed, a number replaced by junk),
writes it into a copy of its root and runs a command in-process. Whatever the file holds:

- no exception escapes (``result.exception`` is None or a SystemExit) and nothing prints a traceback;
- the exit status is 0, 1 or 2;
- no input file changes (bytes and modification time), and nothing new appears in the data root.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import write_root
from typer.testing import CliRunner

from thidua.cli.app import app
from thidua.loading.root import all_data_files, bloc_ids, years_of

REPO = Path(__file__).resolve().parent.parent
FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BUILTIN = Path(__file__).parent / "data" / "bad" / "ok-crlf-line-endings.yaml"  # a valid bloc-year (bloc k)


@functools.cache
def roots() -> tuple[Path, ...]:
    """Data roots to mutate: the bundled one and examples/*, or a built-in one when there are none."""
    found = [r for r in (REPO, *sorted((REPO / "examples").glob("*"))) if r.is_dir() and bloc_ids(r)
             and any(years_of(r, b) for b in bloc_ids(r))]
    if found:
        return tuple(found)
    builtin = Path(tempfile.mkdtemp(prefix="thidua-fuzz-root-"))
    write_root(builtin, {"blocs/k/2024.yaml": BUILTIN.read_bytes()})
    return (builtin,)


@functools.cache
def sources() -> tuple[tuple[Path, str], ...]:
    """(root, file relative to it) for every data file: config, shared tables, bloc-years."""
    return tuple((r, p.relative_to(r).as_posix()) for r in roots() for p in all_data_files(r))


def copy_root(src: Path, dst: Path) -> Path:
    """Only the data files (thidua.yaml, tables, bloc-years) of ``src``, under ``dst``."""
    for p in all_data_files(src):
        target = dst / p.relative_to(src)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(p, target)
    (dst / "blocs").mkdir(exist_ok=True)
    return dst


def bloc_and_year(root: Path, rel: str) -> tuple[str, int]:
    """The bloc-year a command should look at: the mutated one, else the root's first."""
    m = re.fullmatch(r"blocs/([^/]+)/(\d{4})\.yaml", rel)
    if m:
        return m[1], int(m[2])
    bloc = next(b for b in bloc_ids(root) if years_of(root, b))
    return bloc, years_of(root, bloc)[-1]


# -- mutations ---------------------------------------------------------------------------------

JUNK = ["9,5", ".nan", ".inf", "-.inf", "1e400", "10**30", "-1", "", "~", "null", "hai mươi", "１０",
        "٣", "0x1F", "1_000", "[1, 2]", "{a: 1}", "'", '"', "&a", "*a", "!!python/object:os.system",
        "2024-02-30", "yes", "0" * 400, "\t", "#", ": ", "- "]
NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])")


@st.composite
def mutated(draw) -> tuple[Path, str, bytes]:
    root, rel = draw(st.sampled_from(sources()))
    text = (root / rel).read_bytes().decode("utf-8", "replace")
    lines = text.splitlines(keepends=True) or [""]
    for _ in range(draw(st.integers(1, 3))):
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "unicode", "indent", "number"]))
        i = draw(st.integers(0, len(lines) - 1))
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(draw(st.integers(0, len(lines))), lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "unicode":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(st.text(min_size=1, max_size=6)) + lines[i][at:]
        elif op == "indent":
            body = lines[i].lstrip(" ")
            lines[i] = draw(st.sampled_from(["", " ", "   ", "\t", "  \t", " " * 9])) + body
        elif op == "number":
            found = list(NUMBER.finditer("".join(lines)))
            if found:
                m = draw(st.sampled_from(found[:3]) | st.sampled_from(found))  # the header's year, often
                whole = "".join(lines)
                junk = draw(st.sampled_from(JUNK) | st.text(max_size=4))
                lines = (whole[:m.start()] + junk + whole[m.end():]).splitlines(keepends=True) or [""]
    data = "".join(lines).encode("utf-8", "surrogatepass")
    if draw(st.booleans()) and draw(st.integers(0, 4)) == 0:  # now and then the file is cut short
        data = data[: draw(st.integers(0, len(data)))]
    return root, rel, data


# -- running a command ---------------------------------------------------------------------------

def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file() and not {".git", ".thidua-cache"} & set(p.relative_to(root).parts)}


def check(root: Path, args: list[str]) -> None:
    """Run ``thidua args`` in-process and hold it to the rules in the module docstring."""
    before = snapshot(root)
    result = CliRunner().invoke(app, args)
    shown = "thidua " + " ".join(args)
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        f"{shown}: {type(result.exception).__name__}: {result.exception}"
    assert result.exit_code in (0, 1, 2), f"{shown}: exit {result.exit_code}\n{result.output}"
    assert "Traceback" not in result.output, f"{shown}:\n{result.output}"
    assert "lỗi nội bộ" not in result.output, f"{shown}: an internal error reached the user\n{result.output}"
    assert snapshot(root) == before, f"{shown} changed or added a file in the data root"


def prepared(tmp: Path, case: tuple[Path, str, bytes]) -> tuple[Path, str]:
    src, rel, data = case
    root = copy_root(src, tmp / "root")
    (root / rel).write_bytes(data)
    return root, rel


@FUZZ
@given(mutated())
def test_validate(case):
    with tempfile.TemporaryDirectory() as tmp:
        root, _ = prepared(Path(tmp), case)
        check(root, ["validate", "--root", str(root)])
        check(root, ["validate", "--root", str(root), "--format", "json", "--strict"])


@FUZZ
@given(mutated())
def test_score(case):
    with tempfile.TemporaryDirectory() as tmp:
        root, rel = prepared(Path(tmp), case)
        bloc, year = bloc_and_year(case[0], rel)
        check(root, ["score", str(year), "--root", str(root)])
        check(root, ["score", str(year), "--root", str(root), "--bloc", bloc, "--json"])


@FUZZ
@given(mutated())
def test_handover(case):
    with tempfile.TemporaryDirectory() as tmp:
        root, rel = prepared(Path(tmp), case)
        bloc, year = bloc_and_year(case[0], rel)
        check(root, ["handover", str(year), "--bloc", bloc, "--root", str(root)])


def _has(command: str) -> bool:
    return CliRunner().invoke(app, [*command.split(), "--help"]).exit_code == 0


@pytest.mark.skipif(not _has("report"), reason="no report command")
@FUZZ
@given(mutated())
def test_report(case):
    with tempfile.TemporaryDirectory() as tmp:
        root, rel = prepared(Path(tmp), case)
        bloc, year = bloc_and_year(case[0], rel)
        out = Path(tmp) / "out"
        out.mkdir()
        check(root, ["report", "--bloc", bloc, "--year", str(year), "--root", str(root), "-o", str(out)])


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=thidua-test", "-c", "user.email=test@thidua.invalid",
                    "-c", "commit.gpgsign=false", *args], cwd=root, check=True, capture_output=True)


@pytest.mark.skipif(not _has("diff") or shutil.which("git") is None, reason="no diff command or no git")
@FUZZ
@given(mutated())
def test_diff(case):
    with tempfile.TemporaryDirectory() as tmp:
        src, rel, data = case
        root = copy_root(src, Path(tmp) / "root")
        _git(root, "init", "-q", ".")
        _git(root, "add", "-A")
        _git(root, "commit", "-q", "-m", "example")
        (root / rel).write_bytes(data)
        check(root, ["diff", "--root", str(root)])
        check(root, ["diff", "--textconv", str(root / rel)])


@functools.cache
def exported_form(src: Path, bloc: str, year: int) -> Path | None:
    """A scoring form exported from the unmutated root (None when that bloc-year cannot be exported)."""
    out = Path(tempfile.mkdtemp(prefix="thidua-fuzz-form-")) / f"{bloc}-{year}.xlsx"
    result = CliRunner().invoke(app, ["form", "export", "--bloc", bloc, str(year), "--root", str(src), "-o", str(out)])
    return out if result.exit_code == 0 and out.is_file() else None


@pytest.mark.skipif(not _has("form import"), reason="no form command")
@FUZZ
@given(mutated(), st.data())
def test_form_import(case, data):
    with tempfile.TemporaryDirectory() as tmp:
        root, rel = prepared(Path(tmp), case)
        bloc, year = bloc_and_year(case[0], rel)
        form = exported_form(case[0], bloc, year)
        if form is None:
            return
        check(root, ["form", "import", str(form), "--root", str(root)])  # a form against a mutated file
        # A mutated workbook against the unmutated data, with --write: a workbook that still reads gives
        # the exported figures back (nothing to change), one that does not is refused (nothing written).
        clean = copy_root(case[0], Path(tmp) / "clean")
        broken = Path(tmp) / "broken.xlsx"
        raw = bytearray(form.read_bytes())
        for _ in range(data.draw(st.integers(1, 8))):
            raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
        broken.write_bytes(bytes(raw[: data.draw(st.integers(1, len(raw)))]))
        check(clean, ["form", "import", str(broken), "--root", str(clean), "--write"])


def test_sources_are_found():
    """There is something to mutate, and every command passes the same checks on the unmutated roots."""
    assert sources()
    for root in roots():
        bloc, year = bloc_and_year(root, "")
        with tempfile.TemporaryDirectory() as tmp:
            copy = copy_root(root, Path(tmp) / "root")
            check(copy, ["validate", "--root", str(copy)])
            check(copy, ["score", str(year), "--root", str(copy)])
            check(copy, ["handover", str(year), "--bloc", bloc, "--root", str(copy)])


# -- forms mutated the way people and tools do: cells, sheets, the hidden metadata ------------------

FORM_JUNK = [None, 0, -1, 10**28, 1e-300, 7.123456, 1e308, True, "9,5", "#DIV/0!", "=1/0", "=SUM(A1)", "chín",
             "x" * 2000, "::error::x", "##[warning]y", "\u202e", "Nép b¸o c¸o", "2024-02-30", "../../etc",
             "kt", "agreed", "self", "input", "check", "1.1", "A1", "ZZZ9999999", "", " ", "１０"]


@functools.cache
def _form_root() -> tuple[Path, Path]:
    from form_support import export, make_root

    base = Path(tempfile.mkdtemp(prefix="thidua-fuzz-forms-"))
    root = make_root(base)
    return root, export(root, base / "form.xlsx")


@st.composite
def mutated_form(draw) -> list[tuple]:
    ops = []
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["cell", "cell", "meta", "rename", "delete", "row"]))
        if op in ("cell", "meta"):
            ops.append((op, draw(st.integers(1, 40)), draw(st.integers(1, 10)),
                        draw(st.sampled_from(FORM_JUNK) | st.text(max_size=8) | st.floats(allow_nan=False))))
        else:
            ops.append((op, draw(st.integers(0, 10)), draw(st.text(min_size=1, max_size=10))))
    return ops


def _apply(form: Path, ops: list[tuple], out: Path) -> Path:
    import openpyxl
    from openpyxl.utils import get_column_letter

    wb = openpyxl.load_workbook(form)
    for op in ops:
        names = wb.sheetnames
        try:
            if op[0] == "cell":
                ws = wb[names[op[1] % (len(names) - 1)]]  # a visible sheet
                ws[f"{get_column_letter(op[2])}{op[1]}"] = op[3]
            elif op[0] == "meta":
                wb["_thidua"][f"{get_column_letter(op[2])}{op[1]}"] = op[3]
            elif op[0] == "rename":
                wb[names[op[1] % len(names)]].title = op[2][:31]
            elif op[0] == "delete" and len(names) > 1:
                del wb[names[op[1] % len(names)]]
            elif op[0] == "row":
                wb["_thidua"].delete_rows(8 + op[1])
        except (ValueError, KeyError, TypeError):
            continue  # openpyxl refuses the edit itself (an illegal character, a title taken): nothing to test
    wb.save(out)
    return out


@pytest.mark.skipif(not _has("form import"), reason="no form command")
@FUZZ
@given(mutated_form())
def test_form_import_of_a_mutated_workbook(ops):
    """Cells, sheets or metadata changed: findings or a valid write, never a traceback or a broken file."""
    from form_support import YEAR_FILE

    src_root, form = _form_root()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "root"
        shutil.copytree(src_root, root)
        try:
            bad = _apply(form, ops, Path(tmp) / "bad.xlsx")
        except Exception:  # noqa: BLE001 - openpyxl could not save what it was given: not thidua's input
            return
        check(root, ["form", "import", str(bad), "--root", str(root)])  # a dry run changes nothing
        before = (root / YEAR_FILE).read_bytes()
        result = CliRunner().invoke(app, ["form", "import", str(bad), "--root", str(root), "--write"])
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert result.exit_code in (0, 1, 2) and "Traceback" not in result.output
        assert "lỗi nội bộ" not in result.output, result.output
        after = (root / YEAR_FILE).read_bytes()
        if after != before:  # only a run that says so writes, and what it wrote validates
            assert result.exit_code == 0 and "Đã ghi" in result.stdout, result.output
            assert CliRunner().invoke(app, ["validate", "--root", str(root)]).exit_code == 0
        else:
            assert "Đã ghi" not in result.stdout
        assert not list(root.rglob(".*.tmp"))
