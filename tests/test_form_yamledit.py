"""The targeted YAML edit: only the changed figures move, in the style of their neighbours."""

from __future__ import annotations

import codecs
import textwrap
from decimal import Decimal

import pytest
from form_support import BLOC_2024, SELF, YEAR_FILE, export, fill, make_root, run
from hypothesis import given, settings
from hypothesis import strategies as st

from thidua.forms.score_edit import AdjustmentEdit, MemberEdit, ScoreEditor
from thidua.forms.yamlsplice import EditError
from thidua.loading.build import build_bloc_year
from thidua.loading.load import read_document
from thidua.schema.formats import BLOC_YEAR

D = Decimal
CRITERIA = ["1.1", "1.2", "2"]
HEAD = "bloc: kt\nyear: 2024\nname: Khối\nmembers:\n  - {id: a, name: A}\n  - {id: b, name: B}\n"


def edit(text: str, updates: dict[str, MemberEdit]) -> str:
    editor = ScoreEditor(text)
    editor.apply(updates, CRITERIA)
    return editor.result()


def scores(text: str) -> dict:
    loaded = read_document(text.encode("utf-8"), "t.yaml", BLOC_YEAR)
    assert not [d for d in loaded.diagnostics if d.is_error], loaded.diagnostics
    by = build_bloc_year(loaded.fields, None)
    return {s.member.id: {"self": {p.criterion: p.points for p in s.self_points},
                          "agreed": {p.criterion: p.points for p in s.agreed},
                          "bonus": [(a.points, a.reason) for a in s.bonus],
                          "deductions": [(a.points, a.reason) for a in s.deductions],
                          "total": s.asserted_total} for s in by.scores}


def test_replacing_numbers_touches_nothing_else():
    text = HEAD + textwrap.dedent("""\
        scores:
          a:   # A
            self: {"1.1": 9, '1.2': 8.50, "2": 10}   # tự chấm
            total: 27.5
    """)
    out = edit(text, {"a": MemberEdit(points={"self": {"1.2": D("7.25"), "2": D("9")}})})
    assert out == text.replace("'1.2': 8.50", "'1.2': 7.25").replace('"2": 10', '"2": 9')  # total: stays


def test_new_keys_follow_table_order_and_sibling_quoting():
    text = HEAD + textwrap.dedent("""\
        scores:
          a:
            self:
              1.2: 8   # plain keys
            agreed: {'2': 5}
    """)
    out = edit(text, {"a": MemberEdit(points={"self": {"1.1": D(9), "2": D(7)}, "agreed": {"1.1": D(4)}})})
    assert out == HEAD + textwrap.dedent("""\
        scores:
          a:
            self:
              1.1: 9
              1.2: 8   # plain keys
              2: 7
            agreed: {'1.1': 4, '2': 5}
    """)
    assert scores(out)["a"]["self"] == {"1.1": 9, "1.2": 8, "2": 7}


def test_empty_and_null_mappings_are_filled():
    text = HEAD + "scores:\n  a:\n    self: {}\n    agreed:\n  b: {self: {}}\n"
    out = edit(text, {"a": MemberEdit(points={"self": {"1.1": D(1)}, "agreed": {"2": D(2)}}),
                      "b": MemberEdit(points={"self": {"2": D(3)}})})
    assert scores(out) == {
        "a": {"self": {"1.1": 1}, "agreed": {"2": 2}, "bonus": [], "deductions": [], "total": None},
        "b": {"self": {"2": 3}, "agreed": {}, "bonus": [], "deductions": [], "total": None}}
    assert "  b: {self: {\"2\": 3}}\n" in out


def test_a_missing_scores_section_goes_before_the_key_that_follows_it_in_the_format():
    text = HEAD + "criteria: _tables/kt\n\n# Bỏ phiếu kín.\nvotes:\n  voters: 2\n"
    out = edit(text, {"b": MemberEdit(points={"self": {"1.1": D(9)}})})
    assert out == HEAD + ('criteria: _tables/kt\n\nscores:\n  b:\n    self:\n      "1.1": 9\n\n'
                          "# Bỏ phiếu kín.\nvotes:\n  voters: 2\n")


def test_adjustments_in_every_shape():
    text = HEAD + textwrap.dedent("""\
        scores:
          a:
            self: {"1.1": 1}
            bonus: 1
            deductions:
              - points: 0.5
                reason: 'Nộp chậm'   # ghi chú
          b:
            self: {"1.1": 1}
            bonus: []
            deductions: [{points: 1, reason: Vắng họp}]
    """)
    out = edit(text, {
        "a": MemberEdit(adjustments={
            "bonus": AdjustmentEdit(replace={0: (None, "Sáng kiến")}, final=((D(1), "Sáng kiến"),)),
            "deductions": AdjustmentEdit(replace={0: (D("0.75"), "Nộp rất chậm")}, append=((D(1), "Sai số liệu"),),
                                         final=((D("0.75"), "Nộp rất chậm"), (D(1), "Sai số liệu")))}),
        "b": MemberEdit(adjustments={
            "bonus": AdjustmentEdit(append=((D(2), 'Giải "nhất"'),), final=((D(2), 'Giải "nhất"'),)),
            "deductions": AdjustmentEdit(replace={0: (None, "Vắng họp: 2 lần")}, final=((D(1), "Vắng họp: 2 lần"),))}),
    })
    assert out == HEAD + textwrap.dedent("""\
        scores:
          a:
            self: {"1.1": 1}
            bonus: [{points: 1, reason: "Sáng kiến"}]
            deductions:
              - points: 0.75
                reason: 'Nộp rất chậm'   # ghi chú
              - points: 1
                reason: "Sai số liệu"
          b:
            self: {"1.1": 1}
            bonus: [{points: 2, reason: "Giải \\"nhất\\""}]
            deductions: [{points: 1, reason: "Vắng họp: 2 lần"}]
    """)


def test_the_editor_refuses_shapes_it_does_not_know():
    with pytest.raises(EditError):
        edit(HEAD + "scores:\n  a: [1, 2]\n", {"a": MemberEdit(points={"self": {"1.1": D(1)}})})
    with pytest.raises(EditError):
        ScoreEditor("- just\n- a list\n")
    with pytest.raises(EditError):
        ScoreEditor("a: [unclosed\n")


def test_bom_and_permissions_survive_an_import(tmp_path):
    root = make_root(tmp_path)
    path = root / YEAR_FILE
    path.write_bytes(codecs.BOM_UTF8 + path.read_bytes())
    path.chmod(0o640)
    form = export(root, tmp_path / "f.xlsx")
    filled = fill(form, tmp_path / "x.xlsx", {"Beta": {SELF["1.2"]: 6}})
    assert run("form", "import", filled, "--root", root, "--write").exit_code == 0
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8) and b'      "1.2": 6\n' in data
    assert path.stat().st_mode & 0o777 == 0o640


values = st.decimals(min_value=0, max_value=10, places=2, allow_nan=False, allow_infinity=False)


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(st.sampled_from(["alpha", "beta", "gamma", "delta"]),
                    st.tuples(st.dictionaries(st.sampled_from(CRITERIA), values, max_size=3),
                              st.dictionaries(st.sampled_from(CRITERIA), values, max_size=3)),
                    max_size=4),
)
def test_any_score_edit_reads_back_and_keeps_every_other_line(updates):
    text = BLOC_2024
    before = scores(text)
    edits = {m: MemberEdit(points={k: v for k, v in (("self", s), ("agreed", a)) if v})
             for m, (s, a) in updates.items() if s or a}
    out = edit(text, edits)
    after = scores(out)
    for member, e in edits.items():
        for field, vals in e.points.items():
            expected = {**before.get(member, {}).get(field, {}), **vals}
            assert after[member][field] == expected
    for member, sheet in before.items():
        if member not in edits:
            assert after[member] == sheet
    kept = [line for line in text.splitlines() if line.lstrip().startswith("#") or ":" not in line]
    new_lines = out.splitlines()
    assert all(line in new_lines for line in kept)
    assert out.split("scores:")[0] == text.split("scores:")[0]
