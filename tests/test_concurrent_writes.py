"""Real processes writing one bloc-year at once: every change lands, or the loser says another run wrote.

- 20 ``form import --write`` runs, one per member of the same bloc-year, started together: the file
  ends with all 20 changes; a run that printed "Đã ghi" wrote, and the file validates.
- Two ``handover --write`` runs at once: one creates next year's file, the other says another run just
  created it (never that the file is unreadable).
- The lock holds from reading to the rename: a run that finds the file locked waits and then reads
  what the other wrote; with no time to wait it says another run is writing the file.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from form_support import export, fill, make_root, make_wide_root, run, score_json

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX processes and flock")

MEMBERS = 20
REPO = Path(__file__).resolve().parent.parent


def thidua(*args, env_extra=None) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO), **(env_extra or {})}
    return subprocess.Popen([sys.executable, "-m", "thidua", *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, text=True, encoding="utf-8")


def finish(procs: list[subprocess.Popen], timeout: float = 120) -> list[tuple[int, str, str]]:
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=timeout)
        out.append((p.returncode, stdout, stderr))
    return out


def test_twenty_imports_for_twenty_members_all_land(tmp_path):
    root = make_wide_root(tmp_path, MEMBERS)
    form = export_wide(root, tmp_path)
    filled = [fill(form, tmp_path / f"m{i:02d}.xlsx", {f"Đơn vị {i:02d}": {"E10": i % 10, "E11": 1}})
              for i in range(1, MEMBERS + 1)]
    start = time.monotonic()
    results = finish([thidua("form", "import", f, "--root", root, "--write") for f in filled])
    elapsed = time.monotonic() - start
    wrote = [i for i, (code, out, _) in enumerate(results, start=1) if "Đã ghi" in out]
    for i, (code, out, err) in enumerate(results, start=1):
        assert "Traceback" not in err, err
        if code != 0:  # a loser refuses and says why
            assert code == 1 and "một lần chạy khác" in err, (i, code, out, err)
            assert "Đã ghi" not in out
    scores = score_json_wide(root)
    for i in range(1, MEMBERS + 1):
        member = scores[f"m{i:02d}"]
        assert (member["criteria"] == i % 10 + 1) == (i in wrote), (i, member, wrote)
    assert wrote == list(range(1, MEMBERS + 1)), f"losers: {sorted(set(range(1, MEMBERS + 1)) - set(wrote))}"
    assert run("validate", "--root", root).exit_code == 0
    assert not list((root / "blocs" / "kw").glob(".*.tmp"))
    assert elapsed < 100


def export_wide(root: Path, tmp_path: Path) -> Path:
    out = tmp_path / "kw.xlsx"
    result = run("form", "export", "--root", root, "--bloc", "kw", "2024", "-o", out)
    assert result.exit_code == 0, result.output
    return out


def score_json_wide(root: Path) -> dict:
    import json

    result = run("score", "2024", "--root", root, "--bloc", "kw", "--json")
    assert result.exit_code == 0, result.output
    return {m["id"]: m for m in json.loads(result.stdout)["blocs"][0]["members"]}


def test_two_handovers_at_once_create_one_file_and_the_loser_says_so(tmp_path):
    root = make_root(tmp_path)
    results = finish([thidua("handover", "2024", "--bloc", "kt", "--root", root, "--write") for _ in range(2)])
    made = (root / "blocs/kt/2025.yaml").as_posix()  # run from outside the data root: absolute
    created = [r for r in results if f"đã tạo {made}\n" in r[2]]
    lost = [r for r in results if f"đã tạo {made}\n" not in r[2]]
    assert len(created) == 1 and len(lost) == 1, results
    # the other finds the file it would have written, made meanwhile: nothing to do, no failure
    assert [r[0] for r in results] == [0, 0], results
    # the loser saw the file made meanwhile, or (on a loaded machine, started after the winner finished) already there
    assert lost[0][2].endswith((f"Tệp năm 2025 ({made}) đã có và khớp đề xuất (một lần chạy khác vừa tạo tệp "
                                "trong lúc lệnh này chạy); không cần ghi.\n",
                                f"Tệp năm 2025 ({made}) đã có và khớp đề xuất; không cần ghi.\n")), lost[0][2]
    assert "không đọc được" not in lost[0][2]
    assert run("validate", "--root", root).exit_code == 0


def test_a_run_waits_for_the_lock_then_reads_what_the_other_wrote(tmp_path):
    """Hold the lock from this process; an import started meanwhile waits, then merges into the new file."""
    from form_support import SELF, SHEETS, YEAR_FILE

    from thidua.locking import FileLock

    root = make_root(tmp_path)
    form = export(root, tmp_path / "f.xlsx")
    filled = fill(form, tmp_path / "beta.xlsx", {SHEETS["beta"]: {SELF["1.2"]: 6}})
    path = root / YEAR_FILE
    lock = FileLock(path)
    lock.acquire()
    try:
        proc = thidua("form", "import", filled, "--root", root, "--write")
        time.sleep(1.5)
        assert proc.poll() is None, "the import did not wait for the lock"
        text = path.read_text(encoding="utf-8").replace('"1.1": 9, "1.2": 8', '"1.1": 10, "1.2": 8')
        tmp = path.with_name("replacement")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)  # another writer, under the lock, replaces the file
    finally:
        lock.release()
    code, out, err = finish([proc])[0]
    assert code == 0, out + err
    text = path.read_text(encoding="utf-8")
    assert '"1.1": 10, "1.2": 8' in text and '"1.2": 6' in text  # both changes
    assert score_json(root)["beta"]["criteria"] == 21


def test_with_no_time_to_wait_the_loser_says_another_run_is_writing(tmp_path):
    from form_support import SELF, SHEETS, YEAR_FILE

    from thidua.locking import FileLock

    root = make_root(tmp_path)
    form = export(root, tmp_path / "f.xlsx")
    filled = fill(form, tmp_path / "beta.xlsx", {SHEETS["beta"]: {SELF["1.2"]: 6}})
    before = (root / YEAR_FILE).read_bytes()
    lock = FileLock(root / YEAR_FILE)
    lock.acquire()
    try:
        code, out, err = finish([thidua("form", "import", filled, "--root", root, "--write",
                                        env_extra={"THIDUA_LOCK_TIMEOUT": "0.3"})])[0]
    finally:
        lock.release()
    assert code == 2, out + err
    assert err == ("thidua: lỗi: blocs/kt/2024.yaml: một lần chạy khác đang ghi tệp này và chưa xong; chờ lần "
                   "chạy đó kết thúc rồi chạy lại lệnh\n")
    assert "Đã ghi" not in out
    assert (root / YEAR_FILE).read_bytes() == before


def test_a_file_replaced_by_another_program_meanwhile_is_not_overwritten(tmp_path, monkeypatch):
    """An editor that takes no lock saves the file between the import's read and its rename: E820."""
    from form_support import SELF, SHEETS, YEAR_FILE

    import thidua.forms.update as update

    root = make_root(tmp_path)
    form = export(root, tmp_path / "f.xlsx")
    filled = fill(form, tmp_path / "beta.xlsx", {SHEETS["beta"]: {SELF["1.2"]: 6}})
    path = root / YEAR_FILE
    real = update.prepare_import

    def and_an_editor_saves(*args, **kwargs):
        result = real(*args, **kwargs)
        path.write_bytes(path.read_bytes() + b"# saved by an editor\n")
        return result

    monkeypatch.setattr(update, "prepare_import", and_an_editor_saves)
    saved = None
    result = run("form", "import", filled, "--root", root, "--write")
    saved = path.read_bytes()
    assert result.exit_code == 1, result.output
    assert (f"{YEAR_FILE}: lỗi E820: tệp vừa bị sửa trong lúc nhập biểu mẫu (một lần chạy khác, hoặc một "
            "chương trình khác, đã ghi tệp); không ghi gì") in result.stderr
    assert "Đã ghi" not in result.stdout
    assert saved.endswith(b"# saved by an editor\n")
