"""`thidua init`, the pre-commit hook, the diff driver's attributes and docs/ci.md."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
import yaml
from git_support import git
from support import TABLE
from typer.testing import CliRunner

from thidua.checking import validate
from thidua.cli.app import app
from thidua.render import scaffold

pytestmark = pytest.mark.usefixtures("git_env")

REPO = Path(__file__).resolve().parent.parent
DATA_PATHS = ["thidua.yaml", "blocs/thidua.yaml", "blocs/mttq/2020.yaml", "blocs/_tables/mttq-2025.yaml",
              "examples/bac-kan/blocs/mttq/2020.yaml", "examples/bac-kan/thidua.yaml"]
OTHER_PATHS = [".pre-commit-config.yaml", ".pre-commit-hooks.yaml", ".github/workflows/thidua.yml",
               "docs/x.yaml", "pyproject.toml", "blocs/README.md", "mythidua.yaml"]


def run(*args: str):
    return CliRunner().invoke(app, ["init", *args])


def findings(root: Path):
    return [d for report in validate(root) for d in report.diagnostics]


# What a new repository warns about until the province writes its bands and award policies (W326).
UNFILLED = [("thidua.yaml", "W326", 12, 3), ("thidua.yaml", "W326", 20, 1)]


def places(diagnostics):
    return [(d.source.file, d.code, d.source.line, d.source.col) for d in diagnostics]


def test_init_then_validate_is_clean(tmp_path):
    target = tmp_path / "thi-dua-bac-kan"
    result = run(str(target), "--province", "Bắc Kạn")
    assert result.exit_code == 0, result.output
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()) == sorted(
        scaffold.files("Bắc Kạn"))
    assert f"đã tạo {target.as_posix()}/thidua.yaml" in result.output
    assert places(findings(target)) == UNFILLED
    cli = CliRunner().invoke(app, ["validate", "--root", str(target)])
    assert cli.exit_code == 0 and "1 tệp, 0 lỗi, 2 cảnh báo" in cli.output
    config = yaml.safe_load((target / "thidua.yaml").read_text(encoding="utf-8"))
    assert config["province"] == "Bắc Kạn"
    assert config["rotation"] == {"rule": "deputy-succeeds", "skip_first_year": True, "cooldown_years": 0}
    assert "# Dữ liệu thi đua Bắc Kạn" in (target / "README.md").read_text(encoding="utf-8")


def test_init_twice_refuses_and_writes_nothing(tmp_path):
    assert run(str(tmp_path), "-p", "Bắc Kạn").exit_code == 0
    (tmp_path / "thidua.yaml").write_text("province: Đã sửa\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    result = run(str(tmp_path), "-p", "Bắc Kạn")
    assert result.exit_code == 1
    assert "đã có dữ liệu (thidua.yaml, blocs)" in result.output
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


def test_init_refuses_a_folder_with_only_blocs(tmp_path):
    (tmp_path / "blocs").mkdir()
    result = run(str(tmp_path), "-p", "Bắc Kạn")
    assert result.exit_code == 1
    assert [p.name for p in tmp_path.iterdir()] == ["blocs"]
    assert list((tmp_path / "blocs").iterdir()) == []


def test_init_keeps_files_it_did_not_write(tmp_path):
    (tmp_path / "README.md").write_text("# Kho của văn phòng\n", encoding="utf-8")
    result = run(str(tmp_path), "-p", "Ninh Bình")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "# Kho của văn phòng\n"
    assert "giữ nguyên" in result.output and "README.md" in result.output
    assert (tmp_path / "thidua.yaml").is_file()


def test_init_into_a_file_or_with_an_empty_province_exits_2(tmp_path):
    (tmp_path / "f").write_text("x", encoding="utf-8")
    assert run(str(tmp_path / "f"), "-p", "Bắc Kạn").exit_code == 2
    assert run(str(tmp_path / "d"), "--province", "  ").exit_code == 2
    assert not (tmp_path / "d").exists()


@pytest.mark.parametrize("province", ['Bà Rịa: "Vũng Tàu" # x', "Thừa Thiên\u0301 Huế", "Khánh Hoà"])
def test_any_province_name_gives_a_valid_config(tmp_path, province):
    assert run(str(tmp_path), "--province", province).exit_code == 0
    assert places(findings(tmp_path)) == UNFILLED
    loaded = yaml.safe_load((tmp_path / "thidua.yaml").read_text(encoding="utf-8"))["province"]
    assert loaded == unicodedata.normalize("NFC", province)


def test_readme_examples_validate_clean(tmp_path):
    """The bloc-year and the table shown in blocs/README.md and blocs/_tables/README.md are valid as they are."""
    files = scaffold.files("Bắc Kạn")
    (tmp_path / "thidua.yaml").write_text(files["thidua.yaml"], encoding="utf-8")
    for readme, dest in (("blocs/README.md", "blocs/mttq/2025.yaml"),
                         ("blocs/_tables/README.md", "blocs/_tables/mttq-2025.yaml")):
        (block,) = re.findall(r"```yaml\n(.*?)```", files[readme], re.S)
        (tmp_path / dest).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / dest).write_text(block, encoding="utf-8")
    assert places(findings(tmp_path)) == UNFILLED
    score = CliRunner().invoke(app, ["score", "2025", "--root", str(tmp_path), "--json"])
    assert score.exit_code == 0, score.output


def test_init_needs_the_province_and_never_writes_a_placeholder_name(tmp_path, monkeypatch):
    result = run(str(tmp_path / "a"))  # no terminal: no question to ask
    assert result.exit_code == 2
    assert 'cần tên tỉnh: thidua init THƯ_MỤC --province "Bắc Kạn"' in result.stderr
    assert not (tmp_path / "a").exists()
    monkeypatch.setattr("thidua.cli.init_cmd._interactive", lambda: True)
    result = CliRunner().invoke(app, ["init", str(tmp_path / "b")], input="Lạng Sơn\n")
    assert result.exit_code == 0, result.output
    assert "Tên tỉnh (ví dụ Bắc Kạn): " in result.output
    assert yaml.safe_load((tmp_path / "b" / "thidua.yaml").read_text(encoding="utf-8"))["province"] == "Lạng Sơn"
    assert "Tên tỉnh" not in "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "b").rglob("*") if p.is_file())


SOURCE = "thidua @ git+https://git.example.invalid/so-noi-vu/thidua.git@0123456789abcdef0123456789abcdef01234567"


def test_init_names_the_source_to_install_thidua_from(tmp_path):
    result = run(str(tmp_path), "-p", "Bắc Kạn", "--source", SOURCE)
    assert result.exit_code == 0, result.output
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert f'python -m pip install "{SOURCE}"\n' in readme
    workflow = yaml.safe_load((tmp_path / ".github/workflows/thidua.yml").read_text(encoding="utf-8"))
    assert workflow["env"]["THIDUA"] == SOURCE
    assert "Cần điền: nguồn cài" not in result.output and "<" not in readme.split("## Cài đặt")[1].split("```")[1]


def test_without_a_source_init_says_what_to_fill_in_and_ci_refuses_the_placeholder(tmp_path, monkeypatch):
    monkeypatch.setattr("thidua.cli.init_cmd.installed_source", lambda: None)
    result = run(str(tmp_path), "-p", "Bắc Kạn")
    assert result.exit_code == 0
    assert ("Cần điền: nguồn cài thidua (thidua chưa có trên PyPI). Thay <nguồn cài thidua> trong README.md "
            "và ở dòng THIDUA của .github/workflows/thidua.yml") in result.stdout
    assert 'python -m pip install "<nguồn cài thidua>"' in (tmp_path / "README.md").read_text(encoding="utf-8")
    workflow = yaml.safe_load((tmp_path / ".github/workflows/thidua.yml").read_text(encoding="utf-8"))
    (install,) = [s["run"] for s in workflow["jobs"]["validate"]["steps"] if s.get("name") == "Cài thidua"]
    # the step as GitHub runs it (bash -e), with pip replaced by an echo
    script = install.replace("python -m pip install", "echo would install")
    for value, code, out in (("<nguồn cài thidua>", 1, "::error file=.github/workflows/thidua.yml::Điền nguồn cài "
                                                       "thidua vào dòng THIDUA\n"),
                             (SOURCE, 0, f"would install {SOURCE}\n")):
        done = subprocess.run(["bash", "-e", "-c", script], env={"THIDUA": value, "PATH": "/usr/bin:/bin"},
                              capture_output=True, text=True)
        assert (done.returncode, done.stdout) == (code, out)


def test_installed_source_reads_pip_s_record(monkeypatch):
    import json
    from importlib import metadata

    from thidua.cli.init_cmd import installed_source

    class Dist:
        def __init__(self, doc):
            self.doc = doc

        def read_text(self, name):
            return None if self.doc is None else json.dumps(self.doc)

    for doc, expected in (
        ({"url": "https://git.example.invalid/thidua.git", "vcs_info": {"vcs": "git", "commit_id": "abc123"}},
         "thidua @ git+https://git.example.invalid/thidua.git@abc123"),
        ({"url": "file:///home/vp/thidua", "dir_info": {"editable": True}}, None),  # this machine only
        ({"url": "file:///srv/thidua.git", "vcs_info": {"vcs": "git", "commit_id": "abc"}}, None),
        (None, None),
    ):
        monkeypatch.setattr(metadata, "distribution", lambda name, d=doc: Dist(d))
        assert installed_source() == expected


# -- pre-commit ---------------------------------------------------------------------------------

def test_pre_commit_hook_definition():
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "thidua-validate"
    assert hook["entry"] == "thidua validate" and hook["language"] == "python"
    assert hook["pass_filenames"] is True
    pattern = re.compile(hook["files"])
    assert [p for p in DATA_PATHS if not pattern.search(p)] == []
    assert [p for p in OTHER_PATHS if pattern.search(p)] == []
    assert hook["files"] == scaffold.HOOK_FILES


def test_scaffold_pre_commit_config_uses_the_hook():
    config = yaml.safe_load(scaffold.PRE_COMMIT_CONFIG)
    (repo,) = config["repos"]
    (hook,) = repo["hooks"]
    assert hook["id"] == "thidua-validate" and hook["entry"] == "thidua validate"
    assert hook["files"] == scaffold.HOOK_FILES and hook["pass_filenames"] is True
    assert "id: thidua-validate" in scaffold.PRE_COMMIT_CONFIG.split("hooks:")[-1]  # the remote form, commented


def test_the_hook_passes_only_data_files_to_validate(tmp_path):
    """What the hook hands over validates clean; a plain '\\.ya?ml$' would fail on .pre-commit-config.yaml."""
    assert run(str(tmp_path), "-p", "Bắc Kạn").exit_code == 0
    pattern = re.compile(scaffold.HOOK_FILES)
    every = [p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()]
    passed = [p for p in every if pattern.search(p)]
    assert passed == ["thidua.yaml"]
    assert places(findings_for(tmp_path, passed)) == UNFILLED
    assert findings_for(tmp_path, [".pre-commit-config.yaml"]) != []


def findings_for(root: Path, rels: list[str]):
    return [d for report in validate(root, [root / r for r in rels]) for d in report.diagnostics]


# -- the diff driver's attributes ----------------------------------------------------------------------

def test_gitattributes_name_bloc_years_only(tmp_path):
    assert run(str(tmp_path), "-p", "Bắc Kạn").exit_code == 0
    git(tmp_path, "init", "-q")
    paths = ["blocs/mttq/2020.yaml", "data/blocs/mttq/2020.yaml", "blocs/_tables/mttq-2025.yaml",
             "blocs/thidua.yaml", "thidua.yaml", "blocs/mttq/ghi-chu.yaml", "data/blocs/_tables/mttq-2025.yaml"]
    out = subprocess.run(["git", "check-attr", "diff", "--", *paths], cwd=tmp_path, capture_output=True,
                         text=True, check=True).stdout.splitlines()
    # bloc-years at the top and in a subfolder (a data root in data/), nothing else
    assert out == [f"{p}: diff: thidua" for p in paths[:2]] + [f"{p}: diff: unspecified" for p in paths[2:]]


# -- .gitignore: what thidua makes again from the data ---------------------------------------------------

def test_generated_folders_stay_out_of_git_status(tmp_path, git_env, monkeypatch):
    assert run(str(tmp_path), "-p", "Bắc Kạn").exit_code == 0
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == scaffold.GITIGNORE
    (tmp_path / "blocs/mttq").mkdir()
    (tmp_path / "blocs/mttq/2024.yaml").write_text(BLOC, encoding="utf-8")
    (tmp_path / "blocs/_tables/mttq-2024.yaml").write_text(TABLE, encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "init")
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(app, ["report", "--bloc", "mttq", "-f", "md"]).exit_code == 0
    assert CliRunner().invoke(app, ["form", "export", "--bloc", "mttq", "2024"]).exit_code == 0
    assert CliRunner().invoke(app, ["validate"]).exit_code == 0  # writes .thidua-cache/
    (tmp_path / "reports/2024/~$mttq.xlsx").write_bytes(b"x")  # Excel's lock file while it is open
    assert {p.name for p in tmp_path.iterdir()} >= {"reports", "forms", ".thidua-cache"}
    assert git(tmp_path, "status", "--porcelain", "--untracked-files=all") == ""
    # anchored: a folder of that name deeper down is data, never ignored
    (tmp_path / "blocs/forms").mkdir()
    (tmp_path / "blocs/forms/2024.yaml").write_text(BLOC.replace("mttq", "forms"), encoding="utf-8")
    assert git(tmp_path, "status", "--porcelain", "--untracked-files=all") == "?? blocs/forms/2024.yaml\n"


def test_an_existing_gitignore_gets_only_the_lines_it_lacks(tmp_path):
    (tmp_path / ".gitignore").write_bytes(b"*.bak\r\nreports/")  # Windows line ends, no final one
    result = run(str(tmp_path), "-p", "Bắc Kạn")
    assert result.exit_code == 0
    assert f"đã thêm vào {tmp_path.as_posix()}/.gitignore: /forms/, /.thidua-cache/, ~$*, .~lock.*#\n" in result.stdout
    assert (tmp_path / ".gitignore").read_bytes() == (
        "*.bak\r\nreports/\r\n# Tệp thidua tạo ra, tạo lại được (thidua init)\r\n"
        "/forms/\r\n/.thidua-cache/\r\n~$*\r\n.~lock.*#\r\n").encode()


def test_a_gitignore_that_has_every_line_is_left_as_it_is(tmp_path):
    text = "# của văn phòng\nforms\n/reports\n.thidua-cache/\n~$*\n.~lock.*#\n"
    (tmp_path / ".gitignore").write_text(text, encoding="utf-8")
    result = run(str(tmp_path), "-p", "Bắc Kạn")
    assert f"giữ nguyên {tmp_path.as_posix()}/.gitignore (đã có các dòng thidua cần)\n" in result.stdout
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == text


# -- docs/ci.md ----------------------------------------------------------------------------------------

def test_ci_doc_shows_the_workflow_init_writes():
    text = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```\n", text, re.S)
    assert scaffold.WORKFLOW in blocks
    workflow = yaml.safe_load(scaffold.WORKFLOW)
    steps = workflow["jobs"]["validate"]["steps"]
    assert any(s.get("run") == "thidua validate --format github" for s in steps)
    assert scaffold.files("x")[".github/workflows/thidua.yml"] == scaffold.WORKFLOW


def test_ci_doc_documents_hook_driver_and_commands():
    text = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    for needle in (scaffold.DIFF_DRIVER, scaffold.DIFF_ATTRIBUTE, "id: thidua-validate",
                   scaffold.HOOK_FILES, "thidua diff REV_A REV_B", "thidua history --bloc", "thidua init",
                   "Exit status"):
        assert needle in text, needle
    assert scaffold.DIFF_DRIVER in scaffold.GITATTRIBUTES
    assert scaffold.DIFF_ATTRIBUTE in scaffold.GITATTRIBUTES
    local = re.search(r"```yaml\n(repos:\n  - repo: local.*?)```", text, re.S)
    assert local and yaml.safe_load(local[1]) == {"repos": [yaml.safe_load(scaffold.PRE_COMMIT_CONFIG)["repos"][0]]}


def test_ci_doc_rev_is_a_commit_of_thidua_with_the_hook():
    """The rev: docs/ci.md gives exists in this repository and has the hook (pre-commit would fail otherwise)."""
    text = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    (rev,) = re.findall(r"^    rev: ([0-9a-f]{40}) ", text, re.M)
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    hooks = subprocess.run(["git", "show", f"{rev}:.pre-commit-hooks.yaml"], cwd=REPO, capture_output=True,
                           text=True)
    assert hooks.returncode == 0, hooks.stderr
    (hook,) = yaml.safe_load(hooks.stdout)
    assert hook["id"] == "thidua-validate" and hook["entry"] == "thidua validate"


BLOC = """\
bloc: mttq
year: 2024
name: Khối thi đua MTTQ
members: [{id: hlhpn, name: Hội LHPN tỉnh}, {id: ldld, name: LĐLĐ tỉnh}]
criteria: _tables/mttq-2024
scores: {hlhpn: {agreed: {"1.1": 50, "1.2": 30, "2": 16}}, ldld: {agreed: {"1.1": 45, "1.2": 30, "2": 15}}}
"""


def test_a_new_repository_warns_until_the_province_writes_bands_and_awards(tmp_path, monkeypatch):
    result = run(str(tmp_path), "-p", "Bắc Kạn")
    assert ("\nCần điền: xếp loại ('scoring: bands') và các hình thức khen thưởng ('awards') theo quy chế của tỉnh "
            f"trong {tmp_path.as_posix()}/thidua.yaml: mẫu có sẵn ở các dòng # dưới hai khóa đó. Đến khi đó, "
            "thidua validate cảnh báo W326, tổng điểm không được xếp loại và không đơn vị nào được đề nghị khen "
            "thưởng.\n") in result.stdout
    (tmp_path / "blocs/mttq").mkdir()
    (tmp_path / "blocs/mttq/2024.yaml").write_text(BLOC, encoding="utf-8")
    (tmp_path / "blocs/_tables/mttq-2024.yaml").write_text(TABLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = CliRunner().invoke(app, ["validate", "--no-cache"]).stdout
    assert ("thidua.yaml:12:3: cảnh báo W326: thidua.yaml chưa có mức xếp loại nào ('scoring: bands'): "
            "tổng điểm không được xếp loại\n") in out
    assert ("  gợi ý: Ghi các mức xếp loại của tỉnh vào 'scoring: bands:', từ cao xuống thấp, ví dụ "
            "- {name: Xuất sắc, min: 95} (thidua init để sẵn mẫu ở các dòng # ngay dưới: bỏ dấu # rồi sửa); "
            "xem docs/format.md, mục scoring.\n") in out
    assert ("thidua.yaml:20:1: cảnh báo W326: thidua.yaml chưa có quy định khen thưởng nào ('awards'): "
            "không đơn vị nào được đề nghị khen thưởng\n") in out
    assert ("  gợi ý: Ghi các hình thức khen thưởng theo quy chế của tỉnh vào 'awards:' (thidua init để sẵn mẫu "
            "ở các dòng # ngay dưới: bỏ dấu # rồi sửa); xem docs/format.md, mục awards.\n") in out
    assert out.endswith("3 tệp, 0 lỗi, 2 cảnh báo\n")
    # score says it too, beside a table with no band and no proposal; the score still stands (exit 0)
    score = CliRunner().invoke(app, ["score", "2024"])
    assert score.exit_code == 0
    assert score.stderr == (
        "thidua.yaml:12:3: cảnh báo W326: thidua.yaml chưa có mức xếp loại nào ('scoring: bands'): "
        "tổng điểm không được xếp loại\n"
        "thidua.yaml:20:1: cảnh báo W326: thidua.yaml chưa có quy định khen thưởng nào ('awards'): "
        "không đơn vị nào được đề nghị khen thưởng\n")
    # once written, nothing to say
    config = (tmp_path / "thidua.yaml").read_text(encoding="utf-8")
    config = config.replace("bands: []", "bands: [{name: Tốt, min: 80}]").replace(
        "awards: []", "awards: [{id: bang-khen, name: Bằng khen, quota: 1}]")
    (tmp_path / "thidua.yaml").write_text(config, encoding="utf-8")
    assert CliRunner().invoke(app, ["validate", "--no-cache"]).stdout == "3 tệp, 0 lỗi, 0 cảnh báo\n"
    assert CliRunner().invoke(app, ["score", "2024"]).stderr == ""


@pytest.mark.parametrize(("option", "value"), [
    ("--province", "Kạn\x1b]0;pwn\x07"), ("--province", "Bắc\u202eKạn"), ("--province", "Bắc\x00Kạn"),
    ("--source", "thidua @ git+https://x\x1b[2J"),
])
def test_init_refuses_a_name_with_a_control_character_and_writes_nothing(tmp_path, option, value):
    """README.md would carry it raw (a terminal that shows the file obeys it) and thidua.yaml would fail E107."""
    args = [str(tmp_path / "d"), option, value] + ([] if option == "--province" else ["-p", "Bắc Kạn"])
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"thidua: lỗi: {option} chứa ký tự điều khiển ")
    assert "\x1b" not in result.stderr and "\x00" not in result.stderr
    assert not (tmp_path / "d").exists()


def test_init_refuses_a_province_longer_than_the_format_allows(tmp_path):
    result = run(str(tmp_path / "d"), "-p", "a" * 501)
    assert result.exit_code == 2
    assert result.stderr == "thidua: lỗi: --province dài 501 ký tự, tối đa 500\n"
    assert not (tmp_path / "d").exists()
    assert run(str(tmp_path / "ok"), "-p", "a" * 500).exit_code == 0
