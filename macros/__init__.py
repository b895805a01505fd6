"""What mkdocs-macros (and Zensical's macros support) loads: register the
handbook's macros, and render pages without running Jinja.

All the work is in the make_it_right package. This adapter imports nothing from
MkDocs at module level and uses no hook but `define_env`, so the same site
builds with Zensical, which calls `define_env` once per page (hence the cache).

Pages arrive by pull request, and Jinja over a page can reach Python. So
mkdocs-macros' own render (its one entry point for a page's text and for a
title holding `{{`) is replaced by make_it_right.pages.render_page: the text is
parsed, every `{{ }}` must be a registered macro called with literal
arguments, and the page is joined from its text and the macros' output. No
template code is compiled or run, whatever slips past the check at load.
Zensical renders pages itself and never calls this: there, the check at load
(Handbook.load) is the guard.

The one other hook, `on_post_build`, writes what needs the finished build: the
snippet downloads beside their page, the rules "Check my draft" fetches, the theme's
stylesheets without the rules no page can use, and the offline copy's service
worker, which lists every built file. Zensical does not call
it, so its build has none of them (its draft page shows the note for readers without
JavaScript).
"""

from __future__ import annotations

import logging
import posixpath
import re
from collections.abc import MutableMapping
from pathlib import Path

from make_it_right.errors import ContentError, Problem
from make_it_right.origin import shared_origin_warning
from make_it_right.pages import PageError, render_page
from make_it_right.exports.downloads import PAGE as DOWNLOADS_PAGE
from make_it_right.offline import write_worker
from make_it_right.html.site import Handbook
from make_it_right.html.theme_script import edit_site
from make_it_right.html.unused_css import prune_site
from make_it_right.watch import Cache

_handbooks = Cache()
_warned: set[str] = set()


_DOCS_ROOT_LINK = re.compile(r"\]\(/([^)\s#]+)(#[^)\s]*)?\)")


def _handbook(env) -> tuple[Handbook, Path, str]:
    """The checked handbook for this site (loaded once, again only when a file changes),
    its docs folder and its language."""
    config = env.conf
    project = Path(getattr(env, "project_dir", None) or Path(config["config_file_path"]).parent)
    docs = project / config["docs_dir"]  # Zensical gives it relative to the project
    language = (config.get("theme") or {}).get("language") or "en"
    try:
        handbook = _handbooks.get((project, docs, language),
                                  lambda: Handbook.load(project, docs, language))
    except ContentError as error:
        _fail(error)
    return handbook, docs, language


def define_env(env) -> None:
    config = env.conf
    handbook, docs, _ = _handbook(env)
    warning = shared_origin_warning(config.get("site_url"))
    if warning and warning not in _warned:  # once, not once a page (Zensical)
        _warned.add(warning)
        logging.getLogger("make_it_right").warning(warning)
    # The theme's template cannot call macros: its words go through config.extra.
    # (Zensical 0.0.73 does not pass them on to its templates: it leaves the line out.)
    extra = config.get("extra")
    if isinstance(extra, MutableMapping):
        extra["make_it_right"] = handbook.theme_words(config.get("use_directory_urls", True),
                                                      _edit_root(config, docs), _theme_files(config),
                                                      list(config.get("extra_css") or []))
    resolves_links = _generator_resolves_docs_root_links()
    macros = {name: macro if resolves_links else _with_relative_links(macro, env)
              for name, macro in handbook.bound(lambda: _page_path(env)).items()}
    for name, macro in macros.items():
        env.macro(macro, name)
    _render_without_jinja(env, docs, macros)


def _render_without_jinja(env, docs: Path, macros: dict) -> None:
    def render(markdown: str, force_rendering: bool = False) -> str:
        if markdown == getattr(getattr(env, "page", None), "title", None):
            _fail(ContentError([Problem(docs / _page_path(env), (
                "the page's title holds template syntax ({{, {% or {#); write it as words"))]))
        try:
            return render_page(markdown, macros)
        except PageError as error:
            _fail(ContentError([Problem(docs / _page_path(env), (
                f"line {error.line} after the front matter: {error}"))]))
    try:
        env.render = render
    except AttributeError:  # a generator whose env takes no attributes renders by itself
        pass


def _theme_files(config) -> dict[str, list[str]]:
    """The theme's stylesheets and its one script as paths in the site (Material names
    them by their hash); the palette's stylesheet only where a palette is set, as
    Material links it."""
    theme = config.get("theme")
    for folder in getattr(theme, "dirs", []):
        assets = Path(folder) / "assets"
        main = sorted(assets.glob("stylesheets/main.*.min.css"))
        bundle = sorted(assets.glob("javascripts/bundle.*.min.js"))
        if main and bundle:
            palette = sorted(assets.glob("stylesheets/palette.*.min.css")) if theme.get("palette") else []
            return {"styles": [p.relative_to(folder).as_posix() for p in main + palette],
                    "scripts": [bundle[0].relative_to(folder).as_posix()]}
    return {"styles": [], "scripts": []}


def _edit_root(config, docs: Path) -> str:
    """Where the repository's files are edited: repo_url + edit_uri, less docs/."""
    repo, edit = config.get("repo_url") or "", config.get("edit_uri") or ""
    if not repo or not edit:
        return ""
    root = f"{repo.rstrip('/')}/{edit.strip('/')}/"
    return root.removesuffix(f"{docs.name}/")


def on_post_build(env) -> None:
    """Write the snippet downloads into the built site, beside the page that links
    them, and the draft checker's rules; edit the theme's script and prune its
    stylesheets; then write the offline copy's worker, which lists every file built."""
    config = env.conf
    handbook, docs, language = _handbook(env)
    site = Path(config["site_dir"])
    # A mini-site in the tests may not have the downloads page.
    files = handbook.download_files() if (docs / DOWNLOADS_PAGE).is_file() else {}
    for path, data in {**files, **handbook.draft_files()}.items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    edit_site(site)
    prune_site(site)
    write_worker(site, config.get("site_url"), config.get("dev_addr"), language)


def _generator_resolves_docs_root_links() -> bool:
    """MkDocs resolves and checks /page.md links (absolute_links: relative_to_docs);
    Zensical 0.0.73 leaves them as they are, so the adapter makes them relative."""
    try:
        import mkdocs  # noqa: F401
    except ImportError:
        return False
    return True


def _with_relative_links(macro, env):
    def relative(*args, **kwargs) -> str:
        here = posixpath.dirname(_page_path(env)) or "."
        return _DOCS_ROOT_LINK.sub(
            lambda m: f"]({posixpath.relpath(m[1], here)}{m[2] or ''})", macro(*args, **kwargs))
    relative.__name__, relative.__doc__ = macro.__name__, macro.__doc__
    return relative


def _page_path(env) -> str:
    """The current page's path inside docs/: MkDocs gives page.file, Zensical page.path."""
    page = env.page
    file = getattr(page, "file", None)
    path = getattr(file, "src_path", None) or getattr(page, "path", None) or ""
    return str(path).replace("\\", "/")


def _fail(error: ContentError):
    """Stop the build with one line per problem and no traceback, even with -q."""
    message = f"the handbook has problems:\n{error}"
    try:
        from mkdocs.exceptions import PluginError
    except ImportError:  # another generator: log it, then let the exception stop the build
        logging.getLogger("make_it_right").error(message)
        raise RuntimeError(message) from None
    raise PluginError(message) from None
