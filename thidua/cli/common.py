"""What every command shares: the data root option, error handling, output settings."""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from thidua.errors import ThiduaError

RootOption = Annotated[
    Optional[Path],  # noqa: UP045 - typer reads the annotation at run time
    typer.Option("--root", envvar="THIDUA_ROOT", show_envvar=True,
                 help="Thư mục dữ liệu (có thidua.yaml hoặc blocs/). Mặc định: tìm từ thư mục hiện tại trở lên."),
]
BlocOption = Annotated[Optional[str], typer.Option("--bloc", "-b", help="Chỉ xét một khối (mã khối, ví dụ mttq).")]  # noqa: UP045
JsonOption = Annotated[bool, typer.Option("--json", help="In kết quả dạng JSON (cấu trúc ổn định, số là số).")]


# Every write is a temporary file renamed into place, so a stopped run leaves each file whole.
STOPPED = "thidua: đã dừng theo yêu cầu (Ctrl-C); tệp nào chưa ghi xong vẫn giữ nguyên như trước"


def use_color(stream=None) -> bool:
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def fail(message: str, code: int = 2) -> typer.Exit:
    sys.stderr.write(f"thidua: lỗi: {message}\n")
    return typer.Exit(code)


def resolve_root(root: Path | None, start: Path | None = None) -> Path:
    """The data root (a ThiduaError, exit 2, when there is none)."""
    from thidua.loading.root import find_root

    return find_root(root, start)


def _drop_stdout() -> None:
    """Point stdout at the null device, so that the flush at exit does not fail on the closed pipe again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a file descriptor (a test's captured stdout)
        pass


def handles_errors(fn):
    """Turn ThiduaError into exit 2 and any unexpected error into a one-line message, never a traceback."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except ThiduaError as exc:
            raise fail(exc.message, exc.exit_code) from None
        except KeyboardInterrupt:  # typer would exit 130 without a word
            sys.stderr.write(f"\n{STOPPED}\n")
            raise typer.Exit(130) from None
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except BrokenPipeError:  # the reader went away (thidua score | head): nothing to say to anyone
            _drop_stdout()
            raise typer.Exit(1) from None
        except OSError as exc:
            from thidua.oserrors import os_error_text

            why = os_error_text(exc)
            raise fail(f"{why} ({exc.filename})" if exc.filename else why) from None
        except Exception as exc:  # noqa: BLE001 - last line of defence: no traceback for users
            if os.environ.get("THIDUA_DEBUG"):
                raise
            what = str(exc) if type(exc).__name__ == "ChildFailed" else f"{type(exc).__name__}: {exc}"
            raise fail(f"lỗi nội bộ của thidua ({what}); "
                       "đặt THIDUA_DEBUG=1 để xem chi tiết và báo lỗi cho nhóm phát triển", 2) from None

    return wrapper
