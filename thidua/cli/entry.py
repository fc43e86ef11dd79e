"""The console script's first step: a Ctrl-C while the command's modules load is a sentence, not a traceback."""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from thidua.cli.app import main as run
    except KeyboardInterrupt:
        sys.stderr.write("\nthidua: đã dừng theo yêu cầu (Ctrl-C)\n")
        sys.exit(130)
    run()
