from make_it_right import measure
from make_it_right.check import check_template
from make_it_right.model import Template


def voicemail(number: str, text: str = "Hi, it's Sam.", longest: str | None = None):
    return Template.from_dict({
        "id": "vm", "title": "VM", "channel": "voicemail", "playbooks": ["team-mistake"],
        "when": "Now.",
        "fields": {"your_phone": {"label": "Your direct number", "example": number,
                                  "longest": longest or number,
                                  "hint": "Yours.", "kind": "phone"}},
        "sections": {"who-you-are": text, "why-calling": "About the report.",
                     "call-back": "Please call me back.",
                     "number": "It's {{ your_phone }}. Again, {{ your_phone }}.",
                     "reachable": "Until six.", "follow-up": "I'll email too."},
    }, source=__import__("pathlib").Path("templates/voicemail/vm.yml"))


def test_each_phone_digit_is_a_spoken_word(rules):
    template = voicemail("+44 20 7946 0321")
    assert check_template(template, rules) == []
    # 3 + 3 + 4 + 2 + 2 + 3 words of text, plus 12 digits said twice.
    assert measure.spoken_words(template) == 17 + 24
    assert measure.spoken_seconds(template, rules) == (17 + 24) * 60 / 130
    assert rules.limits.voicemail_words_per_minute == 130  # a real message pace (issue 18)


def test_a_template_and_the_same_words_as_a_draft_measure_alike(rules, strings):
    """Templates and drafts share each measure's definition (measure.py)."""
    from make_it_right.draft import DRAFT_MEASURES, read_draft

    template = voicemail("+44 20 7946 0321")
    draft = read_draft(measure.body_text(template), "voicemail", rules, strings)
    for name in ("body-words", "spoken-seconds", "sms-segments"):
        assert DRAFT_MEASURES[name](draft, rules) == measure.measure(name, template, rules), name


def test_words_ignore_punctuation_and_keep_contractions():
    assert measure.count_words("I'm sorry — we missed it. Truly!") == 6
    assert measure.count_words("We’ll fix it") == 3


def test_long_voicemail_is_refused(rules):
    template = voicemail("020 7946 0321", "Hi " * 52)
    # 52 + 14 words of text, plus 11 digits said twice: 88 words, 40.6 seconds.
    assert [p.message for p in check_template(template, rules)] == [
        "voicemail runs 40.6 seconds with the example values read at 130 words per minute "
        "(88 words, each digit of a phone number counted); keep it to 30 seconds"
    ]


def test_a_voicemail_must_fit_with_each_blank_at_its_longest(rules):
    # 14 + 10 words of text, plus 11 digits said twice: 46 words with the example. A
    # 21-digit longest number adds 20 spoken words: 66 words, 30.5 seconds.
    template = voicemail("020 7946 0321", "Hi " * 10, longest="+44 20 7946 0321 0123 4567 8")
    assert [p.message for p in check_template(template, rules)] == [
        "voicemail runs 30.5 seconds with each blank's longest value read at 130 words per "
        "minute (66 words, each digit of a phone number counted); keep it to 30 seconds"
    ]


def test_a_blank_in_a_limited_text_declares_its_longest_value(rules):
    from pathlib import Path
    template = Template.from_dict({
        "id": "tx", "title": "Text", "channel": "sms", "playbooks": ["team-mistake"],
        "when": "Now.",
        "fields": {"client_name": {"label": "Client's first name", "example": "Priya",
                                   "hint": "Theirs."}},
        "sections": {"message": "Hi {{ client_name }}, can you call me back?"},
    }, source=Path("templates/sms/tx.yml"))
    assert [p.message for p in check_template(template, rules)] == [
        "field 'client_name' has no 'longest' value; the text must stay within its limit "
        "with every blank at a plausible longest value, so add one"
    ]


def test_sms_size_counts_gsm7_extension_characters_twice():
    assert measure.sms_size("Hi Priya").encoding == "GSM-7"
    assert measure.sms_size("a€").units == 3
    assert measure.sms_size("x" * 160).segments == 1
    assert measure.sms_size("x" * 161).segments == 2  # 153 per part once split


def test_sms_size_falls_back_to_ucs2_for_curly_quotes_and_emoji():
    size = measure.sms_size("It’s late 🙂")
    assert size.encoding == "UCS-2" and size.units == 12  # the emoji is two UTF-16 units
    assert measure.sms_size("’" * 70).segments == 1
    assert measure.sms_size("’" * 71).segments == 2
