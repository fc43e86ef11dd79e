"""A console or a file that cannot take Vietnamese gets the nearest text it can, never an error.

Vietnamese Windows redirects to cp1258, Western Windows to cp1252, a bare POSIX shell may be
ASCII. The console script writes files and pipes in UTF-8, and a console (or an encoding set with
PYTHONIOENCODING) in its own encoding as near as it can: cp1258 in its own composed-plus-tone
form, cp1252 and ASCII without marks. JSON stays exact, with \\u escapes.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from thidua.cli import output

PROJECT = Path(__file__).resolve().parent.parent


def run(*args, encoding):
    env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": encoding}
    env.pop("THIDUA_ROOT", None)
    return subprocess.run([sys.executable, "-m", "thidua", *args], capture_output=True, cwd=PROJECT, env=env)


@pytest.mark.parametrize(("ch", "encoding", "written"), [
    ("ộ", "cp1258", "ô\u0323"), ("ố", "cp1258", "ô\u0301"), ("ã", "cp1258", "a\u0303"), ("ư", "cp1258", "ư"),
    ("Ử", "cp1258", "Ư\u0309"), ("đ", "cp1258", "đ"),
    ("ộ", "cp1252", "o"), ("ã", "cp1252", "ã"), ("đ", "cp1252", "d"), ("Đ", "ascii", "D"), ("ư", "ascii", "u"),
    ("—", "ascii", "-"), ("→", "cp1252", "->"), ("≥", "ascii", ">="), ("\u00a0", "ascii", " "), ("☃", "ascii", "?"),
])
def test_the_nearest_a_code_page_can_write(ch, encoding, written):
    assert output.nearest(ch, encoding) == written
    written.encode(encoding)  # what the handler returns must itself be writable


@pytest.mark.parametrize("encoding", ["cp1258", "cp1252", "ascii"])
def test_score_on_a_legacy_console_prints_the_table_and_exits_0(encoding):
    r = run("score", "2024", "--bloc", "mttq", encoding=encoding)
    assert r.returncode == 0, r.stderr.decode(encoding, "replace")
    text = unicodedata.normalize("NFC", r.stdout.decode(encoding))
    if encoding == "cp1258":  # every letter survives: the code page writes tones as combining marks
        assert "Hội Liên hiệp Phụ nữ tỉnh" in text and "Trưởng khối" in text
    else:
        assert "Phu nu tinh" in text and "nam 2024" in text
    assert "UnicodeEncodeError" not in text and "lỗi nội bộ" not in text


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_help_on_a_legacy_console_is_no_traceback(encoding):
    r = run("--help", encoding=encoding)
    assert r.returncode == 0
    assert b"Traceback" not in r.stderr and b"score" in r.stdout


def test_json_on_a_legacy_console_is_exact_with_escapes():
    r = run("score", "2024", "--bloc", "mttq", "--json", encoding="ascii")
    assert r.returncode == 0
    r.stdout.decode("ascii")  # nothing but ASCII was written
    doc = json.loads(r.stdout)
    assert "Hội Liên hiệp Phụ nữ tỉnh" in json.dumps(doc, ensure_ascii=False)
    findings = json.loads(run("validate", "--format", "json", encoding="cp1252").stdout)
    assert findings["errors"] == 0


def test_a_file_or_pipe_in_a_legacy_code_page_gets_utf8(monkeypatch):
    monkeypatch.delenv("PYTHONIOENCODING", raising=False)
    stream = io.TextIOWrapper(io.BytesIO(), encoding="cp1258")
    monkeypatch.setattr(sys, "stdout", stream)
    output.make_streams_safe()
    assert stream.encoding == "utf-8"
    stream.write("Hội Nông dân tỉnh")
    stream.flush()
    assert stream.buffer.getvalue().decode("utf-8") == "Hội Nông dân tỉnh"


def test_a_console_keeps_its_code_page_and_writes_the_nearest(monkeypatch):
    monkeypatch.delenv("PYTHONIOENCODING", raising=False)

    class Console(io.TextIOWrapper):
        def isatty(self):
            return True

    stream = Console(io.BytesIO(), encoding="cp1252")
    monkeypatch.setattr(sys, "stdout", stream)
    output.make_streams_safe()
    stream.write("Đơn vị → Hội — ư")
    stream.flush()
    assert stream.buffer.getvalue() == "Don vi -> Hoi — u".encode("cp1252")  # cp1252 has the em dash


def test_a_utf8_stream_is_left_alone(monkeypatch):
    stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    monkeypatch.setattr(sys, "stdout", stream)
    output.make_streams_safe()
    assert (stream.encoding, stream.errors) == ("utf-8", "strict")
