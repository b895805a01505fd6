"""Write tests/engine/golden/outputs.json: the header lines and links Python's
renderers give for boundary cases, which the browser's encoders must give too.

    .venv/bin/python scripts/golden_outputs.py          # rewrite the file
    .venv/bin/python scripts/golden_outputs.py --check  # exit 1 if it is stale
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from make_it_right.render import address_header, encoded_words, mailboxes, sms_recipients

GOLDEN = Path(__file__).resolve().parent.parent / "tests" / "engine" / "golden" / "outputs.json"

SUBJECTS = [
    "Your report: new date", "A" * 200, "é" * 120, "Ærøskøbing — 🙂 launch " * 6,
    "日本語の件名" * 20, "🙂" * 50, "x",
]
RECIPIENTS = [
    "priya@example.com",
    "a@example.com, b@example.com; c@example.com",
    'Priya Shah <priya@example.com>, "Shah, Priya \\"P\\"" <p@example.com>',
    "b@bücher.de",
    "Ærøskøbing Ølbryggeri og Søn – Afdeling for Kunder og Klager <kunder@example.dk>",
    "Bcc: x <evil@example.com>",
    # Hostile names stay one quoted or encoded name: an encoded word's look-alike, angle
    # brackets and a comma inside quotes, a backslash, a name past 60 characters.
    '"=?UTF-8?B?QmNjOiBldmlsQHguY29t?=" <x@example.com>',
    '"B, <b@example.com>" <c@example.com>; Ann \\ Lee <ann@example.com>',
    "Q" * 70 + " <long@example.com>",
]
REFUSED_RECIPIENTS = ["a@x\r\nBcc: b@x", "Priya <a@x>\nBcc: b@x", "no-at-sign", ", ;",
                      "a@example.com\u2028Bcc: b@example.com", "a@example.com\x85Bcc: b@example.com",
                      "a@example.com\x00", "Priya <a b@example.com>", "<a@exa mple.com>"]
SMS_RECIPIENTS = ["+44 7700 900123", "+44 7700 900123, +1 (555) 010-9999"]
REFUSED_SMS = ["07700 900123", "+44?body=x", "+1234567890123456"]


def outputs() -> dict:
    return {
        "about": "Made by scripts/golden_outputs.py from make_it_right/render.py. Lines end "
                 "in CRLF; every header line is at most 76 characters.",
        "subjects": [{"subject": s, "header": f"Subject: {encoded_words(s)}"} for s in SUBJECTS],
        "recipients": [{"to": r, "header": address_header("To", mailboxes(r)),
                        "mailto": ",".join(b.address for b in mailboxes(r))}
                       for r in RECIPIENTS],
        "refusedRecipients": REFUSED_RECIPIENTS,
        "smsRecipients": [{"to": r, "path": sms_recipients(r)} for r in SMS_RECIPIENTS],
        "refusedSmsRecipients": REFUSED_SMS,
    }


def main() -> int:
    text = json.dumps(outputs(), ensure_ascii=False, indent=1) + "\n"
    if "--check" in sys.argv:
        if GOLDEN.read_text(encoding="utf-8") != text:
            print(f"{GOLDEN.name} is stale: run python scripts/golden_outputs.py")
            return 1
        return 0
    GOLDEN.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
