"""Pages may call the handbook's macros with literal arguments, and nothing else:
each attempt to reach Python, read files or break a macro is refused before any
page renders, with the page and line."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from make_it_right.errors import ContentError
from make_it_right.pages import card_steps, macro_calls
from make_it_right.html.site import Handbook

ONLY_CALLS = ("only a macro call may go inside {{ }}, like {{ template_card(\"id\") }}; the "
              f"macros are: {', '.join(sorted(Handbook.MACROS))}")


def load_with(project: Path, page: str) -> list[str]:
    docs = project / "docs"
    (docs / "checklists").mkdir(parents=True, exist_ok=True)
    (docs / "checklists" / "team-mistake.md").write_text("# Checklist\n\n- [ ] Breathe.\n")
    (docs / "index.md").write_text(f"---\ntitle: T\ndescription: D\n---\n\n# Page\n\n{page}\n")
    with pytest.raises(ContentError) as caught:
        Handbook.load(project)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize("page, message", [
    # Reaching Python through Jinja.
    ("{{ self.__init__.__globals__.__builtins__.__import__('os').getcwd() }}", ONLY_CALLS),
    ("{{ config }}", ONLY_CALLS),
    ("{{ cycler.__init__.__globals__.os.popen('id').read() }}", ONLY_CALLS),
    ("{{ template_card('late-files').__class__ }}", ONLY_CALLS),
    ("{{ template_card('late-files') | safe }}", ONLY_CALLS),
    ("{{ lipsum() }}", "'lipsum' is not one of the handbook's macros"),
    ("{% set x = 1 %}", "a {% set %} block is not allowed in a page"),
    ("{% include 'README.md' %}", "a {% include %} block is not allowed in a page"),
    ("{% for x in range(10**9) %}x{% endfor %}", "a {% for %} block is not allowed in a page"),
    ("{% macro m() %}{% endmacro %}", "a {% macro %} block is not allowed in a page"),
    ("{{ template_card(x) }}", "template_card(): arguments must be plain text or numbers"),
    ("{{ template_card(*ids) }}", "template_card(): write each argument out"),
    ("{{ template_card('a' ~ 'b') }}", "template_card(): arguments must be plain text or numbers"),
    ("{{ unclosed(", "unexpected 'end of template'"),
    # Bad arguments to real macros.
    ("{{ template_card('late-files', level='x') }}",
     "template_card(): level must be a whole number from 2 to 6, got 'x'"),
    ("{{ template_card('late-files', level=99) }}",
     "template_card(): level must be a whole number from 2 to 6, got 99"),
    ("{{ template_card('late-files', level=True) }}", "level must be a whole number"),
    ("{{ template_card(3) }}", "template_card(): the template id must be text"),
    ("{{ template_card('late-files', nope=1) }}", "got an unexpected keyword argument 'nope'"),
    ("{{ template_index(group='x') }}", "template_index(): group must be one of: playbook, channel"),
    ("{{ template_index(playbook='nope') }}", "template_index(): unknown playbook 'nope'"),
    ("{{ checklist('../../README') }}", "checklist(): unknown playbook '../../README'"),
    ("{{ checklist('/etc/passwd') }}", "checklist(): unknown playbook '/etc/passwd'"),
    ("{{ decision_guide(1) }}", "too many positional arguments"),
])
def test_page_is_refused_with_its_line(project, page, message):
    found = load_with(project, page)
    assert any(p.startswith("docs/index.md: line 8: ") and message in p for p in found), found


def test_a_card_placed_twice_on_a_page_is_refused(project):
    found = load_with(project, "{{ template_card('late-files') }}\n\n{{ template_card('late-files') }}")
    assert found == ["docs/index.md: line 10: template_card(): 'late-files' is already placed on "
                     "line 8; place each card once per page"]


def test_an_unknown_id_is_reported_once_at_its_own_line(project):
    """The first card brings the panel for every card; it must not fail for the second."""
    found = load_with(project, "{{ template_card('late-files') }}\n\n{{ template_card('lat-files') }}")
    assert len(found) == 1 and found[0].startswith("docs/index.md: line 10: template_card(): ")
    assert "'lat-files'" in found[0]


def test_front_matter_is_checked_too(project):
    docs = project / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("---\ntitle: \"{{ config.repo_url }}\"\n---\n\n# Page\n")
    with pytest.raises(ContentError) as caught:
        Handbook.load(project)
    assert str(caught.value) == ("docs/index.md: front matter 'title' holds template syntax "
                                 "({{, {% or {#); pages call macros in their text only")


def test_front_matter_that_is_not_yaml_is_named_not_shown_as_text(project):
    """MkDocs would print a broken block as the page's first paragraph and title the
    page from its file name ("Billing error" on a Russian page)."""
    docs = project / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("---\ntitle: T\ndescription: Fix it: now\n---\n\n# Page\n")
    with pytest.raises(ContentError) as caught:
        Handbook.load(project)
    assert str(caught.value) == ("docs/index.md: the front matter is not valid YAML at line 3 "
                                 "(mapping values are not allowed in this context); put text "
                                 "that holds ': ' in quotes")


@pytest.mark.parametrize("heading", [
    "## a" + " " * 200_000 + "b",
    "## a " + "{ " * 100_000 + "}",
    "## a" + " #" * 100_000 + " x",
])
def test_a_long_heading_costs_linear_time(heading):
    """The plan reads each card's step from the page's headings (pages.card_steps):
    a hostile line near the 256 KB page limit takes milliseconds, not minutes."""
    source = f"# Page\n\n{heading}\n\n" + "\n".join(f'{{{{ template_card("t{n}") }}}}' for n in range(50))
    started = time.process_time()  # this process's CPU: the bound is on the work, not the neighbours
    steps = card_steps(source, macro_calls(source, frozenset({"template_card"})))
    assert time.process_time() - started < 1
    assert len(steps) == 50


def test_render_page_writes_what_jinja_would_on_every_real_page():
    """The adapter renders pages without Jinja (pages.render_page); on trusted text it
    must give exactly what mkdocs-macros' Jinja gave: text, whitespace control and
    {% raw %} included."""
    from jinja2 import Environment, StrictUndefined

    from make_it_right.docs_files import list_docs
    from make_it_right.page_source import read_page
    from make_it_right.pages import render_page
    from paths import ROOT

    handbook = Handbook.load(ROOT)
    docs = ROOT / "docs"
    extra = ["a\n\n{{- template_index(channel='sms') -}}\n\nb\n",
             "{% raw %}{{ x }}{% endraw %} shows as written\r\n\n"]
    bodies = [(p.relative_to(docs).as_posix(), read_page(p).body)
              for p in list_docs(docs, 1000).pages] + [("index.md", text) for text in extra]
    for name, body in bodies:
        macros = handbook.bound(lambda name=name: name)
        jinja = Environment(undefined=StrictUndefined)
        jinja.globals.update(macros)
        assert render_page(body, macros) == jinja.from_string(body).render(), name
