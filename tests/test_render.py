"""Renderers: plain text, .eml and mailto agree with each other and survive any text."""

from email import message_from_bytes
from email.policy import default
from urllib.parse import unquote, urlsplit

import pytest

from macros import render
from macros.errors import MissingFields

HOSTILE = {
    "client_name": 'Zoë <script>alert("x")</script> & Ådne',
    "what_went_wrong": "sent the wrong file — ünïcödé, 日本語, עברית, 🙂\nand a second line",
}


def email_values(pack, **overrides):
    template = pack.get("apology-team-mistake")
    values = {name: field.example for name, field in template.fields.items()}
    return template, values | overrides


def test_missing_required_fields_are_named(pack, rules):
    template = pack.get("apology-team-mistake")
    with pytest.raises(MissingFields) as error:
        render.as_text(template, {}, rules)
    assert "apology-team-mistake: fill in the required blanks first:" in str(error.value)
    assert "What went wrong" in str(error.value)
    assert "Client's first name" not in error.value.labels  # optional: has a fallback


def test_optional_field_uses_fallback(pack, rules):
    template, values = email_values(pack, client_name="  ")
    assert render.as_text(template, values, rules).splitlines()[2] == "Hi there,"


def test_text_starts_with_subject_and_keeps_sections_apart(pack, rules):
    template, values = email_values(pack)
    text = render.as_text(template, values, rules)
    assert text.startswith("Subject: Our mistake on your grant application")
    assert "\n\nHi Priya,\n\n" in text


def test_eml_parses_back_with_non_ascii(pack, rules):
    template, values = email_values(pack, **HOSTILE)
    raw = render.as_eml(template, values, rules, to="priya@example.com")
    message = message_from_bytes(raw, policy=default)
    assert message["To"] == "priya@example.com"
    assert message["X-Unsent"] == "1"
    assert message["Subject"] == render.subject(template, values)
    assert message.get_content_charset() == "utf-8"
    # On the wire every line ends in CRLF; mail apps read it back as plain lines.
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert message.get_content().replace("\r\n", "\n") == render.body(template, values, rules)
    assert HOSTILE["client_name"] in message.get_content()


def test_eml_subject_round_trips_non_ascii(pack, rules):
    template, values = email_values(pack, project_name="Ærøskøbing — 🙂 launch")
    message = message_from_bytes(render.as_eml(template, values, rules), policy=default)
    assert message["Subject"] == "Our mistake on Ærøskøbing — 🙂 launch: what happens now"


def test_mailto_decodes_to_same_subject_and_body(pack, rules):
    template, values = email_values(pack, **HOSTILE)
    url = render.as_mailto(template, values, rules, to="priya@example.com")
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and parts.path == "priya@example.com"
    # RFC 6068: every reserved character is percent-encoded, so & and = only separate.
    query = dict(pair.split("=", 1) for pair in parts.query.split("&"))
    assert set(query) == {"subject", "body"}
    assert unquote(query["subject"]) == render.subject(template, values)
    body = unquote(query["body"])
    assert "\r\n" in body and "\n" not in body.replace("\r\n", "")
    assert body.replace("\r\n", "\n") == render.body(template, values, rules)
    assert " " not in url and "+" not in url.split("?", 1)[1].replace("%2B", "")


def test_call_script_text_has_section_titles(rules):
    from macros.model import Template
    from macros.validate import check_template

    script = Template.model_validate({
        "id": "demo", "title": "Demo", "channel": "call-script", "playbooks": ["angry-client"],
        "when": "Now.", "fields": {},
        "sections": {"opening": "Hello.", "points": "One.", "phrases": "I hear you.",
                     "avoid": "Calm down.", "close": "Thanks."},
    })
    check_template(script, rules)  # parses the texts
    text = render.as_text(script, {}, rules)
    assert text.startswith("Opening\nHello.\n\nThe points, in order\nOne.")
    assert "What not to say\nCalm down." in text
