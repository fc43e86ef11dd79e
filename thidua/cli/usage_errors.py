"""Usage errors in Vietnamese: what click says in English, said the way our users read.

typer (through click) reports a missing option or a bad value in English. `main()` runs the
app without click's own error printing and hands such errors here. The exception is read
by its attributes only, so this works with click and with the copy of click newer typer
versions carry.
"""

from __future__ import annotations

import re
import sys

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), vi) for p, vi in (
    (r"^Missing option (.+?)\.?$", r"thiếu tùy chọn \1"),
    (r"^Missing argument (.+?)\.?$", r"thiếu đối số \1"),
    (r"^Missing parameter:? (.+?)\.?$", r"thiếu \1"),
    (r"^No such option: (\S+) Did you mean (\S+)\?$", r"không có tùy chọn \1; có phải ý là \2?"),
    (r"^No such option: (\S+) \(Possible options: (.+)\)$", r"không có tùy chọn \1; có phải ý là \2?"),
    (r"^No such option: (\S+)$", r"không có tùy chọn \1"),
    (r"^No such command '(.+?)'\. Did you mean '(.+?)'\?$", r"không có lệnh '\1'; có phải ý là '\2'?"),
    (r"^No such command '(.+?)'\.?$", r"không có lệnh '\1'"),
    (r"^Got unexpected extra arguments? \((.+)\)$", r"thừa đối số (\1)"),
    (r"^Got unexpected extra argument\(s\) \((.+)\)$", r"thừa đối số (\1)"),
    (r"^Option '(.+?)' requires an argument\.?$", r"tùy chọn '\1' cần một giá trị"),
    (r"^Invalid value for (.+?): '(.+?)' is not a valid (?:integer|int range)\.?$",
     r"giá trị không hợp lệ cho \1: '\2' không phải là số nguyên"),
    (r"^Invalid value for (.+?): '(.+?)' is not a valid float(?: range)?\.?$",
     r"giá trị không hợp lệ cho \1: '\2' không phải là số"),
    (r"^Invalid value for (.+?): (\S+) is not in the range (\S+)<=x<=(\S+?)\.?$",
     r"giá trị không hợp lệ cho \1: \2 nằm ngoài khoảng từ \3 đến \4"),
    (r"^Invalid value for (.+?): (.+?) is not in the range (.+?)\.?$", r"giá trị không hợp lệ cho \1: \2 nằm ngoài khoảng \3"),
    (r"^Invalid value for (.+?): '(.+?)' is not one of (.+?)\.?$", r"giá trị không hợp lệ cho \1: '\2' không thuộc \3"),
    (r"^Invalid value for (.+?): (.+)$", r"giá trị không hợp lệ cho \1: \2"),
))


# What click adds to an option's name in a message when the option says where else it is read from.
_ENVVAR_HINT = re.compile(r" \(env var: '(.+?)'\)")


def translate(message: str) -> str:
    message = _ENVVAR_HINT.sub(r" (biến môi trường: '\1')", message)
    for pattern, vi in _PATTERNS:
        if pattern.match(message):
            return pattern.sub(vi, message)
    return message


def is_usage_error(exc: BaseException) -> bool:
    return callable(getattr(exc, "format_message", None)) and getattr(exc, "exit_code", None) == 2


def report(exc: BaseException, stream=None) -> int:
    """Print the usage line, where to find help, and the error in Vietnamese; the exit status."""
    stream = stream or sys.stderr
    if type(exc).__name__ == "NoArgsIsHelpError":  # `thidua` alone: the help is the answer, not an error
        stream.write(exc.format_message() + "\n")
        return 2
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        usage = ctx.get_usage()  # "Cách dùng: …": thidua's command classes write it (vietnamese.py)
        stream.write(f"{usage}\nXem '{ctx.command_path} -h' để biết các tùy chọn và ví dụ.\n\n")
    stream.write(f"thidua: lỗi: {translate(exc.format_message())}\n")
    return 2
