"""Writes: a crash in the middle leaves the previous file; outputs go only where they belong; no id names
a path outside its folder.

- ``thidua.writing`` is exercised directly and through every command that writes (report, form export,
  form import --write, handover --write) with the disk filling up half-way through the write, or the
  final rename failing: the previous file keeps its bytes, no temporary file is left behind, and the
  command ends with exit status 2 and a one-line message, never a traceback.
- Every file a command creates lies inside the data root or under the ``-o`` path it was given.
- Ids (bloc folders, members, table references) cannot name a path outside their folder, whatever
  characters they hold.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import write_root
from typer.testing import CliRunner

import thidua.writing as writing
from thidua.cli.app import app
from thidua.ids import ID_PATTERN
from thidua.loading import root as rootmod
from thidua.loading.load import Workspace

VALID = (Path(__file__).parent / "data" / "bad" / "ok-crlf-line-endings.yaml").read_bytes()  # bloc k, 2024
TARGET = "blocs/k/2024.yaml"
PREVIOUS = b"the previous file, which must survive\n"


@pytest.fixture
def sandbox(tmp_path, monkeypatch) -> dict[str, Path]:
    """A data root, an output folder and a separate working directory, all under tmp_path."""
    root = write_root(tmp_path / "root", {TARGET: VALID})
    out = tmp_path / "out"
    out.mkdir()
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    return {"root": root, "out": out, "cwd": cwd, "top": tmp_path}


def files_under(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def temporaries(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob(".*.tmp")]


def invoke(args: list[str]):
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output, result.output
    return result


# -- crashes -------------------------------------------------------------------------------------

class _DiskFillsUp:
    """A file object that writes half of what it is given, then fails like a full disk."""

    def __init__(self, f):
        self._f = f

    def write(self, data):
        self._f.write(data[: len(data) // 2])
        self._f.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name):
        return getattr(self._f, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._f.close()


def disk_fills_up(monkeypatch) -> None:
    real = os.fdopen
    monkeypatch.setattr(writing.os, "fdopen", lambda fd, *a, **k: _DiskFillsUp(real(fd, *a, **k)))


def rename_fails(monkeypatch, exc: BaseException | None = None) -> None:
    def replace(src, dst, *a, **k):
        raise exc or OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(writing.os, "replace", replace)


def link_fails(monkeypatch) -> None:
    def link(src, dst, *a, **k):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(writing.os, "link", link)


CRASHES = {"disk-full": disk_fills_up, "rename-fails": rename_fails}


@pytest.mark.parametrize("crash", CRASHES)
def test_atomic_write_keeps_the_previous_file(tmp_path, monkeypatch, crash):
    path = tmp_path / "report.md"
    path.write_bytes(PREVIOUS)
    CRASHES[crash](monkeypatch)
    with pytest.raises(OSError):
        writing.atomic_write(path, b"x" * 100_000)
    assert path.read_bytes() == PREVIOUS
    assert temporaries(tmp_path) == []


@pytest.mark.parametrize("crash", CRASHES)
def test_atomic_write_leaves_nothing_when_the_file_is_new(tmp_path, monkeypatch, crash):
    CRASHES[crash](monkeypatch)
    with pytest.raises(OSError):
        writing.atomic_write(tmp_path / "new.xlsx", b"x" * 100_000)
    assert list(tmp_path.iterdir()) == []


def test_an_interrupt_during_the_rename_cleans_up(tmp_path, monkeypatch):
    path = tmp_path / "report.md"
    path.write_bytes(PREVIOUS)
    rename_fails(monkeypatch, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        writing.atomic_write(path, b"new")
    assert path.read_bytes() == PREVIOUS
    assert temporaries(tmp_path) == []


@pytest.mark.parametrize("crash", ["disk-full", "link-fails"])
def test_create_new_leaves_nothing_on_a_crash(tmp_path, monkeypatch, crash):
    (disk_fills_up if crash == "disk-full" else link_fails)(monkeypatch)
    with pytest.raises(OSError):
        writing.create_new(tmp_path / "2025.yaml", b"bloc: k\n" * 1000)
    assert list(tmp_path.iterdir()) == []


def test_atomic_write_refuses_an_input_however_it_is_named(tmp_path, monkeypatch):
    data = tmp_path / "blocs" / "k" / "2024.yaml"
    data.parent.mkdir(parents=True)
    data.write_bytes(VALID)
    (tmp_path / "alias").symlink_to(data.parent)
    monkeypatch.chdir(tmp_path)
    from thidua.errors import ThiduaError

    for name in (data, Path("blocs/k/2024.yaml"), Path("blocs/k/../k/2024.yaml"), Path("alias/2024.yaml")):
        with pytest.raises(ThiduaError):
            writing.atomic_write(name, b"overwritten", protect=[data])
    assert data.read_bytes() == VALID


def _filled_form(sandbox) -> tuple[Path, Path]:
    """(data root, form) where the form, filled as a member would, changes one self score: importing it
    with --write has something to write. The root and helpers are the form tests' own."""
    from form_support import SELF, SHEETS, export, fill, make_root

    froot = make_root(sandbox["top"] / "forms")
    blank = export(froot, sandbox["out"] / "kt-2024.xlsx")
    return froot, fill(blank, sandbox["out"] / "kt-2024-filled.xlsx", {SHEETS["alpha"]: {SELF["1.1"]: 10}})


WRITERS = ["report", "report-default", "form-export", "form-import", "handover"]


REPORT_FILES = (".xlsx", ".md", "-bien-ban.docx", "-to-trinh.docx")


def _writer(name: str, sandbox) -> tuple[list, list[Path]]:
    """(arguments, the files the command writes) for one writing command."""
    root, out = sandbox["root"], sandbox["out"]
    if name == "report":
        return ["report", "--bloc", "k", "--root", root, "-o", out], [out / f"k{x}" for x in REPORT_FILES]
    if name == "report-default":
        return (["report", "--bloc", "k", "--root", root],
                [root / "reports" / "2024" / f"k{x}" for x in REPORT_FILES])
    if name == "form-export":
        return ["form", "export", "--bloc", "k", "2024", "--root", root, "-o", out / "form.xlsx"], [out / "form.xlsx"]
    if name == "form-import":
        from form_support import YEAR_FILE

        froot, form = _filled_form(sandbox)
        return ["form", "import", form, "--root", froot, "--write"], [froot / YEAR_FILE]
    return ["handover", "2024", "--bloc", "k", "--root", root, "--write"], [root / "blocs" / "k" / "2025.yaml"]


@pytest.mark.parametrize("crash", CRASHES)
@pytest.mark.parametrize("name", WRITERS)
def test_a_command_crashing_mid_write_keeps_the_previous_files(sandbox, monkeypatch, name, crash):
    args, written = _writer(name, sandbox)
    previous = {}
    for path in written:
        if name == "handover":
            continue  # handover --write only ever creates next year's file: there is no previous one
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(PREVIOUS)
        previous[path] = path.read_bytes()
    if name == "handover" and crash == "rename-fails":
        link_fails(monkeypatch)  # create_new links instead of renaming
    else:
        CRASHES[crash](monkeypatch)
    result = invoke(args)
    assert result.exit_code == 2, result.output
    assert "thidua: lỗi:" in result.output
    for path, data in previous.items():
        assert path.read_bytes() == data, f"{path} changed"
    if name == "handover":
        assert not written[0].exists()
    assert temporaries(sandbox["top"]) == []


@pytest.mark.parametrize("name", WRITERS)
def test_without_a_crash_the_same_commands_write_those_files(sandbox, name):
    """The other side of the test above: it is the crash, not something else, that kept the files."""
    args, written = _writer(name, sandbox)
    before = {p: p.read_bytes() if p.exists() else None for p in written}
    result = invoke(args)
    assert result.exit_code == 0, result.output
    assert all(p.is_file() and p.read_bytes() != before[p] for p in written)


# -- where outputs go ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", WRITERS)
def test_outputs_stay_in_the_data_root_or_the_o_path(sandbox, name):
    args, written = _writer(name, sandbox)
    before = files_under(sandbox["top"])
    assert invoke(args).exit_code == 0
    after = files_under(sandbox["top"])
    changed = {k for k in after if before.get(k) != after[k]} | (before.keys() - after.keys())
    allowed = {p.relative_to(sandbox["top"]).as_posix() for p in written}
    assert changed == allowed


def test_form_export_without_o_writes_inside_the_data_root(sandbox):
    before = files_under(sandbox["top"])
    assert invoke(["form", "export", "--bloc", "k", "2024", "--root", sandbox["root"]]).exit_code == 0
    new = set(files_under(sandbox["top"])) - set(before)
    assert new and all(n.startswith("root/") for n in new), new


HOSTILE_BLOCS = ["../../evil", "../evil", "/tmp/evil", "k/../../evil", "k/../k", "..", ".", "K", "k\x00",
                 "khối", "k ", "_tables"]


@pytest.mark.parametrize("bloc", HOSTILE_BLOCS)
def test_a_bloc_option_cannot_reach_outside_the_data_root(sandbox, bloc):
    root, top = sandbox["root"], sandbox["top"]
    for folder in (top / "evil", top / "root" / "evil"):  # something for '../evil' to find
        folder.mkdir(exist_ok=True)
        (folder / "2024.yaml").write_bytes(VALID.replace(b"bloc: k", b"bloc: evil"))
    before = files_under(top)
    for args in (["report", "--bloc", bloc, "--root", root], ["report", "--bloc", bloc, "--year", "2024", "--root", root],
                 ["form", "export", "--bloc", bloc, "2024", "--root", root, "-o", sandbox["out"] / "f.xlsx"],
                 ["handover", "2024", "--bloc", bloc, "--root", root, "--write"],
                 ["score", "2024", "--bloc", bloc, "--root", root], ["history", "--bloc", bloc, "--root", root]):
        result = invoke(args)
        if bloc != "k/../k":
            assert result.exit_code in (1, 2), f"{args}: {result.output}"
        assert files_under(top).keys() <= before.keys() | {"out/f.xlsx"} | {
            f"root/reports/2024/k{x}" for x in (".xlsx", ".md", "-bien-ban.docx", "-to-trinh.docx")} | {"root/blocs/k/2025.yaml"}, args


# -- ids cannot name a path outside their folder ---------------------------------------------------

def test_bloc_folders_and_ids_follow_one_pattern():
    assert rootmod._BLOC_DIR.pattern == ID_PATTERN


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=45))
def test_no_valid_id_names_a_path_outside_its_folder(text):
    if not re.match(ID_PATTERN, text):
        return
    base = Path("/data/blocs")
    assert os.path.normpath(base / text).startswith(str(base) + os.sep)
    assert "/" not in text and "\\" not in text and text not in (".", "..")


@settings(max_examples=300, deadline=None)
@given(st.one_of(
    st.text(max_size=40).map(lambda s: "_tables/" + s),
    st.sampled_from(["_tables/../thidua", "_tables/../../x", "_tables/..", "_tables/.", "_tables/./x",
                     "_tables/x/../../y", "_tables/%2e%2e/x", "_tables/..\\x", "_tables/x\x00", "_tables//etc/passwd",
                     "_tables/a..b", "_tables/...", "/etc/passwd", "../_tables/x", "_tables/x.yaml/..",
                     "_tables/\u2024\u2024/x", "_tables/ｘ", "_tables/x\n", "_tables/x/", "_TABLES/x"]),
))
def test_no_table_reference_names_a_file_outside_tables(ref):
    ws = Workspace(Path("/data"))
    path = ws.table_path(ref)
    if path is None:
        return
    tables = Path("/data/blocs/_tables")
    assert Path(os.path.normpath(path)).parent == tables, (ref, path)
    assert path.suffix == ".yaml"


def test_an_id_cannot_end_with_a_newline():
    from thidua.ids import ID_RE as _ID_RE

    assert not _ID_RE.match("k\n")
    assert not rootmod._BLOC_DIR.match("k\n")
    assert Workspace(Path("/data")).table_path("_tables/x\n") is None
