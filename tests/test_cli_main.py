"""The console script itself (`python -m thidua`): usage errors in Vietnamese, exit statuses kept."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from thidua.cli.usage_errors import translate

PROJECT = Path(__file__).resolve().parent.parent


def run(*args, cwd=PROJECT):
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("THIDUA_ROOT", None)
    return subprocess.run([sys.executable, "-m", "thidua", *args], capture_output=True, text=True, cwd=cwd, env=env)


def test_a_missing_option_is_named_in_vietnamese_with_the_usage():
    r = run("handover", "2024")
    assert r.returncode == 2
    assert "Cách dùng: thidua handover" in r.stderr
    assert "thidua: lỗi: thiếu tùy chọn '--bloc'" in r.stderr
    assert "Missing option" not in r.stderr


def test_a_year_out_of_range_says_the_range():
    r = run("score", "1900")
    assert r.returncode == 2
    assert r.stderr.rstrip().endswith("1900 nằm ngoài khoảng từ 1945 đến 2200")


def test_unknown_command_and_option():
    assert "không có lệnh 'nope'" in run("nope").stderr
    r = run("score", "2024", "--nope")
    assert (r.returncode, "không có tùy chọn --nope" in r.stderr) == (2, True)


def test_commands_keep_their_exit_statuses():
    assert run("score", "2024").returncode == 0
    assert run("--help").returncode == 0
    assert run("score", "2019").returncode == 2  # no file for that year: ThiduaError


def test_findings_exit_1_through_the_console_script(tmp_path):
    (tmp_path / "blocs" / "k").mkdir(parents=True)
    (tmp_path / "blocs" / "k" / "2024.yaml").write_text("bloc: k\nyear: 2024\n", encoding="utf-8")
    r = run("validate", cwd=tmp_path)
    assert r.returncode == 1
    assert "E202" in r.stdout


def test_no_arguments_prints_the_help_without_calling_it_an_error():
    r = run()
    assert "Lệnh:" in r.stdout + r.stderr
    assert "lỗi" not in r.stderr


@pytest.mark.parametrize("english, vietnamese", [
    ("Missing argument 'YEAR'.", "thiếu đối số 'YEAR'"),
    ("Got unexpected extra argument (x)", "thừa đối số (x)"),
    ("Invalid value for 'year': 'abc' is not a valid integer.", "giá trị không hợp lệ cho 'year': 'abc' không phải là số nguyên"),
    ("Something click may say one day", "Something click may say one day"),
])
def test_translate(english, vietnamese):
    assert translate(english) == vietnamese


ENGLISH_WORDS = re.compile(r"\b(No|such|command|option|Did|you|mean|Possible|options|Got|unexpected|extra|argument|"
                           r"Missing|Invalid|value|for|is|not)\b")


@pytest.mark.parametrize(("args", "said"), [
    (["scor", "2024"], "thidua: lỗi: không có lệnh 'scor'; có phải ý là 'score'?"),
    (["form", "imprt", "x"], "thidua: lỗi: không có lệnh 'imprt'; có phải ý là 'import'?"),
    (["score", "2024", "--blok", "mttq"], "thidua: lỗi: không có tùy chọn --blok; có phải ý là --bloc?"),
    (["score", "2024", "2025"], "thidua: lỗi: thừa đối số (2025)"),
    (["score", "2024", "--zzz"], "thidua: lỗi: không có tùy chọn --zzz"),
    (["score"], "thidua: lỗi: thiếu đối số 'NĂM'"),
])
def test_a_mistyped_command_is_told_in_vietnamese(args, said):
    r = run(*args)
    assert r.returncode == 2
    last = r.stderr.strip().splitlines()[-1]
    assert last == said
    assert not ENGLISH_WORDS.search(r.stderr), r.stderr


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag):
    import thidua

    r = run(flag)
    assert (r.returncode, r.stdout, r.stderr) == (0, f"thidua {thidua.__version__}\n", "")


def test_the_version_is_written_once():
    """thidua.__version__ is the one place: pyproject.toml reads it, the installed metadata agrees."""
    import importlib.metadata
    import tomllib

    import thidua

    project = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert importlib.metadata.version("thidua") == thidua.__version__


PROBE = """import sys
sys.argv = ["thidua", *sys.argv[1:]]
from thidua.cli.app import main
try:
    main()
except SystemExit:
    pass
print("LOADED=" + ",".join(sorted(m for m in ("yaml", "thidua.loading", "thidua.checking", "rich", "openpyxl",
                                              "jinja2") if m in sys.modules)))
"""


@pytest.mark.parametrize("args", [["--version"], ["-h"], ["score", "-h"], ["form", "import", "-h"]])
def test_version_and_help_start_without_the_data_side(args):
    """Start-up: neither the version nor any help reads YAML or loads the checks, rich or the renderers."""
    r = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=PROJECT,
                       env={**os.environ, "NO_COLOR": "1"})
    assert r.stdout.rstrip().endswith("LOADED="), r.stdout + r.stderr


def test_gitignore_keeps_source_folders_and_ignores_written_output():
    import shutil
    import subprocess
    from pathlib import Path

    repo = Path(__file__).resolve().parent.parent
    if shutil.which("git") is None or not (repo / ".git").exists():
        import pytest

        pytest.skip("needs the git checkout")

    def ignored(path: str) -> bool:
        return subprocess.run(["git", "check-ignore", "-q", "--no-index", path], cwd=repo).returncode == 0

    assert not ignored("thidua/forms/new_module.py")
    assert not ignored("thidua/render/reports/x.py")
    assert ignored("forms/2024/mttq-2024-tu-cham.xlsx")
    assert ignored("reports/2024/mttq.xlsx")
    assert ignored("examples/bac-kan/reports/2020/mttq.md")


def test_ctrl_c_in_a_command_says_it_stopped_and_exits_130(monkeypatch):
    from typer.testing import CliRunner

    import thidua.scoring_run
    from thidua.cli.app import app

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(thidua.scoring_run, "score_year_at", interrupted)
    r = CliRunner().invoke(app, ["score", "2024", "--root", str(PROJECT)])
    assert r.exit_code == 130
    assert "thidua: đã dừng theo yêu cầu (Ctrl-C); tệp nào chưa ghi xong vẫn giữ nguyên như trước" in r.output


def test_ctrl_c_while_the_modules_load_is_no_traceback(monkeypatch, capsys):
    import builtins

    from thidua.cli import entry

    real_import = builtins.__import__

    def interrupted(name, *args, **kwargs):
        if name == "thidua.cli.app":
            raise KeyboardInterrupt
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", interrupted)
    with pytest.raises(SystemExit) as stop:
        entry.main()
    assert stop.value.code == 130
    assert capsys.readouterr().err == "\nthidua: đã dừng theo yêu cầu (Ctrl-C)\n"


@pytest.mark.parametrize("args", [["score", "2024"], ["history", "--bloc", "mttq"], ["validate", "--no-cache"]])
def test_a_reader_that_goes_away_is_no_error(args):
    """`thidua score 2024 | head -1`: the pipe closes before thidua is done; no 'lỗi: Broken pipe'."""
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("THIDUA_ROOT", None)
    p = subprocess.Popen([sys.executable, "-m", "thidua", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         cwd=PROJECT, env=env)
    p.stdout.close()  # the reader is gone before the first line
    err = p.stderr.read().decode("utf-8")
    p.stderr.close()
    assert (p.wait(), err) == (1, "")
