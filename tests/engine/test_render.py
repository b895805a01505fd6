"""Renderers: plain text, .eml, mailto and sms fold one layout and survive any text."""

from email import message_from_bytes
from email.policy import default
from urllib.parse import unquote, urlsplit

import pytest

from make_it_right import render
from make_it_right.errors import MissingFields
from make_it_right.layout import layout
from make_it_right.model import Template

HOSTILE = {
    "client_name": 'Zoë <script>alert("x")</script> & Ådne',
    "what_went_wrong": "sent the wrong file — ünïcödé, 日本語, עברית, 🙂\nand a second line",
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
    assert "What went wrong" in str(error.value)
    assert "Client's first name" not in error.value.labels  # optional: has a fallback


def test_optional_field_uses_fallback(email):
    assert render.as_text(email, examples(email, client_name="  ")).splitlines()[2] == "Hi there,"


def test_text_starts_with_subject_and_keeps_sections_apart(email):
    text = render.as_text(email, examples(email))
    assert text.startswith("Subject: Our mistake on your grant application")
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


@pytest.mark.parametrize("address", ["a@example.com, b@example.com", "a@x\r\nBcc: b@x",
                                     "Name <a@example.com>", "no-at-sign"])
def test_recipient_must_be_one_plain_address(email, address):
    with pytest.raises(ValueError, match="is not one plain email address"):
        render.as_eml(email, examples(email), to=address)
    with pytest.raises(ValueError, match="is not one plain email address"):
        render.as_mailto(email, examples(email), to=address)


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


def test_a_sensitive_reply_asks_for_a_second_reader_on_its_card(pack, rules, strings):
    from make_it_right.card import render_card
    from make_it_right.escape import plain

    def card(template_id: str) -> str:
        return render_card(layout(pack.get(template_id), rules, strings), rules, strings)

    line = f'<p class="mir-card__review" data-search-exclude>{plain(strings.card.second_reader)}</p>'
    for sensitive in ("legal-holding-reply", "incident-summary", "reply-to-escalation",
                      "data-slip-follow-up"):
        assert pack.get(sensitive).second_reader and line in card(sensitive), sensitive
    assert not pack.get("progress-update").second_reader
    assert "mir-card__review" not in card("progress-update")
