"""What a change breaks, and the result cache that makes checking it fast.

A file named on the command line (as pre-commit names the changed ones) is checked with every data
file whose evaluation reads it: the bloc-years of a shared table or of thidua.yaml, the later years of
a bloc. The cache keeps each file's findings while nothing its evaluation read has changed; a warm
run must give exactly the findings of a cold one, whatever was edited.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import CONFIG, TABLE, write_root
from typer.testing import CliRunner

from thidua import checking
from thidua.cache import CACHE_DIR, CACHE_FILE, ResultCache
from thidua.cli.app import app
from thidua.loading.root import bloc_ids
from thidua.loading.tracing import TracingWorkspace


def bloc_year(bloc: str, year: int, members=("hlhpn", "ldld"), leader="hlhpn", deputy="ldld",
              scores: str = "") -> str:
    rows = "\n".join(f"  - {{id: {m}, name: Đơn vị {m}}}" for m in members)
    text = (f"bloc: {bloc}\nyear: {year}\nname: Khối {bloc}\nmembers:\n{rows}\n"
            f"leader: {leader}\ndeputy: {deputy}\ncriteria: _tables/mttq-2024\n")
    return text + (f"scores:\n{scores}" if scores else "")


SCORES = (
    '  hlhpn:\n    agreed: {"1.1": 45, "1.2": 25, "2": 18}\n'
    '  ldld:\n    agreed: {"1.1": 40, "1.2": 28, "2": 17}\n'
)
# Another bloc has other units: a unit in two blocs the same year is a finding (E318).
OTHER = {"members": ("sotc", "sonv"), "leader": "sotc", "deputy": "sonv",
         "scores": SCORES.replace("hlhpn", "sotc").replace("ldld", "sonv")}


def make(tmp_path: Path) -> Path:
    """Two blocs over two years, one shared table, fixed-order rotation: clean."""
    root = write_root(tmp_path / "root", {
        "blocs/mttq/2023.yaml": bloc_year("mttq", 2023, leader="ldld", deputy="hlhpn", scores=SCORES),
        "blocs/mttq/2024.yaml": bloc_year("mttq", 2024, scores=SCORES),
        "blocs/noi-chinh/2024.yaml": bloc_year("noi-chinh", 2024, **OTHER),
    })
    return root


def run(root: Path, *args: str):
    return CliRunner().invoke(app, ["validate", "--root", str(root), "--format", "json", *args])


def findings(result) -> list[tuple]:
    doc = json.loads(result.stdout)
    return [(d["file"], d["line"], d["col"], d["code"]) for d in doc["diagnostics"]]


def files_checked(result) -> int:
    return json.loads(result.stdout)["files"]


@pytest.fixture(autouse=True)
def _from_tmp(tmp_path, monkeypatch):
    (tmp_path / "root").mkdir(exist_ok=True)
    monkeypatch.chdir(tmp_path / "root")


# -- what a change breaks -----------------------------------------------------------------------

def test_a_table_change_checks_the_bloc_years_that_use_it(tmp_path):
    root = make(tmp_path)
    table = root / "blocs/_tables/mttq-2024.yaml"
    table.write_text(TABLE.replace('      - {id: "1.2", name: Báo cáo đúng hạn, max: 30}\n', "")
                     .replace("total: 100", "total: 70"), encoding="utf-8")
    result = run(root, "--no-cache", "blocs/_tables/mttq-2024.yaml")
    assert result.exit_code == 1
    # '1.2' is no longer a criterion: each bloc-year that scores it says so, at its own line
    unknown = [f for f in findings(result) if f[3] == "E401"]
    assert {f[0] for f in unknown} == {"blocs/mttq/2023.yaml", "blocs/mttq/2024.yaml", "blocs/noi-chinh/2024.yaml"}
    assert ("blocs/mttq/2024.yaml", 12, 25, "E401") in unknown  # hlhpn's "1.2"
    assert files_checked(result) == 4  # the table and the three bloc-years that read it


def test_a_config_change_checks_every_bloc_year(tmp_path):
    root = make(tmp_path)
    result = run(root, "--no-cache", "thidua.yaml")
    assert (result.exit_code, files_checked(result)) == (0, 4)


def test_an_earlier_year_change_checks_the_later_years(tmp_path):
    root = make(tmp_path)
    (root / "blocs/mttq/2023.yaml").write_text(
        bloc_year("mttq", 2023, members=("hlhpn", "ldld", "hnd"), leader="ldld", deputy="hlhpn", scores=SCORES)
        .replace("scores:", "scores:\n  hnd:\n    agreed: {\"1.1\": 40, \"1.2\": 28, \"2\": 17}"), encoding="utf-8")
    result = run(root, "--no-cache", "blocs/mttq/2023.yaml")
    # hnd left the bloc in 2024 without a departure: 2024 says so (W601), though only 2023 changed
    assert ("blocs/mttq/2024.yaml", 1, 1, "W601") in findings(result)
    assert files_checked(result) == 2


def test_a_file_nothing_reads_is_checked_alone(tmp_path):
    root = make(tmp_path)
    result = run(root, "--no-cache", "blocs/noi-chinh/2024.yaml")
    assert (result.exit_code, files_checked(result)) == (0, 1)


# -- the cache ---------------------------------------------------------------------------------

def count_checks(monkeypatch) -> list[str]:
    checked: list[str] = []
    real = checking.check_file

    def counting(ws, path):
        checked.append(ws.name(path))
        return real(ws, path)

    monkeypatch.setattr(checking, "check_file", counting)
    return checked


def test_a_warm_run_reads_only_what_a_change_can_affect(tmp_path, monkeypatch):
    root = make(tmp_path)
    assert run(root).exit_code == 0
    assert (root / CACHE_DIR / CACHE_FILE).is_file()
    checked = count_checks(monkeypatch)
    assert run(root).exit_code == 0
    assert checked == []  # nothing changed: every finding from the cache
    path = root / "blocs/mttq/2023.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "note: Đã rà soát\n", encoding="utf-8")
    assert run(root).exit_code == 0
    assert checked == ["blocs/mttq/2023.yaml", "blocs/mttq/2024.yaml"]  # the year and the one that reads it


def test_no_cache_neither_reads_nor_writes_it(tmp_path, monkeypatch):
    root = make(tmp_path)
    assert run(root, "--no-cache").exit_code == 0
    assert not (root / CACHE_DIR).exists()
    assert run(root).exit_code == 0
    checked = count_checks(monkeypatch)
    assert run(root, "--no-cache").exit_code == 0
    assert len(checked) == 5


EDITS = [
    ("a score past its maximum", "blocs/mttq/2024.yaml", lambda t: t.replace('"1.1": 45', '"1.1": 55', 1)),
    ("the table loses a criterion", "blocs/_tables/mttq-2024.yaml",
     lambda t: t.replace('      - {id: "1.2", name: Báo cáo đúng hạn, max: 30}\n', "")),
    ("the config's rotation changes", "thidua.yaml", lambda t: t.replace("rule: fixed-order", "rule: deputy-succeeds")),
    ("thidua.yaml breaks", "thidua.yaml", lambda t: t + "scoring: {places: [}\n"),
    ("an earlier year breaks", "blocs/mttq/2023.yaml", lambda t: t.replace("leader: ldld", "leader: xyz")),
    ("an earlier year is removed", "blocs/mttq/2023.yaml", None),
    ("a year before appears", "blocs/mttq/2022.yaml",
     lambda t: bloc_year("mttq", 2022, members=("hlhpn", "ldld", "hnd"), leader="hnd", deputy="ldld")),
    ("the table is removed", "blocs/_tables/mttq-2024.yaml", None),
    ("the table comes back", "blocs/_tables/mttq-2024.yaml", lambda t: TABLE),
    ("a file becomes a folder", "blocs/noi-chinh/2024.yaml", "dir"),
    ("a new bloc", "blocs/van-hoa/2024.yaml", lambda t: bloc_year("van-hoa", 2024)),
    ("everything back", "thidua.yaml", lambda t: CONFIG),
]


def test_warm_runs_find_what_cold_runs_find_after_each_edit(tmp_path):
    root = make(tmp_path)
    seen_codes: set[str] = set()
    for what, rel, edit in EDITS:
        path = root / rel
        if edit is None:
            path.unlink()
        elif edit == "dir":
            path.unlink()
            path.mkdir()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(edit(path.read_text(encoding="utf-8") if path.is_file() else ""), encoding="utf-8")
        for args in ([], [rel] if path.exists() else []):
            cold, warm = run(root, "--no-cache", *args), run(root, *args)
            again = run(root, *args)
            assert (warm.exit_code, warm.stdout) == (cold.exit_code, cold.stdout), what
            assert (again.exit_code, again.stdout) == (cold.exit_code, cold.stdout), what
        seen_codes.update(f[3] for f in findings(cold))
    # the edits did break things, in several ways, so the comparison compared something
    assert {"E400", "E401", "E100", "E303", "E305", "E009"} <= seen_codes


def test_a_damaged_or_foreign_cache_is_ignored(tmp_path):
    root = make(tmp_path)
    path = root / "blocs/mttq/2024.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("leader: hlhpn", "leader: hlhpm"), encoding="utf-8")
    expected = run(root, "--no-cache").stdout
    cache = root / CACHE_DIR / CACHE_FILE
    for damage in (b"", b"{", b"[]", b'{"format": 1, "key": "x", "files": {}}', None):
        cache.parent.mkdir(exist_ok=True)
        if damage is None:  # an entry that claims no findings for an up-to-date file, from another version
            run(root)
            doc = json.loads(cache.read_bytes())
            doc["files"]["blocs/mttq/2024.yaml"]["findings"] = []
            doc["key"] = "0.0.0-other"
            cache.write_text(json.dumps(doc), encoding="utf-8")
        else:
            cache.write_bytes(damage)
        assert run(root).stdout == expected
    doc = json.loads(cache.read_bytes())
    doc["files"]["blocs/mttq/2024.yaml"]["findings"] = [["x"]]  # malformed entry, right key
    cache.write_text(json.dumps(doc), encoding="utf-8")
    assert run(root).stdout == expected


def test_a_read_only_root_still_validates(tmp_path, monkeypatch):
    root = make(tmp_path)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("thidua.writing.atomic_write", refuse)
    result = run(root)
    assert (result.exit_code, files_checked(result)) == (0, 5)
    assert not (root / CACHE_DIR / CACHE_FILE).exists()


# -- a check that reads other blocs of the same year (as a unit in two blocs would) -------------

def test_the_checks_across_files_stay_right_with_a_warm_cache(tmp_path):
    """A unit in two blocs the same year (E318) depends on several files: it is made fresh on every run
    from each bloc-year's units, which the cache keeps with the file's entry; a new bloc that shares a
    unit is seen, warm as cold, and naming only the new file reports the bloc it now conflicts with."""
    root = write_root(tmp_path / "root", {"blocs/mttq/2024.yaml": bloc_year("mttq", 2024, scores=SCORES)})
    assert findings(run(root)) == []
    (root / "blocs/van-hoa").mkdir()
    (root / "blocs/van-hoa/2024.yaml").write_text(bloc_year("van-hoa", 2024), encoding="utf-8")
    cold, warm = run(root, "--no-cache"), run(root)
    assert warm.stdout == cold.stdout
    assert ("blocs/mttq/2024.yaml", 5, 5, "E318") in findings(warm)
    again = run(root)  # answered by the cache but for the checks across files
    assert again.stdout == cold.stdout
    named = run(root, "blocs/van-hoa/2024.yaml")
    assert ("blocs/mttq/2024.yaml", 5, 5, "E318") in findings(named)
    assert ("blocs/van-hoa/2024.yaml", 5, 5, "E318") in findings(named)


def test_the_trace_records_reads_lookups_and_listings(tmp_path):
    root = make(tmp_path)
    ws = TracingWorkspace(root)
    with ws.trace() as read:
        ws.bloc_year_of("mttq", 2024)
        ws.bloc_year_of("mttq", 2019)
        bloc_ids(root)
    assert read == {"file:blocs/mttq/2024.yaml", "file:blocs/_tables/mttq-2024.yaml", "file:thidua.yaml",
                    "file:blocs/thidua.yaml", "file:blocs/mttq/2019.yaml", "blocs:"}
    with ws.trace() as again:  # made already: charged all the same
        ws.bloc_year_of("mttq", 2024)
    assert again == read - {"file:blocs/mttq/2019.yaml", "blocs:"}


def test_digests(tmp_path):
    root = make(tmp_path)
    cache = ResultCache(root)
    assert cache.digest("file:blocs/mttq/2019.yaml") is None
    assert cache.digest("file:blocs/mttq/2024.yaml") == ResultCache(root).digest("file:blocs/mttq/2024.yaml")
    (root / "blocs/mttq/2025.yaml").mkdir()
    assert ResultCache(root).digest("file:blocs/mttq/2025.yaml").startswith("!not-regular:")
    assert cache.digest("blocs:") != ResultCache(write_root(tmp_path / "other", {})).digest("blocs:")
    assert cache.digest("something:new") == "?"


def test_history_years_written_once_in_effect():
    from thidua import evaluation

    assert checking.HISTORY_YEARS == evaluation.HISTORY_YEARS


def test_a_run_answered_by_the_cache_loads_no_pipeline(tmp_path):
    """The start-up of a warm run: no rule, no format, no model imported."""
    import subprocess
    import sys

    root = make(tmp_path)
    assert run(root).exit_code == 0
    code = (f"import sys; from typer.testing import CliRunner; from thidua.cli.app import app; "
            f"r = CliRunner().invoke(app, ['validate', '--root', {str(root)!r}]); "
            f"assert r.stdout == '5 tệp, 0 lỗi, 0 cảnh báo\\n', r.output; "
            f"print(sorted(m for m in sys.modules if m.startswith(('thidua.rules', 'thidua.evaluation', "
            f"'thidua.model', 'thidua.schema', 'yaml'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out == "[]\n"


def test_facts_kept_with_an_entry_while_it_holds(tmp_path):
    root = make(tmp_path)
    name = "blocs/mttq/2024.yaml"
    cache = ResultCache(root)
    cache.store(name, {"file:thidua.yaml"}, (), facts={"members": ["hlhpn", "ldld"]})
    cache.save()
    again = ResultCache(root)
    assert again.facts_of(name) is None  # not current before its inputs are checked
    assert again.lookup(name) == (frozenset({f"file:{name}", "file:thidua.yaml"}), ())
    assert again.facts_of(name) == {"members": ["hlhpn", "ldld"]}
    (root / "thidua.yaml").write_text(CONFIG + "# sửa\n", encoding="utf-8")
    changed = ResultCache(root)
    assert changed.lookup(name) is None and changed.facts_of(name) is None
