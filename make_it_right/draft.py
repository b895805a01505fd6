"""Check a reader's own draft against the handbook's rules: pure, no I/O.

First the draft's structure is read (draft_structure: a quoted thread, a
signature, a legal notice or a call script's avoid list is set aside, and said
so); then the wording rules (data/draft-rules/<language>.yml: written
admissions, half apologies, over-promises, blame, vague times, the evasive
passive, tone), the parts a draft needs for its channel and situation
(rules.yml `draft_checks` says which, the language's draft rules `parts` how
each is said), each channel's limits and reading ease run on the
writer's own words. web/core/draft.js does the same in the browser from
the data `draft_data()` gives it; the corpus in tests/engine/drafts holds both to
the same findings.

Spans count Unicode code points in the text as given, as Python indexes it.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass

from .draft_rules import CATEGORIES as CATEGORIES  # re-exported: the tests read it here
from .draft_clauses import ClauseSpec, ClauseView
from .draft_rules import TOO_LONG, DraftRules, load_draft_rules, matches
from .draft_structure import Structure, read_structure
from .measure import GSM7_BASIC, GSM7_EXTENDED, count_words, read_aloud, seconds_to_say, sms_size
from .patterns import LINE_BREAKS, QUOTES, SPACES, Normalized, find_all, js_flags, normalize
from .readability import flesch_score, syllable_count
from .rules import Rules, load_rules
from .strings import Strings, load_strings

SENTENCE_ENDS = ".!?\u2026"
SENTENCE_CLOSERS = "\"')]"


@dataclass(frozen=True)
class Finding:
    rule: str  # a stable id: a wording rule's id, a part, a measure, or reading-ease
    category: str  # one of CATEGORIES
    message: str
    instead: str | None = None
    link: str | None = None  # the handbook section that explains it: page.md#anchor
    start: int | None = None  # the span it points at, when it points at text
    end: int | None = None

    def as_json(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass(frozen=True)
class Draft:
    """A draft split as the checks read it."""

    text: str
    channel: str
    subject: str | None  # the subject line's text, for a channel that has one
    body_start: int  # where the body begins in the normalised text
    norm: Normalized  # the writer's own words, normalised (what was set aside is blank)
    structure: Structure

    @property
    def own_text(self) -> str:
        """The writer's own words as typed, with what was set aside left out."""
        return "".join(ch for ch, hide in zip(self.text, self.structure.hidden, strict=False) if not hide)

    @property
    def body(self) -> str:
        return self.norm.text[self.body_start:]


def check_draft(text: str, channel: str | None = None, playbook: str | None = None,
                rules: Rules | None = None, strings: Strings | None = None,
                wording: DraftRules | None = None) -> list[Finding]:
    """Everything the handbook would change in `text`, in a stable order."""
    rules = rules or load_rules()
    strings = strings or load_strings()
    wording = wording or load_draft_rules(strings.language)
    if len(text) > wording.max_chars:
        words = strings.draft.too_long
        return [Finding(TOO_LONG, "size", words.message.format(
            value=len(text), limit=wording.max_chars), words.instead, wording.links[TOO_LONG])]
    draft = read_draft(text, channel or guess_channel(text, rules, strings, wording), rules,
                       strings, wording)
    view = wording.view(draft.norm.text, draft.norm.breaks)
    return (wording_findings(draft, wording, view)
            + missing_parts(draft, playbook, rules, strings, wording, view)
            + limits(draft, rules, strings, wording) + readability(draft, rules, strings, wording))


def read_draft(text: str, channel: str, rules: Rules, strings: Strings,
               wording: DraftRules | None = None) -> Draft:
    if channel not in rules.draft_checks.channels:
        raise ValueError(f"unknown channel '{channel}'; use one of: "
                         f"{', '.join(rules.draft_checks.channels)}")
    structure = read_structure(text, wording or load_draft_rules(strings.language))
    norm = normalize(structure.own_words(text))
    subject, body_start = None, 0
    if rules.channels[channel].has_subject:
        found = subject_line(text, strings)
        if found is not None:
            subject, after = found
            body_start = next((i for i, o in enumerate(norm.origin) if o >= after), len(norm.text))
    return Draft(text, channel, subject, body_start, norm, structure)


def subject_line(text: str, strings: Strings) -> tuple[str, int] | None:
    """The subject, and where the body begins, when the first line with text is
    a subject line ("Subject: …", in the strings' words)."""
    label = subject_label(strings)
    start = 0
    while start < len(text) and text[start] in SPACES:
        start += 1
    end = start
    while end < len(text) and text[end] not in LINE_BREAKS:
        end += 1
    line = text[start:end]
    if not line.lower().startswith(label.lower()):
        return None
    return line[len(label):].strip(SPACES), end


def subject_label(strings: Strings) -> str:
    """"Subject:": what comes before the subject in the card's subject line."""
    return strings.card.subject.split("{subject}")[0].strip()


def guess_channel(text: str, rules: Rules, strings: Strings,
                  wording: DraftRules | None = None) -> str:
    """The channel a draft looks like: a subject line makes an email, then the
    rules' cues in order, then one text message's length makes an SMS."""
    if subject_line(text, strings) is not None:
        return next(name for name in rules.draft_checks.channels if rules.channels[name].has_subject)
    structure = read_structure(text, wording or load_draft_rules(strings.language))
    normal = normalize(structure.own_words(text)).text
    for guess in (wording or load_draft_rules()).guess:
        if find_all(guess.regex, normal):
            return guess.channel
    own = "".join(ch for ch, hide in zip(text, structure.hidden, strict=False) if not hide)
    if paragraphs(own) >= rules.draft_checks.email_paragraphs:
        return "email"
    if sms_size(own.strip(SPACES)).segments <= 1:
        return "sms"
    return "email"


def paragraphs(text: str) -> int:
    """How many runs of non-blank lines the text has (CRLF is one line break)."""
    count, blank = 0, True
    for line in re.split(f"[{LINE_BREAKS}]", text.replace("\r\n", "\n")):
        if line.strip(SPACES):
            count += blank
            blank = False
        else:
            blank = True
    return count


# -- wording ----------------------------------------------------------------------------

def wording_findings(draft: Draft, wording: DraftRules,
                     view: ClauseView | None = None) -> list[Finding]:
    """Each rule's matches; where two rules of one category flag overlapping text,
    the one listed first in the data speaks for both (a rule of the sentence-level
    pass stays quiet in a sentence its category has already flagged)."""
    found: list[tuple[int, int, Finding]] = []
    taken: dict[str, list[tuple[int, int]]] = {}
    sid = view.sentence_ids if view else None
    for order, rule in enumerate(wording.rules):
        if rule.channels is not None and draft.channel not in rule.channels:
            continue
        spans = taken.setdefault(rule.category, [])
        for start, end in wording.rule_spans(rule, draft.norm.text, draft.norm.breaks, view):
            if any(a < end and start < b for a, b in spans):
                continue
            if rule.clause is not None and sid and any(sid[a] == sid[start] for a, _ in spans):
                continue
            spans.append((start, end))
            first, last = draft.norm.span(start, end)
            found.append((first, order, Finding(rule.id, rule.category, rule.message,
                                                rule.instead, wording.link(rule), first, last)))
    return [finding for *_, finding in sorted(found, key=lambda f: (f[0], f[1]))]


# -- the parts a draft needs -------------------------------------------------------------

def required_parts(channel: str, playbook: str | None, rules: Rules) -> list[str]:
    checks = rules.draft_checks
    if playbook is not None and playbook not in rules.playbooks:
        raise ValueError(f"unknown playbook '{playbook}'; use one of: {', '.join(rules.playbooks)}")
    need = list(checks.channels[channel])
    for change in checks.situations.get(playbook or "", []):
        if change.channels is None or channel in change.channels:
            need = [p for p in need if p not in change.skip]
            need += [p for p in change.add if p not in need]
    return need


def missing_parts(draft: Draft, playbook: str | None, rules: Rules, strings: Strings,
                  wording: DraftRules, view: ClauseView | None = None) -> list[Finding]:
    words = strings.draft.parts
    link = wording.links["missing-part"]
    found = []
    if rules.channels[draft.channel].has_subject and not draft.subject:
        found.append(Finding("subject", "missing-part", words["subject"].message,
                             words["subject"].instead, link))
    for part in required_parts(draft.channel, playbook, rules):
        if not part_found(draft, wording, part, view):
            found.append(Finding(part, "missing-part", words[part].message, words[part].instead,
                                 link))
    return found


def part_found(draft: Draft, wording: DraftRules, name: str,
               view: ClauseView | None = None) -> bool:
    """The part is said: a match of its patterns, none of its `missing_with`
    categories flagged in the draft, and not every match in a sentence that one of
    its `not_beside` categories flags (a sentence that also has one of its
    `not_beside_unless` parts keeps its match). The part's `clause`, when it has
    one, adds the sentence-level pass's matches to its patterns'; a match in a
    clause with one of its `not_in_clause_with` lists, or one that a `not_in_clause`
    bar picks out, doesn't count."""
    part = wording.parts[name]
    text = draft.norm.text
    view = view or wording.view(text, draft.norm.breaks)
    if part.missing_with:
        spared = set().union(*(view.units_with(n, "sentence") for n in part.missing_with_unless)) \
            if view else set()
        only = set().union(*(view.units_with(n, "sentence") for n in part.missing_with_if)) \
            if view and part.missing_with_if else None
        if any(view is None or (view.sentence_ids[a] not in spared
                                and (only is None or view.sentence_ids[a] in only))
               for a, _ in category_spans(draft, wording, part.missing_with, view)):
            return False
    spans = view.spans(name) if view is not None else matches(part.regexes, part.unless_regexes, text)
    if view is not None:
        spans = sorted(view.part_spans(name)
                       + [s for spec in part.clauses
                          if spec.channels is None or draft.channel in spec.channels
                          for s in view.find(spec)])
    if not part.not_beside:
        return bool(spans)
    sid = sentence_ids(text, draft.norm.breaks)
    flagged = {i for a, b in category_spans(draft, wording, part.not_beside, view)
               for i in range(sid[a], sid[b - 1] + 1)}
    flagged -= {sid[a] for other in part.not_beside_unless
                for a, _ in (view.spans(other) if view is not None else
                             matches(wording.parts[other].regexes, wording.parts[other].unless_regexes, text))}
    return any(sid[a] not in flagged and sid[b - 1] not in flagged for a, b in spans)


def category_spans(draft: Draft, wording: DraftRules, categories: list[str],
                   view: ClauseView | None = None) -> list[tuple[int, int]]:
    """Where the wording rules of `categories` flag the draft (in the normalised text)."""
    return [span for rule in wording.rules if rule.category in categories
            and (rule.channels is None or draft.channel in rule.channels)
            for span in wording.rule_spans(rule, draft.norm.text, draft.norm.breaks, view)]


def sentence_ids(text: str, breaks: frozenset[int]) -> list[int]:
    """For each index, which sentence it is in: a sentence ends at . ! ? or …
    before a space or the end, and at a line break."""
    ids, current, n = [], 0, len(text)
    for i, ch in enumerate(text):
        ids.append(current)
        if i in breaks or (ch in SENTENCE_ENDS and (i + 1 == n or text[i + 1] == " ")):
            current += 1
    return ids


# -- sizes -------------------------------------------------------------------------------

def spoken_words(draft: Draft, rules: Rules) -> int:
    """Words read aloud: each digit of a phone number is one (as for the templates)."""
    spelled = rules.draft_checks.phone_regex.sub(
        lambda m: read_aloud(m.group(0)), draft.body)
    return count_words(spelled)


DRAFT_MEASURES = {
    "subject-chars": lambda draft, rules: len(draft.subject or ""),
    "body-words": lambda draft, rules: count_words(draft.body),
    "spoken-seconds": lambda draft, rules: seconds_to_say(spoken_words(draft, rules), rules),
    "phone-mentions": lambda draft, rules: len(find_all(rules.draft_checks.phone_regex,
                                                        draft.norm.text)),
    "sms-segments": lambda draft, rules: sms_size(draft.own_text.strip(SPACES)).segments,
}


def limits(draft: Draft, rules: Rules, strings: Strings, wording: DraftRules) -> list[Finding]:
    """The channel's own limits (rules.yml `channels`), measured on the draft: over a
    maximum is a size finding, under a minimum a missing part."""
    found = []
    for limit in rules.channels[draft.channel].limits:
        value = DRAFT_MEASURES[limit.measure](draft, rules)
        if limit.max is not None and value > limit.max:
            category, bound = "size", limit.max
        elif limit.min is not None and value < limit.min:
            category, bound = "missing-part", limit.min
        else:
            continue
        words = strings.draft.limits[limit.measure]
        message = words.message.format(value=whole(value), limit=whole(bound))
        found.append(Finding(limit.measure, category, message, words.instead,
                             wording.links[category]))
    return found


def whole(value: float) -> int:
    """Rounded half up, as the browser's Math.round does."""
    return math.floor(value + 0.5)


# -- reading ease ------------------------------------------------------------------------

def sentences(text: str, breaks: frozenset[int], start: int) -> list[tuple[int, int]]:
    """Sentence spans of `text` from `start`: each ends at . ! ? or … (with any
    closing quote or bracket) before a space, or at a line break."""
    spans, begin, i, n = [], start, start, len(text)
    while i < n:
        if text[i] in SENTENCE_ENDS:
            j = i
            while j < n and text[j] in SENTENCE_ENDS:
                j += 1
            while j < n and text[j] in SENTENCE_CLOSERS:
                j += 1
            if j == n or text[j] == " ":
                spans.append((begin, j))
                begin = j
            i = j
            continue
        if text[i] == " " and i in breaks:
            spans.append((begin, i))
            begin = i + 1
        i += 1
    spans.append((begin, n))
    return [(s, e) for s, e in (_trim(text, s, e) for s, e in spans) if e > s]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] == " ":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    return start, end


def letter_words(text: str, start: int, end: int) -> list[str]:
    """Runs of letters, joined across an apostrophe between letters ("don't")."""
    found, i = [], start
    while i < end:
        if not text[i].isalpha():
            i += 1
            continue
        j = i + 1
        while True:
            while j < end and text[j].isalpha():
                j += 1
            if j + 1 < end and text[j] == "'" and text[j + 1].isalpha():
                j += 1
                continue
            break
        found.append(text[i:j])
        i = j
    return found


@dataclass(frozen=True)
class Ease:
    score: float
    words: int
    worst: tuple[int, int]  # the sentence that pulls the score down most
    longest: tuple[int, int]  # the sentence with the most words
    longest_words: int


def reading_ease(draft: Draft) -> Ease | None:
    text = draft.norm.text
    counted = []
    for start, end in sentences(text, draft.norm.breaks, draft.body_start):
        words = letter_words(text, start, end)
        if words:
            counted.append(((start, end), len(words), sum(syllable_count(w) for w in words)))
    total_words = sum(c[1] for c in counted)
    if not total_words:
        return None
    total_syllables = sum(c[2] for c in counted)
    score = flesch_score(total_words, len(counted), total_syllables)
    longest, longest_words = max(((c[0], c[1]) for c in counted), key=lambda c: c[1])
    worst, best_gain = counted[0][0], None
    for span, sentence_words, syllables in counted:
        if len(counted) == 1:
            break
        without = flesch_score(total_words - sentence_words, len(counted) - 1,
                               total_syllables - syllables)
        if best_gain is None or without - score > best_gain:
            worst, best_gain = span, without - score
    return Ease(score, total_words, worst, longest, longest_words)


def uses_flesch(rules: Rules) -> bool:
    """Flesch reading ease is calibrated for English: a language whose rules name
    another measure (languages/<code>.yml readability) has no reading-ease check."""
    return rules.language.readability.measure == "flesch"


def readability(draft: Draft, rules: Rules, strings: Strings,
                wording: DraftRules) -> list[Finding]:
    if not uses_flesch(rules):
        return []
    bar = rules.draft_checks.reading_ease
    ease = reading_ease(draft)
    if ease is None:
        return []
    words = strings.draft.reading_ease
    missed = [b for b in bar.bars if ease.words >= b.words and ease.score < b.min]
    if missed:
        message = words.message.format(score=whole(ease.score), min=whole(missed[-1].min))
        marked = ease.worst
    elif draft.channel in bar.sentence_channels and ease.longest_words > bar.max_sentence_words:
        message = words.long_sentence.format(words=ease.longest_words, max=bar.max_sentence_words)
        marked = ease.longest
    else:
        return []
    start, end = draft.norm.span(*marked)
    return [Finding("reading-ease", "readability", message, words.instead,
                    wording.links["readability"], start, end)]


# -- what a reader sees besides the findings ---------------------------------------------

def sizes(text: str, channel: str, rules: Rules | None = None,
          strings: Strings | None = None) -> dict[str, float | int | str | None]:
    """The draft's sizes, for the summary line: words, seconds read aloud, subject
    length, text-message characters and segments, and reading ease."""
    rules = rules or load_rules()
    strings = strings or load_strings()
    draft = read_draft(text, channel, rules, strings)
    sms = sms_size(draft.own_text.strip(SPACES))
    ease = reading_ease(draft) if uses_flesch(rules) else None
    return {
        "words": count_words(draft.body),
        "spoken_seconds": whole(DRAFT_MEASURES["spoken-seconds"](draft, rules)),
        "subject_chars": len(draft.subject) if draft.subject is not None else None,
        "sms_characters": sms.units,
        "sms_segments": sms.segments,
        "reading_ease": whole(ease.score) if ease else None,
    }


def summary(text: str, channel: str, rules: Rules | None = None,
            strings: Strings | None = None) -> str:
    """One line of sizes, in the strings' words: words, the channel's own size (its
    `size` in rules.yml) where that is not words, the subject, reading ease."""
    rules = rules or load_rules()
    strings = strings or load_strings()
    s = sizes(text, channel, rules, strings)
    size = rules.channels[channel].size
    words = strings.draft.sizes
    def counted(text: str | dict[str, str], key: str) -> str:
        return strings.counted(text, float(s[key] or 0), value=s[key])

    parts = [counted(words.words, "words")]
    if size == "spoken-seconds":
        parts.append(counted(words.spoken_seconds, "spoken_seconds"))
    if s["subject_chars"] is not None:
        parts.append(counted(words.subject_chars, "subject_chars"))
    if size == "sms-characters":
        parts.append(words.sms.format(value=s["sms_characters"], segments=s["sms_segments"]))
    if s["reading_ease"] is not None:
        parts.append(words.reading_ease.format(value=s["reading_ease"]))
    return " · ".join(parts)


def set_aside_note(text: str, strings: Strings | None = None,
                   wording: DraftRules | None = None) -> str | None:
    """What was not checked, in the strings' words ("2 quoted lines and a
    signature were not checked"), or None when everything was."""
    strings = strings or load_strings()
    wording = wording or load_draft_rules(strings.language)
    if len(text) > wording.max_chars:
        return None
    counts = read_structure(text, wording).set_aside
    words = strings.draft.set_aside
    parts = [strings.counted(words.kinds[kind], n, count=n) for kind, n in counts.items()]
    if not parts:
        return None
    listed = parts[0] if len(parts) == 1 else \
        words.joined.format(first=", ".join(parts[:-1]), last=parts[-1])
    return words.note.format(parts=listed)


# -- what the browser receives -----------------------------------------------------------

def draft_data(rules: Rules, strings: Strings, wording: DraftRules | None = None) -> dict:
    """Everything draft.js needs, generated from rules.yml, the draft rules and the
    strings: the same patterns (with their flags), limits, parts and words, never a
    second list."""
    checks = rules.draft_checks
    wording = wording or load_draft_rules(strings.language)
    return {
        "wording": [{"id": r.id, "category": r.category, "channels": r.channels,
                     "patterns": r.patterns, "unless": r.unless, "beside": r.beside,
                     "flags": js_flags(r.case_sensitive), "message": r.message,
                     "instead": r.instead, "link": wording.link(r),
                     "clause": clause_data(r.clause)} for r in wording.rules],
        "clauses": wording.clauses and {
            "ends": wording.clauses.ends, "carry": wording.clauses.carry,
            "refer": wording.clauses.refer, "referNotUs": wording.clauses.refer_not_us, "subject": wording.clauses.subject,
            "words": wording.clauses.words, "flags": js_flags(),
            "actors": [{"kind": a.kind, "source": a.pattern, "flags": js_flags(a.case_sensitive)}
                       for a in wording.clauses.actors]},
        "setAside": {name: kind.model_dump() for name, kind in wording.set_aside.items()},
        "links": wording.links,
        "maxChars": wording.max_chars,
        "parts": {name: {"patterns": part.patterns, "unless": part.unless, "flags": js_flags(),
                         "missingWith": part.missing_with, "notBeside": part.not_beside,
                         "missingWithUnless": part.missing_with_unless,
                         "missingWithIf": part.missing_with_if,
                         "clauses": [clause_data(c) for c in part.clauses],
                         "notInClauseWith": part.not_in_clause_with,
                         "notInClause": [bar.model_dump() for bar in part.not_in_clause],
                         "notBesideUnless": part.not_beside_unless}
                  for name, part in wording.parts.items()},
        "channels": {name: {"parts": need, "subject": rules.channels[name].has_subject,
                            "size": rules.channels[name].size,
                            "limits": [limit.model_dump() for limit in rules.channels[name].limits]}
                     for name, need in checks.channels.items()},
        "situations": {name: [change.model_dump() for change in changes]
                       for name, changes in checks.situations.items()},
        "phone": {"source": checks.phone_pattern, "flags": js_flags()},
        "guess": [{"channel": g.channel, "source": g.pattern, "flags": js_flags()}
                  for g in wording.guess],
        "emailParagraphs": checks.email_paragraphs,
        "readingEase": checks.reading_ease.model_dump() if uses_flesch(rules) else None,
        "wordsPerMinute": rules.limits.voicemail_words_per_minute,
        "subjectLabel": subject_label(strings),
        "spaces": SPACES,
        "lineBreaks": LINE_BREAKS,
        "quotes": QUOTES,
        "sentenceEnds": SENTENCE_ENDS,
        "sentenceClosers": SENTENCE_CLOSERS,
        "gsm7": "".join(sorted(GSM7_BASIC)),
        "gsm7Extended": "".join(sorted(GSM7_EXTENDED)),
        "strings": strings.draft.model_dump(by_alias=True),
        "language": strings.language,
    }


def clause_data(spec: ClauseSpec | None) -> dict | None:
    """A rule's or a part's `clause:` as draft.js reads it."""
    if spec is None:
        return None
    return {"verbs": spec.verbs, "actor": spec.actor, "has": spec.has, "not": spec.not_,
            "within": spec.within, "notInClause": spec.not_in_clause,
            "after": spec.after, "channels": spec.channels, "alone": spec.alone}
