"""Hostile pages, built for real with `mkdocs build --strict`: no page edit runs code
at build time. Each payload tries to create a marker file; the build must fail
naming the page, and the marker must never appear.

Twice over: with the page check (Handbook.load) in place, and with it switched
off, as if a path slipped past it, to show that the adapter's render runs no
Jinja at all (macros/__init__.py)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from harness.forked_build import mkdocs_build
from paths import ROOT

# One worker makes every build here, each forked from one process that has imported
# mkdocs and the engine (tools/harness/forked_build.py): a new interpreter per build
# spent most of its CPU importing them again.
pytestmark = [pytest.mark.build, pytest.mark.xdist_group("forked-builds")]

BASE = ROOT / "tests" / "engine" / "base"
RUN = "cycler.__init__.__globals__.os.system('touch MARK')"
CONFIG = """site_name: hostile
theme: {name: mkdocs}
plugins:
  - macros:
      modules: [%s]
      on_undefined: strict
      on_error_fail: true
"""
# The adapter with the page check switched off: what would happen if a path slipped.
SLIPPED = """from make_it_right.html.site import Handbook
Handbook._check_pages = lambda self: None
from macros import define_env  # noqa: E402,F401
"""
PAGE = "---\ntitle: T\ndescription: D\n---\n\n# Page\n\n{body}\n"


def _front_matter_comment(docs: Path) -> None:
    (docs / "index.md").write_text(
        f"---\ntitle: \"a {{# b\"\ndescription: D\n---\n\n# Page\n\n{{{{ {RUN} }}}}\n\n#}}\n")


def _escaped_title(docs: Path) -> None:
    escaped = "".join(f"\\x{ord(c):02X}" if c in "{}'" else c for c in f"{{{{ {RUN} }}}}")
    (docs / "index.md").write_text(f"---\ntitle: \"{escaped}\"\ndescription: D\n---\n\n# Page\n")


def _multimarkdown_title(docs: Path) -> None:
    (docs / "index.md").write_text(f"title: {{{{ {RUN} }}}}\n\nText.\n")


def _heading_title(docs: Path) -> None:
    (docs / "index.md").write_text(f"# {{{{ {RUN} }}}}\n\nText.\n")


def _markdown_suffix(docs: Path) -> None:
    (docs / "index.md").write_text(PAGE.format(body="Text."))
    (docs / "extra.markdown").write_text(PAGE.format(body=f"{{{{ {RUN} }}}}"))


def _file_name(docs: Path) -> None:
    (docs / "index.md").write_text(PAGE.format(body="Text."))
    (docs / f"{{{{ {RUN} }}}}.md").write_text("Text without a title.\n")


def _symlinked_folder(docs: Path) -> None:
    (docs / "index.md").write_text(PAGE.format(body="Text."))
    outside = docs.parent / "outside"
    outside.mkdir()
    (outside / "page.md").write_text(PAGE.format(body=f"{{{{ {RUN} }}}}"))
    (docs / "linked").symlink_to(outside, target_is_directory=True)


def _body(body: str):
    def write(docs: Path) -> None:
        (docs / "index.md").write_text(PAGE.format(body=body))
    return write


CASES = {
    # This round's.
    "front-matter-comment": (_front_matter_comment, "docs/index.md"),
    "yaml-escaped-title": (_escaped_title, "docs/index.md"),
    "multimarkdown-title": (_multimarkdown_title, "docs/index.md"),
    "heading-title": (_heading_title, "docs/index.md"),
    "markdown-suffix": (_markdown_suffix, "docs/extra.markdown"),
    "file-name": (_file_name, "docs/{{ cycler"),
    "symlinked-folder": (_symlinked_folder, "docs/linked"),
    # Last round's.
    "expression": (_body(f"{{{{ {RUN} }}}}"), "docs/index.md"),
    "self": (_body("{{ self.__init__.__globals__.__builtins__.__import__('os')"
                   ".system('touch MARK') }}"), "docs/index.md"),
    "block": (_body("{% set x = " + RUN + " %}"), "docs/index.md"),
    "call-result": (_body("{{ template_card('late-files').__class__.__mro__[1]"
                          ".__subclasses__() }}{{ " + RUN + " }}"), "docs/index.md"),
}


def _build(tmp_path: Path, write, module: str) -> tuple[subprocess.CompletedProcess, Path]:
    project = tmp_path / "project"
    shutil.copytree(BASE, project)
    (project / "docs").mkdir()
    (project / "mkdocs.yml").write_text(CONFIG % module)
    (project / "slipped.py").write_text(SLIPPED)
    write(project / "docs")
    result = mkdocs_build(project, "--strict", "-q", "--site-dir", str(tmp_path / "site"),
                          path=(ROOT, project))
    return result, project


@pytest.mark.parametrize("case", CASES)
def test_the_check_refuses_it_and_nothing_runs(tmp_path, case):
    write, names = CASES[case]
    result, project = _build(tmp_path, write, "macros")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert f"{names}" in output, output
    assert "Traceback" not in output, output
    assert not (project / "MARK").exists()


REFUSED = ("only a macro call may go inside", "title holds template syntax",
           "block is not allowed in a page")


@pytest.mark.parametrize("case", CASES)
def test_with_the_check_off_the_render_runs_no_jinja(tmp_path, case):
    write, _ = CASES[case]
    result, project = _build(tmp_path, write, "slipped")
    output = result.stdout + result.stderr
    assert not (project / "MARK").exists(), output
    assert result.returncode != 0, output
    assert any(reason in output for reason in REFUSED), output


def test_front_matter_is_escaped_where_the_theme_writes_it(tmp_path):
    """Quotes, & and < in a title or description are text in the head, never markup:
    a quote cannot end the attribute and add a redirect."""
    project = tmp_path / "project"
    shutil.copytree(BASE, project)
    docs = project / "docs"
    docs.mkdir()
    description = 'Say "sorry" & mean it < 3" http-equiv="refresh" content="0;url=https://evil.example'
    (docs / "index.md").write_text("# Home\n")
    (docs / "page.md").write_text(
        f"---\ntitle: 'When \"sorry\" & a < 3 fall short'\ndescription: '{description}'\n---\n\n# Page\n")
    (project / "mkdocs.yml").write_text(
        f"site_name: hostile\ntheme: {{name: material, font: false, custom_dir: {ROOT / 'overrides'}}}\n"
        "extra: {content_security_policy: \"default-src 'self'\"}\n"
        "plugins:\n  - macros:\n      modules: [macros]\n      on_undefined: strict\n")
    result = mkdocs_build(project, "--strict", "-q", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stdout + result.stderr
    head = (tmp_path / "site" / "page" / "index.html").read_text().split("</head>")[0]
    assert "http-equiv=\"refresh\"" not in head
    assert ('<meta name="description" content="Say &#34;sorry&#34; &amp; mean it &lt; 3&#34; '
            'http-equiv=&#34;refresh&#34; content=&#34;0;url=https://evil.example">') in head
    assert "<title>When &#34;sorry&#34; &amp; a &lt; 3 fall short - hostile</title>" in head
