"""Print the handbook's measured quality: per playbook, its words, Flesch reading
ease and voice counts ("Then" openers, ", not X" contrasts); per voicemail, its spoken
length with the examples and with each blank's longest value; per text message, its
size the same two ways; per chat message, its words; and how many templates each
channel has. Exit 1 if any limit in rules.yml is missed.

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
from make_it_right.voice import not_contrasts, then_openers  # noqa: E402

VOICEMAIL_LIMIT = next(limit.max for limit in load_rules().channels["voicemail"].limits
                       if limit.measure == "spoken-seconds")


def main() -> int:
    rules = load_rules()
    limits = rules.limits
    failed = False
    voice = rules.voice
    total_then = total_not = 0
    print(f"{'playbook':<20} {'words':>6} {'reading ease':>13} {'Then':>5} {', not':>6}")
    for playbook_id, playbook in rules.playbooks.items():
        markdown = (ROOT / "docs" / playbook.page).read_text(encoding="utf-8")
        words, ease = word_count(markdown), reading_ease(markdown)
        thens, nots = then_openers(markdown), not_contrasts(markdown)
        total_then, total_not = total_then + thens, total_not + nots
        ok = words <= limits.playbook_max_words and ease >= limits.playbook_min_reading_ease
        failed |= not ok
        print(f"{playbook_id:<20} {words:>6} {ease:>13.1f} {thens:>5} {nots:>6}"
              f"{'' if ok else '  <- over a limit'}")
    voice_ok = total_then <= voice.max_then_openers and total_not <= voice.max_not_contrasts
    failed |= not voice_ok
    print(f"{'all playbooks':<20} {'':>6} {'':>13} {total_then:>5} {total_not:>6}"
          f"{'' if voice_ok else '  <- over a limit'}")
    print(f"(limits: at most {limits.playbook_max_words} words, reading ease at least "
          f"{limits.playbook_min_reading_ease}; across all playbooks at most "
          f"{voice.max_then_openers} \"Then\" openers and {voice.max_not_contrasts} \", not X\" contrasts)\n")

    pack = load_pack(ROOT / "templates", rules)
    print(f"{'voicemail':<32} {'words':>6} {'seconds':>8} {'longest':>8}")
    for template in pack.select(channel="voicemail"):
        seconds = measure.spoken_seconds(template, rules)
        longest = measure.spoken_seconds(measure.with_longest_values(template), rules)
        failed |= max(seconds, longest) > VOICEMAIL_LIMIT
        print(f"{template.id:<32} {measure.spoken_words(template):>6} {seconds:>8.1f} {longest:>8.1f}")
    print(f"(limit: {VOICEMAIL_LIMIT:g} s at {limits.voicemail_words_per_minute} words per minute, "
          "with the examples and with each blank's longest value)\n")

    print(f"{'text message':<32} {'chars':>6} {'longest':>8} {'encoding':>9}")
    for template in pack.select(channel="sms"):
        size = measure.sms_size(measure.body_text(template))
        longest = measure.sms_size(measure.body_text(measure.with_longest_values(template)))
        failed |= max(size.segments, longest.segments) > 1
        print(f"{template.id:<32} {size.units:>6} {longest.units:>8} {size.encoding:>9}")
    print("(limit: one segment, 160 GSM-7 or 70 UCS-2 characters)\n")

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
