"""`make site`: build every language of the handbook (or the ones named) into its
own folder, site/<code>/, and the language chooser at site/index.html; print how
long each build took. With --serve, serve the result at http://127.0.0.1:8000/
(the chooser; /en/ and /ru/ beside it), with its real offline copy.

    python scripts/site.py [--language CODE ...] [--site-dir DIR] [--serve]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

from harness.site import ROOT, build_language
from make_it_right.html.chooser import chooser_html
from make_it_right.languages import config_file, language_codes
from make_it_right.rules import load_language


def buildable() -> list[str]:
    """Every language with its rules file and its config."""
    return [code for code in language_codes() if config_file(ROOT, code).is_file()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--language", action="append", choices=buildable(), metavar="CODE",
                        help=f"build only this language (of {', '.join(buildable())})")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--serve", action="store_true")
    args = parser.parse_args()
    codes = args.language or buildable()
    timings = []
    for code in codes:
        start = time.perf_counter()
        result = build_language(ROOT, code, args.site_dir / code)
        timings.append((code, time.perf_counter() - start))
        sys.stderr.write(result.stderr)
        if result.returncode:
            print(f"the {code} build failed", file=sys.stderr)
            return result.returncode
    config = yaml.safe_load(config_file(ROOT, "en").read_text(encoding="utf-8"))
    chooser = chooser_html(config["site_name"], [(c, load_language(c).name) for c in buildable()],
                           " ".join(config["extra"]["content_security_policy"].split()))
    (args.site_dir / "index.html").write_text(chooser, encoding="utf-8")
    for code, seconds in timings:
        print(f"{code}: {seconds:.1f} s")
    print(f"all: {sum(s for _, s in timings):.1f} s ({', '.join(codes)}; on a busy machine the "
          "numbers are noisy)")
    if args.serve:
        from harness.serve import serve
        handbook_root = config["site_url"].rstrip("/").rsplit("/", 1)[0] + "/"
        with serve(args.site_dir, sitemap_from=handbook_root, offline=True, port=8000) as url:
            print(f"serving {url} (Ctrl-C stops it)")
            try:
                while True:
                    time.sleep(3600)
            except KeyboardInterrupt:
                pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
