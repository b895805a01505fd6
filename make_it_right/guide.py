"""The "Which playbook fits?" guide as data: its questions, its rules and each
playbook's template order, checked against the pack; and the outcome of any set
of answers. The page it becomes is html/guide.py's.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated

from pydantic import (AfterValidator, BaseModel, ConfigDict, Field, StringConstraints,
                      model_validator)

from .datafile import DATA_DIR, language_file, load_model
from .errors import DataError
from .escape import plain_line_problem
from .loader import Pack

GUIDE_DIR = DATA_DIR / "decision-guide"
# English is canonical: its file holds the guide's structure (rules, template
# lists); another language's file gives the questions' and answers' words.
GUIDE_FILE = GUIDE_DIR / "en.yml"
MAX_PATHS = 64
MAX_LIST = 16  # templates in one list: a path's plan is read, not scrolled

Key = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
def _plain(text: str) -> str:
    what = plain_line_problem(text)
    if what:
        raise ValueError(f"holds {what}; write one line of plain words")
    return text


Line = Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(_plain)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Question(_Strict):
    id: Key
    ask: Line
    answers: Annotated[dict[Key, Line], Field(min_length=2, max_length=8)]
    # Asked only on paths where an earlier question got one of these answers
    # ({"who": ["team", "me"]}); a question that means nothing there is skipped.
    ask_when: dict[Key, list[Key]] = {}

    def asked(self, answers: dict[str, str]) -> bool:
        return all(answers.get(q) in allowed for q, allowed in self.ask_when.items())


class Rule(_Strict):
    when: dict[Key, Key]
    then: Key


class Upset(_Strict):
    when: dict[Key, Key]
    also_read: Key
    add_template: Key
    # Playbooks whose own call script handles an upset client, in words agreed
    # first: the talk-track is not added to them.
    not_for: list[Key] = []


def _once_each(ids: list[str]) -> list[str]:
    seen: set[str] = set()
    repeated: set[str] = set()
    for i in ids:
        (repeated if i in seen else seen).add(i)
    if repeated:
        raise ValueError(f"lists {', '.join(sorted(repeated))} more than once; name each template once")
    return ids


TemplateList = Annotated[list[Key], Field(max_length=MAX_LIST), AfterValidator(_once_each)]


class Guide(_Strict):
    questions: Annotated[list[Question], Field(min_length=1, max_length=8)]
    playbook: Annotated[list[Rule], Field(max_length=MAX_PATHS)]
    # The question whose answer picks a playbook's template list (templates.<playbook>.<answer>).
    list_by: Key
    templates: dict[Key, dict[Key, TemplateList]]
    upset: Upset

    @model_validator(mode="after")
    def _lists_by_a_question(self) -> Guide:
        if self.list_by not in {q.id for q in self.questions}:
            raise ValueError(f"list_by names '{self.list_by}', which is not a question; "
                             f"use one of: {', '.join(q.id for q in self.questions)}")
        return self

    @model_validator(mode="after")
    def _asks_after_known_answers(self) -> Guide:
        earlier: dict[str, Question] = {}
        for question in self.questions:
            for q, allowed in question.ask_when.items():
                if q not in earlier:
                    raise ValueError(f"question '{question.id}': ask_when names '{q}', "
                                     "which is not an earlier question")
                unknown = [a for a in allowed if a not in earlier[q].answers]
                if unknown:
                    raise ValueError(f"question '{question.id}': ask_when gives '{q}' the "
                                     f"unknown answer '{unknown[0]}'")
            earlier[question.id] = question
        return self

    @model_validator(mode="after")
    def _bounded(self) -> Guide:
        # With every question asked, the count is the product. Skipped questions
        # bring it down: walk the paths, stopping as soon as there are too many.
        count = math.prod(len(q.answers) for q in self.questions)
        if count > MAX_PATHS and any(q.ask_when for q in self.questions):
            count = len(_walk(self.questions, limit=MAX_PATHS))
            shown = f"more than {MAX_PATHS}"
        else:
            shown = str(count)
        if count > MAX_PATHS:
            raise ValueError(f"the questions make {shown} paths; keep it to {MAX_PATHS} "
                             "(fewer questions or answers)")
        return self


def load_guide(path: Path = GUIDE_FILE, pack: Pack | None = None) -> Guide:
    """The guide's data; with a pack, every playbook and template it names must exist,
    and every path must end in a playbook."""
    guide = load_model(path, Guide)
    if pack is not None:
        problems = guide_problems(guide, pack)
        if problems:
            raise DataError(path, "; ".join(problems))
    return guide


class _Words(BaseModel):
    """A question's words in another language (its ask_when comes from English)."""
    model_config = ConfigDict(extra="ignore", frozen=True)
    id: Key
    ask: Line
    answers: dict[Key, Line]


class _GuideWords(BaseModel):
    # A translator's file may be a full copy of the English one: only the words count.
    model_config = ConfigDict(extra="ignore", frozen=True)
    questions: list[_Words]


def guide_path(language: str) -> Path:
    return language_file(GUIDE_DIR, language, "decision guide")


def load_guide_in(language: str, canonical: Path = GUIDE_FILE) -> Guide:
    """The guide in a language: English's structure with the language's words for
    every question and answer (the same ids, the same answers)."""
    english = load_guide(canonical)
    path = canonical.parent / f"{language}.yml"
    if path == canonical:
        return english
    words = load_model(language_file(canonical.parent, language, "decision guide"), _GuideWords)
    theirs = {q.id: q for q in words.questions}
    problems = []
    questions = []
    for question in english.questions:
        own = theirs.get(question.id)
        if own is None:
            problems.append(f"question '{question.id}' is missing; translate it")
            continue
        missing = [a for a in question.answers if a not in own.answers]
        extra = [a for a in own.answers if a not in question.answers]
        if missing or extra:
            problems.append(f"question '{question.id}' must have the answers "
                            f"{', '.join(question.answers)}, as English has")
            continue
        questions.append(question.model_copy(update={
            "ask": own.ask, "answers": {a: own.answers[a] for a in question.answers}}))
    problems += [f"question '{q}' is not in English's guide; remove it"
                 for q in theirs if q not in {q.id for q in english.questions}]
    if problems:
        raise DataError(path, "; ".join(problems))
    return english.model_copy(update={"questions": questions})


def guide_problems(guide: Guide, pack: Pack) -> list[str]:
    problems = []
    named = {t for lists in guide.templates.values() for ids in lists.values() for t in ids}
    named.add(guide.upset.add_template)
    problems += [f"unknown template id '{t}'" for t in sorted(named) if t not in pack.templates]
    playbooks = {r.then for r in guide.playbook} | set(guide.templates) | {guide.upset.also_read}
    problems += [f"unknown playbook '{p}'; use one of: {', '.join(pack.rules.playbooks)}"
                 for p in sorted(playbooks) if p not in pack.rules.playbooks]
    if problems:
        return problems
    for answers in all_answers(guide):
        try:
            outcome(guide, answers)
        except (StopIteration, KeyError):
            problems.append(f"no rule or template list for the answers {answers}")
    return problems


def _walk(questions: list[Question], limit: int = MAX_PATHS) -> list[dict[str, str]]:
    """Every path: a mapping of each question asked on it to its answer."""
    paths: list[dict[str, str]] = [{}]
    for question in questions:
        longer: list[dict[str, str]] = []
        for path in paths:
            if question.asked(path):
                longer += [path | {question.id: answer} for answer in question.answers]
            else:
                longer.append(path)
        paths = longer
        if len(paths) > limit:
            break
    return paths


def all_answers(guide: Guide) -> list[dict[str, str]]:
    """Every path through a loaded guide (its validation keeps them within MAX_PATHS)."""
    return _walk(guide.questions)
def _matches(when: dict[str, str], answers: dict[str, str]) -> bool:
    return all(answers.get(question) == answer for question, answer in when.items())


def outcome(guide: Guide, answers: dict[str, str]) -> tuple[str, str | None, list[str]]:
    """The playbook, a second playbook to read (or None), and the templates in order."""
    playbook = next(rule.then for rule in guide.playbook if _matches(rule.when, answers))
    templates = list(guide.templates[playbook][answers[guide.list_by]])
    also = None
    if _matches(guide.upset.when, answers) and playbook != guide.upset.also_read:
        also = guide.upset.also_read
        if guide.upset.add_template not in templates and playbook not in guide.upset.not_for:
            templates.insert(1, guide.upset.add_template)
    return playbook, also, templates
