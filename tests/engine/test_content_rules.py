"""Content rules: what the templates and pages may say, and how the decision guide and
the playbooks agree on one order.

These tests read the repository's files directly (templates/, docs/, make_it_right/data/),
with no engine code, so they can move with the content. Each one states a rule from
issue #11 that a machine can check, about what particular pages and templates say.
The rules every playbook and the decision guide keep (one order per playbook, the
answers' lists, each page's shape and size) are `make-it-right check`'s own
(make_it_right/html/handbook_check.py, tested in test_handbook_check.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from guide_paths import GUIDE as GUIDE_MODEL
from guide_paths import PATHS
from make_it_right.guide import outcome

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "make_it_right" / "data"
PLACEHOLDER = re.compile(r"\{\{\s*([a-z][a-z0-9_]*)\s*\}\}")


def load(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


TEMPLATES = {t["id"]: t for t in map(load, sorted((ROOT / "templates").rglob("*.yml")))}
RULES = load(DATA / "rules.yml")
GUIDE = load(DATA / "decision-guide" / "en.yml")
PLAYBOOKS = RULES["playbooks"]
EXEMPT = set(RULES["phrase_check_exempt_sections"])  # sections that quote what not to say


def filled(template: dict, text: str) -> str:
    """Text with every blank filled with its example, apostrophes made plain."""
    fields = template.get("fields", {})
    return PLACEHOLDER.sub(lambda m: str(fields[m.group(1)]["example"]), text).replace("’", "'")


ADVICE = {"points"}  # a call script's advice to the reader, never said to the client


def spoken_texts(template: dict) -> dict[str, str]:
    """Subject and sections a reader sends or says, filled with the examples."""
    texts = {"subject": template["subject"]} if template.get("subject") else {}
    texts |= {name: text for name, text in template["sections"].items()
              if name not in EXEMPT | ADVICE}
    return {name: filled(template, text) for name, text in texts.items()}


def page(playbook: str) -> str:
    return (ROOT / "docs" / PLAYBOOKS[playbook]["page"]).read_text(encoding="utf-8")


# ---------------------------------------------------------------- the guide's paths

def route(answers: dict) -> tuple[str, list[str]]:
    """The playbook and its own templates for a path (without the upset add-on)."""
    playbook = outcome(GUIDE_MODEL, answers)[0]
    return playbook, GUIDE["templates"][playbook][answers["live"]]


def test_the_guide_does_not_send_a_calm_client_to_the_angry_page():
    for answers in PATHS:
        playbook, _ = route(answers)
        if answers["mood"] == "calm":
            assert playbook != "angry-client", answers


def test_when_you_cannot_talk_soon_the_voicemail_is_on_the_path():
    for answers in PATHS:
        if answers["live"] != "no":
            continue
        playbook, ids = route(answers)
        voicemails = [i for i in GUIDE["templates"][playbook]["order"]
                      if TEMPLATES[i]["channel"] == "voicemail"]
        if voicemails:
            assert set(ids) & set(voicemails), f"{answers}: no voicemail on the path"


def test_every_situation_is_an_answer_in_the_guide():
    """Every playbook is where some path leads, as the one to read or, for an upset
    client, the one to read as well."""
    reached = {p for answers in PATHS for p in outcome(GUIDE_MODEL, answers)[:2] if p}
    # make-goods is a page the others link to, not a situation of its own.
    assert reached == set(PLAYBOOKS) - {"make-goods"}
    assert {route(answers)[0] for answers in PATHS} == set(PLAYBOOKS) - {"make-goods", "angry-client"}


# ---------------------------------------------------------- broken promise (defects 1, 5)

ADMISSION = re.compile(
    r"\bwe (told|promised|said|agreed)\b|what we (promised|told|said)|that'?s on us"
    r"|\b(our|my) fault\b|\bwe (can'?t|cannot|won'?t)\b|\bcan'?t (do|deliver|keep)\b",
    re.IGNORECASE)


def before_the_call(playbook: str) -> list[str]:
    """Client-facing templates the playbook's order puts before its call script."""
    order = GUIDE["templates"][playbook]["order"]
    first_call = next(i for i, t in enumerate(order) if TEMPLATES[t]["channel"] == "call-script")
    return [t for t in order[:first_call] if TEMPLATES[t]["channel"] in ("email", "voicemail")]


def test_nothing_before_the_broken_promise_call_admits_the_promise_or_says_no():
    ids = before_the_call("broken-promise")
    assert {"call-request-changed-promise", "call-back-changed-promise"} <= set(ids)
    for template_id in ids:
        for name, text in spoken_texts(TEMPLATES[template_id]).items():
            assert not ADMISSION.search(text), f"{template_id} ({name}): {text!r}"


def test_broken_promise_fields_do_not_assume_the_promise_was_made():
    for template in TEMPLATES.values():
        if "broken-promise" not in template["playbooks"]:
            continue
        for name, field in template.get("fields", {}).items():
            words = f"{field['label']} {field['hint']}".lower()
            assert "as the client understood it" not in words, (template["id"], name)
            assert "we told you" not in words, (template["id"], name)


def test_the_talk_track_has_a_line_for_a_misunderstanding():
    talk = TEMPLATES["broken-promise-talk-track"]
    assert "misunderstanding" in talk["sections"]["phrases"].lower()
    assert "don't question it" not in talk["sections"]["points"].lower()


# ---------------------------------------------------------------- make-goods (defect 3)

OPEN_ENDED = re.compile(
    r"anything else (that )?(would|could)|whatever (you want|you need|it takes)|tell me what would"
    r"|name (a|your) (price|figure)|what would make (it|this|things) (right|easier|up)"
    r"|anything you (want|need)", re.IGNORECASE)


def test_no_fallback_offers_open_ended_compensation():
    for template in TEMPLATES.values():
        for name, field in template.get("fields", {}).items():
            if field.get("fallback"):
                assert not OPEN_ENDED.search(field["fallback"]), (template["id"], name)


def test_no_template_invites_the_client_to_name_a_price():
    for template in TEMPLATES.values():
        for name, text in spoken_texts(template).items():
            assert not OPEN_ENDED.search(text), f"{template['id']} ({name}): {text!r}"


def test_mistake_playbooks_get_a_make_good_signed_off_first():
    for playbook in ("team-mistake", "my-mistake", "make-goods"):
        order = GUIDE["templates"][playbook]["order"]
        assert "make-good-approval" in order, playbook
    for playbook in ("team-mistake", "my-mistake"):
        order = GUIDE["templates"][playbook]["order"]
        offers = [t for t in order if "make_good" in TEMPLATES[t].get("fields", {})]
        assert order.index("make-good-approval") < min(order.index(t) for t in offers), playbook


# ------------------------------------------------- written admissions and money (defect 2)

def test_mistake_pages_warn_before_writing_when_money_is_at_stake():
    for playbook in ("team-mistake", "my-mistake", "make-goods"):
        text = page(playbook).lower()
        for word in ("contract", "insur", "in writing", "manager"):
            assert word in text, f"{PLAYBOOKS[playbook]['page']} never mentions {word!r}"


# ------------------------------------------------------------ the phrase bank (defect 4)

def blocked(phrase: str) -> dict:
    return next(b for b in RULES["blocked_phrases"] if b["phrase"] == phrase)


def test_blame_pattern_catches_blame_and_lets_reassurance_through():
    rule = blocked("it was [someone]'s fault")
    pattern = re.compile(rule["pattern"], re.IGNORECASE)
    for line in ("It was Dan's fault.", "This is your fault.", "That was all their fault."):
        assert pattern.search(line), line
    for line in ("None of this is your fault.", "It isn't your fault.", "It wasn't your fault."):
        assert not pattern.search(line), line


def test_no_suggested_line_is_a_blanket_admission():
    for rule in RULES["blocked_phrases"]:
        assert not re.search(r"fault is ours|\b(our|my) fault\b", rule["instead"], re.I), rule


# -------------------------------------------------------------- follow-through (defect 7)

def test_every_promised_email_has_a_template():
    """A script that closes by promising an email has an email follow-up on its playbooks."""
    for template in TEMPLATES.values():
        if template["channel"] != "call-script" or "email" not in template["sections"]["close"]:
            continue
        for playbook in template["playbooks"]:
            follow_ups = GUIDE["templates"][playbook]["follow-up"]
            assert any(TEMPLATES[t]["channel"] == "email" for t in follow_ups), (
                template["id"], playbook)


def test_own_mistake_voicemail_speaks_in_the_first_person():
    voicemails = [t for t in TEMPLATES.values()
                  if t["channel"] == "voicemail" and "my-mistake" in t["playbooks"]]
    assert voicemails
    for template in voicemails:
        why = template["sections"]["why-calling"]
        assert re.search(r"\bI('ve|'m| have| am)?\b", why) and not re.search(r"\b[Ww]e\b", why)


def test_the_own_mistake_page_has_no_adapt_by_hand_instructions():
    assert 'instead of "we"' not in page("my-mistake")


# ------------------------------------------------ team page quick start (defect 8)

def test_team_quick_start_keeps_the_condition_and_the_script_is_not_hard_coded():
    tip = page("team-mistake").split("\n\n")[2]  # the box after front matter and H1
    assert "call anyway" in tip and "need to hear" in tip
    assert "Here's the plan" not in TEMPLATES["team-mistake-opening"]["sections"]["opening"]


# ---------------------------------------------------------------- threats (defect 9)

def test_threats_are_a_safety_matter():
    text = page("angry-client").lower()
    for word in ("threat", "security", "hr", "emergency"):
        assert word in text, word
    assert "threat" in TEMPLATES["ending-abusive-call"]["sections"]["points"].lower()
    assert "after-abusive-call" in GUIDE["templates"]["angry-client"]["follow-up"]


# ------------------------------------------------------------ progress update (defect 10)

def test_progress_update_names_the_impact_and_does_not_reapologise():
    update = TEMPLATES["progress-update"]
    assert PLACEHOLDER.search(update["sections"]["acknowledgement"])
    assert "sorry" not in update["sections"]["apology"].lower()


def test_a_moved_date_has_its_own_update_wherever_progress_is_sent():
    on_track, moved = TEMPLATES["progress-update"], TEMPLATES["progress-update-date-moved"]
    assert set(moved["playbooks"]) == set(on_track["playbooks"])
    assert "on track" not in " ".join(moved["sections"].values()).lower()


# ------------------------------------------------------------- the data-slip page

LIABILITY = re.compile(
    r"\b(our|my) fault\b|\bliab|compensat|negligen|\bbreach\b|we failed|should have"
    r"|we('re| are) responsible", re.IGNORECASE)


def test_no_data_slip_template_admits_liability():
    ids = GUIDE["templates"]["data-slip"]["order"]
    assert ids
    for template_id in ids:
        template = TEMPLATES[template_id]
        for name, text in spoken_texts(template).items():
            assert not LIABILITY.search(text), f"{template_id} ({name}): {text!r}"


def test_data_slip_page_is_a_hard_stop_first():
    text = page("data-slip")
    body = text.split("\n# ", 1)[1]
    first_block = body.split("\n\n", 2)[1]
    assert first_block.startswith('!!! danger'), "the page must open with the stop box"
    lower = text.lower()
    for word in ("data-protection lead", "legal", "deadline", "law"):
        assert word in lower, word
    assert "depends on" in lower


# --------------------------------------- fresh-reader review of the six newer pages

def texts_of(playbook: str) -> dict[str, str]:
    """Every line a reader sends or says on a playbook, keyed by "template (section)"."""
    return {f"{t} ({name})": text for t in GUIDE["templates"][playbook]["order"]
            for name, text in spoken_texts(TEMPLATES[t]).items()}


MONEY = re.compile(r"credit|refund|compensat|discount", re.IGNORECASE)


def test_outage_emails_to_every_client_name_no_credit_and_go_by_bcc():
    for template_id in ("outage-notice", "outage-update", "outage-resolved"):
        template = TEMPLATES[template_id]
        assert not any(MONEY.search(name) for name in template["fields"]), template_id
        for name, text in spoken_texts(template).items():
            assert not MONEY.search(text), f"{template_id} ({name}): {text!r}"
        assert "bcc" in template["when"].lower(), f"{template_id}: say BCC or mailing tool"
    order = GUIDE["templates"]["service-outage"]["order"]
    assert order.index("outage-resolved") < order.index("outage-credit")
    assert "one email per client" in TEMPLATES["outage-credit"]["when"].lower()


def test_each_outage_update_has_its_time_in_the_subject():
    assert "update_time" in PLACEHOLDER.findall(TEMPLATES["outage-update"]["subject"])


def test_outage_call_opens_with_sorry_and_nothing_assumes_patience():
    assert "sorry" in TEMPLATES["outage-key-account-call"]["sections"]["opening"].lower()
    for where, text in texts_of("service-outage").items():
        assert not re.search(r"patience|bearing with", text, re.I), where


ASKS_FOR_TERMS = re.compile(r"what would (have|need) to change", re.IGNORECASE)


def test_nothing_asks_what_would_have_to_change():
    """An open question about terms reads as a blank cheque (see the make-goods page)."""
    for template in TEMPLATES.values():
        for name, text in template["sections"].items():
            if name not in EXEMPT:
                assert not ASKS_FOR_TERMS.search(text), f"{template['id']} ({name})"
    for entry in PLAYBOOKS.values():
        for doc in (entry["page"], entry["checklist"]):
            assert not ASKS_FOR_TERMS.search((ROOT / "docs" / doc).read_text(encoding="utf-8")), doc


def test_escalation_covers_the_case_where_you_are_the_one_to_move():
    assert "If it's you they want moved" in page("client-escalation")
    assert "staying on the account" not in TEMPLATES["handover-note"]["sections"]["handover"]
    change = " ".join(TEMPLATES["account-team-change"]["sections"].values()).lower()
    for line in ("had to ask", "still here"):
        assert line not in change, line
    reply = TEMPLATES["reply-to-escalation"]
    assert "what_they_said" in PLACEHOLDER.findall(reply["sections"]["acknowledgement"])
    assert "can't reach your manager" in page("client-escalation").replace("’", "'").lower()


def test_the_data_slip_page_has_words_for_a_client_who_rings_first():
    order = GUIDE["templates"]["data-slip"]["order"]
    # The report to the data-protection lead comes first (issue 18, harm 2); the
    # holding line follows it, for a client who rings before the lead has answered.
    assert order[:2] == ["data-incident-report", "data-slip-holding-line"]
    assert TEMPLATES["data-slip-holding-line"]["channel"] == "call-script"
    report = TEMPLATES["data-incident-report"]
    assert {"dp_lead", "dp_lead_phone", "dp_backup"} <= set(report["fields"])
    assert next(iter(report["sections"])) == "to", "the report names who it goes to first"
    front = yaml.safe_load(page("data-slip").split("---", 2)[1])
    assert "phone" in front["description"], "the description must match the stop box"


def test_billing_requests_and_records_fit_an_invoice():
    order = GUIDE["templates"]["billing-error"]["order"]
    assert "call-request-short" not in order and "recap-after-fix-call" not in order
    assert order.index("overcharge-call") < order.index("overcharge-correction")
    request = " ".join(spoken_texts(TEMPLATES["invoice-call-request"]).values()).lower()
    for line in ("gone wrong", "the plan"):
        assert line not in request, line
    refund = TEMPLATES["overcharge-correction"]["fields"]["refund_timing"]["example"]
    assert not refund.lower().startswith("if "), "one refund line, not a choice of two"
    assert "absorb" in TEMPLATES["undercharge-recap"]["fields"]["billing_outcome"]["example"]
    assert "absorb" in TEMPLATES["undercharge-call"]["sections"]["phrases"].replace(
        "absorbing", "absorb")


def test_gone_quiet_messages_neither_reapologise_nor_guilt():
    for where, text in texts_of("gone-quiet").items():
        assert not re.search(r"\bsorry\b|haven't heard|stop filling|weren't what you wanted",
                             text, re.I), where


def test_make_goods_page_and_checklist_agree_and_the_deal_is_written_down():
    checklist = (ROOT / "docs" / PLAYBOOKS["make-goods"]["checklist"]).read_text(encoding="utf-8")
    assert "legal" in checklist and "in writing" in checklist
    text = page("make-goods")
    assert "full and final" in text and "in writing" in text
    assert GUIDE["templates"]["make-goods"]["follow-up"] == ["make-good-confirmation"]
    phrases = TEMPLATES["decline-demand-call"]["sections"]["phrases"].lower()
    for line in ("something specific you'd change", "beyond what we can offer"):
        assert line not in phrases, line


# ------------------------------------------------------------------ written fresh

SOURCE_SKELETONS = [
    "Clients know nobody is perfect",
    "Why did they start working with you",
    "At the first sign of trouble, drop whatever you're doing",
    "as you would to the person you respect most",
    "Refresh what you do and don't provide",
    "Say the words \"I'm sorry\" and mean them",
    "The customer is always right",
    "Numbers are safer",
    "Bite your tongue",
    "shows confidence and humility",
    "people rarely shout at a human voice",
    "keeps both sides honest",
    "have every right to be upset",
    "Nobody has to put up with a hostile conversation",
    "Know when to bring in support",
    "even when the facts are in dispute",
    "the events that led to the mistake",
    "tell your side or correct them yet",
    "re-plan the project in a direction",
]


def test_no_line_keeps_a_source_skeleton():
    files = [*(ROOT / "docs").rglob("*.md"), *(ROOT / "templates").rglob("*.yml")]
    for path in files:
        text = path.read_text(encoding="utf-8").replace("’", "'").lower()
        for line in SOURCE_SKELETONS:
            assert line.lower() not in text, f"{path.relative_to(ROOT)}: {line!r}"
