"""Print the numbers the foundation promises: strict build time and engine time.

    make bench            (or: .venv/bin/python scripts/bench.py [--runs N])
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from make_it_right import render  # noqa: E402
from make_it_right.html.card import render_card  # noqa: E402
from make_it_right.layout import layout  # noqa: E402
from make_it_right.loader import load_pack  # noqa: E402
from make_it_right.rules import load_rules  # noqa: E402
from make_it_right.strings import load_strings  # noqa: E402


def strict_build_seconds() -> float:
    with tempfile.TemporaryDirectory() as dest:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q",
                        "--site-dir", dest], cwd=ROOT, check=True,
                       env=os.environ | {"NO_MKDOCS_2_WARNING": "1"})
        return time.perf_counter() - start


def engine_seconds() -> tuple[float, int]:
    """Load and validate the whole pack, then render every template every way."""
    start = time.perf_counter()
    pack = load_pack(ROOT / "templates", load_rules())
    strings = load_strings()
    for template in pack.templates.values():
        values = {name: field.example for name, field in template.fields.items()}
        document = layout(template, pack.rules, strings)
        render_card(document, pack.rules, strings)
        render.as_text(document, values)
        if template.subject is not None:
            render.as_eml(document, values)
            render.as_mailto(document, values)
    return time.perf_counter() - start, len(pack.templates)


def import_seconds() -> float:
    """What a site build pays to import the adapter (and everything it pulls in)."""
    code = "import time; t = time.perf_counter(); import macros; print(time.perf_counter() - t)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    return float(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    builds = [strict_build_seconds() for _ in range(runs)]
    engine = [engine_seconds() for _ in range(runs * 10)]
    count = engine[0][1]
    engine_ms = [seconds * 1000 for seconds, _ in engine]
    imports = [import_seconds() * 1000 for _ in range(runs)]
    print(f"adapter import: median {statistics.median(imports):.0f} ms over {runs} runs")
    print(f"strict build:  median {statistics.median(builds):.2f} s, "
          f"min {min(builds):.2f} s over {runs} runs")
    print(f"engine:        median {statistics.median(engine_ms):.1f} ms, "
          f"min {min(engine_ms):.1f} ms to load, validate and render {count} templates "
          f"(card, text, eml, mailto) over {len(engine)} runs")


if __name__ == "__main__":
    main()
