"""Print the handbook's measured quality: per playbook, its words and Flesch reading
ease; per voicemail, its spoken length. Exit 1 if any limit in rules.yml is missed.

    make quality          (or: .venv/bin/python scripts/quality.py)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros import measure  # noqa: E402
from macros.loader import load_pack  # noqa: E402
from macros.prose import reading_ease, word_count  # noqa: E402
from macros.rules import load_rules  # noqa: E402


def main() -> int:
    rules = load_rules()
    limits = rules.limits
    failed = False
    print(f"{'playbook':<20} {'words':>6} {'reading ease':>13}")
    for playbook_id, playbook in rules.playbooks.items():
        markdown = (ROOT / "docs" / playbook.page).read_text(encoding="utf-8")
        words, ease = word_count(markdown), reading_ease(markdown)
        ok = words <= limits.playbook_max_words and ease >= limits.playbook_min_reading_ease
        failed |= not ok
        print(f"{playbook_id:<20} {words:>6} {ease:>13.1f}{'' if ok else '  <- over a limit'}")
    print(f"(limits: at most {limits.playbook_max_words} words, "
          f"reading ease at least {limits.playbook_min_reading_ease})\n")

    print(f"{'voicemail':<32} {'words':>6} {'seconds':>8}")
    for template in load_pack(ROOT / "templates", rules).select(channel="voicemail"):
        seconds = measure.spoken_seconds(template, rules)
        failed |= seconds > limits.voicemail_max_seconds
        print(f"{template.id:<32} {measure.spoken_words(template):>6} {seconds:>8.1f}")
    print(f"(limit: {limits.voicemail_max_seconds} s at "
          f"{limits.voicemail_words_per_minute} words per minute)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
