"""Memory in batch size: peak RSS of the command line over a batch of N and of 10 N generated
releases (the property tests' generator), serially, JSON written to a file. Flat memory gives
a ratio near 1. Run: python bench/memory.py [N]"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.strategies import deals  # noqa: E402


def releases(n: int, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    examples = [deals().example() for _ in range(min(n, 50))]
    return [f"Acme {i} Closes Private Placement\n\n" + rnd.choice(examples)[0] for i in range(n)]


def peak_rss_kib(n: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        for i, text in enumerate(releases(n)):
            (Path(tmp) / f"r{i:05d}.txt").write_text(text)
        code = ("import resource, sys; from validator.cli import main; "
                "rc = main(sys.argv[1:]); "
                "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
        out = subprocess.run(
            [sys.executable, "-c", code, "check", "--jobs", "1", "--format", "json",
             "--output", str(Path(tmp) / "report.json"), "--statistics", tmp],
            capture_output=True, text=True, cwd=ROOT)
        return int(out.stdout.strip().splitlines()[-1])


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    small, large = peak_rss_kib(n), peak_rss_kib(10 * n)
    print(f"peak RSS, {n} releases: {small / 1024:.1f} MiB; {10 * n} releases: "
          f"{large / 1024:.1f} MiB; ratio {large / small:.2f} (flat: about 1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
