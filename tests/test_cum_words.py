"""A cụm thi đua reads as one in the terminal too: Cụm trưởng, Cụm phó, the province's "N cụm"; and a
province with both kinds says "khối, cụm"."""

from __future__ import annotations

from fixtures_scoring import run_cli
from report_support import data_root


def as_cum(root, bloc):
    path = root / f"blocs/{bloc}/2024.yaml"
    text = path.read_text(encoding="utf-8").replace(f"bloc: {bloc}\n", f"bloc: {bloc}\nkind: cụm\n")
    path.write_text(text, encoding="utf-8")


def without_names(text):
    for name in ("Khối thi đua các sở, ngành kinh tế", "Bảng chấm điểm khối kinh tế", "Khối thi đua Mặt trận"):
        text = text.replace(name, "")
    return text


def test_score_of_a_cum_names_its_cum_truong_and_cum_pho(tmp_path):
    root = data_root(tmp_path)
    as_cum(root, "kinh-te")
    out = run_cli(["score", "2024", "--root", str(root), "--bloc", "kinh-te"])
    assert out.exit_code == 0, out.output
    assert "Cụm trưởng: Sở Tài chính" in out.output and "Cụm phó: Sở Công Thương" in out.output
    assert "khối" not in without_names(out.output).lower(), out.output


def test_a_province_of_cum_and_khoi_says_both(tmp_path):
    root = data_root(tmp_path)
    as_cum(root, "kinh-te")
    out = run_cli(["score", "2024", "--root", str(root)])
    assert out.exit_code == 0, out.output
    assert "Tổng hợp năm 2024: 2 khối, cụm" in out.output
    assert "Trưởng khối:" in out.output  # mttq stays a khối


def test_a_province_of_cum_only_counts_cum(tmp_path):
    root = data_root(tmp_path)
    as_cum(root, "kinh-te")
    as_cum(root, "mttq")
    out = run_cli(["score", "2024", "--root", str(root)])
    assert "Tổng hợp năm 2024: 2 cụm\n" in out.output
    assert "\nCụm      Đơn vị  Dẫn đầu" in out.output, out.output
    # the reason says cụm in its own words
    assert "dẫn đầu cụm với" in out.output
    assert "1 đơn vị dẫn đầu cụm" in out.output
    # the cụm named as written, even when its name says Khối
    assert "(Khối thi đua MTTQ và các tổ chức chính trị - xã hội tỉnh) — " in out.output
    assert "Sở Tài chính (Khối thi đua các sở, ngành kinh tế) — ngoài hạn mức" in out.output
    assert "Cụm thi đua Khối" not in out.output


def test_names_in_a_reason_stay_as_written():
    from thidua.documents.words import CUM, KHOI, in_words

    reason = "Đảng ủy Khối các cơ quan tỉnh kế tiếp Trưởng khối, dẫn đầu khối"
    assert in_words(CUM, reason, ["Đảng ủy Khối các cơ quan tỉnh", ""]) == \
        "Đảng ủy Khối các cơ quan tỉnh kế tiếp Cụm trưởng, dẫn đầu cụm"
    assert in_words(CUM, reason) == "Đảng ủy Cụm các cơ quan tỉnh kế tiếp Cụm trưởng, dẫn đầu cụm"
    assert in_words(KHOI, reason, ["x"]) == reason


def test_handover_of_a_cum_proposes_a_cum_truong(tmp_path):
    root = data_root(tmp_path)
    as_cum(root, "kinh-te")
    out = run_cli(["handover", "2024", "--root", str(root), "--bloc", "kinh-te"])
    assert out.exit_code == 0, out.output
    assert "Cụm trưởng năm 2025: Sở Công Thương (sct)" in out.output
    assert "Cụm phó năm 2025:" in out.output
    assert "khối" not in without_names(out.output).lower(), out.output


def test_handover_json_of_a_cum_says_its_words_in_the_reasons(tmp_path):
    import json

    root = data_root(tmp_path)
    as_cum(root, "kinh-te")
    out = run_cli(["handover", "2024", "--root", str(root), "--bloc", "kinh-te", "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    reasons = [data["chair_reason"], data["deputy_reason"], *(p["reason"] for p in data["passed_over"]),
               *(p["reason"] for p in data["ineligible"]),
               *(r for n in data["not_proposed"] for r in (n["chair_reason"], n["deputy_reason"]) if r)]
    assert any("Cụm trưởng" in r for r in reasons), reasons
    assert not any("khối" in without_names(r).lower() for r in reasons), reasons


def test_handover_of_a_khoi_is_unchanged(tmp_path):
    root = data_root(tmp_path)
    out = run_cli(["handover", "2024", "--root", str(root), "--bloc", "kinh-te"])
    assert "Trưởng khối năm 2025: Sở Công Thương (sct)" in out.output


def test_the_province_summary_heads_its_table_in_the_provinces_words(tmp_path):
    root = data_root(tmp_path)
    as_cum(root, "kinh-te")
    assert run_cli(["report", "--root", str(root), "--year", "2024", "--format", "md"]).exit_code == 0
    both = (root / "reports/2024/tong-hop.md").read_text(encoding="utf-8")
    assert "## BẢNG TỔNG HỢP KẾT QUẢ THI ĐUA CÁC KHỐI, CỤM NĂM 2024" in both
    assert "| TT | Khối, cụm thi đua | Số đơn vị |" in both
    assert "| Trưởng khối, Cụm trưởng năm 2025 | Phó khối, Cụm phó năm 2025 |" in both
    as_cum(root, "mttq")
    assert run_cli(["report", "--root", str(root), "--year", "2024", "--format", "md"]).exit_code == 0
    cum = (root / "reports/2024/tong-hop.md").read_text(encoding="utf-8")
    assert "### KẾT QUẢ CỦA CÁC CỤM THI ĐUA" in cum and "### XẾP HẠNG CÁC ĐƠN VỊ TRONG TỪNG CỤM NĂM 2024" in cum
    assert "| Cụm trưởng năm 2025 | Cụm phó năm 2025 |" in cum and "(Gồm 02 cụm thi đua của tỉnh Khánh Hòa)" in cum
