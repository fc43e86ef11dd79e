"""The YAML files under ``blocs/`` that no command reads, each with why (W010).

The listing of a data root takes only ``blocs/<bloc id>/<year>.yaml`` and ``blocs/_tables/*.yaml``;
an office's copy ("2024 - Copy.yaml", "2024 (1).yaml"), a ``.yml`` or a folder named as people write
it ("Khối MTTQ") would be skipped without a word. ``validate`` reports them instead.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from thidua.ids import ID_RE, YEAR_FILE_RE, misnamed_year
from thidua.loading.root import BLOCS_DIR, CONFIG_NAME, TABLES_DIR, entry_is_dir, folder_entries

_YAML_SUFFIXES = (".yaml", ".yml")
_A_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def _is_yaml(name: str) -> bool:
    return name.lower().endswith(_YAML_SUFFIXES) and not name.startswith(".")


def _entries(folder: Path) -> list[os.DirEntry]:
    return sorted(folder_entries(folder), key=lambda e: e.name)


def _is_file(e: os.DirEntry) -> bool:
    try:
        return e.is_file()
    except OSError:  # a symlink loop: the listing reports it (E008) where it is a year file
        return False


def _year_file_hint(name: str) -> str:
    stem = name.rsplit(".", 1)[0]
    year = _A_YEAR.search(stem)
    if YEAR_FILE_RE.match(name.lower()) or (year and stem == year[1]):
        return f"Đổi tên thành {year[1] if year else stem}.yaml (đuôi .yaml, chữ thường)."
    if year:
        return (f"Nếu đây là số liệu năm {year[1]}, đổi tên thành {year[1]}.yaml; nếu là bản sao "
                "hay bản nháp, chuyển ra khỏi blocs/.")
    return "Tệp năm đặt tên theo năm, ví dụ 2024.yaml; ghi chú và bản sao để ngoài blocs/."


def unread_files(root: Path) -> list[tuple[Path, str, str]]:
    """(path, message, hint) for each YAML file under blocs/ that the listing of the root skips.

    Year files named in another script's digits are E319's (they are read and reported there);
    hidden files and anything not ending in .yaml/.yml are none of ours (editors' swap files, forms).
    """
    blocs = root / BLOCS_DIR
    out: list[tuple[Path, str, str]] = []
    for entry in _entries(blocs):
        path = blocs / entry.name
        if entry_is_dir(entry):
            if entry.name.startswith("."):
                continue
            inner = [e for e in _entries(path) if _is_file(e) and _is_yaml(e.name)]
            if entry.name == TABLES_DIR:
                out.extend((path / e.name, f"bảng điểm '{e.name}' không được đọc: đuôi tệp phải là .yaml",
                            f"Đổi tên thành {e.name.rsplit('.', 1)[0]}.yaml.")
                           for e in inner if not e.name.endswith(".yaml"))
            elif not ID_RE.match(entry.name):
                if inner:
                    out.append((path, f"thư mục '{entry.name}' không được đọc ({len(inner)} tệp YAML): tên thư mục "
                                      "của một khối phải là mã khối",
                                "Đặt tên thư mục bằng mã khối: chữ thường không dấu, số, - hoặc _ (ví dụ "
                                "blocs/mttq/); mã này cũng ghi ở 'bloc:' trong các tệp năm."))
            else:
                out.extend((path / e.name, f"tệp '{e.name}' không được đọc: tên tệp năm phải là NĂM.yaml",
                            _year_file_hint(e.name))
                           for e in inner if not YEAR_FILE_RE.match(e.name)
                           and not (e.name.endswith(".yaml") and misnamed_year(e.name[:-5])))
        elif _is_yaml(entry.name) and entry.name != CONFIG_NAME:
            out.append((path, f"tệp '{entry.name}' đặt thẳng trong blocs/ không được đọc",
                        "Tệp năm đặt trong thư mục của khối (blocs/<mã khối>/<năm>.yaml), bảng điểm dùng chung "
                        "trong blocs/_tables/, cấu hình tỉnh là thidua.yaml."))
    return out
