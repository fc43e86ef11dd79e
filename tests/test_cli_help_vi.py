"""Every help screen in Vietnamese: no "Usage", "Options", "[required]", "TEXT" … left from click or typer."""

import re
import sys
import unicodedata
from types import SimpleNamespace

import pytest
import typer
import typer.main
from typer.testing import CliRunner

from thidua.cli import vietnamese
from thidua.cli.app import app, main

# What click and typer write in English around the help, in any typer version thidua supports.
ENGLISH = [re.compile(p, re.I) for p in (
    r"usage", r"\boptions?\b", r"\barguments?\b", r"\bcommands?\b", r"show this message", r"required",
    r"default", r"env var", r"\bexamples?:", r"try '", r"for help", r"\berror\b", r"deprecated", r"dynamic",
)] + [re.compile(p) for p in (  # type names and metavars: upper case, or typer 0.27+'s <str>, <path>, {year}
    r"\bTEXT\b", r"\bINTEGER\b", r"\bFLOAT\b", r"\bPATH\b", r"\bFILE\b", r"\bDIRECTORY\b", r"\bRANGE\b",
    r"\bOPTIONS\b", r"\bCOMMAND\b", r"\bARGS\b", r"\bBOOLEAN\b", r"\bCHOICE\b",
    r"<str>", r"<path>", r"<int", r"<float", r"\{\w+\}", r"x<=|<=x|x>=|>=x|x<|x>",
)]


def english_in(text: str) -> list[str]:
    return [m.group(0) for p in ENGLISH for m in p.finditer(text)]


def command_paths(command=None, path=()):
    """Every command of the tree typer builds from ``app``, as the words that name it."""
    command = command or typer.main.get_command(app)
    yield path
    for name, sub in getattr(command, "commands", {}).items():
        yield from command_paths(sub, (*path, name))


PATHS = list(command_paths())


def help_of(*words: str) -> str:
    result = CliRunner().invoke(app, [*words, "--help"], terminal_width=80)
    assert result.exit_code == 0, result.output
    return result.output


def flat(text: str) -> str:
    """The text with its line breaks and indentation taken out (click wraps the help to the terminal)."""
    return " ".join(text.split())


def test_the_tree_has_every_command():
    assert {" ".join(p) for p in PATHS} == {"", "validate", "score", "handover", "schema", "diff", "history",
                                             "init", "report", "form", "form export", "form import"}


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "thidua")
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_no_english_in_any_help(path, flag):
    result = CliRunner().invoke(app, [*path, flag], terminal_width=80)
    assert result.exit_code == 0
    assert english_in(result.output) == [], result.output
    assert result.output.startswith(f"Cách dùng: {' '.join(('thidua', *path))} [TÙY_CHỌN]")
    assert "  -h, --help" in result.output and "Hiện trợ giúp này rồi thoát." in result.output
    assert unicodedata.is_normalized("NFC", result.output)


@pytest.mark.parametrize("markup", [None, "rich"])
def test_the_scanner_finds_what_click_and_typer_write(markup):
    """The test above can fail: a plain typer app's help is caught, word by word (with and without rich)."""
    plain = typer.Typer(rich_markup_mode=markup)

    @plain.command()
    def hello(name: str, count: int = typer.Option(1, min=1, envvar="HELLO_COUNT", show_envvar=True)) -> None:
        """Say hello.

        Example: hello world
        """

    found = english_in(CliRunner().invoke(plain, ["--help"]).output)
    for word in ("Usage", "Options", "Arguments", "Show this message", "required", "default", "env var",
                 "Example:"):
        assert any(f.lower() == word.lower() for f in found), (word, found)
    assert english_in("Cách dùng: thidua score [TÙY_CHỌN] NĂM\nĐối số:\n  NĂM  [từ 1945 đến 2200; bắt buộc]") == []


def test_score_help_word_for_word():
    out = help_of("score")
    lines = out.splitlines()
    assert lines[0] == "Cách dùng: thidua score [TÙY_CHỌN] NĂM"
    assert "  Ví dụ: thidua score 2020 --root examples/bac-kan --bloc mttq" in lines
    assert lines[lines.index("Đối số:") + 1] == "  NĂM  Năm thi đua, ví dụ 2024.  [từ 1945 đến 2200; bắt buộc]"
    options = lines[lines.index("Tùy chọn:") + 1:]
    assert options[0].startswith("  --root THƯ_MỤC   Thư mục dữ liệu")
    assert "  -b, --bloc KHỐI  Chỉ xét một khối (mã khối, ví dụ mttq)." in options
    assert options[-1] == "  -h, --help       Hiện trợ giúp này rồi thoát."
    assert "[biến môi trường: THIDUA_ROOT]" in flat(out)


def test_thidua_help_word_for_word():
    lines = help_of().splitlines()
    assert lines[0] == "Cách dùng: thidua [TÙY_CHỌN] LỆNH [ĐỐI_SỐ]..."
    options = lines[lines.index("Tùy chọn:") + 1:lines.index("Lệnh:")]
    assert options[0] == "  -V, --version         In phiên bản của thidua rồi thoát."
    assert options[1].startswith("  --install-completion  Cài tự hoàn thành lệnh (phím Tab)")
    assert options[3].startswith("  --show-completion     In đoạn mã tự hoàn thành lệnh")
    commands = [line.split()[0] for line in lines[lines.index("Lệnh:") + 1:]]
    assert commands == ["validate", "score", "handover", "schema", "diff", "history", "init", "report", "form"]


@pytest.mark.parametrize("words, usage, notes", [
    (["validate"], "Cách dùng: thidua validate [TÙY_CHỌN] [ĐƯỜNG_DẪN...]", ["-f, --format [text|json|github]"]),
    (["handover"], "Cách dùng: thidua handover [TÙY_CHỌN] NĂM", ["[từ 1945 đến 2199; bắt buộc]",
                                                                  "-b, --bloc KHỐI Mã khối, ví dụ mttq. [bắt buộc]"]),
    (["schema"], "Cách dùng: thidua schema [TÙY_CHỌN] [LOẠI]", ["[mặc định: bloc-year]"]),
    (["diff"], "Cách dùng: thidua diff [TÙY_CHỌN] [PHIÊN_BẢN...]", ["--textconv TỆP"]),
    (["history"], "Cách dùng: thidua history [TÙY_CHỌN]", ["-b, --bloc KHỐI"]),
    (["init"], "Cách dùng: thidua init [TÙY_CHỌN] [THƯ_MỤC]", ["-p, --province TÊN", "--source NGUỒN"]),
    (["report"], "Cách dùng: thidua report [TÙY_CHỌN]", ["-y, --year NĂM", "[từ 1945 đến 2200]",
                                                          "-o, --output ĐƯỜNG_DẪN", "-f, --format [xlsx|md|docx]"]),
    (["form"], "Cách dùng: thidua form [TÙY_CHỌN] LỆNH [ĐỐI_SỐ]...", ["Lệnh: export", "import"]),
    (["form", "export"], "Cách dùng: thidua form export [TÙY_CHỌN] NĂM", ["-o, --output TỆP", "--agreed"]),
    (["form", "import"], "Cách dùng: thidua form import [TÙY_CHỌN] TỆP...", ["Đối số: TỆP... Các tệp .xlsx đã điền. [bắt buộc]",
                                                                             "-y, --year NĂM"]),
])
def test_each_command_in_its_own_words(words, usage, notes):
    out = help_of(*words)
    assert out.splitlines()[0] == usage
    for note in notes:
        assert note in flat(out)


def test_every_command_is_built_with_the_vietnamese_classes():
    def walk(command):
        yield command
        for sub in getattr(command, "commands", {}).values():
            yield from walk(sub)

    commands = list(walk(typer.main.get_command(app)))
    assert len(commands) == len(PATHS)
    assert all(isinstance(c, (vietnamese.ThiduaCommand, vietnamese.ThiduaGroup)) for c in commands)
    names = {*vietnamese.METAVARS.values(), *vietnamese.COMMAND_METAVARS.values()}
    for c in commands:
        for p in c.params:
            assert p.metavar is None or p.metavar in names, (c.name, p.name, p.metavar)  # none from the fallbacks


def test_usage_errors_carry_the_vietnamese_usage_and_value_names(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["thidua", "form", "export", "--bloc", "mttq"])
    with pytest.raises(SystemExit) as exit_:
        main()
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert err.splitlines()[0] == "Cách dùng: thidua form export [TÙY_CHỌN] NĂM"
    assert err.rstrip().endswith("thidua: lỗi: thiếu đối số 'NĂM'")
    assert english_in(err) == []


def test_thidua_alone_prints_the_vietnamese_help(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["thidua"])
    with pytest.raises(SystemExit) as exit_:
        main()
    out = capsys.readouterr()
    assert exit_.value.code == 2  # as before: no command is a usage error, answered with the help
    assert (out.out + out.err).startswith("Cách dùng: thidua [TÙY_CHỌN] LỆNH [ĐỐI_SỐ]...")
    assert english_in(out.out + out.err) == []


def test_other_typer_apps_in_the_process_keep_their_english():
    """Nothing process-wide: thidua's help is Vietnamese, a typer app beside it is left as typer made it."""
    help_of("score")
    plain = typer.Typer()

    @plain.command()
    def hello(name: str) -> None:
        pass

    out = CliRunner().invoke(plain, ["--help"]).output
    assert "Usage:" in out and "Show this message and exit." in out


@pytest.mark.parametrize("type_, text", [
    (SimpleNamespace(min=1945, max=2200), "từ 1945 đến 2200"),
    (SimpleNamespace(min=0, max=None), "≥ 0"),
    (SimpleNamespace(min=None, max=10), "≤ 10"),
    (SimpleNamespace(min=0.0, max=10.5, min_open=True, max_open=False), "> 0, ≤ 10.5"),
    (SimpleNamespace(choices=["a"]), ""),
])
def test_range_in_words(type_, text):
    assert vietnamese.range_text(type_) == text
