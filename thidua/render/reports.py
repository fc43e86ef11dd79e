"""Which files `thidua report` writes, and their bytes: each format lays out the same records.

A bloc-year gives ``<bloc>.xlsx`` (score sheet, minutes, proposal, chart), ``<bloc>.md`` (the
three documents) and two Word files, ``<bloc>-bien-ban.docx`` and ``<bloc>-to-trinh.docx``
(the score sheet stays the workbook, attached to the minutes). A province summary gives
``tong-hop.xlsx``, ``.md`` and ``.docx``. The workbook renders on the other core while the
others render here (thidua.concurrency); the bytes are the same either way.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from thidua.errors import ThiduaError

YAML_SUFFIXES = (".yaml", ".yml")


class Format(StrEnum):
    xlsx = "xlsx"
    md = "md"
    docx = "docx"


@dataclass(frozen=True, slots=True)
class Target:
    """One file to write: its format, which document (``all``, ``minutes``, ``proposal``), where."""

    fmt: Format
    part: str
    path: Path


DOCX_PARTS = {"minutes": "bien-ban", "proposal": "to-trinh"}


def plan(folder_default: Path, name: str, fmt: Format | None, output: Path | None, *,
         province: bool, folder: bool = False) -> list[Target]:
    """The files to write: under ``folder_default`` with the default names, or ``-o``.

    ``-o`` names a file (its suffix picks the format when ``--format`` is not given) or a
    folder (the default file names go inside it, the folder made when it is not there yet): one
    that exists, one written with a separator at its end (``folder``: a Path drops it), or a
    name with no suffix. A bloc's Word documents are two files, so they need a folder.
    """
    formats = [fmt] if fmt is not None else list(Format)
    if output is not None and not output.is_dir() and (folder or not output.suffix):
        if output.exists():
            raise ThiduaError(f"-o '{output}' là một tệp đã có, không phải thư mục; cho -o một tệp .xlsx, .md, "
                              ".docx hoặc một thư mục")
        folder = True
    if output is None or output.is_dir() or folder:
        folder = output if output is not None else folder_default
        out = []
        for f in formats:
            if f is Format.docx and not province:
                out.extend(Target(f, part, folder / f"{name}-{stem}.docx") for part, stem in DOCX_PARTS.items())
            else:
                out.append(Target(f, "all", folder / f"{name}.{f.value}"))
        return out
    suffix = output.suffix.lower()
    if suffix in YAML_SUFFIXES:
        what = "tệp dữ liệu đã có" if output.exists() else "tệp YAML"
        raise ThiduaError(f"không ghi báo cáo lên '{output}' ({what}); chọn tệp .xlsx, .md hoặc .docx")
    by_suffix = {f".{f.value}": f for f in Format}
    if suffix not in by_suffix:
        raise ThiduaError(f"-o '{output}': cần tệp .xlsx, .md hoặc .docx, hoặc một thư mục (viết '/' ở cuối "
                          "tên thư mục, ví dụ -o \"Báo cáo/\")")
    if fmt is not None and by_suffix[suffix] is not fmt:
        raise ThiduaError(f"-o '{output}' có đuôi {suffix} nhưng --format là {fmt.value}")
    if by_suffix[suffix] is Format.docx and not province:
        two = " và ".join(f"{name}-{stem}.docx" for stem in DOCX_PARTS.values())
        raise ThiduaError(f"-o '{output}': văn bản Word của một khối gồm hai tệp, {two} (biên bản và tờ trình); "
                          f"cho -o một thư mục để ghi cả hai vào đó, ví dụ -o \"{output.with_suffix('').as_posix()}/\"")
    return [Target(by_suffix[suffix], "all", output)]


def template_path(name: str, root: Path | None) -> Path:
    """A Word template: the data root's templates/ first, then the bundled one."""
    from thidua.render.markdown import template_dirs

    dirs = template_dirs(root)
    for d in dirs:
        if (d / name).is_file():
            return d / name
    raise ThiduaError(f"không tìm thấy mẫu '{name}' (tìm trong {', '.join(str(d) for d in dirs)})")


def _render(target: Target, document, root: Path, province: bool) -> bytes:
    if target.fmt is Format.xlsx:
        if province:
            from thidua.render.xlsx_province import province_workbook

            return province_workbook(document)
        from thidua.render.xlsx import bloc_workbook

        return bloc_workbook(document)
    if target.fmt is Format.md:
        from thidua.render import markdown

        return markdown.render_province(document, root) if province else markdown.render_bloc(document, root)
    from thidua.render import docx

    if province:
        return docx.render(template_path(docx.PROVINCE_TEMPLATE, root), {"summary": document},
                           max((d for d in document.dates if d), default=None))
    if target.part == "minutes":
        return docx.render(template_path(docx.MINUTES_TEMPLATE, root), {"minutes": document.minutes}, document.date)
    return docx.render(template_path(docx.PROPOSAL_TEMPLATE, root), {"proposal": document.proposal}, document.date)


def render_all(targets: list[Target], document, root: Path, *, province: bool) -> list[tuple[Path, bytes]]:
    """Every target's bytes, in order; the workbook on the other core when there is more to do."""
    workbook = [t for t in targets if t.fmt is Format.xlsx]
    others = [t for t in targets if t.fmt is not Format.xlsx]
    rendered: dict[Target, bytes] = {}
    if workbook and others:
        from thidua.concurrency import both

        def rest() -> bytes:
            for t in others:
                rendered[t] = _render(t, document, root, province)
            return b""

        rendered[workbook[0]], _ = both(lambda: _render(workbook[0], document, root, province), rest)
    else:
        for t in targets:
            rendered[t] = _render(t, document, root, province)
    return [(t.path, rendered[t]) for t in targets]
