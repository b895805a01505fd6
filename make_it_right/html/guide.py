"""The "Which playbook fits?" guide on a page: every path through its questions
rendered as nested native <details>, so a reader clicks through it with or
without JavaScript; and each playbook's plan, marked once a template is sent.
"""

from __future__ import annotations

from itertools import groupby

from ..escape import plain
from ..guide import Guide, outcome
from ..loader import Pack
from ..model import Template
from ..strings import Strings
from .tables import card_link, docs_link


def render_guide(guide: Guide, pack: Pack, strings: Strings) -> str:
    """Markdown (with md_in_html) for every path through the questions."""
    s = strings.guide

    def result(answers: dict[str, str]) -> str:
        playbook, also, ids = outcome(guide, answers)
        lines = ['<div class="mir-guide__result" markdown>',
                 f"**{plain(s.read)}** [{plain(strings.playbooks[playbook])}]"
                 f"({docs_link(pack.rules.playbooks[playbook].page)})"]
        if also:
            lines.append(f"\n{plain(s.also_read)} [{plain(strings.playbooks[also])}]"
                         f"({docs_link(pack.rules.playbooks[also].page)})")
        lines.append(f"\n{plain(s.templates)}\n")
        lines += [_plan_item(f"{number}.", pack, pack.get(t), playbook, strings)
                  for number, t in enumerate(ids, 1)]
        return "\n".join(lines) + "\n\n</div>"

    def step(depth: int, answers: dict[str, str], group: str) -> str:
        while depth < len(guide.questions) and not guide.questions[depth].asked(answers):
            depth += 1
        if depth == len(guide.questions):
            return result(answers)
        question = guide.questions[depth]
        blocks = [f'<p class="mir-guide__question">{len(answers) + 1}. {plain(question.ask)}</p>']
        for answer, label in question.answers.items():
            path = f"{group}-{answer}"
            inner = step(depth + 1, answers | {question.id: answer}, path)
            blocks.append(
                f'<details class="mir-guide__answer" name="{group}" markdown>\n'
                f"<summary>{plain(label)}</summary>\n\n{inner}\n\n</details>"
            )
        return "\n\n".join(blocks)

    # Every path stays out of the search index (a section: the search plugin matches
    # excluded elements by tag, and the answers nest <div>s).
    return (f'<section class="mir-guide" data-mir-guide '
            f'data-search-exclude markdown>\n\n'
            f'{step(0, {}, "guide")}\n\n'
            f'<button type="button" class="md-button" data-mir-restart hidden>'
            f'{plain(s.restart)}</button>\n\n</section>\n')


def _plan_item(marker: str, pack: Pack, template: Template, playbook: str,
               strings: Strings) -> str:
    """A list item linking to a template's card, with its mark for once it is copied or
    sent for the active client (web/page/here.js shows it)."""
    return (f"{marker} [{plain(template.title)}]({card_link(pack, template, playbook)}) "
            f"({plain(strings.channels[template.channel])}) "
            f'<span data-mir-mark="{plain(template.id)}" hidden>{plain(strings.guide.done)}</span>')


def render_plan(guide: Guide, pack: Pack, playbook: str, strings: Strings,
                guide_page: str | None = None, steps: dict[str, str] | None = None) -> str:
    """A playbook's plan, for its own page: its templates in the guide's `order`, under
    the page's steps that place them (`steps`: template id to step heading), each
    marked once done, then a link to the guide (where the reader's answers are kept)."""
    order = guide.templates.get(playbook, {}).get("order")
    if not order:
        raise ValueError(f"decision-guide.yml gives '{playbook}' no `order`; list its "
                         "templates there, in the order its page shows them")
    steps = steps or {}
    lines = []
    for step, ids in groupby(order, key=lambda t: steps.get(t)):
        indent = "    " if step else ""
        if step:
            lines.append(f"- **{plain(step)}**")
        lines += [indent + _plan_item("-", pack, pack.get(t), playbook, strings) for t in ids]
    link = (f"\n\n[{plain(strings.guide.plan_guide)}]({docs_link(guide_page)})"
            if guide_page else "")
    items = "\n".join(lines)
    return (f'<details class="mir-plan" data-search-exclude markdown>\n'
            f"<summary>{plain(strings.guide.plan)}</summary>\n\n{items}{link}\n\n</details>\n")
