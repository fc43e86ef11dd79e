"""What a form file can be and hold: cell values of every type, ODS, renamed sheets, FIFOs, symlinked targets."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import zipfile

import openpyxl
import pytest
from form_support import SELF, SHEETS, YEAR_FILE, export, fill, make_root, run


@pytest.fixture
def setup(tmp_path):
    root = make_root(tmp_path)
    return root, export(root, tmp_path / "f.xlsx")


def refused(root, *files) -> str:
    before = (root / YEAR_FILE).read_bytes()
    result = run("form", "import", *files, "--root", root, "--write")
    assert result.exit_code == 1, result.output
    assert "lỗi nội bộ" not in result.output and "Traceback" not in result.output
    assert (root / YEAR_FILE).read_bytes() == before
    return result.stderr


@pytest.mark.parametrize(("value", "message"), [
    (1e28, "E806: 1,000E+28 vượt điểm tối đa 10 của tiêu chí 2"),
    (1e300, "E806: 1,000E+300 vượt điểm tối đa 10 của tiêu chí 2"),
    (1e-300, "E806: số 1,000E-300 có quá 4 chữ số thập phân"),
    (7.123456, "E806: số 7,123456 có quá 4 chữ số thập phân"),
    (-1e-9, "E806: điểm âm (-0,000000001)"),
    (dt.datetime(2024, 2, 30 - 1), "E805: ô chứa ngày tháng (2024-02-29), cần một số"),
    (dt.date(2024, 1, 5), "E805: ô chứa ngày tháng (2024-01-05), cần một số"),
    (dt.time(9, 30), "E805: ô chứa giờ, cần một số"),
    (False, "E805: ô chứa giá trị FALSE, cần một số"),
    ("#DIV/0!", "E805: ô báo lỗi Excel #DIV/0!"),
    ("#n/a", "E805: ô báo lỗi Excel #N/A"),
    ("1e3", "E805: ô chứa chữ '1e3', không phải số (số được nhập dạng chữ)"),
    ("x" * 5000, "E805: ô điểm chứa chữ '" + "x" * 27 + "…', cần một số"),
])
def test_any_cell_value_is_a_finding_at_its_cell(setup, tmp_path, value, message):
    root, form = setup
    filled = fill(form, tmp_path / "v.xlsx", {SHEETS["alpha"]: {SELF["2"]: value}})
    err = refused(root, filled)
    assert f"v.xlsx!Sở Alpha!E13: lỗi {message}" in err


def test_a_cached_excel_error_under_a_formula_is_a_cell_finding(setup, tmp_path):
    root, form = setup
    filled = fill(form, tmp_path / "e.xlsx", {SHEETS["alpha"]: {SELF["2"]: "=1/0"}})
    with zipfile.ZipFile(filled) as z:  # give the formula the cached error value Excel would store
        files = {n: z.read(n) for n in z.namelist()}
    name = next(n for n, d in files.items() if n.startswith("xl/worksheets/") and b"1/0" in d)
    files[name] = files[name].replace(b"<f>1/0</f><v></v>", b"<f>1/0</f><v>#DIV/0!</v>").replace(
        b"<f>1/0</f>", b"<f>1/0</f><v>#DIV/0!</v>", 1) if b"<v>#DIV/0!</v>" not in files[name] else files[name]
    files[name] = files[name].replace(b'<c r="E13"', b'<c t="e" r="E13"', 1)
    with zipfile.ZipFile(filled, "w") as z:
        for n, d in files.items():
            z.writestr(n, d)
    err = refused(root, filled)
    assert "e.xlsx!Sở Alpha!E13: lỗi E805: ô báo lỗi Excel #DIV/0!" in err


def test_an_ods_from_libreoffice_is_refused_with_how_to_save_as_xlsx(setup, tmp_path):
    root, _ = setup
    ods = tmp_path / "tu-cham.ods"
    with zipfile.ZipFile(ods, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    err = refused(root, ods)
    assert (f"{ods}: lỗi E801: bảng tính OpenDocument (.ods) của LibreOffice/OpenOffice, không phải tệp Excel "
            ".xlsx — gợi ý: Trong LibreOffice: Tệp › Lưu thành (File › Save As), chọn kiểu tệp «Excel 2007-365 "
            "(.xlsx)»") in err


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_form_saved_again_by_libreoffice(setup, tmp_path):
    """What offices do: open the form in LibreOffice, fill it, save. As .xlsx it imports; as .ods it is refused."""
    root, form = setup
    filled = fill(form, tmp_path / "filled.xlsx", {SHEETS["beta"]: {SELF["1.2"]: 6}})
    out = {}
    for fmt in ("xlsx", "ods"):
        folder = tmp_path / fmt
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", fmt,
                        "--outdir", str(folder), str(filled)], check=True, capture_output=True, timeout=120)
        out[fmt] = folder / f"filled.{fmt}"
    result = run("form", "import", out["xlsx"], "--root", root)
    assert result.exit_code == 0, result.output
    assert "Ban Beta (beta) · tự chấm 1.2: (trống) → 6" in result.stdout
    assert "E801: bảng tính OpenDocument (.ods)" in refused(root, out["ods"])


def test_a_renamed_sheet_is_one_finding_naming_the_stranger(setup, tmp_path):
    root, form = setup
    wb = openpyxl.load_workbook(form)
    wb["Beta"].title = "Ban Beta tự chấm"
    wb.save(tmp_path / "renamed.xlsx")
    err = refused(root, tmp_path / "renamed.xlsx")
    assert err.count("lỗi E804") == 1, err
    assert ("renamed.xlsx!Beta: lỗi E804: thiếu trang 'Beta' của biểu mẫu; có trang lạ 'Ban Beta tự chấm': đổi "
            "tên lại thành 'Beta'") in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_named_as_a_form_is_a_finding_not_a_hang(setup, tmp_path):
    root, _ = setup
    fifo = tmp_path / "form.xlsx"
    os.mkfifo(fifo)
    proc = subprocess.run([sys.executable, "-m", "thidua", "form", "import", str(fifo), "--root", str(root)],
                          capture_output=True, text=True, timeout=60, encoding="utf-8")
    assert proc.returncode == 1, proc.stderr
    assert f"{fifo}: lỗi E800: đường dẫn này là một đường ống (FIFO), không phải một tệp dữ liệu" in proc.stderr


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_named_as_a_form_is_a_finding(setup, device):
    if not os.path.exists(device):
        pytest.skip("no such device")
    root, _ = setup
    result = run("form", "import", device, "--root", root)
    assert result.exit_code == 1
    assert f"{device}: lỗi E800: đường dẫn này là một thiết bị" in result.stderr


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_a_symlinked_bloc_year_is_written_through_and_the_link_kept(setup, tmp_path):
    root, form = setup
    real = root / "blocs" / "kt" / "shared" / "2024-real.yaml"
    real.parent.mkdir()
    (root / YEAR_FILE).rename(real)
    (root / YEAR_FILE).symlink_to(os.path.relpath(real, (root / YEAR_FILE).parent))
    filled = fill(form, tmp_path / "b.xlsx", {SHEETS["beta"]: {SELF["1.2"]: 6}})
    result = run("form", "import", filled, "--root", root, "--write")
    assert result.exit_code == 0, result.output
    assert (root / YEAR_FILE).is_symlink()
    assert '"1.2": 6' in real.read_text(encoding="utf-8")
    assert not list(real.parent.glob(".*.tmp")) and not list((root / "blocs" / "kt").glob(".*.tmp"))


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_a_bloc_year_linked_outside_the_blocs_folder_is_refused(setup, tmp_path):
    root, form = setup
    outside = tmp_path / "elsewhere.yaml"
    (root / YEAR_FILE).rename(outside)
    (root / YEAR_FILE).symlink_to(outside)
    before = outside.read_bytes()
    filled = fill(form, tmp_path / "b.xlsx", {SHEETS["beta"]: {SELF["1.2"]: 6}})
    result = run("form", "import", filled, "--root", root, "--write")
    assert result.exit_code == 2, result.output
    assert "là liên kết (symlink) tới" in result.stderr and "thidua không ghi ra ngoài thư mục đó" in result.stderr
    assert outside.read_bytes() == before and (root / YEAR_FILE).is_symlink()


_LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
    f'<!ENTITY lol{i + 1} "{("&lol" + (str(i) if i else "") + ";") * 10}">' for i in range(9)) + "]>")


def _rewrite(src, dst, member: str, change) -> None:
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
        for name in z.namelist():
            data = z.read(name)
            out.writestr(name, change(data) if name == member else data)


@pytest.mark.parametrize("member", ["xl/workbook.xml", "xl/worksheets/sheet2.xml"])
def test_an_xml_entity_bomb_inside_a_form_is_a_finding_in_vietnamese_fast(setup, tmp_path, member):
    """A billion-laughs DOCTYPE in the workbook or a sheet: refused by the XML parser's limits, not expanded."""
    root, form = setup
    bad = tmp_path / "bomb.xlsx"
    def bomb(data: bytes) -> bytes:
        head, sep, body = data.partition(b"?>") if data.startswith(b"<?xml") else (b"", b"", data)
        return head + sep + _LAUGHS.encode() + body.replace(b"</", b"&lol9;</", 1)
    _rewrite(form, bad, member, bomb)
    err = refused(root, bad)
    assert (f"{bad}: lỗi E800: không mở được bảng tính: nội dung XML bên trong tệp bị hỏng hoặc có phần lạ "
            "(khai báo DOCTYPE, thực thể XML)") in err, err
    assert "amplification" not in err and "Maximum" not in err
