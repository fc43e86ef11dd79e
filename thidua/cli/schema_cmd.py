"""`thidua schema`: the JSON Schema (draft 2020-12) of a bloc-year file, for editors."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from thidua.cli.common import handles_errors


class Kind(StrEnum):
    bloc_year = "bloc-year"
    table = "table"
    config = "config"


@handles_errors
def schema(
    kind: Annotated[Kind, typer.Argument(help="bloc-year (mặc định), table hoặc config.")] = Kind.bloc_year,
) -> None:
    """In JSON Schema của tệp khối-năm (hoặc bảng điểm, thidua.yaml) để trình soạn thảo gợi ý và kiểm tra khóa.

    Example: thidua schema > schema/bloc-year.schema.json
    """
    from thidua.schema.jsonschema import dumps

    sys.stdout.write(dumps(kind.value))
