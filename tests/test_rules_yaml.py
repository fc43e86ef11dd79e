"""Rules of the YAML stage (E1xx): syntax, and the YAML features a bloc file must not use."""

import time

import pytest
from support import BLOC_YEAR_PATH, bloc_case, dedent, diagnostics, run_case, write_root

CASES = [
    # E100: syntax errors, at the place libyaml stops.
    bloc_case("tab-indent", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
        \t- id: hlhpn
    """, ("E100", 5, 1)),
    bloc_case("unclosed-quote", """
        bloc: mttq
        year: 2024
        name: "Khối thi đua MTTQ
        members: []
    """, ("E100", 5, 1)),
    # A file cut in the middle of a line: libyaml ends the stream on the line after the last one.
    bloc_case("truncated-flow", 'bloc: mttq\nyear: 2024\nname: Khối\nmembers:\n  - {id: hlhpn, name: Hội LH',
              ("E100", 6, 1)),
    bloc_case("missing-colon", """
        bloc: mttq
        year 2024
        name: Khối thi đua MTTQ
    """, ("E100", 3, 1)),
    bloc_case("control-character", b"bloc: mttq\nyear: 2024\nname: Khoi\x07\nmembers: []\n",
              ("E100", 3, 11)),
    # E101: a key written twice in one mapping (PyYAML would silently keep the last).
    bloc_case("duplicate-top-key", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        year: 2025
    """, ("E101", 6, 1)),
    bloc_case("duplicate-nested-key", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - id: hlhpn
            name: Hội LHPN tỉnh
            name: Hội Liên hiệp Phụ nữ tỉnh
    """, ("E101", 7, 5)),
    bloc_case("duplicate-score", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        criteria: _tables/mttq-2024
        scores:
          hlhpn:
            agreed: {"1.1": 50, "1.2": 30, "2": 20, "1.1": 40}
    """, ("E101", 9, 45)),
    # E102: anchors and aliases.
    bloc_case("anchor-and-alias", """
        bloc: mttq
        year: 2024
        name: &ten Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        note: *ten
    """, ("E102", 3, 7), ("E102", 6, 7)),
    # E103: explicit tags, including the one that runs a command in yaml.load.
    bloc_case("python-tag", """
        bloc: mttq
        year: 2024
        name: !!python/object:os.system Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
    """, ("E103", 3, 7)),
    bloc_case("python-apply-document", "!!python/object/apply:os.system ['echo pwned']\n",
              ("E103", 1, 1), ("E200", 1, 1)),
    bloc_case("local-tag", """
        bloc: mttq
        year: !int 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
    """, ("E103", 2, 7)),
    # E104: nesting beyond 32 levels (the 33rd collection: the 32nd "[" after "note: ").
    bloc_case("deep-flow", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        note: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
    """, ("E104", 6, 38)),
    # E105: a key that is a list or a mapping.
    bloc_case("complex-key", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        ? [hlhpn, ldld]
        : 1
    """, ("E105", 6, 3)),
    bloc_case("flow-mapping-key", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        votes: {voters: 1, awards: {co-ubnd: {{hlhpn: 1}: 1}}}
    """, ("E105", 6, 39)),
    # E106: a second document.
    bloc_case("two-documents", """
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        ---
        bloc: mttq
        year: 2025
    """, ("E106", 6, 1)),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_yaml_rule(case, tmp_path):
    assert run_case(case, tmp_path) == case.expect


def test_explicit_document_markers_are_fine(tmp_path):
    text = dedent("""
        %YAML 1.1
        ---
        # yaml-language-server: $schema=../../schema/bloc-year.schema.json
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
        ...
    """)
    root = write_root(tmp_path / "root", {BLOC_YEAR_PATH: text})
    assert diagnostics(root) == []


def billion_laughs(levels: int = 12) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused_fast(tmp_path):
    """9**12 expanded strings would exhaust memory; aliases are never expanded, only reported."""
    text = dedent("""
        bloc: mttq
        year: 2024
        name: Khối thi đua MTTQ
        members:
          - {id: hlhpn, name: Hội LHPN tỉnh}
    """) + billion_laughs()
    root = write_root(tmp_path / "root", {BLOC_YEAR_PATH: text})
    start = time.perf_counter()
    found = diagnostics(root)
    elapsed = time.perf_counter() - start
    assert elapsed < 5
    codes = {d.code for d in found}
    assert codes == {"E102", "E201"}  # the anchors and aliases, and the unknown keys a0 … a11
    first = next(d for d in found if d.code == "E102")
    assert (first.source.line, first.source.col) == (6, 5)


def test_ten_thousand_brackets_are_too_deep(tmp_path):
    root = write_root(tmp_path / "root", {BLOC_YEAR_PATH: "[" * 10000})
    start = time.perf_counter()
    found = diagnostics(root)
    assert time.perf_counter() - start < 5
    assert [(d.code, d.source.line) for d in found] == [("E104", 1)]


def test_deep_block_nesting_is_too_deep(tmp_path):
    deep = "".join(f"{'  ' * i}k{i}:\n" for i in range(40)) + "  " * 40 + "x\n"
    root = write_root(tmp_path / "root", {BLOC_YEAR_PATH: "note:\n" + "".join("  " + line for line in deep.splitlines(True))})
    assert [(d.code, d.source.line) for d in diagnostics(root)] == [("E104", 33)]


def test_control_character_after_vietnamese_text_is_placed_exactly(tmp_path):
    text = "bloc: mttq\nyear: 2024\nname: Khối\x07\nmembers: []\n"
    root = write_root(tmp_path / "root", {BLOC_YEAR_PATH: text.encode()})
    assert [(d.code, d.source.line, d.source.col) for d in diagnostics(root)] == [("E100", 3, 11)]


def test_syntax_message_is_translated(tmp_path):
    case = CASES[0]
    found = diagnostics(write_root(tmp_path / "root", case.files))
    assert "Tab" in found[0].message or "tab" in found[0].message
    assert found[0].hint


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "\\U00110000"])
def test_an_escape_that_is_no_character_says_so(tmp_path, escape):
    """A lone surrogate written as an escape ("\\ud800", as JSON tools write half an emoji) is named."""
    text = dedent(f"""\
        bloc: mttq
        year: 2024
        name: "Khối {escape} MTTQ"
        members:
          - {{id: hlhpn, name: Hội LHPN tỉnh}}
    """)
    [found] = [d for d in diagnostics(write_root(tmp_path / "root", {"blocs/mttq/2024.yaml": text}))
               if d.code == "E100"]
    assert found.source.line == 3 and 13 <= found.source.col <= 16
    assert found.message == ("mã thoát \\u hoặc \\U trong nháy kép không thành một ký tự (nửa cặp thay thế "
                             "\\ud800–\\udfff, hoặc số lớn hơn \\U0010FFFF)")
    assert found.hint == "Viết thẳng ký tự cần dùng, hoặc xóa mã thoát."
