from pathlib import Path

from macros import measure
from macros.model import Template
from macros.validate import check_template


def voicemail(number: str, text: str = "Hi, it's Sam."):
    template = Template.model_validate({
        "id": "vm", "title": "VM", "channel": "voicemail", "playbooks": ["team-mistake"],
        "when": "Now.",
        "fields": {"your_phone": {"label": "Your direct number", "example": number,
                                  "hint": "Yours.", "kind": "phone"}},
        "sections": {"who-you-are": text, "why-calling": "About the report.",
                     "call-back": "Please call me back.",
                     "number": "It's {{ your_phone }}. Again, {{ your_phone }}.",
                     "reachable": "Until six.", "follow-up": "I'll email too."},
    })
    template._source = Path("templates/voicemail/vm.yml")
    return template


def test_each_phone_digit_is_a_spoken_word(rules):
    template = voicemail("+44 20 7946 0321")
    assert check_template(template, rules) == []
    # 3 + 3 + 4 + 2 + 2 + 3 words of text, plus 12 digits said twice.
    assert measure.spoken_words(template) == 17 + 24
    assert measure.spoken_seconds(template, rules) == (17 + 24) * 60 / 150


def test_words_ignore_punctuation_and_keep_contractions():
    assert measure.count_words("I'm sorry — we missed it. Truly!") == 6
    assert measure.count_words("We’ll fix it") == 3


def test_long_voicemail_is_refused(rules):
    template = voicemail("020 7946 0321", "Hi " * 52)
    # 52 + 14 words of text, plus 11 digits said twice: 88 words, 35.2 seconds.
    assert check_template(template, rules) == [
        "voicemail runs 35 seconds read at 150 words per minute (88 words, each digit of a "
        "phone number counted); keep it to 30 seconds"
    ]
