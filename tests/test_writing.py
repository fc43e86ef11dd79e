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
