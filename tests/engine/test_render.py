"""Renderers: plain text, .eml, mailto and sms fold one layout and survive any text."""

import json
import re
import subprocess
import sys
from email import message_from_bytes
from email.header import decode_header, make_header
from email.policy import SMTP, default
from urllib.parse import unquote, urlsplit

import pytest

from make_it_right import render
from make_it_right.errors import MissingFields
from make_it_right.layout import layout
from make_it_right.model import Template
from paths import ROOT

HOSTILE = {
    "client_name": 'Zoë <script>alert("x")</script> & Ådne',
    "the_news": "sent the wrong file — ünïcödé, 日本語, עברית, 🙂\nand a second line",
}


@pytest.fixture
def email(pack, rules, strings):
    return layout(pack.get("apology-team-mistake"), rules, strings)


def examples(document, **overrides):
    return {name: f.example for name, f in document.template.fields.items()} | overrides


def test_missing_required_fields_are_named(email):
    with pytest.raises(MissingFields) as error:
        render.as_text(email, {})
    assert "apology-team-mistake: fill in the required blanks first:" in str(error.value)
    assert "The news, as a plain fact" in str(error.value)
    assert "Client's first name" not in error.value.labels  # optional: has a fallback


def test_optional_field_uses_fallback(email):
    assert render.as_text(email, examples(email, client_name="  ")).splitlines()[2] == "Hi there,"


def test_text_starts_with_subject_and_keeps_sections_apart(email):
    text = render.as_text(email, examples(email))
    assert text.startswith("Subject: About your grant application, and our plan")
    assert "\n\nHi Priya,\n\n" in text


def test_eml_parses_back_with_non_ascii(email):
    values = examples(email, **HOSTILE)
    raw = render.as_eml(email, values, to="priya@example.com")
    message = message_from_bytes(raw, policy=default)
    filled = render.fill(email, values)
    assert message["To"] == "priya@example.com"
    assert message["X-Unsent"] == "1"
    assert message["Subject"] == filled.subject
    assert message.get_content_charset() == "utf-8"
    # On the wire every line ends in CRLF; mail apps read it back as plain lines.
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert message.get_content().replace("\r\n", "\n") == filled.body
    assert HOSTILE["client_name"] in message.get_content()


def test_eml_subject_round_trips_non_ascii(email):
    values = examples(email, project_name="Ærøskøbing — 🙂 launch " * 3)
    message = message_from_bytes(render.as_eml(email, values), policy=default)
    assert message["Subject"] == render.fill(email, values).subject


@pytest.mark.parametrize("payload", [
    "=?utf-8?q?a?= Bcc: =?utf-8?q?=0D=0ABcc:_evil@x?=",
    "report\r\nBcc: evil@example.com",
    "report\nTo: evil@example.com\n\nbody",
])
def test_no_value_can_add_a_header_or_recipient(email, payload):
    raw = render.as_eml(email, examples(email, project_name=payload), to="priya@example.com")
    message = message_from_bytes(raw, policy=default)
    assert message["Bcc"] is None and message.get_all("To") == ["priya@example.com"]
    assert [line.split(b":")[0] for line in raw.split(b"\r\n\r\n")[0].split(b"\r\n")
            if not line.startswith(b" ")] == [b"MIME-Version", b"To", b"Subject", b"X-Unsent",
                                               b"Content-Type", b"Content-Transfer-Encoding"]


@pytest.mark.parametrize("address", ["a@x\r\nBcc: b@x", "Priya <a@x>\nBcc: b@x",
                                     "Priya\u2028 <a@example.com>", "no-at-sign",
                                     "Name <no-at-sign>", "a@exa mple.com", ", ;"])
def test_a_recipient_that_is_not_an_address_is_refused(email, address):
    with pytest.raises(ValueError, match=r"not an email address|control character|names no"):
        render.as_eml(email, examples(email), to=address)
    with pytest.raises(ValueError, match=r"not an email address|control character|names no"):
        render.as_mailto(email, examples(email), to=address)


RECIPIENTS = ('Priya Shah <priya@example.com>, "Shah, Priya \\"P\\"" <p@example.com>; '
              "b@bücher.de, Ærøskøbing Ølbryggeri og Søn – Afdeling for Kunder og Klager "
              "<kunder@example.dk>, Bcc: x <evil@example.com>")


def test_several_recipients_with_display_names_parse_back(email):
    raw = render.as_eml(email, examples(email), to=RECIPIENTS, cc="a@example.com, B <b@x.org>",
                        sender="Sam Lee <sam@example.com>")
    message = message_from_bytes(raw, policy=SMTP)
    # Python joins two encoded words of a name with a space where RFC 2047 (6.2) says
    # none: the space is inside the first word, so read Python's runs of spaces as one.
    assert [(" ".join(a.display_name.split()), a.addr_spec)
            for a in message["To"].addresses] == [
        ("Priya Shah", "priya@example.com"), ('Shah, Priya "P"', "p@example.com"),
        ("", "b@xn--bcher-kva.de"),
        ("Ærøskøbing Ølbryggeri og Søn – Afdeling for Kunder og Klager", "kunder@example.dk"),
        ("Bcc: x", "evil@example.com")]
    assert [a.addr_spec for a in message["Cc"].addresses] == ["a@example.com", "b@x.org"]
    assert message["From"].addresses[0].display_name == "Sam Lee"
    # As RFC 2047 reads it (email.header), the long name comes back exactly.
    to = raw.split(b"\r\nTo: ", 1)[1].split(b"\r\nCc:")[0].decode().replace("\r\n ", " ")
    long_name = to.split("b@xn--bcher-kva.de, ", 1)[1].split(" <kunder@")[0]
    assert str(make_header(decode_header(long_name))) == (
        "Ærøskøbing Ølbryggeri og Søn – Afdeling for Kunder og Klager")
    assert message["Bcc"] is None and not message.defects
    assert all(not header.defects for header in message.values())
    assert max(len(line) for line in raw.split(b"\r\n\r\n")[0].split(b"\r\n")) <= 76
    # mailto: carries the addresses alone (RFC 6068 has no display names).
    url = render.as_mailto(email, examples(email), to=RECIPIENTS)
    assert unquote(urlsplit(url).path) == ("priya@example.com,p@example.com,b@xn--bcher-kva.de,"
                                           "kunder@example.dk,evil@example.com")


@pytest.mark.parametrize("subject", [
    "A" * 200, "é" * 120, "Ærøskøbing — 🙂 launch " * 6, "日本語の件名" * 20, "x",
    "🙂" * 50,
])
def test_encoded_subject_lines_stay_within_76_characters(email, subject):
    raw = render.as_eml(email, examples(email, project_name=subject))
    header = raw.split(b"\r\n\r\n")[0].decode("ascii")
    subject_lines = header[header.index("Subject:"):].split("\r\n")
    subject_lines = subject_lines[:1] + [s for s in subject_lines[1:] if s.startswith(" ")]
    assert max(len(line) for line in subject_lines) <= 76, subject_lines
    assert all(len(word) <= 75 for line in subject_lines for word in line.split(" ")
               if word.startswith("=?"))
    message = message_from_bytes(raw, policy=SMTP)
    assert message["Subject"] == render.fill(email, examples(email, project_name=subject)).subject
    assert not message["Subject"].defects and not message.defects


def test_sms_link_carries_its_recipients(pack, rules, strings):
    document = layout(pack.get("call-back-by-text"), rules, strings)
    url = render.as_sms(document, examples(document), to="+44 7700 900123, +1 (555) 010-9999")
    assert url.startswith("sms:+447700900123,+1(555)010-9999?body=")
    # RFC 5724 / RFC 3966: a global number is + and digits with visual separators only.
    recipients = urlsplit(url).path
    assert re.fullmatch(r"\+[0-9().-]+(,\+[0-9().-]+)*", recipients)


@pytest.mark.parametrize("number", ["07700 900123", "+44 7700\r\n900123", "+", "+44?body=x",
                                    "+1234567890123456"])
def test_an_sms_recipient_must_be_an_international_number(pack, rules, strings, number):
    document = layout(pack.get("call-back-by-text"), rules, strings)
    with pytest.raises(ValueError, match="not a phone number with its country code"):
        render.as_sms(document, examples(document), to=number)


def test_lone_surrogate_is_replaced_not_thrown(email):
    text = render.as_text(email, examples(email, client_name="Zo\ud800e"))
    assert "Hi Zo\ufffde," in text
    render.as_eml(email, examples(email, project_name="\udfff"))


def test_mailto_decodes_to_same_subject_and_body(email):
    values = examples(email, **HOSTILE)
    url = render.as_mailto(email, values, to="priya@example.com")
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and parts.path == "priya@example.com"
    # RFC 6068: every reserved character is percent-encoded, so & and = only separate.
    query = dict(pair.split("=", 1) for pair in parts.query.split("&"))
    assert set(query) == {"subject", "body"}
    filled = render.fill(email, values)
    assert unquote(query["subject"]) == filled.subject
    body = unquote(query["body"])
    assert "\r\n" in body and "\n" not in body.replace("\r\n", "")
    assert body.replace("\r\n", "\n") == filled.body
    assert " " not in url and "+" not in url.split("?", 1)[1].replace("%2B", "")


def test_sms_link_carries_the_message(pack, rules, strings):
    document = layout(pack.get("call-back-by-text"), rules, strings)
    url = render.as_sms(document, examples(document, client_name="Ana & Bo"))
    assert url.startswith("sms:?body=")
    assert unquote(url.removeprefix("sms:?body=")) == render.fill(
        document, examples(document, client_name="Ana & Bo")).body.rstrip("\n")


def test_call_script_text_has_section_titles(rules, strings):
    script = Template.from_dict({
        "id": "demo", "title": "Demo", "channel": "call-script", "playbooks": ["angry-client"],
        "when": "Now.", "fields": {},
        "sections": {"opening": "Hello.", "points": "One.", "phrases": "I hear you.",
                     "avoid": "Calm down.", "close": "Thanks."},
    })
    text = render.as_text(layout(script, rules, strings), {})
    assert text.startswith("Opening\nHello.\n\nThe points, in order\nOne.")
    assert "What not to say\nCalm down." in text


def test_the_browsers_golden_outputs_are_pythons():
    """tests/engine/golden/outputs.json is what the browser's encoders must match."""
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "golden_outputs.py"),
                             "--check"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout
    golden = json.loads((ROOT / "tests" / "engine" / "golden" / "outputs.json").read_text())
    for case in golden["subjects"] + golden["recipients"]:
        assert max(len(line) for line in case["header"].split("\r\n")) <= 76
    for to in golden["refusedRecipients"]:
        with pytest.raises(ValueError):
            render.mailboxes(to)


def test_a_sensitive_reply_asks_for_a_second_reader_on_its_card(pack, rules, strings):
    from make_it_right.html.card import render_card
    from make_it_right.escape import plain

    def card(template_id: str) -> str:
        return render_card(layout(pack.get(template_id), rules, strings), rules, strings)

    line = f'<p class="mir-card__review" data-search-exclude>{plain(strings.card.second_reader)}</p>'
    for sensitive in ("legal-holding-reply", "incident-summary", "reply-to-escalation",
                      "data-slip-follow-up"):
        assert pack.get(sensitive).second_reader and line in card(sensitive), sensitive
    assert not pack.get("progress-update").second_reader
    assert "mir-card__review" not in card("progress-update")


def test_a_blanks_example_is_set_apart_from_what_it_would_fill(pack, rules, strings):
    """Issue 20: an example ("Priya") must not read like a value already typed: on the
    card and in the panel it sits in a span of its own (styled apart), still escaped."""
    import dataclasses
    from types import MappingProxyType

    from make_it_right.html.card import render_card
    from make_it_right.escape import plain
    from make_it_right.html.panel import render_panel

    template = pack.get("call-back-team-mistake")
    example = plain(strings.card.example.format(example="Priya"))
    assert f'<span class="mir-example">{example}</span>' in render_card(
        layout(template, rules, strings), rules, strings)
    assert f'<span class="mir-example">{example}</span>' in render_panel([template], rules, strings)
    hostile = template.fields["client_name"].model_copy(update={"example": '<b>"x"</b>'})
    odd = dataclasses.replace(template, fields=MappingProxyType({**template.fields, "client_name": hostile}))
    html = render_panel([odd], rules, strings)
    assert "<b>" not in html and plain('<b>"x"</b>') in html
