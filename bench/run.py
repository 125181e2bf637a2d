"""Performance, measured in one run on one machine and printed as ratios (README: bench/).

    python bench/run.py            # N = 1,000 generated releases (quick)
    python bench/run.py 10000      # the issue's 10,000

1. throughput in process (releases per second, one core) on ../shared/corpus if present and on
   N generated releases (the property tests' generator);
2. the floor: reading the same texts and one pass of one compiled regular expression; our time
   over the floor is the overhead we own;
3. a peer: quantulum3's quantity extraction alone over the same texts, if installed;
4. CLI cold start for one release against `python -c pass`;
5. a batch of N files with --jobs 1 and --jobs 2: speed-up and peak memory."""

from __future__ import annotations

import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.strategies import deals  # noqa: E402
from validator import check_text, load_rules  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
_FLOOR = re.compile(r"[$£€]?\d[\d,.]*")


_BOILERPLATE = [
    "VANCOUVER, British Columbia, March {d}, 2025 -- The Company announced today that it has "
    "closed its non-brokered private placement, subject to the final acceptance of the TSX "
    "Venture Exchange.",
    "The securities issued are subject to a statutory hold period of four months and one day "
    "from the closing date. None of the securities have been or will be registered under the "
    "United States Securities Act of 1933, as amended, and they may not be offered or sold in "
    "the United States absent registration or an applicable exemption.",
    "The Company intends to use the net proceeds for exploration on its flagship property, for "
    "drilling in the second half of the year, and for general working capital. Certain "
    "insiders of the Company participated in the placement, which is a related party "
    "transaction exempt from the formal valuation and minority approval requirements.",
    "About the Company: the Company is a mineral exploration company focused on gold and "
    "copper projects in North America. For further information please contact investor "
    "relations at 604-555-0100 or visit the Company's website.",
    "Forward-looking statements: this news release contains statements about the use of "
    "proceeds and the receipt of regulatory approvals that are forward-looking. Actual "
    "results may differ materially from those expressed or implied, and readers should not "
    "place undue reliance on them. The Company undertakes no obligation to update them.",
    "Neither the TSX Venture Exchange nor its Regulation Services Provider accepts "
    "responsibility for the adequacy or accuracy of this release.",
]


def generated(n: int, seed: int = 7) -> list[str]:
    """N varied releases of typical size (2-3 KB): a headline, a generated deal (the property
    tests' generator) and the paragraphs a release carries around it."""
    rnd = random.Random(seed)
    pool = [deals().example()[0] for _ in range(200)]
    out = []
    for i in range(n):
        paragraphs = [p.format(d=1 + i % 28) for p in _BOILERPLATE]
        paragraphs.insert(1, rnd.choice(pool))
        out.append(f"Company {i} Closes Private Placement\n\n" + "\n\n".join(paragraphs))
    return out


def corpus_texts() -> list[str]:
    if not CORPUS.is_dir():
        return []
    return [p.read_text(encoding="utf-8") for p in sorted(CORPUS.rglob("*.txt"))]


def per_second(fn, texts: list[str]) -> float:
    start = time.perf_counter()
    for t in texts:
        fn(t)
    return len(texts) / (time.perf_counter() - start)


def cold_start(path: Path) -> tuple[float, float]:
    # an installed package has its bytecode compiled (pip does it); a checkout run with
    # PYTHONDONTWRITEBYTECODE would otherwise compile every module from source each start
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "validator")],
                   capture_output=True)

    def best(cmd: list[str]) -> float:
        times = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run(cmd, capture_output=True, cwd=ROOT)
            times.append(time.perf_counter() - start)
        return min(times)
    return (best([sys.executable, "-m", "validator", "check", str(path)]),
            best([sys.executable, "-c", "pass"]))


def batch(texts: list[str], jobs: int) -> tuple[float, float]:
    """Wall time and peak RSS (MiB, the largest process) of the CLI over the texts as files."""
    with tempfile.TemporaryDirectory() as tmp:
        for i, t in enumerate(texts):
            (Path(tmp) / f"r{i:05d}.txt").write_text(t)
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "validator", "check", "--jobs", str(jobs),
                        "--format", "json", "--output", os.devnull, "--statistics", tmp],
                       capture_output=True, cwd=ROOT)
        wall = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, max(peak, before) / 1024


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rules = load_rules()
    texts = generated(n)
    corpus = corpus_texts()
    size = sum(map(len, texts)) / len(texts)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; "
          f"{n} generated releases of {size:,.0f} characters on average")

    ours = per_second(lambda t: check_text(t, rules=rules), texts)
    print(f"1. throughput, generated: {ours:,.0f} releases/s on one core (target >= 1,000)")
    if corpus:
        on_corpus = per_second(lambda t: check_text(t, rules=rules), corpus)
        print(f"   throughput, {len(corpus)} corpus releases: {on_corpus:,.0f} releases/s")

    floor = per_second(lambda t: sum(1 for _ in _FLOOR.finditer(t)), texts)
    print(f"2. floor (one regex pass): {floor:,.0f} releases/s; ours is {floor / ours:,.0f}x "
          f"the floor (target <= 20x)")

    try:
        from quantulum3 import parser
    except ImportError:
        print("3. peer: quantulum3 not installed (pip install quantulum3)")
    else:
        sample = texts[: max(50, n // 20)]
        peer = per_second(parser.parse, sample)
        print(f"3. peer quantulum3 extraction: {peer:,.0f} releases/s; ours / peer = "
              f"{ours / peer:.1f}x (target >= 10x)")

    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.txt"
        one.write_text(texts[0])
        cli, bare = cold_start(one)
    print(f"4. CLI cold start: {cli * 1000:.0f} ms against {bare * 1000:.0f} ms for python -c "
          f"pass: {(cli - bare) * 1000:.0f} ms above (target <= 150 ms)")

    serial, mem1 = batch(texts, 1)
    parallel, mem2 = batch(texts, 2)
    print(f"5. batch of {n} files: --jobs 1 {serial:.1f} s, --jobs 2 {parallel:.1f} s, "
          f"speed-up {serial / parallel:.2f}x (target >= 1.7x); peak memory {mem1:.0f} MiB "
          f"serial, {mem2:.0f} MiB with 2 jobs (bench/memory.py: flat in batch size)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
