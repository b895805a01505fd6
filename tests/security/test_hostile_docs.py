"""Files and raw HTML under docs/, and front matter: only expected files ship, raw
HTML holds only harmless tags, and the check reads a page exactly as MkDocs does.
Each case is refused before anything renders, with a line naming the file."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from make_it_right.docs_files import docs_files
from make_it_right.errors import ContentError, DataError
from make_it_right.guide import GUIDE_FILE, load_guide
from make_it_right.page_source import split_front_matter
from make_it_right.html.site import Handbook

PAGE = "---\ntitle: T\ndescription: D\n---\n\n# Page\n\n{body}\n"
NOT_SHIPPED = "is not a file a page may ship"


def problems(project: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        Handbook.load(project)
    return [str(p) for p in caught.value.problems]


@pytest.fixture
def docs(project: Path) -> Path:
    docs = project / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(PAGE.format(body="Text."))
    return docs


# Class: same-origin files that get past the CSP, and pages the check would not read.
@pytest.mark.parametrize("path, content, message", [
    ("steal.js", "fetch('//evil.example')", NOT_SHIPPED),
    ("javascripts/extra.js", "alert(1)", NOT_SHIPPED),
    ("assets/javascripts/bundle.e71a0d61.min.js", "alert(1)",
     "is where the theme and the build write their own files"),
    ("diagram.svg", "<svg><script>alert(1)</script></svg>", NOT_SHIPPED),
    ("page.html", "<script>alert(1)</script>", NOT_SHIPPED),
    ("stylesheets/x.css", "body{}", NOT_SHIPPED),
    ("extra.markdown", "{{ config }}", "is a page MkDocs would render, but pages end in .md"),
    ("extra.mdown", "{{ config }}", "is a page MkDocs would render"),
    ("extra.mkdn", "{{ config }}", "is a page MkDocs would render"),
    ("extra.mkd", "{{ config }}", "is a page MkDocs would render"),
    ("LOUD.MD", "{{ config }}", "is a page MkDocs would render"),
    ("{{ config }}.md", "Text.", "is not a page name a page may use: it is not kebab-case"),
    ("Title_Case.md", "Text.", "is not a page name a page may use: it is not kebab-case"),
    ("con.md", "Text.", "is not a page name a page may use: it is a name Windows keeps"),
    ("photo.png", "<html><script>alert(1)</script>", "is not the image its name says (.png)"),
    (".hidden.js", "alert(1)", NOT_SHIPPED),
    ("Odd Folder/page.md", "Text.", "is not a folder name a page may use"),
])
def test_an_unexpected_file_under_docs_is_refused(project, docs, path, content, message):
    target = docs / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(content)
    name = path.split("/")[0] if message.startswith(("is where", "is not a folder name")) else path
    found = problems(project)
    assert any(p.startswith(f"docs/{name}: {message}") for p in found), found


@pytest.mark.parametrize("make", [
    lambda docs, outside: (docs / "linked").symlink_to(outside, target_is_directory=True),
    lambda docs, outside: (docs / "linked.md").symlink_to(outside / "page.md"),
])
def test_a_link_under_docs_is_refused(project, docs, tmp_path_factory, make):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "page.md").write_text(PAGE.format(body="{{ config }}"))
    make(docs, outside)
    found = problems(project)
    assert len(found) == 1 and found[0].startswith("docs/linked") and "is a link" in found[0], found


def test_expected_files_pass(project, docs):
    (docs / "guides").mkdir()
    (docs / "guides" / "a-page.md").write_text(PAGE.format(body="Text."))
    (docs / "photo.png").write_bytes(bytes.fromhex("89504e470d0a1a0a") + b"\0" * 16)
    Handbook.load(project)


# Class: raw HTML that loads, runs, redirects or submits.
@pytest.mark.parametrize("html, message", [
    ("<script src=\"/steal.js\"></script>", "<script> is not allowed in a page"),
    ("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">", "<meta> is not allowed"),
    ("<link rel=\"prefetch\" href=\"https://evil.example\">", "<link> is not allowed"),
    ("<base href=\"https://evil.example/\">", "<base> is not allowed"),
    ("<style>body{}</style>", "<style> is not allowed"),
    ("<iframe src=\"https://evil.example\"></iframe>", "<iframe> is not allowed"),
    ("<object data=\"x\"></object>", "<object> is not allowed"),
    ("<form action=\"https://evil.example\"><input name=x></form>", "<form> is not allowed"),
    ("<svg><script>alert(1)</script></svg>", "<svg> is not allowed"),
    ("<div onclick=\"alert(1)\">x</div>", "<div> has the attribute 'onclick'"),
    ("<div data-mir-here>x</div>", "<div> has the attribute 'data-mir-here'"),
    ("<a href=\"javascript:alert(1)\">x</a>", "<a href> uses a 'javascript:' address"),
    ("<a href=\"jav&#x61;script:alert(1)\">x</a>", "<a href> uses a 'javascript:' address"),
    ("<img src=\" data:image/svg+xml,x\">", "<img src> uses a 'data:' address"),
    ("`<script>`", "<script> is not allowed"),
    ("<!DOCTYPE html>", "declaration is not allowed"),
])
def test_raw_html_outside_the_allow_list_is_refused(project, docs, html, message):
    (docs / "index.md").write_text(PAGE.format(body=f"Text.\n\n{html}"))
    found = problems(project)
    assert any(p.startswith("docs/index.md: line 10: ") and message in p for p in found), found


def test_harmless_html_and_autolinks_pass(project, docs):
    (docs / "index.md").write_text(PAGE.format(body=(
        '<div class="note" markdown>\n\n**Text** <https://example.org/a?b=c> <me@example.org>\n\n'
        '</div>\n\n<details open><summary>More</summary>x</details> <a href="other.md">y</a>')))
    Handbook.load(project)


# Class: front matter the theme writes into every page's head.
@pytest.mark.parametrize("front, message", [
    ('description: "<meta http-equiv=refresh content=0;url=//evil.example>"',
     "front matter 'description' holds an HTML tag"),
    ('title: "Late \\u202Eexe.fdp"', "front matter 'title' holds an invisible character (U+202E"),
    ("title: \"\\x7B\\x7B config \\x7D\\x7D\"", "front matter 'title' holds template syntax"),
    ('description: "a {# b"', "front matter 'description' holds template syntax"),
    ("tags: [\"{% include 'x' %}\"]", "front matter 'tags.0' holds template syntax"),
    ("title: 3", "front matter 'title' must be text"),
])
def test_hostile_front_matter_is_refused(project, docs, front, message):
    (docs / "index.md").write_text(f"---\n{front}\n---\n\n# Page\n")
    found = problems(project)
    assert any(p.startswith(f"docs/index.md: {message}") for p in found), found


@pytest.mark.parametrize("doc", [
    "---\ntitle: a\n---\n\nbody {{ x }}\n",
    "---  \ntitle: a\n...\n\n\nbody\n",
    "---\n- a list\n---\nbody\n",
    "---\ntitle: [unclosed\n---\nbody\n",
    "---\ntitle: a\n---",
    "title: a\n    more\nDescription: b\n\nbody\n",
    "title: a\n# heading\n",
    "# heading\n\ntitle: a\n",
    "\n\n---\ntitle: a\n---\nbody\n",
])
def test_front_matter_is_split_exactly_as_mkdocs_splits_it(doc):
    meta = pytest.importorskip("mkdocs.utils.meta")
    body, data = meta.get_data(doc)
    page = split_front_matter(doc)
    assert (page.body, page.meta) == (body, data)


def test_a_body_line_is_reported_as_its_line_in_the_file(project, docs):
    (docs / "index.md").write_text("---\ntitle: \"a {# b\"\ndescription: D\n---\n\n\n# Page\n\n{{ config }}\n#}\n")
    found = problems(project)
    assert any(p.startswith("docs/index.md: line 9: only a macro call") for p in found), found


# Class: builds made slow or huge inside every limit.
def test_too_many_cards_on_a_page_is_refused(project, docs):
    limit = docs_files().limits.max_cards_per_page
    calls = "\n\n".join("{{ template_card('late-files') }}" for _ in range(limit + 1))
    (docs / "index.md").write_text(PAGE.format(body=calls))
    assert problems(project) == [f"docs/index.md: places {limit + 1} cards; the limit is {limit} "
                                 "a page; split the page"]


def test_a_guide_list_naming_a_template_twice_is_refused(tmp_path):
    guide = yaml.safe_load(GUIDE_FILE.read_text(encoding="utf-8"))
    first = next(iter(guide["templates"]))
    live = next(iter(guide["templates"][first]))
    ids = guide["templates"][first][live]
    guide["templates"][first][live] = [ids[0]] * 3
    path = tmp_path / "decision-guide.yml"
    path.write_text(yaml.safe_dump(guide, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_guide(path)
    assert f"lists {ids[0]} more than once; name each template once" in str(caught.value)


@pytest.mark.parametrize("body", ["[" * 250_000, "[a](" * 60_000, "<a " * 80_000,
                                  "x [\n" * 201])
def test_a_paragraph_that_would_stall_markdown_is_refused_in_linear_time(project, docs, body):
    """Python-Markdown takes about 38 s on 10,000 '[' in one paragraph, hours on a
    256 KB page of them; the check refuses it in milliseconds."""
    (docs / "index.md").write_text(PAGE.format(body=body))
    started = time.process_time()  # this process's CPU: the bound is on the work, not the neighbours
    found = problems(project)
    assert time.process_time() - started < 2
    assert any(p.startswith("docs/index.md: line 8: the paragraph here holds more than 200 ")
               for p in found), found


def test_a_long_page_of_short_paragraphs_with_links_passes(project, docs):
    (docs / "index.md").write_text(PAGE.format(body="[a](b.md) [c](d.md) <b>x</b>\n\n" * 2000))
    Handbook.load(project)
