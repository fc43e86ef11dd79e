"""Rules of the text stage (E0xx): bytes that are not clean UTF-8 NFC Vietnamese.

Each fixture is written as bytes, exactly as an office machine would save it.
"""

import codecs
import os
import unicodedata
from pathlib import Path

import pytest
from support import BLOC_YEAR_PATH, bloc_case, dedent, diagnostics, run_case, write_root
from typer.testing import CliRunner

from thidua.cli.app import app

TEXT = dedent("""
    bloc: mttq
    year: 2024
    name: Khối thi đua MTTQ
    members:
      - id: hlhpn
        name: Hội Liên hiệp Phụ nữ tỉnh
""")

_TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Word saves it: precomposed where the code page has the letter,
    else the base letter (â, ê, ô, ơ, ư, ă) followed by a combining tone mark."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in parts if c in _TONES)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            out += (base + tones).encode("cp1258")
    return bytes(out)


# "Khối thi đua" and "Hội Liên hiệp Phụ nữ tỉnh" typed with a TCVN3 (ABC) font: the bytes shown
# as Windows-1252 read "Khèi thi ®ua" and "Héi Liªn hiÖp Phô n÷ tØnh".
TCVN3_BYTES = dedent("""
    bloc: mttq
    year: 2024
    name: Khèi thi ®ua MTTQ
    members:
      - id: hlhpn
        name: Héi Liªn hiÖp Phô n÷ tØnh
""").encode("cp1252")

# The same typed with a VNI font: "Khoái thi ñua", "Hoäi Lieân hieäp Phuï nöõ tænh".
VNI_BYTES = dedent("""
    bloc: mttq
    year: 2024
    name: Khoái thi ñua MTTQ
    members:
      - id: hlhpn
        name: Hoäi Lieân hieäp Phuï nöõ tænh
""").encode("cp1252")

CASES = [
    # E001: not UTF-8; the column is the first byte that is not UTF-8 ("ô" of "Khối" at 3:9).
    bloc_case("cp1258", to_cp1258(TEXT), ("E001", 3, 9)),
    bloc_case("tcvn3-bytes", TCVN3_BYTES, ("E001", 3, 9)),
    bloc_case("vni-bytes", VNI_BYTES, ("E001", 3, 10)),
    # E002: UTF-16, with or without a byte-order mark.
    bloc_case("utf16-bom", TEXT.encode("utf-16"), ("E002", 1, 1)),
    bloc_case("utf16-le-no-bom", TEXT.encode("utf-16-le"), ("E002", 1, 1)),
    bloc_case("utf16-be-bom", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), ("E002", 1, 1)),
    # E003: TCVN3 or VNI text pasted into a UTF-8 file; points into the first odd word.
    bloc_case("tcvn3-pasted", TEXT.replace("Hội Liên hiệp", "Héi Liªn hiÖp").encode(), ("E003", 6, 16)),
    bloc_case("vni-pasted", TEXT.replace("Hội Liên hiệp", "Hoäi Lieân hieäp").encode(), ("E003", 6, 12)),
    # E004: decomposed (NFD) text; the column is the letter carrying the marks ("o" of "Khối").
    bloc_case("nfd", unicodedata.normalize("NFD", TEXT).encode(), ("E004", 3, 9)),
    # E005: the Icelandic eth Ð (U+00D0) in place of Đ (U+0110).
    bloc_case("eth", TEXT.replace("thi đua", "thi Ðua").encode(), ("E005", 3, 16)),
    # E006: nothing to read.
    bloc_case("empty", b"", ("E006", 1, 1)),
    bloc_case("blank", b"\n  \n\t\n", ("E006", 1, 1)),
    bloc_case("only-comments", b"# bloc: mttq\n# year: 2024\n", ("E006", 1, 1)),
    bloc_case("only-bom", codecs.BOM_UTF8, ("E006", 1, 1)),
    # E007: more than a data file can be (4 MiB); the whole file is named, nothing is parsed.
    bloc_case("too-large", b"# " + b"x" * (4 * 1024 * 1024), ("E007", 0, 0)),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_text_rule(case, tmp_path):
    assert run_case(case, tmp_path) == case.expect


CLEAN = [
    ("utf8", TEXT.encode()),
    ("utf8-bom", codecs.BOM_UTF8 + TEXT.encode()),  # Notepad's BOM is accepted silently
    ("crlf", TEXT.replace("\n", "\r\n").encode()),
    ("bom-and-crlf", codecs.BOM_UTF8 + TEXT.replace("\n", "\r\n").encode()),
    ("vietnamese-dj", TEXT.replace("MTTQ", "Đoàn thể").encode()),  # Đ U+0110 is right
]


@pytest.mark.parametrize(("name", "data"), CLEAN, ids=[c[0] for c in CLEAN])
def test_clean_encodings_have_no_finding(name, data, tmp_path):
    root = write_root(tmp_path / "root", {BLOC_YEAR_PATH: data})
    assert diagnostics(root) == []


def test_legacy_encodings_are_named_in_the_message(tmp_path):
    root = write_root(tmp_path / "tcvn3", {BLOC_YEAR_PATH: TCVN3_BYTES})
    assert "TCVN3" in diagnostics(root)[0].message
    root = write_root(tmp_path / "vni", {BLOC_YEAR_PATH: VNI_BYTES})
    assert "VNI" in diagnostics(root)[0].message


def test_cp1258_file_is_named_windows_1258(tmp_path):
    root = write_root(tmp_path / "root", {BLOC_YEAR_PATH: to_cp1258(TEXT)})
    [finding] = diagnostics(root)
    assert finding.code == "E001"
    assert "Windows-1258" in finding.message


def test_nfd_text_is_still_checked_as_nfc(tmp_path):
    """After E004 the text is normalised, so the rest of the file is still checked (one finding only)."""
    text = unicodedata.normalize("NFD", TEXT + "leader: hlhpn\n")
    root = write_root(tmp_path / "root", {BLOC_YEAR_PATH: text.encode()})
    assert [d.code for d in diagnostics(root)] == ["E004"]


def test_hints_say_how_to_fix(tmp_path):
    root = write_root(tmp_path / "root", {BLOC_YEAR_PATH: TEXT.encode("utf-16")})
    [finding] = diagnostics(root)
    assert "UTF-8" in finding.hint


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_in_blocs_is_e009_not_a_hang(tmp_path):
    root = write_root(tmp_path / "root", {})
    (root / "blocs" / "mttq").mkdir(parents=True)
    os.mkfifo(root / BLOC_YEAR_PATH)  # nobody writes to it: reading it would block forever
    [finding] = diagnostics(root)
    assert (finding.source.file, finding.code) == (BLOC_YEAR_PATH, "E009")
    assert "FIFO" in finding.message


def test_a_folder_named_like_a_year_file_is_e009(tmp_path):
    root = write_root(tmp_path / "root", {})
    (root / BLOC_YEAR_PATH).mkdir(parents=True)
    [finding] = diagnostics(root)
    assert (finding.source.file, finding.code) == (BLOC_YEAR_PATH, "E009")
    assert "thư mục" in finding.message


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_named_on_the_command_line_is_e009(tmp_path):
    root = write_root(tmp_path / "root", {})
    result = CliRunner().invoke(app, ["validate", "/dev/zero", "--root", str(root)])
    assert result.exit_code == 1
    assert "/dev/zero: lỗi E009: đường dẫn này là một thiết bị" in result.stdout


def test_a_file_that_cannot_be_read_is_e008(tmp_path, monkeypatch):
    root = write_root(tmp_path / "root", {BLOC_YEAR_PATH: TEXT})
    real_open = os.open

    def failing_open(path, *args, **kwargs):
        if Path(path).as_posix().endswith("mttq/2024.yaml"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", failing_open)
    [finding] = diagnostics(root)
    assert (finding.source.file, finding.code) == (BLOC_YEAR_PATH, "E008")
    assert finding.message == "không đọc được tệp: không có quyền truy cập"


@pytest.mark.parametrize(("name", "message", "hint"), [
    ("e002-utf16-le-bom.yaml", "tệp được lưu bằng UTF-16, không phải UTF-8",
     "Lưu lại tệp với bảng mã UTF-8 thay cho UTF-16 (Unicode)."),
    ("e002-utf16-le-no-bom.yaml", "tệp được lưu bằng UTF-16, không phải UTF-8",
     "Lưu lại tệp với bảng mã UTF-8 thay cho UTF-16 (Unicode)."),
    ("e002-utf32-le-bom.yaml", "tệp được lưu bằng UTF-32, không phải UTF-8",
     "Lưu lại tệp với bảng mã UTF-8 thay cho UTF-32."),
    ("e002-all-nul.yaml", "tệp chỉ gồm byte 0 (NUL), không có chữ nào: tệp hỏng hoặc bị ghi đè",
     "Lấy lại tệp từ bản lưu trước (git checkout -- TỆP, hoặc bản sao lưu)."),
])
def test_e002_names_what_the_bytes_are(tmp_path, name, message, hint):
    data = (Path(__file__).parent / "data" / "bad" / name).read_bytes()
    root = write_root(tmp_path / "root", {BLOC_YEAR_PATH: data})
    [finding] = [d for d in diagnostics(root) if d.source.file == BLOC_YEAR_PATH]
    assert (finding.code, finding.message, finding.hint) == ("E002", message, hint)
