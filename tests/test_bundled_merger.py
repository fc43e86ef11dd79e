"""The bundled Khánh Hòa data through the 2025 reorganisation (issue 13): Ninh Thuận's bloc kept as
history beside Khánh Hòa's, the mttq bloc re-formed from both provinces' units, the departments merged
on 1/3/2025, and the 2026 year-end review scored, proposed and handed over."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixtures_scoring import run_cli

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _in_the_project_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def handover(year: int, bloc: str) -> dict:
    r = run_cli(["handover", str(year), "--bloc", bloc, "--json"])
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_the_bundled_data_validates_clean():
    r = run_cli(["validate"])
    assert r.exit_code == 0, r.output
    assert r.stdout.endswith("18 tệp, 0 lỗi, 0 cảnh báo\n"), r.stdout[-300:]


def test_the_former_provinces_bloc_is_history_not_scored_with_khanh_hoa():
    r = run_cli(["score", "2024"])
    assert r.exit_code == 0 and "nt-mttq" not in r.stdout
    assert "20% của 5 = 1,00 → 1 đơn vị dẫn đầu khối" in r.stdout  # the five blocs of Khánh Hòa
    alone = run_cli(["score", "2024", "--bloc", "nt-mttq"])
    assert alone.exit_code == 0 and "tỉnh Ninh Thuận (nt-mttq) — năm 2024" in alone.stdout


def test_rotation_survives_the_merger():
    """After 2025 the next in order is Hội ND tỉnh, but it continues Ninh Thuận's Hội Nông dân, which
    chaired Ninh Thuận's bloc in 2024: the cooldown counts that year."""
    data = handover(2025, "mttq")
    assert (data["chair"], data["deputy"]) == ("tinhdoan", "lhhkhkt")
    reasons = {n["member"]: n["chair_reason"] for n in data["not_proposed"]}
    assert reasons["hnd"] == "đã làm Trưởng khối năm 2024 (tính cả đơn vị tiền thân), chưa đủ 2 năm"
    assert data["decided"] == {"chair": "tinhdoan", "deputy": "lhhkhkt"}
    assert data["next_file"] == {"exists": True, "leader": "tinhdoan", "deputy": "lhhkhkt"}


def test_a_newly_merged_department_does_not_deputise_in_its_first_year():
    data = handover(2025, "kinh-te-tong-hop")
    assert (data["chair"], data["deputy"]) == ("sxd", "vpubnd")
    reasons = {n["member"]: n["chair_reason"] for n in data["not_proposed"]}
    assert reasons["snnmt"] == "mới hợp nhất năm 2025 từ snnptnt, stnmt (năm đầu trong khối)"
    assert handover(2026, "kinh-te-tong-hop")["chair"] == "snnmt"  # its second year: it may chair


def test_the_2026_review_scored_proposed_and_handed_over():
    r = run_cli(["score", "2026", "--json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    mttq = next(b for b in data["blocs"] if b["bloc"] == "mttq")
    assert [(p["award"], p["member"]) for p in mttq["proposals"]] == [
        ("co-ubnd", "hlhpn"), ("bang-khen", "tinhdoan"), ("bang-khen", "hccb")]
    hnd = next(m for m in mttq["members"] if m["id"] == "hnd")
    assert hnd["rank"] == 2 and hnd["proposals"] == []
    assert hnd["misses"][1]["reason"] == ("đang xem xét kỷ luật (theo kết luận thanh tra về quản lý Quỹ hỗ trợ "
                                          "nông dân): chưa xét khen thưởng cho đến khi có kết luận")
    assert data["province"]["proposals"] == []  # 20% of 2 blocs rounds down to 0
    assert [m["reason"] for m in data["province"]["misses"]] == [
        "ngoài hạn mức (20% của 2 = 0,40 → 0 đơn vị dẫn đầu khối)"] * 2
    assert not [f for f in data["findings"] if f["code"] == "W700"]
    nxt = handover(2026, "mttq")
    assert (nxt["chair"], nxt["deputy"]) == ("lhhkhkt", "ubmttq") == (nxt["decided"]["chair"], nxt["decided"]["deputy"])


def test_history_follows_the_departments_through_their_merger():
    r = run_cli(["history", "--bloc", "kinh-te-tong-hop"])
    assert r.exit_code == 0, r.output
    assert ("Sở Nông nghiệp và Môi trường: hợp nhất từ Sở Nông nghiệp và Phát triển nông thôn, Sở Tài nguyên và "
            "Môi trường") in r.stdout
