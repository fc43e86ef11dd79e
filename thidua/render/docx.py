"""The documents as Word files: a bloc's minutes and proposal, and the province summary (.docx).

Each document is a Word template (bundled in ``thidua.templates``, or a data root's own
``templates/`` folder, which overrides it by file name) whose fields are Jinja2 tags in
docxtpl's dialect (``{{ x }}``, ``{%p for … %}`` on a paragraph of its own, ``{%tr for … %}``
on a table row of its own). A template receives the same records as the Markdown
(``minutes``, ``proposal``, ``summary``: docs/report.md lists every field) and only lays
them out. The same records and template give the same bytes: the document's properties
and the zip entries carry the meeting's date, the entries are in a fixed order.

docxtpl is imported only when a document is made.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import io
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from thidua.render.docx_template import DocxTemplateError, clean_context, environment, template_class

DEFAULT_STAMP = _dt.datetime(2000, 1, 1, 0, 0, 0)
MINUTES_TEMPLATE = "bien-ban.docx"
PROPOSAL_TEMPLATE = "to-trinh.docx"
PROVINCE_TEMPLATE = "tong-hop-tinh.docx"


def as_context(value: Any) -> Any:
    """The records with every text cleaned for XML (still records: ``section.items`` stays a field,
    where a dict would answer with its ``items`` method)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: as_context(getattr(value, f.name))
                                             for f in dataclasses.fields(value) if f.init})
    if isinstance(value, list | tuple):
        return [as_context(v) for v in value]
    if isinstance(value, Mapping):
        return {k: as_context(v) for k, v in value.items()}
    return clean_context(value)


def render(template_path: str | Path, context: Mapping[str, Any], stamp: _dt.datetime | _dt.date | None = None) -> bytes:
    """The .docx bytes of ``template_path`` rendered with ``context``.

    ``stamp`` is written as the document's created/modified time and the zip entries'
    time (default 2000-01-01): pass the meeting's date to make it meaningful. The same
    template, context and stamp give the same bytes. Raises :class:`DocxTemplateError`.
    """
    path = Path(template_path)
    label = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        from thidua.oserrors import os_error_text

        raise DocxTemplateError(str(path), f"không đọc được tệp mẫu ({os_error_text(exc)})") from None
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise DocxTemplateError(label, "không phải tệp Word .docx (có thể là .doc cũ: mở bằng Word và lưu lại dạng .docx)")
    stamp = _as_datetime(stamp)
    tpl = template_class(label)(io.BytesIO(data))
    try:
        tpl.render(as_context(dict(context)), jinja_env=environment())
    except DocxTemplateError:
        raise
    except Exception as exc:  # python-docx/lxml on a damaged package, properties that fail to render
        raise DocxTemplateError(label, f"{type(exc).__name__}: {exc}") from None
    props = tpl.docx.core_properties
    props.created = props.modified = stamp
    props.last_modified_by = ""
    props.revision = 1
    buf = io.BytesIO()
    tpl.save(buf)
    return repack(buf.getvalue(), stamp)


def _as_datetime(stamp: _dt.datetime | _dt.date | None) -> _dt.datetime:
    if stamp is None:
        return DEFAULT_STAMP
    if isinstance(stamp, _dt.datetime):
        return stamp.replace(tzinfo=None, microsecond=0)
    return _dt.datetime(stamp.year, stamp.month, stamp.day)


_FIRST = ("[Content_Types].xml", "_rels/.rels")


def repack(docx: bytes, stamp: _dt.datetime | _dt.date | None = None) -> bytes:
    """The same package with a fixed zip layout: [Content_Types].xml and _rels/.rels
    first, then the other members sorted by name, each deflated at level 9 with the
    time ``stamp`` (not before 1980) and the same attributes on every system."""
    when = max(_as_datetime(stamp), _dt.datetime(1980, 1, 1))
    with zipfile.ZipFile(io.BytesIO(docx)) as zin:
        members = {i.filename: zin.read(i) for i in zin.infolist() if not i.is_dir()}
    order = [n for n in _FIRST if n in members] + sorted(n for n in members if n not in _FIRST)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zout:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            zout.writestr(info, members[name], compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return out.getvalue()
