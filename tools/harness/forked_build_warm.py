"""Imported by forked_build's forkserver before its first fork: the draft rules, which
every handbook build reads and checks whatever the project (the package's own files;
no build changes them), loaded there once so each build inherits them. They were
0.30 s of a one-page hostile build's 0.37 s of CPU."""

from make_it_right.draft_rules import RULES_DIR, load_draft_rules

for rules_file in sorted(RULES_DIR.glob("*.yml")):
    load_draft_rules(rules_file.stem)
