"""The "Which playbook fits?" guide: its questions and rules as data, every path
rendered as nested native <details>, so a reader clicks through it with or
without JavaScript.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from .card import card_id
from .errors import UnknownTemplate, display_path
from .loader import Pack

GUIDE_FILE = Path(__file__).parent / "data" / "decision-guide.yml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Question(_Strict):
    id: str
    ask: str
    answers: dict[str, str]


class Rule(_Strict):
    when: dict[str, str]
    then: str


class Upset(_Strict):
    when: dict[str, str]
    also_read: str
    add_template: str


class Guide(_Strict):
    questions: list[Question]
    playbook: list[Rule]
    templates: dict[str, dict[str, list[str]]]
    upset: Upset


def load_guide(path: Path = GUIDE_FILE, pack: Pack | None = None) -> Guide:
    """The guide's data; with a pack, every template it names must exist."""
    try:
        guide = Guide.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except yaml.YAMLError as error:
        raise ValueError(f"{display_path(path)}: {error}") from None
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}"
                             for e in error.errors())
        raise ValueError(f"{display_path(path)}: {problems}") from None
    named = {t for lists in guide.templates.values() for ids in lists.values() for t in ids}
    named.add(guide.upset.add_template)
    unknown = sorted(t for t in named if pack is not None and t not in pack.templates)
    if unknown:
        raise UnknownTemplate(f"{display_path(path)}: unknown template id(s) {', '.join(unknown)}")
    return guide


def _matches(when: dict[str, str], answers: dict[str, str]) -> bool:
    return all(answers.get(question) == answer for question, answer in when.items())


def outcome(guide: Guide, answers: dict[str, str]) -> tuple[str, str | None, list[str]]:
    """The playbook, a second playbook to read (or None), and the templates in order."""
    playbook = next(rule.then for rule in guide.playbook if _matches(rule.when, answers))
    templates = list(guide.templates[playbook][answers["live"]])
    also = None
    if _matches(guide.upset.when, answers) and playbook != guide.upset.also_read:
        also = guide.upset.also_read
        if guide.upset.add_template not in templates:
            templates.insert(1, guide.upset.add_template)
    return playbook, also, templates


def render_guide(guide: Guide, pack: Pack, page: str, strings: dict) -> str:
    """Markdown (with md_in_html) for every path through the questions."""
    here = posixpath.dirname(page) or "."

    def link(to_page: str, anchor: str = "") -> str:
        return posixpath.relpath(to_page, here) + (f"#{anchor}" if anchor else "")

    def result(answers: dict[str, str]) -> str:
        s = strings["guide"]
        playbook, also, ids = outcome(guide, answers)
        title = strings["playbooks"][playbook]
        lines = [f'<div class="mir-guide__result" markdown>',
                 f"**{s['read']}** [{title}]({link(pack.rules.playbooks[playbook].page)})"]
        if also:
            lines.append(f"\n{s['also_read']} [{strings['playbooks'][also]}]"
                         f"({link(pack.rules.playbooks[also].page)})")
        lines.append(f"\n{s['templates']}\n")
        for number, template_id in enumerate(ids, 1):
            template = pack.get(template_id)
            # Link to the card on the playbook being read, if it is there.
            home = playbook if playbook in template.playbooks else template.playbooks[0]
            target = link(pack.rules.playbooks[home].page, card_id(template))
            lines.append(f"{number}. [{template.title}]({target}) "
                         f"({strings['channels'][template.channel]})")
        return "\n".join(lines) + "\n\n</div>"

    def step(depth: int, answers: dict[str, str], group: str) -> str:
        if depth == len(guide.questions):
            return result(answers)
        question = guide.questions[depth]
        blocks = [f'<p class="mir-guide__question">{depth + 1}. {question.ask}</p>']
        for answer, label in question.answers.items():
            path = f"{group}-{answer}"
            inner = step(depth + 1, answers | {question.id: answer}, path)
            blocks.append(
                f'<details class="mir-guide__answer" name="{group}" markdown>\n'
                f"<summary>{label}</summary>\n\n{inner}\n\n</details>"
            )
        return "\n\n".join(blocks)

    return (f'<div class="mir-guide" data-mir-guide markdown>\n\n{step(0, {}, "guide")}\n\n'
            f'<button type="button" class="md-button" data-mir-restart hidden>'
            f'{strings["guide"]["restart"]}</button>\n\n</div>\n')
