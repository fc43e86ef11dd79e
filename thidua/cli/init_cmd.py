"""`thidua init [DIR]`: a new data repository for a province; never writes over existing data."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from thidua.cli.common import handles_errors
from thidua.errors import ThiduaError


def _province_max() -> int:
    """The longest province name thidua.yaml takes (the format's limit, so init never writes an E205)."""
    from thidua.schema.formats import CONFIG

    return CONFIG.fields["province"].type.max_len


def _check_text(option: str, text: str, limit: int | None = None) -> None:
    """Refuse what init would write into README.md and thidua.yaml raw: a control character, a bidi
    override (a terminal showing README.md obeys it, validate reports E107), or a name past the limit."""
    from thidua.textsafe import is_safe, shown_text

    flat = " ".join(text.split())
    if not is_safe(flat):
        raise ThiduaError(f"{option} chứa ký tự điều khiển ({shown_text(flat)}); chỉ ghi chữ, số và dấu câu")
    if limit is not None and len(flat) > limit:
        raise ThiduaError(f"{option} dài {len(flat)} ký tự, tối đa {limit}")


@handles_errors
def init(
    directory: Annotated[Path, typer.Argument(help="Thư mục kho dữ liệu mới (mặc định: thư mục hiện tại).")] = Path("."),
    province: Annotated[Optional[str], typer.Option("--province", "-p", help="Tên tỉnh, ghi vào thidua.yaml và README.md (bắt buộc; hỏi khi chạy trên terminal).")] = None,  # noqa: UP045
    source: Annotated[Optional[str], typer.Option("--source", help="Nguồn cài thidua ghi vào README.md và GitHub Actions, ví dụ \"thidua @ git+https://<kho thidua>@<mã commit>\" (mặc định: nguồn đã cài thidua trên máy này, nếu là một kho git).")] = None,  # noqa: UP045
) -> None:
    """Tạo kho dữ liệu thi đua mới cho một tỉnh: thidua.yaml, blocs/, README.md, pre-commit, GitHub Actions.

    Không ghi vào thư mục đã có thidua.yaml hoặc blocs/ (mã thoát 1); không ghi đè tệp nào đã có.

    Example: thidua init thi-dua-bac-kan --province "Bắc Kạn"
    """
    from thidua.loading.root import BLOCS_DIR, CONFIG_NAME
    from thidua.render.scaffold import DIFF_DRIVER, SOURCE_PLACEHOLDER, files
    from thidua.writing import create_new

    if directory.exists() and not directory.is_dir():
        raise ThiduaError(f"'{directory}' là một tệp, không phải thư mục")
    if province is None:
        if not _interactive():
            raise ThiduaError('cần tên tỉnh: thidua init THƯ_MỤC --province "Bắc Kạn"')
        province = typer.prompt("Tên tỉnh (ví dụ Bắc Kạn)")
    if not " ".join(province.split()):
        raise ThiduaError("--province không được để trống")
    _check_text("--province", province, limit=_province_max())
    if source is not None:
        _check_text("--source", source)
    source = " ".join(source.split()) if source is not None else installed_source()
    held = [name for name in (CONFIG_NAME, BLOCS_DIR) if (directory / name).exists()]
    if held:
        sys.stderr.write(f"thidua: {directory} đã có dữ liệu ({', '.join(held)}); không ghi gì. "
                         "Chọn một thư mục khác, hoặc dùng thidua validate với dữ liệu đã có.\n")
        raise typer.Exit(1)
    written, kept = [], []
    for rel, text in files(province, source or SOURCE_PLACEHOLDER).items():
        (written if create_new(directory / rel, text.encode("utf-8")) else kept).append(rel)
    for rel in written:
        sys.stdout.write(f"đã tạo {(directory / rel).as_posix()}\n")
    if ".gitignore" in kept:
        kept.remove(".gitignore")
        _complete_gitignore(directory / ".gitignore")
    for rel in kept:
        sys.stdout.write(f"giữ nguyên {(directory / rel).as_posix()} (đã có; xem nội dung mẫu bằng "
                         f"thidua init vào một thư mục trống)\n")
    go = f"  cd {directory.as_posix()}\n" if directory != Path(".") else ""
    sys.stdout.write(
        "\nBước tiếp theo:\n"
        f"{go}"
        "  git init && git add . && git commit -m \"Khởi tạo dữ liệu thi đua\"\n"
        "  python -m pip install pre-commit && pre-commit install\n"
        f"  {DIFF_DRIVER}\n"
        "  thidua validate\n"
        "\nCần điền: xếp loại ('scoring: bands') và các hình thức khen thưởng ('awards') theo quy chế của tỉnh "
        f"trong {(directory / CONFIG_NAME).as_posix()}: mẫu có sẵn ở các dòng # dưới hai khóa đó. Đến khi đó, "
        "thidua validate cảnh báo W326, tổng điểm không được xếp loại và không đơn vị nào được đề nghị khen "
        "thưởng.\n")
    if not source:
        sys.stdout.write(
            f"\nCần điền: nguồn cài thidua (thidua chưa có trên PyPI). Thay {SOURCE_PLACEHOLDER} trong README.md "
            "và ở dòng THIDUA của .github/workflows/thidua.yml bằng nguồn đơn vị dùng, ví dụ "
            "\"thidua @ git+https://<kho thidua>@<mã commit>\" hoặc đường dẫn tệp .whl; "
            "hoặc chạy lại thidua init với --source.\n")
    raise typer.Exit(0)


def _complete_gitignore(path: Path) -> None:
    """Add to an existing .gitignore the lines thidua's generated folders need, after what is there;
    nothing else in it changes."""
    from thidua.render.scaffold import gitignore_missing
    from thidua.writing import atomic_write

    shown = path.as_posix()
    try:
        data = path.read_bytes()
    except OSError:
        sys.stdout.write(f"giữ nguyên {shown} (không đọc được); cần bỏ qua các thư mục /reports/, /forms/, "
                         "/.thidua-cache/ khi commit\n")
        return
    missing = gitignore_missing(data.decode("utf-8", "replace"))
    if not missing:
        sys.stdout.write(f"giữ nguyên {shown} (đã có các dòng thidua cần)\n")
        return
    eol = b"\r\n" if b"\r\n" in data else b"\n"
    head = data if not data or data.endswith(b"\n") else data + eol
    added = eol.join(["# Tệp thidua tạo ra, tạo lại được (thidua init)".encode(), *(m.encode() for m in missing)])
    atomic_write(path, head + added + eol)
    sys.stdout.write(f"đã thêm vào {shown}: {', '.join(missing)}\n")


def _interactive() -> bool:
    return sys.stdin.isatty()


def installed_source() -> str | None:
    """The git repository and commit this thidua was installed from (pip's direct_url.json), if any.

    A local folder or a wheel on this machine is no source for another machine or CI: None then.
    """
    import json
    from importlib import metadata

    try:
        doc = json.loads(metadata.distribution("thidua").read_text("direct_url.json") or "null")
    except (metadata.PackageNotFoundError, ValueError, OSError):
        return None
    if not isinstance(doc, dict):
        return None
    vcs, url = doc.get("vcs_info"), doc.get("url")
    if isinstance(vcs, dict) and vcs.get("vcs") == "git" and isinstance(url, str) and not url.startswith("file:") \
            and isinstance(vcs.get("commit_id"), str):
        return f"thidua @ git+{url}@{vcs['commit_id']}"
    return None
