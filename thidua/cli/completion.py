"""Shell completion: `thidua --install-completion`, `--show-completion`, and the values they complete.

The scripts, where they are installed and the protocol they speak (``_THIDUA_COMPLETE``) are
typer's own (bash, zsh, fish, PowerShell); thidua only says in Vietnamese what was done. Values:
``--bloc`` completes to the blocs of the data root (the folders of ``blocs/``), a year to the years
that have a file (of that bloc when ``--bloc`` is already on the line). What this needs beyond
typer (thidua.loading.root, shellingham's detection) is imported only when the shell asks or one of
the two options is given, so start-up does not pay for it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
SHELLS_TEXT = "bash, zsh, fish, PowerShell (powershell, pwsh)"


def _data_root(ctx: typer.Context) -> Path | None:
    """The data root the command being completed would use: --root, THIDUA_ROOT, or found upward."""
    from thidua.loading.root import RootNotFound, find_root

    explicit = None
    c = ctx
    while c is not None and explicit is None:
        explicit = c.params.get("root")
        c = c.parent
    try:
        return find_root(explicit)
    except (RootNotFound, OSError):
        return None


def complete_blocs(ctx: typer.Context, param, incomplete: str) -> list[str]:
    root = _data_root(ctx)
    if root is None:
        return []
    from thidua.loading.root import bloc_ids

    try:
        return [b for b in bloc_ids(root) if b.startswith(incomplete)]
    except OSError:
        return []


def complete_years(ctx: typer.Context, param, incomplete: str) -> list[str]:
    root = _data_root(ctx)
    if root is None:
        return []
    from thidua.loading.root import bloc_ids, years_of

    bloc = ctx.params.get("bloc")
    try:
        blocs = [bloc] if bloc else bloc_ids(root)
        years = sorted({y for b in blocs for y in years_of(root, b)})
    except OSError:
        return []
    return [str(y) for y in years if str(y).startswith(incomplete)]


# By parameter name, in every command (thidua/cli/vietnamese.py hands them to click).
COMPLETERS = {"bloc": complete_blocs, "year": complete_years}


def prepare(instruction: str) -> None:
    """Before typer answers the shell: refuse in Vietnamese what it would refuse in English, and register
    typer's completion classes (their output is what typer's scripts read; typer registers them only
    for apps with ``add_completion``, and thidua has its own two options instead)."""
    action, _, shell = instruction.partition("_")
    if action not in ("source", "complete") or shell not in SHELLS:
        sys.stderr.write(f"thidua: lỗi: _THIDUA_COMPLETE={instruction}: cần source_<shell> hoặc complete_<shell>, "
                         f"với shell là một trong {', '.join(SHELLS)}\n")
        sys.exit(1)
    from typer.completion import completion_init

    completion_init()


def detect_shell() -> str | None:
    """The shell thidua runs under (shellingham, which typer uses too), or None."""
    import shellingham

    try:
        name, _ = shellingham.detect_shell()
    except shellingham.ShellDetectionFailure:
        return None
    return name.lower() if name else None


def _shell() -> str:
    from thidua.cli.common import fail

    shell = detect_shell()
    if shell not in SHELLS:
        what = f"shell '{shell}'" if shell else "không nhận ra shell đang dùng"
        raise fail(f"{what}: thidua chỉ tự hoàn thành lệnh cho {SHELLS_TEXT}; in đoạn mã cho một shell "
                   "cụ thể bằng _THIDUA_COMPLETE=source_<shell> thidua (ví dụ source_zsh)")
    return shell


def _names(ctx: typer.Context) -> tuple[str, str]:
    prog = ctx.find_root().info_name or "thidua"
    return prog, "_{}_COMPLETE".format(prog.replace("-", "_").upper())


def install_completion(ctx: typer.Context, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from typer.completion import install

    shell = _shell()
    prog, var = _names(ctx)
    shell, path = install(shell=shell, prog_name=prog, complete_var=var)
    sys.stdout.write(f"Đã cài tự hoàn thành lệnh cho {shell}: {path}\n"
                     "Mở terminal mới (hoặc nạp lại tệp cấu hình của shell) để bắt đầu dùng phím Tab.\n")
    raise typer.Exit(0)


def show_completion(ctx: typer.Context, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from typer.completion import get_completion_script

    shell = _shell()
    prog, var = _names(ctx)
    sys.stdout.write(get_completion_script(prog_name=prog, complete_var=var, shell=shell) + "\n")
    raise typer.Exit(0)
