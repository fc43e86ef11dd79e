"""Time `thidua report --bloc X` on a 40-member bloc, as a user runs it (a new process each time).

    python bench/report_bench.py [--members 40] [--runs 7] [--format xlsx|md]

Builds a data root in a temporary folder (thidua.yaml and one bloc-year with a
table of groups and sub-criteria, agreed scores, bonus, deductions and votes for
every member), then runs the command ``--runs`` times as a subprocess, start-up
included, and prints the fastest and the median wall time. Target: under 0.5 s.
`thidua score` on the same bloc is timed too: the baseline (start-up, loading,
scoring) that the report builds on.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 0.5
UNITS = ["Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", "Sở Công Thương", "Sở Xây dựng", "Sở Y tế",
         "Sở Giáo dục và Đào tạo", "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch",
         "Ban Quản lý các khu công nghiệp", "Đài Phát thanh và Truyền hình", "Thanh tra tỉnh"]

CONFIG = """province: Khánh Hòa
place: Khánh Hòa
scoring:
  places: 2
  bands:
    - {name: Xuất sắc, min: 95}
    - {name: Tốt, min: 85}
    - {name: Khá, min: 70}
    - {name: Trung bình, min: 0}
  tie_breaks: ["group:1", deductions]
awards:
  - {id: co-ubnd, name: Cờ thi đua của UBND tỉnh, quota: 1, votes: 70%, min_band: Xuất sắc}
  - id: bang-khen
    name: Bằng khen của Chủ tịch UBND tỉnh
    quota: {share: 30%, rounding: down, min: 1}
    votes: 50%
    min_band: Tốt
rotation: {rule: deputy-succeeds}
"""

# (group id, name, [(criterion id, maximum)])
GROUPS = [
    ("1", "Thực hiện nhiệm vụ chính trị", [("1.1", 20), ("1.2", 15), ("1.3", 15)]),
    ("2", "Công tác tuyên truyền", [("2.1", 10), ("2.2", 10)]),
    ("3", "Xây dựng tổ chức", [("3.1", 10), ("3.2", 5)]),
    ("4", "Công tác thi đua, khen thưởng", [("4.1", 10), ("4.2", 5)]),
]


def bloc_year_text(members: int, seed: int = 2024) -> str:
    rng = random.Random(seed)
    ids = [f"dv{i:02d}" for i in range(1, members + 1)]
    lines = ["bloc: bench", "year: 2024", "name: Khối thi đua các cơ quan tham mưu tổng hợp", "number: 03/BB-KTĐ",
             "members:"]
    for i, mid in enumerate(ids):
        lines.append(f"  - {{id: {mid}, name: \"{UNITS[i % len(UNITS)]} (đơn vị {i + 1})\"}}")
    lines += [f"leader: {ids[0]}", f"deputy: {ids[1]}", "events:", "  review:", "    date: 2024-12-20",
              "    place: Hội trường Sở Nội vụ", f"    present: [{', '.join(ids)}]", "criteria:",
              "  name: Bảng chấm điểm thi đua năm 2024", "  total: 100", "  groups:"]
    for gid, name, items in GROUPS:
        lines += [f"    - id: \"{gid}\"", f"      name: {name}", "      items:"]
        lines += [f"        - {{id: \"{cid}\", name: Tiêu chí {cid}, max: {mx}}}" for cid, mx in items]
    lines += ["  bonus: {max: 5}", "  deductions: {max: 5}", "scores:"]
    for mid in ids:
        points = ", ".join(f"\"{cid}\": {mx - rng.choice([0, 0, 0.5, 1, 1.5, 2])}"
                           for _, _, items in GROUPS for cid, mx in items)
        lines += [f"  {mid}:", f"    agreed: {{{points}}}"]
        if rng.random() < 0.3:
            lines.append(f"    bonus: [{{points: {rng.choice([0.5, 1, 2])}, reason: Hoàn thành xuất sắc nhiệm vụ đột xuất}}]")
        if rng.random() < 0.2:
            lines.append(f"    deductions: [{{points: {rng.choice([0.25, 0.5, 1])}, reason: Nộp báo cáo chậm}}]")
    voters = members
    lines += ["votes:", f"  voters: {voters}", "  awards:"]
    lines.append("    co-ubnd: {" + ", ".join(f"{mid}: {rng.randint(0, voters // 4)}" for mid in ids[:6]) + "}")
    lines.append("    bang-khen: {" + ", ".join(f"{mid}: {rng.randint(voters // 3, voters)}" for mid in ids[:15]) + "}")
    return "\n".join(lines) + "\n"


def build_root(folder: Path, members: int) -> Path:
    (folder / "blocs" / "bench").mkdir(parents=True)
    (folder / "thidua.yaml").write_text(CONFIG, encoding="utf-8")
    (folder / "blocs" / "bench" / "2024.yaml").write_text(bloc_year_text(members), encoding="utf-8")
    return folder


def timed(cmd: list[str], runs: int, env: dict[str, str]) -> tuple[float, float]:
    """(fastest, median) wall time of ``runs`` runs of ``cmd``, after one run that warms the caches."""
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=40)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--format", choices=("xlsx", "md"), default=None)
    args = parser.parse_args(argv)
    exe = shutil.which("thidua") or str(Path(sys.executable).with_name("thidua"))
    tmp = Path(tempfile.mkdtemp(prefix="thidua-report-bench-"))
    try:
        root = build_root(tmp / "data", args.members)
        cmd = [exe, "report", "--bloc", "bench", "--root", str(root)]
        if args.format:
            cmd += ["--format", args.format]
        env = {**os.environ, "NO_COLOR": "1"}
        check = subprocess.run([exe, "validate", "--root", str(root)], capture_output=True, text=True, env=env)
        if check.returncode != 0:
            sys.stderr.write(check.stdout + check.stderr)
            return 1
        baseline = [exe, "score", "2024", "--bloc", "bench", "--root", str(root)]
        best, median = timed(cmd, args.runs, env)
        base_best, base_median = timed(baseline, args.runs, env)
        what = args.format or "xlsx + md"
        print(f"thidua report --bloc bench ({args.members} đơn vị, {what}): "
              f"nhanh nhất {best:.3f} s, trung vị {median:.3f} s qua {args.runs} lần "
              f"(mục tiêu < {TARGET_SECONDS} s: {'đạt' if median < TARGET_SECONDS else 'CHƯA ĐẠT'})")
        print(f"  so sánh: thidua score 2024 --bloc bench (khởi động + chấm điểm, không xuất tệp): "
              f"nhanh nhất {base_best:.3f} s, trung vị {base_median:.3f} s")
        return 0 if median < TARGET_SECONDS else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
