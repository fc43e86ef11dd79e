"""The help screens in Vietnamese: typer's command classes with their English scaffolding replaced.

click (typer >= 0.26 carries its own copy, typer._click) writes "Usage:", "Options:", "Show this
message and exit.", "[required]", "[default: …]", "[env var: …]", "TEXT", "INTEGER RANGE",
"[1945<=x<=2200]" … as literal strings: only a handful go through gettext, the rest cannot be
translated from outside. So the two command classes here (given to typer as ``cls``) write the help
themselves, from each parameter's attributes (opts, metavar, help, required, default, envvar,
range, choices), and never produce the English words at all. Nothing is changed outside the
command objects thidua builds: importing thidua as a library, or running another typer app in the
same process, sees click and typer as they are.

``use_vietnamese(app)`` gives these classes to every command and group of a typer app, including
the typer apps added to it (``thidua form``), so a new command gets them without asking.
"""

from __future__ import annotations

import inspect
import os
import re
from enum import Enum
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup
from typer.models import DefaultPlaceholder

from thidua.cli import completion

USAGE = "Cách dùng: "
SECTION_ARGUMENTS = "Đối số"
SECTION_OPTIONS = "Tùy chọn"
SECTION_COMMANDS = "Lệnh"
OPTIONS_METAVAR = "[TÙY_CHỌN]"
SUBCOMMAND_METAVAR = "LỆNH [ĐỐI_SỐ]..."
HELP_OPTION = "Hiện trợ giúp này rồi thoát."
EXAMPLE = "Ví dụ:"

# What a value is called, by the parameter's Python name (typer's name for it). These win over a
# metavar given in the command module (diff's --textconv says FILE) and over the type's name.
METAVARS = {
    "year": "NĂM",
    "bloc": "KHỐI",
    "root": "THƯ_MỤC",
    "directory": "THƯ_MỤC",
    "output": "TỆP",
    "files": "TỆP",
    "textconv": "TỆP",
    "paths": "ĐƯỜNG_DẪN",
    "kind": "LOẠI",
    "revisions": "PHIÊN_BẢN",
    "province": "TÊN",
    "source": "NGUỒN",
}
# Where one command means something else by the same name: report -o takes a file or a folder.
COMMAND_METAVARS = {("report", "output"): "ĐƯỜNG_DẪN"}
# By click's type name, for a parameter none of the above names.
TYPE_METAVARS = {
    "integer": "SỐ", "integer range": "SỐ", "float": "SỐ", "float range": "SỐ",
    "path": "ĐƯỜNG_DẪN", "filename": "TỆP", "file": "TỆP", "datetime": "NGÀY", "uuid": "MÃ",
}
OTHER_METAVAR = "GIÁ_TRỊ"

_EXAMPLE_LABEL = re.compile(r"^Examples?:", re.M)


def metavar_for(command: str | None, param: Any) -> str | None:
    """The Vietnamese name of a parameter's value, or None for flags and choices (shown as they are)."""
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return None
    name = param.name or ""
    if (command, name) in COMMAND_METAVARS:
        return COMMAND_METAVARS[(command, name)]
    if name in METAVARS:
        return METAVARS[name]
    if getattr(param.type, "choices", None) is not None:
        return None
    return TYPE_METAVARS.get(getattr(param.type, "name", ""), OTHER_METAVAR)


def _set_up_params(command: TyperCommand | TyperGroup) -> None:
    """Vietnamese metavars (usage, help and error messages all read ``param.metavar``) and value completion."""
    for param in command.params:
        metavar = metavar_for(command.name, param)
        if metavar is not None:
            param.metavar = metavar
        complete = completion.COMPLETERS.get(param.name or "")
        # click's slot for a parameter's own completion: what typer's ``autocompletion=`` fills in.
        if complete is not None and getattr(param, "_custom_shell_complete", None) is None:
            param._custom_shell_complete = complete


def _choices(param: Any) -> str | None:
    choices = getattr(param.type, "choices", None)
    if choices is None:
        return None
    return "[" + "|".join(str(c.value if isinstance(c, Enum) else c) for c in choices) + "]"


def _value_name(param: Any) -> str:
    return param.metavar or _choices(param) or OTHER_METAVAR


def _usage_piece(param: Any) -> str:
    name = _value_name(param)
    if param.nargs != 1:
        name += "..."
    return name if param.required else f"[{name}]"


def _default_text(ctx: typer.Context, param: Any) -> str:
    """The default as the help shows it, or "" for none (typer's rules: flags, None, empty lists)."""
    show = getattr(param, "show_default", None)
    if isinstance(show, str):
        return f"({show})"
    if not (show or ctx.show_default):
        return ""
    resilient = ctx.resilient_parsing
    ctx.resilient_parsing = True  # a default that does not convert must not break the help
    try:
        value = param.get_default(ctx, call=False)
    finally:
        ctx.resilient_parsing = resilient
    if getattr(param, "is_flag", False):
        secondary = getattr(param, "secondary_opts", None)
        if not secondary:
            return ""
        return (param.opts if value else secondary)[0].lstrip("-/")
    if callable(value):
        return "(tính khi chạy)"

    def one(v: Any) -> str:
        return "" if v is None else str(v.value if isinstance(v, Enum) else v)

    if isinstance(value, list | tuple):
        return ", ".join(p for p in map(one, value) if p)
    return one(value)


def _number(x: Any) -> str:
    return f"{x:g}" if isinstance(x, float) else str(x)


def range_text(type_: Any) -> str:
    """IntRange/FloatRange in words: "từ 1945 đến 2200", "≥ 0", "> 0, ≤ 10"; "" for other types."""
    if not (hasattr(type_, "min") and hasattr(type_, "max")):
        return ""
    lo, hi = type_.min, type_.max
    lo_open, hi_open = getattr(type_, "min_open", False), getattr(type_, "max_open", False)
    if lo is not None and hi is not None and not lo_open and not hi_open:
        return f"từ {_number(lo)} đến {_number(hi)}"
    parts = []
    if lo is not None:
        parts.append(f"{'>' if lo_open else '≥'} {_number(lo)}")
    if hi is not None:
        parts.append(f"{'<' if hi_open else '≤'} {_number(hi)}")
    return ", ".join(parts)


def help_record(ctx: typer.Context, param: Any) -> tuple[str, str] | None:
    """One line of the Arguments/Options lists: the names and the help with its notes, in Vietnamese."""
    if getattr(param, "hidden", False):
        return None
    if param.param_type_name == "argument":
        first = _value_name(param) + ("..." if param.nargs != 1 else "")
    else:
        def names(opts: list[str]) -> str:
            return ", ".join(sorted(opts, key=lambda o: o.startswith("--")))

        first = names(param.opts)
        if param.secondary_opts:
            first += " / " + names(param.secondary_opts)
        if not getattr(param, "is_flag", False) and not getattr(param, "count", False):
            first += " " + _value_name(param)
    notes = []
    envvar = param.envvar
    if getattr(param, "show_envvar", False) and envvar:
        notes.append("biến môi trường: " + (envvar if isinstance(envvar, str) else ", ".join(envvar)))
    default = _default_text(ctx, param)
    if default:
        notes.append(f"mặc định: {default}")
    if span := range_text(param.type):
        notes.append(span)
    if param.required:
        notes.append("bắt buộc")
    text = inspect.cleandoc(param.help or "")
    if notes:
        text = f"{text}  [{'; '.join(notes)}]" if text else f"[{'; '.join(notes)}]"
    return first, text


class _Vietnamese:
    """What ThiduaCommand and ThiduaGroup share: the whole help screen and the usage line."""

    name: str | None
    params: list

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.options_metavar == "[OPTIONS]":
            self.options_metavar = OPTIONS_METAVAR
        _set_up_params(self)

    def get_help_option(self, ctx: typer.Context):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_OPTION
        return option

    # The help screen: the same four parts as click's, whatever typer's rich_markup_mode says.
    def format_help(self, ctx: typer.Context, formatter) -> None:
        self.format_usage(ctx, formatter)
        self.format_help_text(ctx, formatter)
        self.format_options(ctx, formatter)
        self.format_epilog(ctx, formatter)

    def format_usage(self, ctx: typer.Context, formatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix=USAGE)

    def collect_usage_pieces(self, ctx: typer.Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        pieces.extend(_usage_piece(p) for p in self.get_params(ctx) if p.param_type_name == "argument")
        return pieces

    def format_help_text(self, ctx: typer.Context, formatter) -> None:
        text = inspect.cleandoc(self.help).partition("\f")[0] if self.help else ""
        # The command modules write their examples as "Example: thidua …" (as the tests read them).
        text = _EXAMPLE_LABEL.sub(EXAMPLE, text)
        if self.deprecated:
            note = f"(không nên dùng nữa: {self.deprecated})" if isinstance(self.deprecated, str) else "(không nên dùng nữa)"
            text = f"{text} {note}".strip()
        if text:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(text)

    def format_options(self, ctx: typer.Context, formatter) -> None:
        records = [(p.param_type_name, r) for p in self.get_params(ctx) if (r := help_record(ctx, p))]
        for kind, title in (("argument", SECTION_ARGUMENTS), ("option", SECTION_OPTIONS)):
            rows = [r for k, r in records if k == kind]
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)

    def _main_shell_completion(self, ctx_args, prog_name: str, complete_var: str | None = None) -> None:
        # The shell asking for completions (``_THIDUA_COMPLETE=complete_bash`` …): see completion.py.
        var = complete_var or f"_{prog_name}_COMPLETE".replace("-", "_").upper()
        if os.environ.get(var):
            completion.prepare(os.environ[var])
        super()._main_shell_completion(ctx_args, prog_name, complete_var)


class ThiduaCommand(_Vietnamese, TyperCommand):
    """A command whose help, usage line and value names are Vietnamese."""


class ThiduaGroup(_Vietnamese, TyperGroup):
    """A group (``thidua``, ``thidua form``) whose help lists its commands in Vietnamese."""

    def collect_usage_pieces(self, ctx: typer.Context) -> list[str]:
        return [*super().collect_usage_pieces(ctx), SUBCOMMAND_METAVAR]

    def format_options(self, ctx: typer.Context, formatter) -> None:
        super().format_options(ctx, formatter)
        rows = []
        commands = [(n, c) for n in self.list_commands(ctx) if (c := self.get_command(ctx, n)) and not c.hidden]
        if commands:
            limit = formatter.width - 6 - max(len(n) for n, _ in commands)
            rows = [(n, c.get_short_help_str(limit)) for n, c in commands]
        if rows:
            with formatter.section(SECTION_COMMANDS):
                formatter.write_dl(rows)


def _unset(value: Any) -> bool:
    """No class chosen: typer's placeholder, None, or typer's own default (``app.command`` fills it in)."""
    if isinstance(value, DefaultPlaceholder):
        value = value.value
    return value in (None, TyperCommand, TyperGroup)


def use_vietnamese(app: typer.Typer) -> typer.Typer:
    """Give the Vietnamese classes to every command and group of ``app`` that has not chosen its own."""
    if _unset(app.info.cls):
        app.info.cls = ThiduaGroup
    for info in app.registered_commands:
        if _unset(info.cls):
            info.cls = ThiduaCommand
    for group in app.registered_groups:
        if _unset(group.cls):
            group.cls = ThiduaGroup
        if group.typer_instance is not None:
            use_vietnamese(group.typer_instance)
    return app
