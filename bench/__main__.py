"""Run every benchmark module in this folder and print each figure as `name: value`.

A module takes part by exposing `run() -> dict[str, float]`; it measures what it
compares side by side in the same run, so ratios do not depend on the machine.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import traceback
from pathlib import Path


def main() -> int:
    failed = 0
    for info in sorted(pkgutil.iter_modules([str(Path(__file__).parent)]), key=lambda m: m.name):
        module = importlib.import_module(f"bench.{info.name}")
        run = getattr(module, "run", None)
        if run is None:
            continue
        print(f"# {info.name}", file=sys.stderr)
        try:
            figures = run()
        except Exception:
            traceback.print_exc()
            failed += 1
            continue
        for name, value in figures.items():
            print(f"{name}: {value:.3f}" if isinstance(value, float) else f"{name}: {value}")
            sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
