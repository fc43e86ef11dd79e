"""docs/huong-dan.md, the user guide in Vietnamese, says only what the tool really does.

The guide walks an office through a bloc's year; its commands and what they print are checked here by
doing what a reader does, in order, in a temporary folder that stands for the reader's Documents folder.
The steps are HTML comments placed before a fenced block (invisible once the guide is rendered):

- ``<!-- chạy thử: DIR -->`` before a ``powershell``/``sh`` block: each line is a command run in DIR
  (``cd X`` moves within the block); each must exit 0, or with ``; mã thoát N`` every command exits N;
  ``; bảng mã X`` runs with a console encoding X (PYTHONIOENCODING) and reads the output in it. A
  ``text`` block right after it is an excerpt of what the commands print: each of its lines (``…``
  alone skips, ``…`` inside a line stands for any text) is a line of the output, in order.
- ``<!-- ghi thử: PATH -->`` / ``<!-- thêm thử: PATH -->`` before a block: the reader writes the block
  as that file / adds it at the end of the file.
- ``<!-- thay thử: PATH; từ «A» đến «B» -->`` before a block: the lines from the first one starting with
  A to the next one starting with B are replaced by the block.
- ``<!-- sửa thử: PATH; «OLD» → «NEW» -->``: OLD, found exactly once in the file, becomes NEW (``\\t`` is a
  tab, ``\\n`` a line break).
- ``<!-- lưu thử: PATH; bảng mã X -->``: the file saved again in encoding X (what cannot be written becomes ?).
- ``<!-- chép thử: SRC → DEST -->``: a file or folder copied; ``thidua/…`` is this project's folder.
- ``<!-- điền thử: FORM → COPY; Trang!D8 = 27; … -->``: a unit fills cells of an Excel form, saves a copy.
- ``<!-- sửa Word thử: PATH; thêm đoạn «NEW» sau đoạn «ANCHOR» -->``: a paragraph added in Word.
- ``<!-- trích tệp: PATH -->`` before a block: the block's lines are lines of that file, in order.

Paths are relative to the temporary Documents folder.
"""

from __future__ import annotations

import copy
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
GUIDE = PROJECT / "docs" / "huong-dan.md"
MARKER = re.compile(r"^<!-- (chạy thử|ghi thử|thêm thử|thay thử|sửa thử|lưu thử|chép thử|điền thử|sửa Word thử|trích tệp)"
                    r": (.*) -->$")
FENCE = re.compile(r"^```(\w*)$")
SHELLS = {"powershell", "sh"}


@dataclass
class Step:
    kind: str
    arg: str
    line: int                      # where the marker is in the guide (1-based)
    body: list[str] = field(default_factory=list)
    lang: str = ""
    expected: list[str] | None = None


def fenced(lines: list[str], start: int) -> tuple[str, list[str], int] | None:
    """The fenced block opening at ``start`` (blank lines skipped): language, lines, index after it."""
    i = start
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i >= len(lines) or not (m := FENCE.match(lines[i])):
        return None
    end = lines.index("```", i + 1)
    return m.group(1), lines[i + 1:end], end + 1


def steps(text: str) -> list[Step]:
    lines = text.splitlines()
    out: list[Step] = []
    i = 0
    while i < len(lines):
        m = MARKER.match(lines[i])
        if not m:
            i += 1
            continue
        step = Step(m.group(1), m.group(2), i + 1)
        i += 1
        if step.kind in {"chạy thử", "ghi thử", "thêm thử", "thay thử", "trích tệp"}:
            block = fenced(lines, i)
            assert block, f"huong-dan.md:{step.line}: «{step.kind}» needs a fenced block after it"
            step.lang, step.body, i = block
            if step.kind == "chạy thử":
                assert step.lang in SHELLS, f"huong-dan.md:{step.line}: a command block is ```powershell or ```sh"
                after = fenced(lines, i)
                if after and after[0] == "text":
                    step.expected, i = after[1], after[2]
        out.append(step)
    return out


class Reader:
    """Someone following the guide: a Documents folder, a shell, Excel and Word."""

    def __init__(self, home: Path):
        self.docs = home / "Documents"
        self.docs.mkdir(parents=True)
        self.env = {k: v for k, v in os.environ.items()
                    if not k.startswith(("THIDUA_", "GIT_", "GITHUB_")) and k not in {"NO_COLOR", "FORCE_COLOR",
                                                                                     "PYTHONIOENCODING"}}
        self.env.update({"HOME": str(home), "USERPROFILE": str(home), "GIT_CONFIG_NOSYSTEM": "1",
                         "PYTHONUTF8": "0", "COLUMNS": "200"})

    def path(self, rel: str) -> Path:
        rel = rel.strip()
        if rel == "thidua" or rel.startswith("thidua/"):
            return PROJECT / rel[len("thidua/"):]
        return self.docs / rel

    # -- steps ------------------------------------------------------------------------------

    def do(self, step: Step) -> None:
        getattr(self, "_" + step.kind.replace(" ", "_"))(step)

    def _chạy_thử(self, step: Step) -> None:
        parts = [p.strip() for p in step.arg.split(";")]
        cwd = self.path(parts[0])
        want, encoding = 0, "utf-8"
        for part in parts[1:]:
            if part.startswith("mã thoát "):
                want = int(part.removeprefix("mã thoát "))
            elif part.startswith("bảng mã "):
                encoding = part.removeprefix("bảng mã ")
            else:
                raise AssertionError(f"huong-dan.md:{step.line}: unknown option {part!r}")
        streams: list[str] = []
        for line in step.body:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            argv = shlex.split(line)
            if argv[0] == "cd":
                cwd = (cwd / argv[1]).resolve()
                continue
            if argv[0] == "thidua":
                code, out, err = self.thidua(argv[1:], cwd, encoding)
            elif argv[0] == "git":
                done = subprocess.run(argv, cwd=cwd, env=self.env, capture_output=True, timeout=60)
                code, out, err = done.returncode, done.stdout.decode(), done.stderr.decode()
            else:
                raise AssertionError(f"huong-dan.md:{step.line}: only thidua, git and cd are run: {line}")
            assert code == want, (f"huong-dan.md:{step.line}: `{line}` in {cwd} exited {code}, "
                                  f"the guide says {want}:\n{out}{err}")
            streams += [out, err]
        if step.expected is not None:
            printed = "\n".join(streams)
            lines = [out.splitlines() for out in streams if out]
            for expected in step.expected:
                assert matched(expected, lines), (
                    f"huong-dan.md:{step.line}: the guide quotes a line the commands do not print "
                    f"(or not in this order):\n  {expected}\nprinted:\n{printed}")

    def thidua(self, args: list[str], cwd: Path, encoding: str) -> tuple[int, str, str]:
        """The command in this process (its console script's main), or in a process of its own for a
        console that is not UTF-8 (the encoding is a property of the process's streams)."""
        if encoding != "utf-8":
            done = subprocess.run([sys.executable, "-m", "thidua", *args], cwd=cwd, capture_output=True,
                                  env=dict(self.env, PYTHONIOENCODING=encoding), timeout=60)
            return done.returncode, done.stdout.decode(encoding), done.stderr.decode(encoding)
        from thidua.cli.app import main

        out, err = io.BytesIO(), io.BytesIO()
        streams = [io.TextIOWrapper(b, encoding="utf-8", write_through=True) for b in (out, err)]
        saved = sys.stdout, sys.stderr, sys.argv
        sys.stdout, sys.stderr = streams
        sys.argv = ["thidua", *args]
        here = Path.cwd()
        os.chdir(cwd)
        code = 0
        try:
            main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        finally:
            os.chdir(here)
            sys.stdout, sys.stderr, sys.argv = saved
            for stream in streams:        # the bytes stay readable when the wrapper goes
                stream.flush()
                stream.detach()
        return code, out.getvalue().decode(), err.getvalue().decode()

    def _ghi_thử(self, step: Step) -> None:
        target = self.path(step.arg)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(step.body) + "\n", encoding="utf-8", newline="\n")

    def _thêm_thử(self, step: Step) -> None:
        target = self.path(step.arg)
        text = target.read_text(encoding="utf-8")
        target.write_text(text.rstrip("\n") + "\n\n" + "\n".join(step.body) + "\n", encoding="utf-8", newline="\n")

    def _thay_thử(self, step: Step) -> None:
        rel, rest = step.arg.split(";", 1)
        m = re.fullmatch(r"\s*từ «(.+?)» đến «(.+?)»\s*", rest)
        assert m, f"huong-dan.md:{step.line}: write «thay thử: PATH; từ «A» đến «B»»"
        target = self.path(rel)
        lines = target.read_text(encoding="utf-8").split("\n")
        first = next(i for i, ln in enumerate(lines) if ln.startswith(m.group(1)))
        last = next(i for i in range(first, len(lines)) if lines[i].startswith(m.group(2)))
        lines[first:last + 1] = step.body
        target.write_text("\n".join(lines), encoding="utf-8", newline="\n")

    def _sửa_thử(self, step: Step) -> None:
        rel, rest = step.arg.split(";", 1)
        m = re.fullmatch(r"\s*«(.+?)» → «(.*?)»\s*", rest)
        assert m, f"huong-dan.md:{step.line}: write «sửa thử: PATH; «OLD» → «NEW»»"
        old, new = (s.replace("\\t", "\t").replace("\\n", "\n") for s in m.groups())
        target = self.path(rel)
        text = target.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"huong-dan.md:{step.line}: «{old}» is in {rel} {text.count(old)} times"
        target.write_text(text.replace(old, new), encoding="utf-8", newline="")

    def _lưu_thử(self, step: Step) -> None:
        rel, encoding = (p.strip() for p in step.arg.split("; bảng mã "))
        target = self.path(rel)
        target.write_bytes(target.read_text(encoding="utf-8").encode(encoding, errors="replace"))

    def _chép_thử(self, step: Step) -> None:
        src, dest = (self.path(p) for p in step.arg.split("→"))
        dest.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dest)
        else:
            shutil.copyfile(src, dest)

    def _điền_thử(self, step: Step) -> None:
        import openpyxl

        files, *cells = (p.strip() for p in step.arg.split(";"))
        src, dest = (self.path(p) for p in files.split("→"))
        book = openpyxl.load_workbook(src)
        for cell in cells:
            where, value = (p.strip() for p in cell.split("=", 1))
            sheet, ref = where.rsplit("!", 1)
            book[sheet][ref] = number(value)
        book.save(dest)

    def _sửa_Word_thử(self, step: Step) -> None:
        import docx
        from docx.text.paragraph import Paragraph

        rel, rest = step.arg.split(";", 1)
        m = re.fullmatch(r"\s*thêm đoạn «(.+?)» sau đoạn «(.+?)»\s*", rest)
        assert m, f"huong-dan.md:{step.line}: write «sửa Word thử: PATH; thêm đoạn «NEW» sau đoạn «ANCHOR»»"
        target = self.path(rel)
        document = docx.Document(str(target))
        anchor = next(p for p in document.paragraphs if p.text == m.group(2))
        new = copy.deepcopy(anchor._p)            # a copy keeps the anchor's style, as Enter in Word does
        anchor._p.addnext(new)
        paragraph = Paragraph(new, anchor._parent)
        for run in paragraph.runs[1:]:
            run._r.getparent().remove(run._r)
        paragraph.runs[0].text = m.group(1)
        document.save(str(target))

    def _trích_tệp(self, step: Step) -> None:
        lines = self.path(step.arg).read_text(encoding="utf-8").splitlines()
        for expected in step.body:
            assert matched(expected, [lines]), (
                f"huong-dan.md:{step.line}: the guide quotes a line that is not in {step.arg} "
                f"(or not in this order):\n  {expected}")


def number(text: str) -> float | str:
    try:
        return float(text)
    except ValueError:
        return text


def matched(expected: str, streams: list[list[str]]) -> bool:
    """``expected`` is the next unmatched line of one stream; the streams keep their place (in order)."""
    want = " ".join(expected.split())
    if not want or want == "…":
        return True
    pieces = [" ".join(p.split()) for p in want.split("…") if p.strip()]
    for stream in streams:
        for i, line in enumerate(stream):
            if fits(pieces, line):
                del stream[:i + 1]
                return True
    return False


def fits(pieces: list[str], line: str) -> bool:
    """The pieces in ``line``, in order; any run of spaces (a no-break space too) counts as one space."""
    line = " ".join(line.split())
    at = 0
    for piece in pieces:
        found = line.find(piece, at)
        if found < 0:
            return False
        at = found + len(piece)
    return True


GUIDE_TEXT = GUIDE.read_text(encoding="utf-8")
STEPS = steps(GUIDE_TEXT)


@pytest.mark.skipif(shutil.which("git") is None, reason="the guide's git steps need git")
def test_the_guide_does_what_it_says(tmp_path, monkeypatch):
    reader = Reader(tmp_path / "home")
    for name in ("HOME", "USERPROFILE", "GIT_CONFIG_NOSYSTEM"):    # for the git that thidua diff runs
        monkeypatch.setenv(name, reader.env[name])
    for step in STEPS:
        reader.do(step)


def test_the_guide_checks_every_command_it_teaches():
    """Each of the tool's commands is run at least once as the guide shows it."""
    run = "\n".join(line for s in STEPS if s.kind == "chạy thử" for line in s.body)
    for command in ("init", "validate", "score", "handover", "handover .* --write", "report", "report --year",
                    "history", "diff", "form export", "form export .*--agreed", "form import",
                    "form import .*--write"):
        assert re.search(rf"^thidua {command}", run, re.M), command
    outputs = sum(1 for s in STEPS if s.expected)
    assert outputs >= 25, outputs


def test_the_guide_is_clean_vietnamese_text():
    assert unicodedata.is_normalized("NFC", GUIDE_TEXT)
    assert "\u00d0" not in GUIDE_TEXT            # the Icelandic Ð, never the Vietnamese Đ
    assert "\t" not in GUIDE_TEXT and "\r" not in GUIDE_TEXT
    for word in ("khối thi đua", "cụm thi đua", "Trưởng khối", "Phó khối", "giao ước thi đua", "bảng chấm điểm",
                 "tự chấm", "chấm chéo", "điểm thưởng", "điểm trừ", "bình xét", "bỏ phiếu kín", "Cờ thi đua",
                 "Bằng khen", "biên bản", "tờ trình"):
        assert word in GUIDE_TEXT, word


def test_the_guide_links_resolve():
    for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", GUIDE_TEXT):
        if "://" not in target:
            assert (GUIDE.parent / target).exists(), target


def test_markers_are_read_as_written():
    text = "\n".join([
        "<!-- chạy thử: a; mã thoát 1 -->", "```powershell", "thidua validate", "```", "",
        "```text", "x … y", "```",
        "<!-- sửa thử: a/b.yaml; «1» → «2» -->",
    ])
    got = steps(text)
    assert [(s.kind, s.arg, s.line, s.body, s.expected) for s in got] == [
        ("chạy thử", "a; mã thoát 1", 1, ["thidua validate"], ["x … y"]),
        ("sửa thử", "a/b.yaml; «1» → «2»", 9, [], None)]
    assert matched("x … y", [["x and then y"]]) and not matched("y … x", [["x and then y"]])
    assert not matched("lỗi", [[]])
