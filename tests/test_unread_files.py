"""W010: a YAML file under blocs/ that no command reads is named by validate, so a whole-root run that
says "0 lỗi" has read every data file there is (a copy "2024 - Copy.yaml" or a "2024.yml" is not data)."""

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from thidua.checking import validate
from thidua.cli.app import app

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "bac-kan"


def copy_of_example(tmp_path: Path) -> Path:
    root = tmp_path / "bac-kan"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns(".thidua-cache"))
    return root


def w010(root: Path) -> list[tuple[str, str, str]]:
    return [(d.source.file, d.message, d.hint) for r in validate(root) for d in r.diagnostics if d.code == "W010"]


def test_the_example_has_no_unread_file(tmp_path):
    assert w010(copy_of_example(tmp_path)) == []


def test_each_kind_of_unread_file_is_named_with_its_fix(tmp_path):
    root = copy_of_example(tmp_path)
    year = (root / "blocs/mttq/2021.yaml").read_text(encoding="utf-8")
    for name in ("blocs/mttq/2021 - Copy.yaml", "blocs/mttq/2022.yml", "blocs/mttq/2023.YAML",
                 "blocs/mttq/ghi-chu.yaml", "blocs/Khối cũ/2019.yaml", "blocs/ban-nhap.yaml"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(year, encoding="utf-8")
    table = next((root / "blocs/_tables").glob("*.yaml"))
    shutil.copyfile(table, root / "blocs/_tables/bang-2024.yml")
    assert w010(root) == [
        ("blocs/Khối cũ", "thư mục 'Khối cũ' không được đọc (1 tệp YAML): tên thư mục của một khối phải là mã khối",
         "Đặt tên thư mục bằng mã khối: chữ thường không dấu, số, - hoặc _ (ví dụ blocs/mttq/); mã này cũng ghi ở "
         "'bloc:' trong các tệp năm."),
        ("blocs/_tables/bang-2024.yml", "bảng điểm 'bang-2024.yml' không được đọc: đuôi tệp phải là .yaml",
         "Đổi tên thành bang-2024.yaml."),
        ("blocs/ban-nhap.yaml", "tệp 'ban-nhap.yaml' đặt thẳng trong blocs/ không được đọc",
         "Tệp năm đặt trong thư mục của khối (blocs/<mã khối>/<năm>.yaml), bảng điểm dùng chung trong "
         "blocs/_tables/, cấu hình tỉnh là thidua.yaml."),
        ("blocs/mttq/2021 - Copy.yaml", "tệp '2021 - Copy.yaml' không được đọc: tên tệp năm phải là NĂM.yaml",
         "Nếu đây là số liệu năm 2021, đổi tên thành 2021.yaml; nếu là bản sao hay bản nháp, chuyển ra khỏi blocs/."),
        ("blocs/mttq/2022.yml", "tệp '2022.yml' không được đọc: tên tệp năm phải là NĂM.yaml",
         "Đổi tên thành 2022.yaml (đuôi .yaml, chữ thường)."),
        ("blocs/mttq/2023.YAML", "tệp '2023.YAML' không được đọc: tên tệp năm phải là NĂM.yaml",
         "Đổi tên thành 2023.yaml (đuôi .yaml, chữ thường)."),
        ("blocs/mttq/ghi-chu.yaml", "tệp 'ghi-chu.yaml' không được đọc: tên tệp năm phải là NĂM.yaml",
         "Tệp năm đặt tên theo năm, ví dụ 2024.yaml; ghi chú và bản sao để ngoài blocs/."),
    ]


def test_what_is_not_yaml_or_is_hidden_or_is_e319s_is_left_alone(tmp_path):
    root = copy_of_example(tmp_path)
    year = (root / "blocs/mttq/2021.yaml").read_text(encoding="utf-8")
    (root / "blocs/mttq/.2021.yaml.swp").write_text("x", encoding="utf-8")
    (root / "blocs/mttq/2021.yaml~").write_text(year, encoding="utf-8")
    (root / "blocs/mttq/ghi-chu.txt").write_text("x", encoding="utf-8")
    (root / "blocs/.git-like").mkdir()
    (root / "blocs/.git-like/2020.yaml").write_text(year, encoding="utf-8")
    (root / "blocs/mttq/２０２２.yaml").write_text(year.replace("year: 2021", "year: 2022"), encoding="utf-8")
    codes = [(d.source.file, d.code) for r in validate(root) for d in r.diagnostics]
    assert [c for c in codes if c[1] == "W010"] == []
    assert ("blocs/mttq/２０２２.yaml", "E319") in codes  # read and reported as E319, not twice


def test_validate_warns_exits_0_and_fails_with_strict(tmp_path, monkeypatch):
    root = copy_of_example(tmp_path)
    shutil.copyfile(root / "blocs/mttq/2021.yaml", root / "blocs/mttq/2021 (1).yaml")
    monkeypatch.chdir(root)
    runner = CliRunner()
    out = runner.invoke(app, ["validate", "--no-cache"])
    assert out.exit_code == 0, out.output
    assert ("blocs/mttq/2021 (1).yaml: cảnh báo W010: tệp '2021 (1).yaml' không được đọc: tên tệp năm phải là "
            "NĂM.yaml\n") in out.stdout
    assert out.stdout.endswith(", 0 lỗi, 1 cảnh báo\n"), out.stdout
    assert runner.invoke(app, ["validate", "--strict"]).exit_code == 1
    data = json.loads(runner.invoke(app, ["validate", "--format", "json"]).stdout)
    [found] = data["diagnostics"]
    assert (found["file"], found["code"], found["name"], found["line"]) == \
        ("blocs/mttq/2021 (1).yaml", "W010", "file-not-read", 0)


def test_links_that_loop_are_neither_read_nor_a_crash(tmp_path):
    root = copy_of_example(tmp_path)
    (root / "blocs/mttq/ghi-chu.yaml").symlink_to("ghi-chu.yaml")  # a link to itself, beside the year files
    (root / "blocs/vong").symlink_to("vong")  # a bloc-like folder that is a loop
    (root / "blocs/_tables/vong.yml").symlink_to("vong.yml")
    codes = [(d.source.file, d.code) for r in validate(root) for d in r.diagnostics]
    assert codes == []
