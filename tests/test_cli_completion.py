"""Shell completion: --install-completion / --show-completion in Vietnamese, and blocs and years completed."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thidua.cli import completion
from thidua.cli.app import app

PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A data root with two blocs (alpha: 2023, 2024; beta: 2022) and a shared-tables folder."""
    for bloc, years in (("alpha", (2023, 2024)), ("beta", (2022,))):
        (tmp_path / "data" / "blocs" / bloc).mkdir(parents=True)
        for y in years:
            (tmp_path / "data" / "blocs" / bloc / f"{y}.yaml").write_text(f"bloc: {bloc}\nyear: {y}\n", encoding="utf-8")
        (tmp_path / "data" / "blocs" / bloc / "notes.txt").write_text("", encoding="utf-8")
    (tmp_path / "data" / "blocs" / "_tables").mkdir()
    return tmp_path / "data"


def bash(line: str, **env: str) -> list[str]:
    """What the bash script typer installs gets back for ``line`` (the word being typed is the last one)."""
    words = line.split(" ")
    result = CliRunner().invoke(app, [], env={"_THIDUA_COMPLETE": "complete_bash", "COMP_WORDS": line,
                                              "COMP_CWORD": str(len(words) - 1), **env})
    assert result.exit_code == 0, result.output
    return result.output.split()  # one value a line (blocs and years have no spaces); "" when none


@pytest.mark.parametrize("line, expected", [
    ("thidua score --bloc ", ["alpha", "beta"]),
    ("thidua handover 2024 -b a", ["alpha"]),
    ("thidua history --bloc ", ["alpha", "beta"]),
    ("thidua report -b b", ["beta"]),
    ("thidua form export --bloc ", ["alpha", "beta"]),
    ("thidua form import x.xlsx -b ", ["alpha", "beta"]),
    ("thidua score ", ["2022", "2023", "2024"]),
    ("thidua score 202", ["2022", "2023", "2024"]),
    ("thidua handover --bloc alpha ", ["2023", "2024"]),
    ("thidua form export --bloc beta ", ["2022"]),
    ("thidua report --bloc alpha --year ", ["2023", "2024"]),
    ("thidua form import a.xlsx -y 2023", ["2023"]),
    ("thidua score --bloc nope ", []),
])
def test_blocs_and_years_of_the_data_root(root, line, expected):
    assert bash(line, THIDUA_ROOT=str(root)) == expected


def test_the_root_on_the_line_and_the_root_found_upward(root, tmp_path, monkeypatch):
    monkeypatch.delenv("THIDUA_ROOT", raising=False)
    assert bash(f"thidua score --root {root} --bloc ") == ["alpha", "beta"]
    monkeypatch.chdir(root / "blocs" / "alpha")
    assert bash("thidua score --bloc ") == ["alpha", "beta"]
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.chdir(empty)
    assert bash("thidua score --bloc ") == []  # no data root: nothing to offer, and no error


def test_commands_and_options_complete_with_vietnamese_help(root):
    assert bash("thidua s") == ["score", "schema"]
    zsh = CliRunner().invoke(app, [], env={"_THIDUA_COMPLETE": "complete_zsh",
                                           "_TYPER_COMPLETE_ARGS": "thidua history --"})
    assert '"--bloc":"Mã khối, ví dụ mttq."' in zsh.output
    assert '"--help":"Hiện trợ giúp này rồi thoát."' in zsh.output


def test_zsh_and_fish_get_the_blocs_in_their_format(root):
    env = {"THIDUA_ROOT": str(root), "_TYPER_COMPLETE_ARGS": "thidua score --bloc "}
    zsh = CliRunner().invoke(app, [], env={**env, "_THIDUA_COMPLETE": "complete_zsh"})
    assert zsh.output == "_arguments '*: :((\"alpha\"\n\"beta\"))'\n"
    fish = CliRunner().invoke(app, [], env={**env, "_THIDUA_COMPLETE": "complete_fish",
                                            "_TYPER_COMPLETE_FISH_ACTION": "get-args"})
    assert fish.output == "alpha\nbeta\n"


def test_completion_through_the_console_script(root):
    env = {**os.environ, "_THIDUA_COMPLETE": "complete_bash", "COMP_WORDS": "thidua form export --bloc al",
           "COMP_CWORD": "4", "THIDUA_ROOT": str(root)}
    r = subprocess.run([sys.executable, "-m", "thidua"], capture_output=True, text=True, env=env, cwd=PROJECT)
    assert (r.returncode, r.stdout, r.stderr) == (0, "alpha\n", "")


# -- --show-completion, --install-completion -----------------------------------------------------

MARKERS = {
    "bash": "complete -o default -F _thidua_completion thidua",
    "zsh": "#compdef thidua",
    "fish": "complete --command thidua --no-files",
    "powershell": "Register-ArgumentCompleter -Native -CommandName thidua",
    "pwsh": "Register-ArgumentCompleter -Native -CommandName thidua",
}


@pytest.mark.parametrize("shell", sorted(MARKERS))
def test_show_completion_prints_the_script_of_the_shell(shell, monkeypatch):
    monkeypatch.setattr(completion, "detect_shell", lambda: shell)
    result = CliRunner().invoke(app, ["--show-completion"])
    assert result.exit_code == 0
    assert MARKERS[shell] in result.output and "_THIDUA_COMPLETE" in result.output


@pytest.mark.parametrize("shell, path, rc", [
    ("bash", ".bash_completions/thidua.sh", ".bashrc"),
    ("zsh", ".zfunc/_thidua", ".zshrc"),
    ("fish", ".config/fish/completions/thidua.fish", None),
])
def test_install_completion_says_where_in_vietnamese(shell, path, rc, tmp_path, monkeypatch):
    monkeypatch.setattr(completion, "detect_shell", lambda: shell)
    result = CliRunner().invoke(app, ["--install-completion"], env={"HOME": str(tmp_path)})
    assert result.exit_code == 0, result.output
    assert result.output == (f"Đã cài tự hoàn thành lệnh cho {shell}: {tmp_path / path}\n"
                             "Mở terminal mới (hoặc nạp lại tệp cấu hình của shell) để bắt đầu dùng phím Tab.\n")
    assert "_THIDUA_COMPLETE" in (tmp_path / path).read_text()
    if rc:
        assert (tmp_path / rc).is_file()


@pytest.mark.parametrize("detected, said", [
    ("tcsh", "thidua: lỗi: shell 'tcsh': thidua chỉ tự hoàn thành lệnh cho bash, zsh, fish, PowerShell"),
    (None, "thidua: lỗi: không nhận ra shell đang dùng: thidua chỉ tự hoàn thành lệnh cho bash, zsh"),
])
@pytest.mark.parametrize("option", ["--install-completion", "--show-completion"])
def test_a_shell_without_completion_is_a_vietnamese_error(option, detected, said, tmp_path, monkeypatch):
    monkeypatch.setattr(completion, "detect_shell", lambda: detected)
    result = CliRunner().invoke(app, [option], env={"HOME": str(tmp_path)})
    assert result.exit_code == 2
    assert result.stderr.startswith(said)
    assert "_THIDUA_COMPLETE=source_<shell> thidua" in result.stderr
    assert list(tmp_path.iterdir()) == []  # nothing installed


def test_detect_shell_answers_without_failing():
    assert completion.detect_shell() in (None, *completion.SHELLS, "sh", "dash", "ksh", "tcsh", "csh", "nu", "xonsh")


@pytest.mark.parametrize("instruction", ["source_tcsh", "complete_cmd", "bash", "run_bash"])
def test_an_instruction_typer_would_refuse_is_refused_in_vietnamese(instruction):
    result = CliRunner().invoke(app, [], env={"_THIDUA_COMPLETE": instruction})
    assert result.exit_code == 1
    assert result.stderr == (f"thidua: lỗi: _THIDUA_COMPLETE={instruction}: cần source_<shell> hoặc "
                             "complete_<shell>, với shell là một trong bash, zsh, fish, powershell, pwsh\n")


@pytest.mark.skipif(shutil.which("bash") is None or not (Path(sys.executable).parent / "thidua").exists(),
                    reason="needs bash and the thidua console script next to this Python")
def test_bash_itself_completes_with_thiduas_script(root, tmp_path):
    """End to end: the bash script (as --show-completion prints it under bash), sourced by bash, asked as
    bash asks when Tab is pressed; the script calls the console script on PATH."""
    env = {**os.environ, "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""),
           "THIDUA_ROOT": str(root)}
    script = subprocess.run(["thidua"], capture_output=True, text=True, env={**env, "_THIDUA_COMPLETE": "source_bash"})
    assert script.returncode == 0 and "complete -o default -F _thidua_completion thidua" in script.stdout
    (tmp_path / "thidua.sh").write_text(script.stdout, encoding="utf-8")
    probe = (f'source "{tmp_path / "thidua.sh"}"; '
             'COMP_WORDS=(thidua form export --bloc a); COMP_CWORD=4; _thidua_completion thidua; '
             'printf "%s\\n" "${COMPREPLY[@]}"; '
             'COMP_WORDS=(thidua score --bloc alpha ""); COMP_CWORD=4; _thidua_completion thidua; '
             'printf "%s\\n" "${COMPREPLY[@]}"')
    r = subprocess.run(["bash", "--norc", "--noprofile", "-c", probe], capture_output=True, text=True, env=env)
    assert (r.returncode, r.stdout) == (0, "alpha\n2023\n2024\n"), r.stderr
