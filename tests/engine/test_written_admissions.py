"""What never goes in writing until a manager agrees (issue 18): the rules live in
rules.yml `written_admissions` by id (their words in data/draft-rules/<language>.yml,
the one place "Check my draft" reads them too), `check` refuses them in every client-facing
written template, and a template that must carry one declares it and says so on
its card. The handbook's voice counts are held here too."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from make_it_right.html.card import render_card
from make_it_right.check import check_template
from make_it_right.guide import all_answers, load_guide, outcome
from make_it_right.layout import layout
from make_it_right.model import Template
from make_it_right.voice import not_contrasts, then_openers, words_in_client_lines

from paths import ROOT

# The ids "Check my draft" shares; renaming one breaks its findings, so it's a test.
SHARED_IDS = ["admits-fault", "admits-negligence", "accepts-liability", "compensates-losses",
              "offers-compensation", "loss-beside-offer", "blames-colleague",
              "blames-client-side", "blames-third-party"]


def email(acknowledgement: str = "We sent the files late, which means a later launch.",
          fix: str = "They're with you now.", subject: str = "About your files",
          needs_sign_off: list[str] | None = None) -> Template:
    return Template.from_dict({
        "id": "note", "title": "Note", "channel": "email", "playbooks": ["team-mistake"],
        "when": "Now.", "subject": subject, "needs_sign_off": needs_sign_off or [],
        "sections": {"greeting": "Hi Priya,", "acknowledgement": acknowledgement,
                     "apology": "I'm sorry.", "fix": fix,
                     "offer-to-talk": "Call me any time.", "sign-off": "Sam"},
    }, source=Path("templates/email/note.yml"))


def messages(template: Template, rules) -> list[str]:
    """The one-line messages check gives (each problem also carries a rule id)."""
    return [problem.message for problem in check_template(template, rules)]


def rule_ids(problems: list[str]) -> list[str]:
    return [p.split("(rule ", 1)[1].split(";")[0].split(")")[0] for p in problems if "(rule " in p]


def test_the_rules_are_data_with_the_ids_the_draft_checker_uses(rules):
    assert rules.written_admissions.ids == SHARED_IDS
    assert {"email", "sms", "voicemail"} <= set(rules.written_admissions.channels)
    # Their words live once, in data/draft-rules/<language>.yml, which "Check my draft"
    # reads too; rules.yml holds no second copy of a pattern.
    draft_ids = {r["id"] for r in yaml.safe_load(
        (ROOT / "make_it_right" / "data" / "draft-rules" / "en.yml").read_text())["rules"]}
    assert set(SHARED_IDS) <= draft_ids
    raw = yaml.safe_load((ROOT / "make_it_right" / "data" / "rules.yml").read_text())
    assert set(raw["written_admissions"]) == {"channels", "ids"}
    assert "parts" not in raw["draft_checks"] and "guess" not in raw["draft_checks"]


@pytest.mark.parametrize(("text", "rule"), [
    ("That was our mistake, and it means a later launch.", "admits-fault"),
    ("We've made a mistake on your report.", "admits-fault"),
    ("It's our fault, and we're putting it right.", "admits-fault"),
    ("We were negligent with the files.", "admits-negligence"),
    ("We accept full liability for the delay.", "accepts-liability"),
    ("We will compensate you for all losses.", "compensates-losses"),
    ("We won't charge for the extra hours.", "offers-compensation"),
    ("Our designer Dan forgot to send it.", "blames-colleague"),
    ("Your partner sent the figures late.", "blames-client-side"),
    ("Our supplier let us down on the print run.", "blames-third-party"),
])
def test_each_admission_is_refused_in_an_email(rules, text, rule):
    problems = messages(email(acknowledgement=text), rules)
    assert rule in rule_ids(problems), problems
    assert all("\n" not in p for p in problems)


def test_the_loss_beside_an_offer_is_refused_as_one_message(rules):
    problems = messages(email(acknowledgement="I know what it cost you.",
                                    fix="As a goodwill gesture, we'll waive this month's fee."),
                              rules)
    assert "loss-beside-offer" in rule_ids(problems)
    # Either half alone is fine, as far as this rule goes.
    assert "loss-beside-offer" not in rule_ids(
        messages(email(acknowledgement="I know what it cost you."), rules))


def test_a_declared_admission_passes_and_a_subject_never_carries_one(rules):
    signed = email(acknowledgement="That was our mistake.", needs_sign_off=["admits-fault"])
    assert messages(signed, rules) == []
    in_subject = email(subject="Our mistake on your files", needs_sign_off=["admits-fault"],
                       acknowledgement="That was our mistake.")
    assert messages(in_subject, rules) == [
        'subject says "Our mistake": a subject line is the part that gets forwarded, so it '
        "never carries this. Fault in writing can be used against you and your company. Say "
        "sorry for the impact; admit fault on a call, once your manager agrees. "
        "(rule admits-fault)"]


def test_declarations_are_honest(rules):
    assert messages(email(needs_sign_off=["admits-fault"]), rules) == [
        "needs_sign_off names 'admits-fault', but the text never says it; remove it, so the "
        "card doesn't ask for a manager's yes it doesn't need"]
    unknown = messages(email(needs_sign_off=["our-fault"]), rules)
    assert unknown[0].startswith("needs_sign_off names 'our-fault', which is not a "
                                 "written_admissions rule; use one of: admits-fault, ")


def test_a_call_script_may_own_the_fault_on_the_call(rules, pack):
    assert "call-script" not in rules.written_admissions.channels
    assert messages(pack.get("own-my-mistake-opening"), rules) == []


def test_a_register_is_held_to_the_rules_too(rules):
    own = email(acknowledgement="Fine.")
    own = Template.from_dict({**{"id": "note", "title": "Note", "channel": "email",
                                 "playbooks": ["team-mistake"], "when": "Now.",
                                 "subject": "About your files"},
                              "sections": {t.name: t.source for t in own.sections},
                              "registers": {"formal": {"closing": "Our mistake, and regards,"}}},
                             source=Path("templates/email/note.yml"))
    problems = messages(own, rules)
    assert problems and problems[0].startswith("in the formal register: section 'sign-off' says "
                                               '"Our mistake"'), problems


def test_the_default_apologies_carry_no_fault_or_make_good_and_the_variant_says_so(rules, pack, strings):
    for template_id in ("apology-team-mistake", "apology-my-mistake", "what-we-know"):
        template = pack.get(template_id)
        assert template.needs_sign_off == (), template_id
        assert "make_good" not in template.fields, template_id
    signed = pack.get("apology-signed-off")
    assert set(signed.needs_sign_off) == {"admits-fault", "offers-compensation"}
    card = render_card(layout(signed, rules, strings), rules, strings)
    assert 'class="mir-card__sign-off"' in card and strings.card.sign_off in card
    plain = render_card(layout(pack.get("apology-team-mistake"), rules, strings), rules, strings)
    assert "mir-card__sign-off" not in plain


def test_the_guide_sends_an_unclear_cause_to_what_we_know(pack):
    guide = load_guide(pack=pack)
    for answers in all_answers(guide):
        playbook, _, ids = outcome(guide, answers)
        if answers.get("who") == "nobody":
            assert "what-we-know" in ids, answers
            assert not {"apology-team-mistake", "apology-signed-off"} & set(ids), answers
            for template_id in ids:
                template = pack.get(template_id)
                assert "admits-fault" not in template.needs_sign_off, template_id
        if playbook == "data-slip":
            assert ids[0] == "data-incident-report", answers
            assert "de-escalation-talk-track" not in ids, answers


def test_no_client_line_says_straight(rules, pack):
    assert rules.voice.client_line_words == ["straight"]
    for template in pack.templates.values():
        assert words_in_client_lines(template, rules) == [], template.id


def test_the_voice_counts_hold_across_every_playbook(rules):
    pages = [(ROOT / "docs" / p.page).read_text(encoding="utf-8") for p in rules.playbooks.values()]
    thens = sum(then_openers(page) for page in pages)
    nots = sum(not_contrasts(page) for page in pages)
    assert thens <= rules.voice.max_then_openers, thens
    assert nots <= rules.voice.max_not_contrasts, nots


def test_the_voice_counters_count():
    page = ("# Title\n\nThen do this. Then that, not the other.\n\n- Then a list item.\n"
            "Not Then here.\n")
    assert then_openers(page) == 3
    assert not_contrasts(page) == 1


def test_the_phrase_bank_lists_what_never_goes_in_writing(rules, strings):
    from make_it_right.html.tables import avoid_table, written_rules

    table = avoid_table(rules, strings, "written")
    assert [rule.id for rule in written_rules(rules)] == SHARED_IDS
    for rule in written_rules(rules):
        assert rule.id and f"“{rule.phrase.replace(chr(39), '&#39;')}”" in table, rule.id
    assert '{{ phrases_to_avoid("written") }}' in (ROOT / "docs" / "phrase-bank.md").read_text()
    with pytest.raises(ValueError, match="which must be 'blocked' or 'written'"):
        avoid_table(rules, strings, "other")
