"""`thidua report` as a command: where files go, what it refuses, atomic writes, start-up imports."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from report_support import data_root, report


@pytest.fixture
def root(tmp_path):
    return data_root(tmp_path)


@pytest.fixture
def inside(root, monkeypatch):
    """Run from the data root, as an officer in the repository does: files written are named from there."""
    monkeypatch.chdir(root)
    return root


@pytest.mark.usefixtures("inside")
def test_default_writes_both_formats_under_reports(root):
    r = report(root, "--bloc", "mttq")
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines() == ["reports/2024/mttq.xlsx", "reports/2024/mttq.md",
                                    "reports/2024/mttq-bien-ban.docx", "reports/2024/mttq-to-trinh.docx"]
    assert (root / "reports/2024/mttq.xlsx").read_bytes()[:2] == b"PK"
    assert (root / "reports/2024/mttq.md").read_text(encoding="utf-8").startswith(
        "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TỈNH KHÁNH HÒA  \n**KHỐI THI ĐUA MTTQ")


@pytest.mark.usefixtures("inside")
def test_year_defaults_to_the_latest_of_the_bloc(root):
    text = (root / "blocs/mttq/2024.yaml").read_text(encoding="utf-8")
    (root / "blocs/mttq/2025.yaml").write_text(
        text.replace("year: 2024", "year: 2025").replace("2024-", "2025-"), encoding="utf-8")
    r = report(root, "--bloc", "mttq", "--format", "md")
    assert r.exit_code == 0, r.output
    assert r.stdout == "reports/2025/mttq.md\n"
    r = report(root, "--bloc", "mttq", "--year", "2024", "--format", "md")
    assert r.stdout == "reports/2024/mttq.md\n"


@pytest.mark.usefixtures("inside")
def test_province_summary(root):
    r = report(root, "--year", "2024")
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines() == ["reports/2024/tong-hop.xlsx", "reports/2024/tong-hop.md",
                                    "reports/2024/tong-hop.docx"]


@pytest.mark.usefixtures("inside")
def test_one_format(root):
    r = report(root, "--bloc", "mttq", "--format", "xlsx")
    assert r.exit_code == 0, r.output
    assert r.stdout == "reports/2024/mttq.xlsx\n"
    assert not (root / "reports/2024/mttq.md").exists()


def test_output_file_picks_the_format_by_suffix(root, tmp_path):
    out = tmp_path / "ra" / "bien-ban.md"
    r = report(root, "--bloc", "mttq", "-o", str(out))
    assert r.exit_code == 0, r.output
    assert out.is_file() and r.stdout == f"{out}\n"
    assert not (root / "reports").exists()


def test_written_files_are_named_as_they_open_from_where_the_user_is(root, tmp_path, monkeypatch):
    # from the folder above the data root, with --root relative to it: relative to here, not to the root
    monkeypatch.chdir(tmp_path)
    r = report(Path("data"), "--bloc", "mttq", "-f", "md")
    assert r.exit_code == 0, r.output
    assert r.stdout == "data/reports/2024/mttq.md\n"
    # from a folder beside it: absolute
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    r = report(root, "--bloc", "mttq", "-f", "md")
    assert r.stdout == f"{(root / 'reports/2024/mttq.md').as_posix()}\n"
    # from a folder inside the data root: relative to it
    monkeypatch.chdir(root / "blocs" / "mttq")
    r = report(root, "--bloc", "mttq", "-f", "md")
    assert r.stdout == "../../reports/2024/mttq.md\n"
    # a target under the current folder: relative to it
    monkeypatch.chdir(tmp_path)
    r = report(root, "--bloc", "mttq", "-f", "md", "-o", "ra/mttq.md")
    assert r.stdout == "ra/mttq.md\n" and (tmp_path / "ra/mttq.md").is_file()


def test_output_folder_gets_the_default_names(root, tmp_path):
    r = report(root, "--bloc", "mttq", "-o", str(tmp_path))
    assert r.exit_code == 0, r.output
    assert (tmp_path / "mttq.xlsx").is_file() and (tmp_path / "mttq.md").is_file()


def test_output_folder_not_there_yet_is_made_when_it_ends_in_a_slash(root, tmp_path):
    out = tmp_path / "Báo cáo năm" / "khối MTTQ"  # two levels, neither there yet
    r = report(root, "--bloc", "mttq", "-o", f"{out}/")
    assert r.exit_code == 0, r.output
    names = ["mttq.xlsx", "mttq.md", "mttq-bien-ban.docx", "mttq-to-trinh.docx"]
    assert r.stdout == "".join(f"{(out / n).as_posix()}\n" for n in names)
    assert sorted(p.name for p in out.iterdir()) == sorted(names)
    # a name without a suffix is a folder too
    r = report(root, "--bloc", "mttq", "-f", "md", "-o", str(tmp_path / "ban-sao"))
    assert r.exit_code == 0, r.output
    assert r.stdout == f"{(tmp_path / 'ban-sao/mttq.md').as_posix()}\n"
    # ... unless it is a file already
    (tmp_path / "ghi-chu").write_text("x", encoding="utf-8")
    r = report(root, "--bloc", "mttq", "-o", str(tmp_path / "ghi-chu"))
    assert r.exit_code == 2
    assert r.stderr == (f"thidua: lỗi: -o '{tmp_path / 'ghi-chu'}' là một tệp đã có, không phải thư mục; cho -o "
                        "một tệp .xlsx, .md, .docx hoặc một thư mục\n")


def test_one_word_file_for_a_bloc_names_the_two_files_and_the_way_to_get_them(root, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = report(root, "--bloc", "mttq", "-o", "biên bản.docx")
    assert r.exit_code == 2
    assert r.stderr == ("thidua: lỗi: -o 'biên bản.docx': văn bản Word của một khối gồm hai tệp, mttq-bien-ban.docx "
                        "và mttq-to-trinh.docx (biên bản và tờ trình); cho -o một thư mục để ghi cả hai vào đó, "
                        "ví dụ -o \"biên bản/\"\n")
    assert list(tmp_path.iterdir()) == [root]
    r = report(root, "--bloc", "mttq", "-o", "biên bản/", "-f", "docx")  # what the message says, done
    assert r.exit_code == 0, r.output
    assert r.stdout == "biên bản/mttq-bien-ban.docx\nbiên bản/mttq-to-trinh.docx\n"


@pytest.mark.parametrize(("args", "message"), [
    ([], "cần --bloc"),
    (["--bloc", "khong-co"], "khong-co"),
    (["--bloc", "mttq", "--year", "2019"], "2019"),
    (["--bloc", "mttq", "-o", "bao-cao.pdf"], ".xlsx, .md hoặc .docx"),
    (["--bloc", "mttq", "-o", "bien-ban.docx"], "cho -o một thư mục"),
    (["--bloc", "mttq", "-o", "bao-cao.md", "--format", "xlsx"], "--format"),
])
def test_usage_errors_exit_2(root, args, message):
    r = report(root, *args)
    assert r.exit_code == 2, r.output
    assert message in r.stderr and "Traceback" not in r.output
    assert not (root / "reports").exists()


def test_never_over_an_input_yaml(root):
    data = root / "blocs/mttq/2024.yaml"
    before = data.read_bytes()
    for target in (data, root / "thidua.yaml"):
        r = report(root, "--bloc", "mttq", "-o", str(target))
        assert r.exit_code == 2, r.output
        assert "không ghi" in r.stderr
    assert data.read_bytes() == before


def test_never_through_a_link_to_an_input(root):
    data = root / "blocs/mttq/2024.yaml"
    before = data.read_bytes()
    (root / "reports/2024").mkdir(parents=True)
    (root / "reports/2024/mttq.md").symlink_to(data)
    r = report(root, "--bloc", "mttq")
    assert r.exit_code == 2, r.output
    assert "không ghi đè lên tệp đầu vào" in r.stderr
    assert data.read_bytes() == before
    assert not (root / "reports/2024/mttq.xlsx").exists()  # refused before anything was written


def test_refuses_a_bloc_year_with_errors(root):
    path = root / "blocs/mttq/2024.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('"1.1": 30,', '"1.1": 35,'), encoding="utf-8")
    r = report(root, "--bloc", "mttq")
    assert r.exit_code == 1, r.output
    assert "E400" in r.stderr and "blocs/mttq/2024.yaml:" in r.stderr
    assert "không xuất báo cáo" in r.stderr
    assert r.stdout == ""
    assert not (root / "reports").exists()
    r = report(root, "--year", "2024")  # the province summary would be missing a bloc
    assert r.exit_code == 1 and not (root / "reports").exists()


def test_warnings_are_shown_and_the_report_written(root):
    path = root / "blocs/mttq/2024.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("bang-khen: [ubmttq, ldld]", "bang-khen: [ubmttq]"),
                    encoding="utf-8")
    r = report(root, "--bloc", "mttq", "--format", "md")
    assert r.exit_code == 0, r.output
    assert "W700" in r.stderr
    assert (root / "reports/2024/mttq.md").is_file()


def test_a_failed_render_leaves_the_previous_report(root):
    old = root / "reports/2024/mttq.md"
    old.parent.mkdir(parents=True)
    old.write_text("bản cũ\n", encoding="utf-8")
    (root / "templates").mkdir()
    (root / "templates/bao-cao-khoi.md.j2").write_text("{{ khong_co }}\n", encoding="utf-8")
    r = report(root, "--bloc", "mttq")
    assert r.exit_code == 2
    assert old.read_text(encoding="utf-8") == "bản cũ\n"
    assert not (root / "reports/2024/mttq.xlsx").exists()  # nothing is written unless everything rendered
    assert sorted(p.name for p in old.parent.iterdir()) == ["mttq.md"]


def test_an_interrupted_write_leaves_the_previous_report(root, monkeypatch):
    old = root / "reports/2024/mttq.md"
    old.parent.mkdir(parents=True)
    old.write_text("bản cũ\n", encoding="utf-8")

    def crash(src, dst):
        raise OSError(28, "No space left on device", str(dst))

    monkeypatch.setattr(os, "replace", crash)
    r = report(root, "--bloc", "mttq", "--format", "md")
    assert r.exit_code == 2
    assert "thidua: lỗi: ổ đĩa đã đầy (" in r.stderr and "No space" not in r.stderr
    assert old.read_text(encoding="utf-8") == "bản cũ\n"
    assert sorted(p.name for p in old.parent.iterdir()) == ["mttq.md"]  # no temporary file left behind


def test_rewriting_replaces_the_report(root):
    report(root, "--bloc", "mttq", "--format", "md")
    path = root / "reports/2024/mttq.md"
    first = path.read_bytes()
    path.write_text("sửa tay\n", encoding="utf-8")
    assert report(root, "--bloc", "mttq", "--format", "md").exit_code == 0
    assert path.read_bytes() == first


PROBE = """
import sys
from thidua.cli.app import app
try:
    app(sys.argv[1:], prog_name="thidua")
except SystemExit:
    pass
heavy = sorted(m for m in ("openpyxl", "jinja2") if m in sys.modules)
print("HEAVY=" + ",".join(heavy))
"""


@pytest.mark.parametrize("args", [["--help"], ["score", "2024", "--bloc", "mttq"], ["report", "--help"]])
def test_openpyxl_and_jinja2_are_imported_only_for_a_report(root, args):
    env = {**os.environ, "NO_COLOR": "1", "THIDUA_ROOT": str(root)}
    out = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env)
    assert "HEAVY=\n" in out.stdout, out.stdout + out.stderr


def test_a_report_does_import_them(root):
    """Without fork both renderers run here; with it the workbook is made in a child (see the next test)."""
    env = {**os.environ, "NO_COLOR": "1", "THIDUA_ROOT": str(root), "THIDUA_NO_FORK": "1"}
    out = subprocess.run([sys.executable, "-c", PROBE, "report", "--bloc", "mttq"], capture_output=True, text=True,
                         env=env, cwd=Path(root))
    assert "HEAVY=jinja2,openpyxl" in out.stdout, out.stdout + out.stderr


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork()")
def test_forked_and_sequential_rendering_write_the_same_bytes(root):
    digests = []
    for no_fork in ("", "1"):
        env = {**os.environ, "NO_COLOR": "1", "THIDUA_NO_FORK": no_fork}
        if not no_fork:
            env.pop("THIDUA_NO_FORK")
        out = subprocess.run([sys.executable, "-m", "thidua", "report", "--bloc", "mttq", "--root", str(root)],
                             capture_output=True, text=True, env=env)
        assert out.returncode == 0, out.stderr
        digests.append({p: hashlib.sha256((Path(root) / p).read_bytes()).hexdigest()
                        for p in ("reports/2024/mttq.xlsx", "reports/2024/mttq.md")})
    assert digests[0] == digests[1]


def test_help_has_an_example():
    from fixtures_scoring import run_cli

    r = run_cli(["report", "--help"])
    assert r.exit_code == 0
    assert "Ví dụ: thidua report --bloc mttq" in r.stdout


def test_an_unscored_year_asked_for_by_name_gives_the_blank_forms_for_the_meeting(root):
    r = report(root, "--bloc", "mttq", "--year", "2023", "--format", "md")
    assert r.exit_code == 0, r.output
    md = (root / "reports/2023/mttq.md").read_text(encoding="utf-8")
    assert "Chưa có kết quả chấm điểm: bảng để điền tại Hội nghị." in md
    assert md.count("| chưa có điểm |") == 7  # every member has its row, nobody a total or a rank
    assert "Vào lúc …… giờ ……, ngày ...... tháng ...... năm ......, tại ………………" in md
    assert "Thư ký: ……………………………………….\n" in md


def test_without_a_year_a_bloc_with_no_scored_year_says_which_years_it_has(root):
    (root / "blocs/mttq/2024.yaml").unlink()
    r = report(root, "--bloc", "mttq", "--format", "md")
    assert r.exit_code == 2
    assert "khối 'mttq' chưa có năm nào có điểm (các năm: 2023)" in r.output
    assert "--year 2023" in r.output
    assert not (root / "reports").exists()
