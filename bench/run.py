"""Benchmarks for thidua: every figure next to a baseline measured in the same run.

    python bench/run.py            # the full run (850 blocs x 10 years), a few minutes on 2 cores
    python bench/run.py --quick    # 85 blocs x 10 years, fewer repetitions, about a minute

Prints a Markdown table (paste it into bench/README.md) and writes the figures to
bench/out/latest.json. Datasets are generated once by bench/make_dataset.py into
bench/out/ (git-ignored) and reused while the generator is unchanged.

Every command runs as a child process, measured with os.wait4 (wall time around it,
CPU time and peak RSS of that child alone). Short commands run N times, round-robin
with their baselines so that a busy machine slows all of them alike, and the median
is kept. Baselines:

- cold start: ``python -c pass`` and a typer hello-world script;
- validate/score on the big dataset: the very files the command opened (recorded by
  an audit hook in the same run), each loaded with ``yaml.load(data, Loader=yaml.CSafeLoader)``
  and nothing else; and ``yamllint`` on those files (timed on a sample, extrapolated);
- peak RSS: the same command on a 1-year dataset of the same blocs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
OUT = BENCH / "out"
PY = sys.executable
LAST_YEAR = 2024

TYPER_HELLO = '''import typer

app = typer.Typer()


@app.command()
def hello(name: str = "world") -> None:
    """Say hello."""
    print(f"hello {name}")


if __name__ == "__main__":
    app()
'''

LOAD_BASELINE = '''import sys

import yaml

for path in open(sys.argv[1], encoding="utf-8").read().splitlines():
    with open(path, "rb") as f:
        yaml.load(f.read(), Loader=yaml.CSafeLoader)
'''

# Imported by every child started with PYTHONPATH=<OUT>/trace: records the .yaml files the child opens.
TRACE_HOOK = '''import os
import sys

_log = os.environ.get("THIDUA_BENCH_TRACE")
if _log:
    _opened = []

    def _hook(event, args):
        if event == "open" and args and not isinstance(args[0], int):
            path = os.fsdecode(os.fspath(args[0]))
            if path.endswith(".yaml"):
                _opened.append(os.path.abspath(path))

    sys.addaudithook(_hook)

    import atexit

    @atexit.register
    def _write():
        with open(_log, "w", encoding="utf-8") as f:
            f.write("\\n".join(dict.fromkeys(_opened)))
'''


@dataclass
class Run:
    wall: float
    cpu: float
    rss_mb: float
    code: int
    err: str


def run(cmd: list[str], cwd: Path | None = None, env: dict | None = None, stdout: Path | None = None) -> Run:
    """One child process: wall time, CPU time and peak RSS of that child only (os.wait4)."""
    with tempfile.TemporaryFile() as err, open(stdout or os.devnull, "wb") as out:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                             stdout=out, stderr=err)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, p.returncode, text)


def medians(cmds: dict[str, tuple[list[str], Path | None]], n: int) -> dict[str, Run]:
    """Each command ``n`` times, round-robin; the median of wall and CPU time, the largest RSS."""
    runs: dict[str, list[Run]] = {k: [] for k in cmds}
    for _ in range(n):
        for key, (cmd, cwd) in cmds.items():
            runs[key].append(run(cmd, cwd))
    return {k: Run(statistics.median(r.wall for r in rs), statistics.median(r.cpu for r in rs),
                   max(r.rss_mb for r in rs), max(r.code for r in rs), rs[-1].err)
            for k, rs in runs.items()}


def thidua_cmd() -> list[str]:
    exe = Path(PY).parent / "thidua"
    return [str(exe)] if exe.exists() else [PY, "-m", "thidua"]


def machine() -> dict:
    try:
        import yaml

        libyaml = bool(getattr(yaml, "__with_libyaml__", False))
        pyyaml = yaml.__version__
    except ImportError:
        libyaml, pyyaml = False, "missing"
    rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
    return {
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "python": platform.python_version(),
        "pyyaml": pyyaml,
        "libyaml": libyaml,
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "commit": rev.stdout.strip() or "?",
    }


# -- datasets ----------------------------------------------------------------------------------

def dataset(blocs: int, years: int, members: int | None = None, seed: int = 0) -> Path:
    """bench/out/ds-…: generated once, regenerated when bench/make_dataset.py changes."""
    gen = BENCH / "make_dataset.py"
    stamp = hashlib.sha256(gen.read_bytes()).hexdigest()
    name = f"ds-{blocs}x{years}" + (f"-m{members}" if members else "") + f"-s{seed}"
    folder = OUT / name
    if (folder / ".stamp").is_file() and (folder / ".stamp").read_text() == stamp:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    tmp = OUT / f".{name}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    cmd = [PY, str(gen), str(tmp), "--blocs", str(blocs), "--years", str(years), "--seed", str(seed),
           "--last-year", str(LAST_YEAR)]
    if members:
        cmd += ["--members", str(members)]
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True)
    (tmp / ".stamp").write_text(stamp)
    tmp.rename(folder)
    print(f"  generated {folder.relative_to(REPO)} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return folder


def traced(cmd: list[str], log: Path, stdout: Path | None = None) -> tuple[Run, list[str]]:
    """Run ``cmd`` once, recording which .yaml files it opened."""
    env = dict(os.environ, THIDUA_BENCH_TRACE=str(log),
               PYTHONPATH=os.pathsep.join(filter(None, [str(OUT / "trace"), os.environ.get("PYTHONPATH")])))
    r = run(cmd, REPO, env, stdout)
    files = log.read_text(encoding="utf-8").splitlines() if log.is_file() else []
    return r, files


def yamllint_rate(sample: list[str], listing: Path) -> tuple[float, float] | None:
    """(start-up seconds, seconds per file) for yamllint, from two sample sizes."""
    exe = shutil.which("yamllint", path=str(Path(PY).parent)) or shutil.which("yamllint")
    if exe is None:
        return None
    small = sample[: max(1, len(sample) // 10)]
    times = []
    for files in (small, sample):
        r = run([exe, "-f", "parsable", *files])
        if r.code not in (0, 1):
            return None
        times.append(r.wall)
    per_file = max((times[1] - times[0]) / max(1, len(sample) - len(small)), 1e-9)
    return max(times[0] - per_file * len(small), 0.0), per_file


def cache_figures(table: Table, thidua: list[str], big: Path, blocs: int, base: Run) -> None:
    """`thidua validate` with the result cache: the run that fills it, then a run after one file changed
    (whole root, and as pre-commit runs it: the changed file named), against the CSafeLoader load of
    every file of the root (``base``); and whether the warm findings are the cold run's."""
    shutil.rmtree(big / ".thidua-cache", ignore_errors=True)
    cmd = [*thidua, "validate", "--format", "json", "--root", str(big)]
    fill = run(cmd, REPO, stdout=OUT / "stdout-validate-fill.txt")
    # one bloc-year in the middle of the root and of its years: its later years read it
    victim = big / "blocs" / f"khoi-{blocs // 2:03d}" / f"{LAST_YEAR - 5}.yaml"
    original = victim.read_bytes()
    try:
        lines = original.decode("utf-8").splitlines(keepends=True)
        at = next(i for i, ln in enumerate(lines) if ln.startswith("name: "))
        lines[at] = lines[at].rstrip("\n") + " (sửa)\n"
        victim.write_bytes("".join(lines).encode("utf-8"))
        warm = run(cmd, REPO, stdout=OUT / "stdout-validate-warm.txt")
        lines[at] = lines[at].rstrip("\n") + " lần 2\n"
        victim.write_bytes("".join(lines).encode("utf-8"))
        named = run([*cmd, str(victim)], REPO, stdout=OUT / "stdout-validate-named.txt")
    finally:
        victim.write_bytes(original)
    cold_out = (OUT / "stdout-validate.txt").read_bytes()
    same = (OUT / "stdout-validate-warm.txt").read_bytes() == cold_out == (OUT / "stdout-validate-fill.txt").read_bytes()
    checked = json.loads((OUT / "stdout-validate-named.txt").read_bytes() or b"{}").get("files", "?")
    rel = victim.relative_to(big).as_posix()
    table.add(f"`thidua validate` with the cache, first run (fills it), exit {fill.code}", s(fill.wall),
              f"CSafeLoader load {s(base.wall)}", f"{fill.wall / base.wall:.2f}×", "", None,
              seconds=fill.wall, exit=fill.code)
    table.add(f"`thidua validate`, warm cache, after a one-file change ({rel}), exit {warm.code}; "
              f"findings {'the same as' if same else '**different from**'} the cold run's",
              f"{s(warm.wall)} (CPU {s(warm.cpu)})", f"CSafeLoader load {s(base.wall)}",
              f"{warm.wall / base.wall:.3f}×", "≤ 0.1×", warm.wall <= 0.1 * base.wall and same,
              seconds=warm.wall, cpu=warm.cpu, baseline_seconds=base.wall, same_findings=same, exit=warm.code)
    table.add(f"`thidua validate {rel}` (as pre-commit runs it), warm cache, after a change to that file: "
              f"{checked} files checked (the file and those that read it), exit {named.code}",
              f"{s(named.wall)} (CPU {s(named.cpu)})", f"CSafeLoader load {s(base.wall)}",
              f"{named.wall / base.wall:.3f}×", "≤ 0.1×", named.wall <= 0.1 * base.wall,
              seconds=named.wall, cpu=named.cpu, files_checked=checked, exit=named.code)


# -- the report ----------------------------------------------------------------------------------

class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, ...]] = []
        self.record: list[dict] = []

    def add(self, figure: str, measured: str, baseline: str, ratio: str, target: str, ok: bool | None,
            **data) -> None:
        verdict = "" if ok is None else ("ok" if ok else "**missed**")
        self.rows.append((figure, measured, baseline, ratio, target, verdict))
        self.record.append({"figure": figure, "measured": measured, "baseline": baseline, "ratio": ratio,
                            "target": target, "met": ok, **data})

    def markdown(self) -> str:
        head = ("Figure", "Measured", "Baseline (same run)", "Ratio", "Target", "")
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(r) + " |" for r in self.rows]
        return "\n".join(lines)


def s(seconds: float) -> str:
    return f"{seconds:.3f} s" if seconds < 10 else f"{seconds:.1f} s"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="thidua benchmarks (see bench/README.md)")
    ap.add_argument("--quick", action="store_true", help="85 blocs instead of 850, fewer repetitions")
    ap.add_argument("--runs", type=int, default=None, help="repetitions of each short command (default 15, quick 5)")
    a = ap.parse_args(argv)
    blocs = 85 if a.quick else 850
    n = a.runs or (5 if a.quick else 15)
    started = time.perf_counter()
    OUT.mkdir(exist_ok=True)
    (OUT / "trace").mkdir(exist_ok=True)
    (OUT / "trace" / "sitecustomize.py").write_text(TRACE_HOOK, encoding="utf-8")
    (OUT / "hello_typer.py").write_text(TYPER_HELLO, encoding="utf-8")
    (OUT / "load_baseline.py").write_text(LOAD_BASELINE, encoding="utf-8")
    info = machine()
    thidua = thidua_cmd()
    table = Table()
    print(f"thidua benchmarks ({'quick' if a.quick else 'full'}): {blocs} blocs x 10 years, "
          f"{n} runs per short command", file=sys.stderr)

    # -- cold start on the bundled data --------------------------------------------------------
    print("  cold start …", file=sys.stderr)
    cold = medians({
        "pass": ([PY, "-c", "pass"], REPO),
        "typer": ([PY, str(OUT / "hello_typer.py")], REPO),
        "help": ([*thidua, "--help"], REPO),
        "version": ([*thidua, "--version"], REPO),
        "validate": ([*thidua, "validate"], REPO),
        "validate-no-cache": ([*thidua, "validate", "--no-cache"], REPO),
        "score": ([*thidua, "score", str(LAST_YEAR)], REPO),
    }, n)
    hello = cold["typer"].wall
    table.add("`python -c pass`", s(cold["pass"].wall), "", "", "", None, seconds=cold["pass"].wall)
    table.add("typer hello-world", s(hello), "", "", "", None, seconds=hello)
    for key, label in (("help", "`thidua --help`"), ("version", "`thidua --version`"),
                       ("validate", "`thidua validate` (bundled data, its cache warm)"),
                       ("validate-no-cache", "`thidua validate --no-cache` (bundled data)"),
                       ("score", f"`thidua score {LAST_YEAR}` (bundled data)")):
        r = cold[key]
        note = f" (exit {r.code})" if r.code not in (0,) else ""
        table.add(f"cold start: {label}{note}", s(r.wall), f"typer hello {s(hello)}",
                  f"{r.wall / hello:.2f}× typer, {r.wall / cold['pass'].wall:.1f}× `pass`", "≤ 1.25× typer",
                  r.wall <= 1.25 * hello, seconds=r.wall, exit=r.code)

    # -- the big dataset -----------------------------------------------------------------------
    print("  datasets …", file=sys.stderr)
    big = dataset(blocs, 10)
    one = dataset(blocs, 1)
    # validate without its result cache: every file read and checked (the cache has its own figures)
    files = {"validate": [*thidua, "validate", "--no-cache", "--format", "json", "--root", str(big)],
             "score": [*thidua, "score", str(LAST_YEAR), "--root", str(big)]}
    rate = None
    for key, cmd in files.items():
        print(f"  {key} on {big.name} …", file=sys.stderr)
        r, opened = traced(cmd, OUT / f"opened-{key}.txt", OUT / f"stdout-{key}.txt")
        listing = OUT / f"opened-{key}.txt"
        base = run([PY, str(OUT / "load_baseline.py"), str(listing)])
        verb = "validate --no-cache" if key == "validate" else f"score {LAST_YEAR}"
        label = f"`thidua {verb}`, {blocs} blocs × 10 years ({len(opened)} files read)"
        ratio_wall, ratio_cpu = r.wall / base.wall, r.cpu / max(base.cpu, 1e-9)
        table.add(f"{label}, exit {r.code}", f"{s(r.wall)} (CPU {s(r.cpu)})",
                  f"CSafeLoader load {s(base.wall)} (CPU {s(base.cpu)})",
                  f"{ratio_wall:.2f}× (CPU {ratio_cpu:.2f}×)", "≤ 1.5×", ratio_wall <= 1.5,
                  seconds=r.wall, cpu=r.cpu, baseline_seconds=base.wall, baseline_cpu=base.cpu, files=len(opened),
                  rss_mb=r.rss_mb, exit=r.code)
        if rate is None:
            sample = [f for f in opened if "/_tables/" not in f and not f.endswith("thidua.yaml")][:: max(1, len(opened) // 200)]
            print(f"  yamllint on {len(sample)} files …", file=sys.stderr)
            rate = yamllint_rate(sample, listing) or (0.0, 0.0)
        if rate[1]:
            est = rate[0] + rate[1] * len(opened)
            table.add(f"{label}: yamllint", f"{s(r.wall)}",
                      f"yamllint ≈ {s(est)} (extrapolated: {rate[1] * 1000:.1f} ms/file + {s(rate[0])} start-up)",
                      f"{est / r.wall:.1f}× faster", "≥ 10× faster", est / r.wall >= 10,
                      seconds=r.wall, yamllint_estimate=est, yamllint_per_file=rate[1])
        else:
            table.add(f"{label}: yamllint", s(r.wall), "n/a (yamllint missing: pip install yamllint)", "",
                      "≥ 10× faster", None)
        if key == "score":
            score_big = r
        else:
            validate_base = base

    # -- validate with its result cache, after a one-file change ---------------------------------
    print("  validate with the cache …", file=sys.stderr)
    cache_figures(table, thidua, big, blocs, validate_base)

    # -- memory --------------------------------------------------------------------------------
    print("  memory …", file=sys.stderr)
    small = run([*thidua, "score", str(LAST_YEAR), "--root", str(one)])
    table.add(f"peak RSS `thidua score {LAST_YEAR}`: 10 years vs 1 year ({blocs} blocs)",
              f"{score_big.rss_mb:.0f} MB", f"1 year: {small.rss_mb:.0f} MB (`python -c pass`: "
              f"{cold['pass'].rss_mb:.0f} MB)", f"{score_big.rss_mb / small.rss_mb:.2f}×", "≤ 1.2×",
              score_big.rss_mb <= 1.2 * small.rss_mb, rss_10=score_big.rss_mb, rss_1=small.rss_mb)

    # -- report of a 40-member bloc ------------------------------------------------------------
    has_report = run([*thidua, "report", "--help"]).code == 0
    if not has_report:
        table.add("`thidua report --bloc` (40 members)", "n/a (report command missing)", "", "", "≤ 0.5 s", None)
    else:
        print("  report …", file=sys.stderr)
        root40 = dataset(1, 3, members=40)
        with tempfile.TemporaryDirectory() as out_dir:
            rep = medians({"report": ([*thidua, "report", "--bloc", "khoi-001", "--root", str(root40),
                                       "-o", out_dir], REPO),
                           "typer": ([PY, str(OUT / "hello_typer.py")], REPO)}, n)
        r = rep["report"]
        if r.code != 0:
            table.add("`thidua report --bloc` (40 members)", f"n/a (exit {r.code}: {r.err.strip()[:80]})", "", "",
                      "≤ 0.5 s", None)
        else:
            table.add("`thidua report --bloc khoi-001` (40 members; xlsx, md and docx, the default set)", s(r.wall),
                      f"typer hello {s(rep['typer'].wall)}", f"{r.wall / rep['typer'].wall:.2f}× typer",
                      "≤ 0.5 s", r.wall <= 0.5, seconds=r.wall)

    took = time.perf_counter() - started
    print()
    print(f"Machine: {info['platform']}, {info['cpus']} CPUs ({info['cpus_usable']} usable), "
          f"Python {info['python']}, PyYAML {info['pyyaml']} {'with' if info['libyaml'] else 'WITHOUT'} libyaml, "
          f"load average at start {', '.join(f'{x:.1f}' for x in info['load_average'] or ())}; "
          f"thidua {info['commit']}.")
    print(f"Command: python bench/run.py{' --quick' if a.quick else ''}{f' --runs {a.runs}' if a.runs else ''} "
          f"(took {took:.0f} s; cold-start figures are medians of {n} runs).")
    print()
    print(table.markdown())
    (OUT / "latest.json").write_text(json.dumps({"machine": info, "quick": a.quick, "runs": n, "seconds": took,
                                                 "figures": table.record}, ensure_ascii=False, indent=2) + "\n",
                                     encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
