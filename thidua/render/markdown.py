"""The report documents as Markdown: the records of thidua.documents laid out by Jinja2 templates.

The templates (bundled in ``thidua.templates``, or a data root's own ``templates/``
folder, which overrides them by file name) receive the records by name —
``score_sheet``, ``minutes``, ``proposal`` for a bloc, ``summary`` for the province —
and only lay them out: every sentence and figure comes from the records.

jinja2 is imported only in this module, and only when a template is rendered.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from thidua.core.numbers import vn_number
from thidua.documents.dates import short_date
from thidua.documents.province_records import ProvinceSummary
from thidua.documents.records import BlocDocuments
from thidua.errors import ThiduaError

BLOC_TEMPLATE = "bao-cao-khoi.md.j2"
PROVINCE_TEMPLATE = "tong-hop-tinh.md.j2"
TEMPLATES_DIR = "templates"  # a data root's own templates, overriding the bundled ones by name

# -- Markdown ------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\|*_`\[\]<>#])")
_NEWLINES = re.compile(r"\r\n|\r|\n")


def md(value: Any) -> str:
    """Text safe in a Markdown paragraph or table cell.

    Backslash-escapes ``\\ | * _ ` [ ] < > #`` and turns line breaks into ``<br>``,
    so a unit called "A | B *C*" cannot split a table row or turn bold.
    """
    if value is None:
        return ""
    text = _MD_SPECIAL.sub(r"\\\1", str(value))
    return _NEWLINES.sub("<br>", text)


def vn(value: Decimal | int | None, places: int | None = None) -> str:
    """A number with a decimal comma (95,5; with ``places``: 95,50); empty for None."""
    if value is None or value == "":
        return ""
    return vn_number(value, places)


def bundled_templates() -> Path:
    """The folder of the templates shipped with thidua (the ``thidua.templates`` package)."""
    try:
        from importlib.resources import files

        return Path(str(files("thidua.templates")))
    except ModuleNotFoundError:  # a source tree used without installing: templates/ beside thidua/
        return Path(__file__).resolve().parents[2] / TEMPLATES_DIR


def template_dirs(root: Path | None) -> list[Path]:
    """Where templates are looked up, first match wins: the data root's templates/, then the bundled ones."""
    dirs = []
    if root is not None and (root / TEMPLATES_DIR).is_dir():
        dirs.append(root / TEMPLATES_DIR)
    bundled = bundled_templates()
    if not any(d.resolve() == bundled.resolve() for d in dirs):
        dirs.append(bundled)
    return dirs


def environment(dirs: Sequence[Path]):
    """A sandboxed Jinja2 environment: templates a data root brings cannot reach Python internals."""
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(
        loader=FileSystemLoader([str(d) for d in dirs], encoding="utf-8"),
        autoescape=False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["md"] = md
    env.filters["bold"] = lambda text: f"**{text}**" if text else ""
    env.filters["vn"] = vn
    env.filters["date"] = short_date
    return env


def render(template: str, context: dict[str, Any], root: Path | None = None) -> str:
    """Render ``template`` with ``context``; a broken template is a ThiduaError naming file and line."""
    from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    dirs = template_dirs(root)
    env = environment(dirs)
    try:
        text = env.get_template(template).render(context)
    except TemplateNotFound as exc:
        raise ThiduaError(f"không tìm thấy mẫu '{exc.name}' (tìm trong {', '.join(str(d) for d in dirs)})") from None
    except TemplateSyntaxError as exc:
        raise ThiduaError(f"mẫu {exc.filename or exc.name}:{exc.lineno}: lỗi cú pháp Jinja2: {exc.message}") from None
    except SecurityError as exc:
        raise ThiduaError(f"mẫu {_where(exc, template)}: thao tác không được phép trong môi trường an toàn "
                          f"({exc})") from None
    except UndefinedError as exc:
        raise ThiduaError(f"mẫu {_where(exc, template)}: dữ liệu không có giá trị này ({exc.message})") from None
    except TemplateError as exc:
        raise ThiduaError(f"mẫu {_where(exc, template)}: {exc.message or exc}") from None
    text = unicodedata.normalize("NFC", text)
    return text if text.endswith("\n") else text + "\n"


def _where(exc: BaseException, template: str) -> str:
    """``file.md.j2:LINE`` of the template line that failed (Jinja2 maps its frames to template lines)."""
    tb = exc.__traceback__
    found = template
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(".j2"):
            found = f"{name}:{tb.tb_lineno}"
        tb = tb.tb_next
    return found


def bloc_context(docs: BlocDocuments) -> dict[str, Any]:
    """What a bloc's templates receive (documented in docs/report.md)."""
    return {"score_sheet": docs.score_sheet, "minutes": docs.minutes, "proposal": docs.proposal,
            "year": docs.year, "bloc": docs.bloc, "bloc_name": docs.bloc_name}


def render_bloc(docs: BlocDocuments, root: Path | None = None) -> bytes:
    return render(BLOC_TEMPLATE, bloc_context(docs), root).encode("utf-8")


def render_province(summary: ProvinceSummary, root: Path | None = None) -> bytes:
    return render(PROVINCE_TEMPLATE, {"summary": summary, "year": summary.year}, root).encode("utf-8")
