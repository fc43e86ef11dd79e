"""The `thidua` command: one small module per command, registered here."""

from __future__ import annotations

from typing import Annotated

import typer

from thidua.cli import (
    completion,
    diff_cmd,
    form_cmd,
    handover_cmd,
    history_cmd,
    init_cmd,
    report_cmd,
    schema_cmd,
    score_cmd,
    validate_cmd,
)
from thidua.cli.vietnamese import use_vietnamese

app = typer.Typer(
    name="thidua",
    help="thidua: quản lý khối thi đua bằng tệp YAML trong git: kiểm tra dữ liệu, chấm điểm, "
         "đề xuất khen thưởng và luân phiên Trưởng khối, xuất báo cáo Excel, Word, Markdown.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

app.command("validate")(validate_cmd.validate)
app.command("score")(score_cmd.score)
app.command("handover")(handover_cmd.handover)
app.command("schema")(schema_cmd.schema)
app.command("diff")(diff_cmd.diff)
app.command("history")(history_cmd.history)
app.command("init")(init_cmd.init)
app.command("report")(report_cmd.report)
app.add_typer(form_cmd.app, name="form")


def _version(value: bool) -> None:
    if value:
        from thidua import __version__

        typer.echo(f"thidua {__version__}")
        raise typer.Exit(0)


@app.callback()
def _options(
    version: Annotated[bool, typer.Option(
        "--version", "-V", is_eager=True, expose_value=False, callback=_version,
        help="In phiên bản của thidua rồi thoát.")] = False,
    install_completion: Annotated[bool, typer.Option(
        "--install-completion", is_eager=True, expose_value=False, callback=completion.install_completion,
        help="Cài tự hoàn thành lệnh (phím Tab) cho shell đang dùng: bash, zsh, fish hoặc PowerShell.")] = False,
    show_completion: Annotated[bool, typer.Option(
        "--show-completion", is_eager=True, expose_value=False, callback=completion.show_completion,
        help="In đoạn mã tự hoàn thành lệnh cho shell đang dùng, để chép hoặc tự cài theo cách khác.")] = False,
) -> None:
    # Options of `thidua` itself; each acts and exits before any command runs.
    pass


use_vietnamese(app)  # every command and group above, `thidua form`'s included


def main() -> None:
    """The console script: click's usage errors are reported in Vietnamese, exit statuses kept."""
    import sys

    from thidua.cli import usage_errors
    from thidua.cli.output import make_streams_safe
    from thidua.cli.runtime import command_run

    make_streams_safe()
    try:
        with command_run():
            status = app(prog_name="thidua", standalone_mode=False)
    except Exception as exc:  # a usage error from click (or typer's copy of it)
        if not usage_errors.is_usage_error(exc):
            raise
        sys.exit(usage_errors.report(exc))
    except KeyboardInterrupt:
        from thidua.cli.common import STOPPED

        sys.stderr.write(f"\n{STOPPED}\n")
        sys.exit(130)
    sys.exit(status if isinstance(status, int) else 0)
