"""A workbook's package: a fixed creation time and byte-identical bytes for the same input.

openpyxl stamps the save time into docProps/core.xml and the zip entries; :func:`stable_zip`
rewrites the package in memory with fixed times, the same entry order and compression.
The time used is the document's own date (the review), so re-running a report changes nothing.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence

FALLBACK_STAMP = dt.datetime(2000, 1, 1)


def new_workbook(stamp: dt.datetime):
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "thidua"
    wb.properties.created = stamp
    wb.properties.modified = stamp
    return wb


def stamp_of(dates: Sequence[dt.date | None]) -> dt.datetime:
    known = [d for d in dates if d is not None and d.year >= 1980]
    return dt.datetime.combine(max(known), dt.time()) if known else FALLBACK_STAMP


def save(wb, stamp: dt.datetime) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return stable_zip(buffer.getvalue(), stamp)


_CORE_TIME = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def stable_zip(data: bytes, stamp: dt.datetime) -> bytes:
    """The same package with fixed times: docProps/core.xml dates and every entry's date_time.

    Entry order and compression are kept; the entries' creator system is fixed so the
    bytes do not depend on the operating system either.
    """
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    date_time = (max(stamp.year, 1980), stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "docProps/core.xml":
                content = _CORE_TIME.sub(lambda m: m[1] + iso + m[3], content)
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = info.compress_type
            entry.create_system = 0
            entry.external_attr = 0
            dst.writestr(entry, content)
    return out.getvalue()
