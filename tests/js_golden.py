"""Golden files for the browser code's Node tests (web/test/), made by Python from the
same data: every template's document in every register filled with hostile values
(make_it_right/render.py), the mail, .eml and text-message encodings of the results
(render.py, which uses urllib's quote and base64; every .eml read back with Python's
email parser first), and the whole draft corpus's findings (make_it_right/draft.py).

Run by `make test-node` before `node --test`; writes into .cache/js-golden/ (or the
folder given as its one argument).
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import json
import sys
from datetime import datetime, UTC
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tools")]

from harness.drafts import load_drafts  # noqa: E402
from paths import ROOT, TEMPLATES  # noqa: E402

from make_it_right import render  # noqa: E402
from make_it_right.draft import check_draft, draft_data, guess_channel, sizes  # noqa: E402
from make_it_right.errors import MissingFields  # noqa: E402
from make_it_right.layout import Document, layout  # noqa: E402
from make_it_right.loader import load_pack  # noqa: E402
from make_it_right.placeholders import Blank, Omit  # noqa: E402
from make_it_right.readability import hyphenation_data  # noqa: E402
from make_it_right.register import FRIENDLY, registers_of  # noqa: E402
from make_it_right.rules import load_rules  # noqa: E402
from make_it_right.strings import load_strings  # noqa: E402

# What a reader might type or paste; each set fills every blank of every template.
HOSTILE = {
    "markup": '<script>alert(1)</script><img src=x onerror="x()">',
    "quotes": "\"Dan's\" 'notes' (sic!) *x* ~_. & <b>bold</b> &amp; %20 %0A + = ? # ; , \\",
    "patterns": "$& $$ $` $' $1 {subject} {title}",
    "emoji": "Priya 👩🏽‍💻 🎉 ✅",
    "rtl": "שלום עליכם مرحبا بك and English",
    "lines": "first line\nsecond line\r\n\n  indented third",
    "spaces": "\u00a0\u2003 padded\u3000 \u001f",
    "surrogate": "a\ud800b\udc00c",
    "long": "0123456789" * 100,
}
# As a reader types them: several, display names, an IDN domain, a quoted comma.
RECIPIENTS = {"to": "Priya Nair <priya.nair@example.com>, b@bücher.de",
              "cc": 'sam@example.com; "Files, Jo" <jo+files@example.org>',
              "sender": "Sam Reed <me@example.net>", "sms": "+44 7700 900123, +1 (555) 010-9999"}
DATE = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)


def parts_json(parts) -> list:
    out = []
    for part in parts:
        if isinstance(part, Blank):
            out.append({"blank": part.field})
        elif isinstance(part, Omit):
            out.append({"omit": part.field, "parts": parts_json(part.parts)})
        else:
            out.append(part)
    return out


def document_json(document: Document) -> dict:
    return {
        "fields": [{"name": n, "label": f.label, "fallback": f.fallback,
                    "leaveOut": f.leave_out is not None}
                   for n, f in document.template.fields.items()],
        "subject": None if document.subject is None else parts_json(document.subject),
        "blocks": [{"title": b.title, "parts": parts_json(b.parts)} for b in document.blocks],
        "subjectLine": document.subject_line,
    }


def value_sets(document: Document) -> list[dict[str, str]]:
    names = list(document.template.fields)
    sets = [dict.fromkeys(names, value) for value in HOSTILE.values()]
    sets.append({})  # nothing typed: fallbacks, phrases left out, or missing blanks
    sets.append({n: v for i, n in enumerate(names) for v in [list(HOSTILE.values())[i % len(HOSTILE)]]})
    return sets


def filled(document: Document, values: dict[str, str]) -> dict:
    try:
        message = render.fill(document, values)
    except MissingFields as error:
        return {"missing": error.labels}
    out = {"subject": message.subject, "body": message.body, "text": message.text}
    if message.subject is not None:
        out["mailto"] = render.as_mailto(document, values, RECIPIENTS["to"], RECIPIENTS["cc"])
        eml = render.as_eml(document, values, RECIPIENTS["to"], RECIPIENTS["cc"],
                            RECIPIENTS["sender"], email.utils.format_datetime(DATE))
        parsed = email.message_from_bytes(eml, policy=email.policy.default)
        assert parsed["Subject"] == message.subject, document.template.id
        assert parsed.get_content() == render.crlf(message.body), document.template.id
        out["eml"] = eml.decode("ascii")
    else:
        out["sms"] = render.as_sms(document, values, RECIPIENTS["sms"])
    return out


def renders() -> list[dict]:
    rules, strings = load_rules(), load_strings("en")
    out = []
    for template in load_pack(TEMPLATES).templates.values():
        for register in [FRIENDLY, *registers_of(template, rules)]:
            document = layout(template, rules, strings, register)
            out.append({"template": template.id, "register": register,
                        "document": document_json(document),
                        "cases": [{"values": v, "expect": filled(document, v)}
                                  for v in value_sets(document)]})
    return out


def drafts() -> dict:
    rules, strings = load_rules(), load_strings("en")
    cases = []
    for case in load_drafts():
        channel = case.channel or case.guess
        cases.append({
            "name": case.name, "text": case.text, "channel": case.channel, "playbook": case.playbook,
            "findings": [f.as_json() for f in check_draft(case.text, case.channel, case.playbook,
                                                         rules, strings)],
            "guess": guess_channel(case.text, rules, strings),
            "sizes": sizes(case.text, channel, rules, strings),
        })
    return {"data": draft_data(rules, strings), "hyphenation": hyphenation_data("en_US"),
            "cases": cases}


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".cache" / "js-golden"
    folder.mkdir(parents=True, exist_ok=True)
    recipients = {**RECIPIENTS, "date": DATE.isoformat()}
    for name, data in {"render": {"recipients": recipients, "templates": renders()},
                       "draft": drafts()}.items():
        # ensure_ascii: lone surrogates survive the trip as \\ud800 escapes.
        (folder / f"{name}.json").write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")


if __name__ == "__main__":
    main()
