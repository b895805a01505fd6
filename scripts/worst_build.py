"""The worst contribution inside every build limit (make_it_right/data/docs-files.yml,
`limits:`), built for real: prints the build's wall time and peak memory.

    .venv/bin/python scripts/worst_build.py [--keep DIR]

A copy of the project gets as many pages as the limit allows (the new ones in the
nav, as a maintainer would add them), the most cards a page and a site may place,
every page's Markdown filled up to the total limit with headings, lists, tables,
links and emphasis, and the decision guide's template lists at their longest.
Run it alone: on a shared machine the time is noisy (memory is not).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from make_it_right.docs_files import docs_files  # noqa: E402
from make_it_right.guide import MAX_LIST  # noqa: E402
from make_it_right.loader import load_pack  # noqa: E402

BLOCK = """## Step {n}: a heading that search and the contents list both read

A paragraph with **bold words**, *emphasis*, `code`, and [a link](../index.md) that
MkDocs resolves and checks, then more plain words to make the line long enough.

- a list item with **strong** text
- another item, with [a link](../index.md)

| left | right |
| --- | --- |
| a cell | another cell |

"""


def worst_project(work: Path) -> Path:
    project = work / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(
        ".venv*", "site", ".git", "node_modules", "__pycache__", ".pytest_cache"))
    limits = docs_files().limits
    docs = project / "docs"
    existing = sorted(docs.rglob("*.md"))
    used = sum(len(p.read_text(encoding="utf-8")) for p in existing)
    ids = sorted(load_pack(project / "templates").templates)
    placed = sum(p.read_text(encoding="utf-8").count("template_card(") for p in existing)
    free_cards = limits.max_cards - placed
    new_pages = limits.max_pages - len(existing)
    budget = limits.max_docs_kb * 1024 - used - 4096  # front matter and headings
    per_page = budget // new_pages
    names = []
    (docs / "worst").mkdir()
    for n in range(new_pages):
        cards = ""
        count = min(limits.max_cards_per_page, free_cards)
        free_cards -= count
        if count:
            start = n * limits.max_cards_per_page % len(ids)
            chosen = (ids[start:] + ids[:start])[:count]
            cards = "\n\n".join(f'{{{{ template_card("{t}") }}}}' for t in chosen)
        head = f"---\ntitle: Worst {n}\ndescription: A page at the limits.\n---\n\n# Worst {n}\n\n{cards}\n\n"
        body, k = [], 0
        while sum(map(len, body)) + len(head) < per_page:
            body.append(BLOCK.format(n=k))
            k += 1
        (docs / "worst" / f"page-{n}.md").write_text(head + "".join(body), encoding="utf-8")
        names.append(f"worst/page-{n}.md")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    nav = "\n".join(f"      - {name}" for name in names)
    config = config.replace("  - Contributing: contributing.md",
                            f"  - Contributing: contributing.md\n  - Worst:\n{nav}")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    guide_path = project / "make_it_right" / "data" / "decision-guide" / "en.yml"
    guide = yaml.safe_load(guide_path.read_text(encoding="utf-8"))
    for lists in guide["templates"].values():
        for live, listed in lists.items():
            if live != "order":
                lists[live] = (listed + [t for t in ids if t not in listed])[:MAX_LIST]
    guide_path.write_text(yaml.safe_dump(guide, allow_unicode=True, sort_keys=False),
                          encoding="utf-8")
    return project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        work = args.keep or Path(temp)
        work.mkdir(parents=True, exist_ok=True)
        project = worst_project(work)
        markdown = sum(p.stat().st_size for p in (project / "docs").rglob("*.md"))
        env = {"NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project), "PATH": "/usr/bin:/bin"}
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q",
                                 "--site-dir", str(work / "site")],
                                cwd=project, env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        if result.returncode:
            sys.exit(f"the worst build failed:\n{result.stdout}{result.stderr}")
        site = sum(p.stat().st_size for p in (work / "site").rglob("*") if p.is_file())
        biggest = max((p for p in (work / "site").rglob("*.html")), key=lambda p: p.stat().st_size)
        pages = len(list((project / "docs").rglob("*.md")))
        print(f"pages: {pages}, Markdown: {markdown / 1024:.0f} KB")
        print(f"build: {seconds:.1f} s wall, peak memory {peak_mb:.0f} MB")
        print(f"site: {site / 1024 / 1024:.1f} MB, largest page "
              f"{biggest.relative_to(work / 'site')} {biggest.stat().st_size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
