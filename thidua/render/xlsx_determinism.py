"""Same workbook in, same bytes out: pin the times openpyxl stamps into an .xlsx.

openpyxl writes the current time into docProps/core.xml (dcterms:created and
dcterms:modified) and into every zip entry's date. :func:`pin_xlsx` rewrites the
archive after saving with one fixed time everywhere, keeping entry order and
content, so two runs on the same input give byte-identical files.
"""

from __future__ import annotations

import io
import re
import zipfile

FIXED_ISO = "2000-01-01T00:00:00Z"
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can hold
_CORE = "docProps/core.xml"
_STAMP = re.compile(rb"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)")


def pin_xlsx(data: bytes, iso_time: str = FIXED_ISO) -> bytes:
    """Return ``data`` (an .xlsx) with fixed document and zip entry times."""
    stamp = iso_time.encode("ascii")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == _CORE:
                body = _STAMP.sub(lambda m: m[1] + stamp + m[3], body)
            pinned = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            pinned.compress_type = zipfile.ZIP_DEFLATED
            pinned.create_system = 3
            pinned.external_attr = 0o644 << 16
            dst.writestr(pinned, body)
    return out.getvalue()
