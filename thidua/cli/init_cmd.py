"""`thidua init [DIR]`: a new data repository for a province; never writes over existing data."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from thidua.cli.common import handles_errors
from thidua.errors import ThiduaError


@handles_errors
def init(
    directory: Annotated[Path, typer.Argument(help="Thư mục kho dữ liệu mới (mặc định: thư mục hiện tại).")] = Path("."),
    province: Annotated[str, typer.Option("--province", "-p", help="Tên tỉnh, ghi vào thidua.yaml và README.md.")] = "Tên tỉnh",
) -> None:
    """Tạo kho dữ liệu thi đua mới cho một tỉnh: thidua.yaml, blocs/, README.md, pre-commit, GitHub Actions.

    Không ghi vào thư mục đã có thidua.yaml hoặc blocs/ (mã thoát 1); không ghi đè tệp nào đã có.

    Example: thidua init thi-dua-bac-kan --province "Bắc Kạn"
    """
    from thidua.loading.root import BLOCS_DIR, CONFIG_NAME
    from thidua.render.scaffold import DIFF_DRIVER, files
    from thidua.writing import create_new

    if directory.exists() and not directory.is_dir():
        raise ThiduaError(f"'{directory}' là một tệp, không phải thư mục")
    if not " ".join(province.split()):
        raise ThiduaError("--province không được để trống")
    held = [name for name in (CONFIG_NAME, BLOCS_DIR) if (directory / name).exists()]
    if held:
        sys.stderr.write(f"thidua: {directory} đã có dữ liệu ({', '.join(held)}); không ghi gì. "
                         "Chọn một thư mục khác, hoặc dùng thidua validate với dữ liệu đã có.\n")
        raise typer.Exit(1)
    written, kept = [], []
    for rel, text in files(province).items():
        (written if create_new(directory / rel, text.encode("utf-8")) else kept).append(rel)
    for rel in written:
        sys.stdout.write(f"đã tạo {(directory / rel).as_posix()}\n")
    for rel in kept:
        sys.stdout.write(f"giữ nguyên {(directory / rel).as_posix()} (đã có; xem nội dung mẫu bằng "
                         f"thidua init vào một thư mục trống)\n")
    go = f"  cd {directory.as_posix()}\n" if directory != Path(".") else ""
    sys.stdout.write(
        "\nBước tiếp theo:\n"
        f"{go}"
        "  git init && git add . && git commit -m \"Khởi tạo dữ liệu thi đua\"\n"
        f"  {DIFF_DRIVER}\n"
        "  thidua validate\n")
    raise typer.Exit(0)
