"""The bundled data's documents tell what happened: why a unit with enough votes is left out, in words,
not a formula."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

from report_support import body_text, report

from thidua.documents.phrases import quota_reached
from thidua.model import Quota

REPOSITORY = Path(__file__).resolve().parent.parent


def _minutes(tmp_path: Path, source: Path, bloc: str, year: int) -> str:
    root = tmp_path / "data"
    shutil.copytree(source / "blocs", root / "blocs")
    if (source / "thidua.yaml").exists():
        shutil.copy(source / "thidua.yaml", root / "thidua.yaml")
    result = report(root, "--bloc", bloc, "--year", str(year), "--format", "docx")
    assert result.exit_code == 0, result.output
    return body_text(root / "reports" / str(year) / f"{bloc}-bien-ban.docx")


def test_the_quota_phrase():
    share = Quota(share=Decimal("0.3"))
    assert quota_reached(share, 7, 2, "Cụm") == "đủ điều kiện nhưng Cụm đã đề nghị đủ 2 đơn vị theo hạn mức (30% số đơn vị của Cụm)"
    assert quota_reached(Quota(count=1), 7, 1, "Khối") == "đủ điều kiện nhưng Khối đã đề nghị đủ 1 đơn vị theo hạn mức"
    assert quota_reached(Quota(share=Decimal("0.3"), minimum=1), 6, 1, "Khối") == \
        "đủ điều kiện nhưng Khối đã đề nghị đủ 1 đơn vị theo hạn mức (30% số đơn vị của Khối)"
    # the minimum, not the share, gave the size: the share is not said
    assert quota_reached(Quota(share=Decimal("0.1"), minimum=1), 4, 1, "Khối") == \
        "đủ điều kiện nhưng Khối đã đề nghị đủ 1 đơn vị theo hạn mức"
    assert quota_reached(None, 4, None, "Khối") == "đủ điều kiện nhưng đã hết hạn mức"
