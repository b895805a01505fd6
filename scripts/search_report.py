"""The search index's numbers (issue 10, "Numbers to reach"), printed, not asserted:
its size raw and gzipped, how many entries (docs) it holds, and which pages and
sections weigh most.

    make search-report    (or: .venv/bin/python scripts/search_report.py [--ref GIT_REF] [--top N])

--ref builds that commit instead of the work tree (e.g. `--ref main` for "before");
--site reads an already built site folder instead of building one.
tests/site/test_search.py asserts the budget.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from harness.site import build_project, project_at  # noqa: E402


def entry_bytes(doc: dict) -> int:
    """What one entry adds to the index file, serialised as the search plugin writes it."""
    return len(json.dumps(doc, separators=(",", ":")).encode())


def gzipped(index: dict) -> int:
    return len(gzip.compress(json.dumps(index, separators=(",", ":")).encode(), 9))


def page_of(doc: dict) -> str:
    return doc["location"].split("#")[0] or "(home)"


def report(raw: bytes, top: int) -> None:
    index = json.loads(raw)
    docs = index["docs"]
    whole = len(gzip.compress(raw, 9))
    print(f"{'search index, raw':<28}{len(raw):>9,} bytes")
    print(f"{'search index, gzipped (-9)':<28}{whole:>9,} bytes")
    print(f"{'entries (docs)':<28}{len(docs):>9,}")

    pages: dict[str, list[int]] = defaultdict(list)
    for doc in docs:
        pages[page_of(doc)].append(entry_bytes(doc))
    print(f"\nby page ({len(pages)} pages): raw bytes of its entries, and the gzipped bytes"
          " the index would lose without them")
    for page, sizes in sorted(pages.items(), key=lambda item: -sum(item[1])):
        rest = gzipped(index | {"docs": [doc for doc in docs if page_of(doc) != page]})
        print(f"  {sum(sizes):>7,}  {whole - rest:>6,} gz  {len(sizes):>3} entries  {page}")

    print(f"\nbiggest {top} entries (bytes, raw):")
    for doc in sorted(docs, key=entry_bytes, reverse=True)[:top]:
        print(f"  {entry_bytes(doc):>7,}  {doc['location'] or '(home)'}")

    fields = {name: sum(len(json.dumps(doc.get(name, "")).encode()) for doc in docs)
              for name in ("location", "title", "text", "tags")}
    print("\nby field (bytes, raw): " + ", ".join(f"{name} {size:,}" for name, size in fields.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ref", help="build this git commit instead of the work tree")
    parser.add_argument("--site", type=Path, help="an already built site folder")
    parser.add_argument("--top", type=int, default=15, help="how many of the biggest entries to list")
    args = parser.parse_args()
    if args.site:
        report((args.site / "search" / "search_index.json").read_bytes(), args.top)
        return
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        build_project(project_at(args.ref, work), work / "site")
        report((work / "site" / "search" / "search_index.json").read_bytes(), args.top)


if __name__ == "__main__":
    main()
