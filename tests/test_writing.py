"""thidua.writing: permissions of what it writes."""

import os
import stat

from thidua.writing import atomic_write, create_new


def test_new_files_get_the_umask_permissions_not_mkstemps(tmp_path):
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "a.txt", b"x")
        assert create_new(tmp_path / "b.txt", b"y")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "b.txt").stat().st_mode) == 0o644


def test_rewriting_keeps_the_files_permissions(tmp_path):
    target = tmp_path / "2024.yaml"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_writing_never_touches_the_process_umask(tmp_path, monkeypatch):
    calls = []
    real = os.umask
    monkeypatch.setattr(os, "umask", lambda m: calls.append(m) or real(m))
    atomic_write(tmp_path / "a.txt", b"x")
    assert create_new(tmp_path / "b.txt", b"y")
    assert calls == []


def test_a_temporary_file_left_by_a_dead_run_is_removed_by_the_next_write(tmp_path):
    import subprocess
    import sys

    from thidua.writing import _owner_tag, stale_temporaries

    target = tmp_path / "2024.yaml"
    target.write_bytes(b"old")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)
    host = _owner_tag().split("-")[0]
    left = tmp_path / f".2024.yaml.{host}-{pid}-deadbeef.tmp"
    left.write_bytes(b"half")
    live = tmp_path / f".2024.yaml.{_owner_tag()}-cafe.tmp"  # this very process: alive, never removed
    live.write_bytes(b"mine")
    other = tmp_path / ".other.yaml.abcdef-1-00.tmp"
    other.write_bytes(b"not ours to judge")
    assert stale_temporaries(target) == [left]
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert not left.exists() and live.exists() and other.exists()


def test_an_error_names_the_users_file_not_the_temporary_one(tmp_path, monkeypatch):
    import errno

    import pytest

    import thidua.writing as writing

    def replace(src, dst):
        raise OSError(errno.EACCES, "Permission denied", src, None, dst)

    monkeypatch.setattr(writing.os, "replace", replace)
    target = tmp_path / "2024.yaml"
    with pytest.raises(OSError) as info:
        atomic_write(target, b"x")
    assert info.value.filename == str(target) and ".tmp" not in str(info.value)
