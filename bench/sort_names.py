"""Time ``vn_sorted`` on 100,000 Vietnamese names, next to plain ``sorted`` in the same run.

    python bench/sort_names.py                 # the working tree's thidua/core/vnsort.py
    python bench/sort_names.py --against REV   # and the module as it was at git revision REV

The names are people and units (``Nguyễn Thị Thuỷ``, ``UBND xã Hòa Thắng``), drawn with a fixed
seed, with repeats as in real data. "cold" sorts with every cache of the module emptied first,
"warm" sorts the same list again; each figure is the best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
            "Ngô", "Dương", "Lý", "Đào", "Đinh", "Lương", "Trịnh"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Xuân", "Thu", "Công", "Đình", "Kim",
          "Hoài", "Khánh", "Bảo"]
GIVEN = ["Anh", "Ánh", "Ân", "Bình", "Cường", "Dũng", "Duy", "Giang", "Hà", "Hải", "Hòa", "Hoà", "Hùng",
         "Hương", "Huy", "Khoa", "Khoẻ", "Lan", "Long", "Mai", "Nam", "Ngân", "Nhung", "Oanh", "Phúc",
         "Quân", "Quý", "Sơn", "Tâm", "Thảo", "Thủy", "Thuỷ", "Trang", "Tuấn", "Tùng", "Uyên", "Việt", "Vy",
         "Yến", "Ơn"]
UNITS = ("UBND xã", "UBND phường", "Trường THCS", "Trạm Y tế xã", "Hội Nông dân xã", "Đoàn TNCS Hồ Chí Minh xã",
         "Công an xã", "Hợp tác xã")
PLACES = ("Hòa Thắng", "Vĩnh Nguyên", "Ea Súp", "Cư M'gar", "Krông Pắc", "Đắk Mil", "Ninh Hòa", "Phước Long",
          "Tân Lập", "Suối Dầu", "Đại Lãnh", "Hòn Khói", "Thuỷ Xuân", "Quảng Phú", "An Giang", "Anh Sơn")


def names(n: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        if rng.random() < 0.7:
            parts = [rng.choice(SURNAMES), rng.choice(MIDDLE)]
            if rng.random() < 0.4:
                parts.append(rng.choice(MIDDLE))
            parts.append(rng.choice(GIVEN))
        else:
            parts = [rng.choice(UNITS), rng.choice(PLACES)]
            if rng.random() < 0.3:
                parts.append(str(rng.randint(1, 12)))
        out.append(" ".join(parts))
    return out


def load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def clear_caches(module) -> None:
    for value in vars(module).values():
        if hasattr(value, "cache_clear"):
            value.cache_clear()


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def measure(module, data: list[str], repeat: int) -> tuple[float, float]:
    def cold():
        clear_caches(module)
        module.vn_sorted(data)

    cold_s = best(cold, repeat)
    module.vn_sorted(data)
    warm_s = best(lambda: module.vn_sorted(data), repeat)
    return cold_s, warm_s


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--against", metavar="REV", help="also time thidua/core/vnsort.py as of this git revision")
    ap.add_argument("-n", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)

    data = names(args.n)
    print(f"{len(data):,} names, {len(set(data)):,} distinct; Python {sys.version.split()[0]}")
    plain = best(lambda: sorted(data), args.repeat)
    print(f"{'sorted() (code points)':<28} {plain * 1000:8.0f} ms")
    modules = [("working tree", load(REPO / "thidua/core/vnsort.py", "vnsort_now"))]
    if args.against:
        source = subprocess.run(["git", "-C", str(REPO), "show", f"{args.against}:thidua/core/vnsort.py"],
                                check=True, capture_output=True, text=True).stdout
        with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False, encoding="utf-8") as f:
            f.write(source)
        modules.append((args.against, load(Path(f.name), "vnsort_then")))
    for label, module in modules:
        cold_s, warm_s = measure(module, data, args.repeat)
        print(f"{'vn_sorted, ' + label:<28} {cold_s * 1000:8.0f} ms cold  {warm_s * 1000:8.0f} ms warm"
              f"  ({cold_s / plain:.0f}x / {warm_s / plain:.0f}x sorted())")
    return 0


if __name__ == "__main__":
    sys.exit(main())
