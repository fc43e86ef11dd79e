"""The docs follow the code: generated references are current, every rule and command is documented,
and the complete examples in docs/format.md validate without a finding."""

import re
from pathlib import Path

import pytest
from support import diagnostics
from typer.testing import CliRunner

from thidua.cli.app import app
from thidua.rules import REGISTRY
from thidua.schema import docs
from thidua.schema.types import Date, Dict, Field, Id, Int, Key, List, Num, Obj, OneOf, Share, Str

DOCS = Path(__file__).resolve().parent.parent / "docs"
SECTIONS = [(doc, name) for doc, names in docs.DOC_SECTIONS.items() for name in names]


@pytest.mark.parametrize(("doc", "name"), SECTIONS, ids=[n for _, n in SECTIONS])
def test_generated_section_is_current(doc, name):
    text = (DOCS / doc).read_text(encoding="utf-8")
    assert docs.extract(text, name) == docs.section(name), (
        f"docs/{doc} is out of date: run `python -m thidua.schema.docs --write`")


def test_docs_check_command_agrees(capsys):
    assert docs.main(["--check"]) == 0
    assert capsys.readouterr().out == ""


def test_every_rule_code_is_in_rules_md():
    text = (DOCS / "rules.md").read_text(encoding="utf-8")
    missing = [code for code in REGISTRY if not re.search(rf"^\| {code} \|", text, re.M)]
    assert missing == []


def test_every_key_is_in_format_md():
    text = (DOCS / "format.md").read_text(encoding="utf-8")
    for spec, see_also in docs.SECTIONS_FORMAT.values():
        for row in docs.rows(spec, see_also):
            assert f"`{row.path}`" in text
    assert "`criteria.groups`" not in text  # an inline table points to the table section instead


@pytest.mark.parametrize("command", app.registered_commands, ids=lambda c: c.name)
def test_every_command_has_help_with_an_example(command):
    result = CliRunner().invoke(app, [command.name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Ví dụ: thidua " + command.name in result.output


def test_commands_are_registered():
    assert {"validate", "schema"} <= {c.name for c in app.registered_commands}


# -- the examples in docs/format.md ---------------------------------------------------------

def yaml_examples(text: str) -> dict[str, str]:
    """Fenced YAML blocks whose first line is a comment naming their path (``# blocs/mttq/2024.yaml``)."""
    out = {}
    for block in re.findall(r"```yaml\n(.*?)```", text, re.S):
        first = block.split("\n", 1)[0]
        m = re.fullmatch(r"# ((?:blocs/)?[\w/.-]+\.yaml)", first)
        if m:
            out[m[1]] = block
    return out


def test_format_md_examples_validate_clean(tmp_path):
    examples = yaml_examples((DOCS / "format.md").read_text(encoding="utf-8"))
    assert set(examples) == {"thidua.yaml", "blocs/_tables/mttq-2024.yaml", "blocs/mttq/2024.yaml"}
    root = tmp_path / "root"
    for name, text in examples.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    assert diagnostics(root) == []


def test_format_md_example_shows_every_top_level_section():
    example = yaml_examples((DOCS / "format.md").read_text(encoding="utf-8"))["blocs/mttq/2024.yaml"]
    keys = set(re.findall(r"^([a-z_]+):", example, re.M))
    assert {"bloc", "year", "name", "members", "leader", "deputy", "rotation", "events", "criteria",
            "scores", "votes", "discipline", "decided", "honours"} <= keys


def test_format_md_documents_the_schema_line_and_layout():
    text = (DOCS / "format.md").read_text(encoding="utf-8")
    for needle in ("# yaml-language-server: $schema=", "blocs/_tables/", "blocs/<bloc>/<year>.yaml",
                   "group:<id>", "votes:<award>", "skip_first_year", "cooldown_years", "from_award"):
        assert needle in text


# -- the renderers --------------------------------------------------------------------------

@pytest.mark.parametrize(("type_", "words"), [
    (Str(), "chữ"),
    (Str(max_len=60), "chữ (tối đa 60 ký tự)"),
    (Id(), "mã (chữ thường không dấu, số, - _)"),
    (Key(), "mã tiêu chí (ví dụ 1.2)"),
    (Num(), "số ≥ 0"),
    (Int(minimum=1945, maximum=2200), "số nguyên từ 1945 đến 2200"),
    (Share(), "tỷ lệ (70% hoặc 0.7)"),
    (Date(), "ngày NĂM-THÁNG-NGÀY"),
    (List(Id()), "danh sách mã"),
    (Dict(key=Key(), value=Num()), "mục: mã tiêu chí → số ≥ 0"),
    (OneOf(scalar=Date(), mapping=Obj()), "ngày NĂM-THÁNG-NGÀY hoặc mục"),
])
def test_type_words(type_, words):
    assert docs.type_words(type_) == words


def test_rows_walk_lists_dicts_and_one_of():
    inner = Obj(fields={"x": Field(Num(), True, "một số", 1)})
    spec = Obj(fields={
        "a": Field(List(inner), doc="danh sách"),
        "b": Field(Dict(key=Id(), value=inner)),
        "c": Field(OneOf(scalar=Str(), mapping=Obj(fields={"y": Field(Str(), example="có: dấu")}))),
    })
    assert [(r.path, r.required, r.example) for r in docs.rows(spec)] == [
        ("a", False, ""), ("a[].x", True, "1"),
        ("b", False, ""),  # the same mapping again: one row pointing back
        ("c", False, ""), ("c.y", False, '"có: dấu"'),
    ]
    assert docs.rows(spec)[2].doc == "cùng dạng với `a`"


def test_render_format_escapes_table_cells():
    spec = Obj(fields={"k": Field(Str(), doc="a | b <mã>", example=["x"])})
    table = docs.render_format(spec)
    assert table.splitlines()[-1] == "| `k` | chữ |  | a \\| b \\<mã> | `[x]` |"


def test_render_rules_is_in_code_order():
    table = docs.render_rules(REGISTRY.values())
    codes = re.findall(r"^\| ([EW]\d{3}) \|", table, re.M)
    assert codes == sorted(REGISTRY, key=lambda c: c[1:])


def test_replace_and_extract_round_trip():
    text = "intro\n<!-- BEGIN GENERATED: x -->\nold\n<!-- END GENERATED: x -->\nend\n"
    new = docs.replace(text, "x", "new\n")
    assert new == "intro\n<!-- BEGIN GENERATED: x -->\nnew\n<!-- END GENERATED: x -->\nend\n"
    assert docs.extract(new, "x") == "new\n"
    with pytest.raises(ValueError):
        docs.replace("no markers", "x", "new\n")


def test_write_rewrites_only_stale_sections(tmp_path):
    for doc, names in docs.DOC_SECTIONS.items():
        parts = ["# stale\n"] + [f"<!-- BEGIN GENERATED: {n} -->\nold\n<!-- END GENERATED: {n} -->\n" for n in names]
        (tmp_path / doc).write_text("".join(parts), encoding="utf-8")
    assert docs.main(["--check", "--docs", str(tmp_path)]) == 1
    assert docs.main(["--write", "--docs", str(tmp_path)]) == 0
    assert docs.refresh(tmp_path, write=False) == []
    text = (tmp_path / "rules.md").read_text(encoding="utf-8")
    assert text.startswith("# stale\n") and docs.extract(text, "rules") == docs.section("rules")


def test_every_field_a_template_receives_is_described():
    import dataclasses

    from thidua.documents.reference import RECORDS, descriptions

    undescribed = [f"{cls.__name__}.{f.name}" for cls in RECORDS for f in dataclasses.fields(cls)
                   if not descriptions(cls).get(f.name)]
    assert undescribed == []
