"""Print the handbook's measured quality: per playbook, its words and Flesch reading
ease; per voicemail, its spoken length; per text and chat message, its size; and how
many templates each channel has. Exit 1 if any limit in rules.yml is missed.

    make quality          (or: .venv/bin/python scripts/quality.py)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from make_it_right import measure  # noqa: E402
from make_it_right.loader import load_pack  # noqa: E402
from make_it_right.readability import reading_ease, word_count  # noqa: E402
from make_it_right.rules import load_rules  # noqa: E402

VOICEMAIL_LIMIT = next(limit.max for limit in load_rules().channels["voicemail"].limits
                       if limit.measure == "spoken-seconds")


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
        failed |= seconds > VOICEMAIL_LIMIT
        print(f"{template.id:<32} {measure.spoken_words(template):>6} {seconds:>8.1f}")
    print(f"(limit: {VOICEMAIL_LIMIT:g} s at {limits.voicemail_words_per_minute} words per minute)\n")

    print(f"{'text message':<32} {'chars':>6} {'encoding':>9}")
    for template in load_pack(ROOT / "templates", rules).select(channel="sms"):
        size = measure.sms_size(measure.body_text(template))
        failed |= size.segments > 1
        print(f"{template.id:<32} {size.units:>6} {size.encoding:>9}")
    print("(limit: one segment, 160 GSM-7 or 70 UCS-2 characters)\n")

    pack = load_pack(ROOT / "templates", rules)
    chat_limit = next(limit.max for limit in rules.channels["chat"].limits
                      if limit.measure == "body-words")
    print(f"{'chat message':<32} {'words':>6}")
    for template in pack.select(channel="chat"):
        words = measure.body_words(template)
        failed |= words > chat_limit
        print(f"{template.id:<32} {words:>6}")
    print(f"(limit: {chat_limit:g} words)\n")

    print(f"{'channel':<32} {'templates':>9}")
    for channel in rules.channels:
        print(f"{channel:<32} {len(pack.select(channel=channel)):>9}")
    print(f"{'all':<32} {len(pack.templates):>9}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
