"""The Word documents an office signs and files: biên bản, tờ trình, the province summary (.docx).

Read back with python-docx: the page (A4, NĐ 30/2020 margins), the header block, the vote table, the
signatures with the persons' names; golden text of every paragraph and table; the same bytes for the
same input; the data root's own template; a broken template is one clear error.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.shared import Mm
from fixtures_scoring import check_golden
from report_support import body_text, data_root, report

REPOSITORY = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    root = data_root(tmp_path_factory.mktemp("docx"))
    for args in (["--bloc", "mttq"], ["--bloc", "kinh-te"], ["--year", "2024"]):
        result = report(root, *args, "--format", "docx")
        assert result.exit_code == 0, result.output
    return root / "reports" / "2024"


def test_the_files_written(written):
    assert sorted(p.name for p in written.iterdir()) == [
        "kinh-te-bien-ban.docx", "kinh-te-to-trinh.docx", "mttq-bien-ban.docx", "mttq-to-trinh.docx",
        "tong-hop.docx"]


@pytest.mark.parametrize("name", ["mttq-bien-ban", "mttq-to-trinh", "kinh-te-bien-ban", "tong-hop"])
def test_page_is_a4_with_the_decrees_margins_in_times_new_roman(written, name):
    document = docx.Document(str(written / f"{name}.docx"))
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.1) and abs(section.page_height - Mm(297)) < Mm(0.1)
    def mm(length) -> float:  # Word stores twips: 15 mm is 850 twips, 14.99 mm
        return round(length / Mm(1), 1)

    assert 20 <= mm(section.top_margin) <= 25 and 20 <= mm(section.bottom_margin) <= 25
    assert 30 <= mm(section.left_margin) <= 35 and 15 <= mm(section.right_margin) <= 20
    normal = document.styles["Normal"]
    assert normal.font.size.pt in (13, 14)
    fonts = document.styles.element.find(docx.oxml.ns.qn("w:docDefaults")).find(".//" + docx.oxml.ns.qn("w:rFonts"))
    assert fonts.get(docx.oxml.ns.qn("w:ascii")) == "Times New Roman"
    assert section.different_first_page_header_footer  # page numbers from page 2
    assert "PAGE" in section.header._element.xml and "PAGE" not in section.first_page_header._element.xml


def test_minutes_header_votes_and_signatures(written):
    document = docx.Document(str(written / "mttq-bien-ban.docx"))
    head = document.tables[0]
    left, right = head.rows[0].cells
    assert [p.text for p in left.paragraphs if p.text] == [
        "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TỈNH KHÁNH HÒA", "KHỐI THI ĐUA MTTQ VÀ CÁC TỔ CHỨC CHÍNH TRỊ - XÃ HỘI TỈNH"]
    assert [p.text for p in right.paragraphs if p.text] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                                           "Độc lập - Tự do - Hạnh phúc"]
    assert [c.text for c in head.rows[1].cells] == ["Số: 01/BB-KTĐ", "Khánh Hòa, ngày 20 tháng 12 năm 2024"]
    campaign, regular, votes = document.tables[1:4]  # kết quả khen thưởng (two campaigns), then the ballot
    assert [[c.text for c in row.cells] for row in regular.rows] == [
        ["TT", "Hình thức khen thưởng", "Tập thể", "Cá nhân", "Quyết định; tập thể, cá nhân được khen"],
        ["1", "Cờ thi đua của UBND tỉnh", "1", "0",
         "Quyết định số 245/QĐ-UBND ngày 02/02/2024 của Chủ tịch UBND tỉnh\nTập thể: Ủy ban MTTQ Việt Nam tỉnh."]]
    assert [c.text for c in campaign.rows[2].cells][:4] == [
        "2", "Bằng khen của Thủ tướng Chính phủ (UBND tỉnh đã trình, chưa có quyết định)", "1", "0"]
    assert [[c.text for c in row.cells] for row in votes.rows] == [
        ["TT", "Đơn vị", "Số phiếu đồng ý", "Tỷ lệ"],
        ["1", "Hội Liên hiệp Phụ nữ tỉnh", "6/6", "100,00\u00a0%"],
        ["2", "Ủy ban MTTQ Việt Nam tỉnh", "1/6", "16,67\u00a0%"]]
    text = body_text(written / "mttq-bien-ban.docx")
    assert "DỰ THẢO" not in text  # the bloc recorded its decision
    assert "THƯ KÝ | TM. KHỐI THI ĐUA\nTRƯỞNG KHỐI" in text
    assert "Trần Văn Minh | Nguyễn Thị Hà" in text  # persons' names, not units'
    assert "Hội nghị kết thúc vào lúc 11 giờ 30 cùng ngày." in text


def test_an_undecided_bloc_gets_a_draft_that_proposes(written):
    text = body_text(written / "kinh-te-bien-ban.docx")
    assert text.startswith("DỰ THẢO\n")
    assert "Theo quy định khen thưởng, đề xuất để Hội nghị biểu quyết:" in text
    assert "đã được đọc lại" not in text and "để Hội nghị xem xét, sửa đổi và thông qua" in text
    assert "Chủ trì: ………………" in text  # not recorded: dots to fill in, never a made-up name
    assert body_text(written / "kinh-te-to-trinh.docx").startswith("DỰ THẢO\n")


def test_proposal_grounds_reasons_recipients_signature(written):
    text = body_text(written / "mttq-to-trinh.docx")
    assert "Kính gửi: Hội đồng Thi đua - Khen thưởng tỉnh Khánh Hòa." in text
    assert "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;" in text
    assert ("1 | Hội Liên hiệp Phụ nữ tỉnh | 98,00 | Dẫn đầu Khối với 98,00 điểm, xếp loại Xuất sắc; được 6/6 đơn "
            "vị bỏ phiếu đồng ý (100,00\u00a0%).") in text
    assert "Nơi nhận:\n- Như trên;\n" in text and "- Lưu: VT, Khối." in text
    assert "TM. KHỐI THI ĐUA\nTRƯỞNG KHỐI\nCHỦ TỊCH HỘI LIÊN HIỆP PHỤ NỮ TỈNH\nNguyễn Thị Hà" in text


@pytest.mark.parametrize(("name", "golden"), [
    ("mttq-bien-ban", "report/mttq-2024-bien-ban.docx.txt"), ("mttq-to-trinh", "report/mttq-2024-to-trinh.docx.txt"),
    ("kinh-te-bien-ban", "report/kinh-te-2024-bien-ban.docx.txt"), ("tong-hop", "report/tong-hop-2024.docx.txt")])
def test_golden_text(written, name, golden):
    check_golden(golden, body_text(written / f"{name}.docx"))


def test_same_input_same_bytes(tmp_path):
    root = data_root(tmp_path)
    assert report(root, "--bloc", "mttq", "--format", "docx").exit_code == 0
    first = (root / "reports/2024/mttq-bien-ban.docx").read_bytes()
    assert report(root, "--bloc", "mttq", "--format", "docx").exit_code == 0
    assert (root / "reports/2024/mttq-bien-ban.docx").read_bytes() == first


def test_a_cum_says_cum(tmp_path):
    root = data_root(tmp_path)
    path = root / "blocs/kinh-te/2024.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("bloc: kinh-te\n", "bloc: kinh-te\nkind: cụm\n"),
                    encoding="utf-8")
    assert report(root, "--bloc", "kinh-te", "--format", "docx").exit_code == 0
    text = body_text(root / "reports/2024/kinh-te-bien-ban.docx") + body_text(
        root / "reports/2024/kinh-te-to-trinh.docx")
    assert "TM. CỤM THI ĐUA" in text and "CỤM TRƯỞNG" in text and "/TTr-CTĐ" in text and "/BB-CTĐ" in text
    assert "BÀN GIAO CỤM TRƯỞNG NĂM 2025" in text
    name = "Khối thi đua các sở, ngành kinh tế"  # only the bloc's own name may say khối
    assert "khối" not in text.replace(name, "").replace(name.upper(), "").lower()


def test_the_data_roots_template_overrides_the_bundled_one(tmp_path):
    root = data_root(tmp_path)
    (root / "templates").mkdir()
    shutil.copy(REPOSITORY / "templates" / "to-trinh.docx", root / "templates" / "bien-ban.docx")
    assert report(root, "--bloc", "mttq", "--format", "docx").exit_code == 2  # the copy asks for `proposal`


def test_a_broken_template_names_the_template_and_the_tag(tmp_path):
    root = data_root(tmp_path)
    (root / "templates").mkdir()
    document = docx.Document(str(REPOSITORY / "templates" / "bien-ban.docx"))
    document.add_paragraph("Người lập: {{ minutes.nguoi_lap }}")
    document.save(str(root / "templates" / "bien-ban.docx"))
    result = report(root, "--bloc", "mttq", "--format", "docx")
    assert result.exit_code == 2
    assert "mẫu bien-ban.docx (word/document.xml): dữ liệu không có giá trị này" in result.stderr
    assert "thẻ: {{ minutes.nguoi_lap }}" in result.stderr and "Traceback" not in result.output
    assert not (root / "reports/2024/mttq-bien-ban.docx").exists()


def test_the_bundled_templates_are_what_the_build_script_makes(tmp_path):
    sys.path.insert(0, str(REPOSITORY / "tools"))
    try:
        import build_docx_templates
    finally:
        sys.path.pop(0)
    for path in build_docx_templates.build_all(tmp_path):
        assert path.read_bytes() == (REPOSITORY / "templates" / path.name).read_bytes(), (
            f"templates/{path.name} is stale: run python tools/build_docx_templates.py")


def test_libreoffice_converts_each_document_without_a_warning(written, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: the PDF conversion check is skipped")
    for name in ("mttq-bien-ban", "mttq-to-trinh", "tong-hop"):
        result = subprocess.run(
            [soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(tmp_path), str(written / f"{name}.docx")],
            capture_output=True, text=True, timeout=180)
        said = [line for line in (result.stdout + result.stderr).splitlines()
                if line.strip() and "javaldx" not in line and not line.startswith("convert ")]
        assert result.returncode == 0 and (tmp_path / f"{name}.pdf").is_file() and said == [], said
