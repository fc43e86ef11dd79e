"""Property tests: whatever bytes a bloc-year file holds, loading never raises, and every finding
has a code from the registry and a position inside (or just past the end of) the file."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import CONFIG, TABLE, dedent

from thidua.evaluation import assess
from thidua.loading.build import build_bloc_year, build_config, build_table
from thidua.loading.load import read_document
from thidua.rules import REGISTRY
from thidua.schema.formats import BLOC_YEAR
from thidua.schema.formats import CONFIG as CONFIG_SPEC
from thidua.schema.formats import TABLE as TABLE_SPEC
from thidua.schema.types import Fields

YAML_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

VALID = dedent("""
    # yaml-language-server: $schema=../../schema/bloc-year.schema.json
    bloc: mttq
    year: 2024
    name: Khối thi đua MTTQ và các tổ chức chính trị - xã hội tỉnh
    number: 01/BB-KTĐ
    members:
      - id: hlhpn
        name: Hội Liên hiệp Phụ nữ tỉnh
        short: Hội LHPN tỉnh
      - {id: ldld, name: Liên đoàn Lao động tỉnh, joined: 2024-04-01}
      - id: tinhdoan
        name: Tỉnh đoàn
        predecessors: [doantn]
    leader: hlhpn
    deputy: ldld
    rotation: {rule: deputy-succeeds, order: [hlhpn, ldld, tinhdoan], cooldown_years: 2}
    events:
      covenant: 2024-02-22
      review: {date: 2024-12-20, host: hlhpn, present: [hlhpn, ldld, tinhdoan]}
    criteria:
      name: Bảng chấm điểm
      total: 100
      groups:
        - id: "1"
          name: Chuyên môn
          items:
            - {id: "1.1", name: Nhiệm vụ, max: 50}
            - {id: "1.2", name: Báo cáo, max: 30}
        - {id: "2", name: Tổ chức, max: 20}
      bonus: {max: 5}
      deductions: {max: 5}
    scores:
      hlhpn:
        self:   {"1.1": 50, "1.2": 30, "2": 20}
        agreed: {"1.1": 49.5, "1.2": 30, "2": 19}
        bonus: [{points: 2, reason: "Dẫn đầu phong trào"}]
        total: 100.5
      ldld:
        agreed: {"1.1": 45, "1.2": 28, "2": 18}
        deductions: 1
      tinhdoan:
        agreed: {"1.1": 40, "1.2": 25, "2": 15}
    votes:
      voters: 3
      awards:
        co-ubnd: {hlhpn: 3, ldld: 1}
    discipline:
      - {member: tinhdoan, reason: Khiển trách}
    decided:
      awards: {co-ubnd: [hlhpn]}
      next_leader: ldld
      next_deputy: tinhdoan
    departures:
      - {member: hccb, reason: moved, date: 2024-01-01}
    note: |
      Ghi chú nhiều dòng.
""")


PROVINCE = build_config(read_document(CONFIG.encode(), "thidua.yaml", CONFIG_SPEC).fields)


def load_and_check(data: bytes):
    """Load like validate does, then run every bloc check on whatever loaded; return the findings."""
    loaded = read_document(data, "x.yaml", BLOC_YEAR)
    diags = list(loaded.diagnostics)
    assert loaded.fields is None or isinstance(loaded.fields, Fields)
    if loaded.fields is not None:
        criteria = loaded.fields.get("criteria")
        table = build_table(criteria, "inline") if isinstance(criteria, Fields) else None
        by = build_bloc_year(loaded.fields, table)
        diags.extend(assess(by, PROVINCE, "mttq", "2024").findings)
    return diags


def assert_well_formed(diags, text: str | None = None):
    for d in diags:
        assert d.code in REGISTRY
        assert d.source.line >= 0 and d.source.col >= 0
        assert d.message
        if text is not None:  # YAML breaks lines at CR, LF, CRLF, NEL, LS and PS; a file cut mid-line
            assert d.source.line <= len(YAML_LINE_BREAK.split(text)) + 1  # ends on the line after


def test_valid_text_has_no_finding():
    assert load_and_check(VALID.encode()) == []


@FUZZ
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_never_raise(data):
    loaded = read_document(data, "x.yaml", BLOC_YEAR)
    assert_well_formed(loaded.diagnostics)


@FUZZ
@given(st.text(max_size=2000), st.sampled_from(["utf-8", "utf-16", "utf-8-sig", "latin-1"]))
def test_arbitrary_text_in_any_encoding_never_raises(text, encoding):
    data = text.encode(encoding, "replace")
    assert_well_formed(load_and_check(data))


YAMLISH = st.sampled_from([
    "", " ", "  ", "\t", "\n", ":", ": ", "- ", "-", "[", "]", "{", "}", ",", "#", "&a ", "*a", "!!str ",
    "!x ", "? ", "|", ">", "'", '"', "---\n", "...\n", "%YAML 1.1\n", "9,5", ".nan", "1e400", "~", "null",
    "Đ", "Ð", "ố", "o\u0302\u0301", "\ufeff", "\x00", "\x07", "\u2028", "\r", "\r\n", "héi", "Liªn",
])

LINE_OPS = st.one_of(
    st.tuples(st.just("delete"), st.integers(0, 200)),
    st.tuples(st.just("duplicate"), st.integers(0, 200)),
    st.tuples(st.just("swap"), st.integers(0, 200), st.integers(0, 200)),
    st.tuples(st.just("indent"), st.integers(0, 200), st.integers(-4, 4)),
    st.tuples(st.just("tab"), st.integers(0, 200)),
    st.tuples(st.just("insert"), st.integers(0, 5000), st.one_of(YAMLISH, st.text(max_size=8))),
    st.tuples(st.just("truncate"), st.integers(0, 5000)),
)


def mutate(text: str, ops) -> str:
    for op in ops:
        lines = text.split("\n")
        kind = op[0]
        if kind == "delete" and lines:
            del lines[op[1] % len(lines)]
        elif kind == "duplicate" and lines:
            i = op[1] % len(lines)
            lines.insert(i, lines[i])
        elif kind == "swap" and lines:
            i, j = op[1] % len(lines), op[2] % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "indent" and lines:
            i = op[1] % len(lines)
            lines[i] = " " * op[2] + lines[i] if op[2] >= 0 else lines[i][-op[2]:]
        elif kind == "tab" and lines:
            i = op[1] % len(lines)
            lines[i] = "\t" + lines[i].lstrip(" ")
        elif kind == "insert":
            pos = op[1] % (len(text) + 1)
            text = text[:pos] + op[2] + text[pos:]
            continue
        elif kind == "truncate":
            text = text[:op[1] % (len(text) + 1)]
            continue
        text = "\n".join(lines)
    return text


@FUZZ
@given(st.lists(LINE_OPS, min_size=1, max_size=5))
def test_mutated_bloc_year_never_raises(ops):
    text = mutate(VALID, ops)
    assert_well_formed(load_and_check(text.encode("utf-8", "surrogatepass")), text)


@FUZZ
@given(st.lists(LINE_OPS, min_size=1, max_size=5))
def test_mutated_table_never_raises(ops):
    text = mutate(TABLE, ops)
    loaded = read_document(text.encode("utf-8", "surrogatepass"), "t.yaml", TABLE_SPEC)
    assert_well_formed(loaded.diagnostics, text)
    if loaded.fields is not None:
        build_table(loaded.fields, "t")
