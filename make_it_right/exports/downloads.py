"""The exports as files the handbook's "Use these in your own tools" page offers:
the whole pack and each playbook's templates, in every format. The files are
written next to that page at build time (the adapter's on_post_build), so every
link is same-origin and relative to the page."""

from __future__ import annotations

from ..escape import plain
from ..loader import Pack
from ..strings import Strings
from . import FORMATS, snippets_of
from .snippet import short

PAGE = "use-in-your-tools/index.md"  # the files sit beside the page it builds
PREFIX = "make-it-right"
CARDS = "cards/"  # one template's snippet, offered from its card, in this folder beside the page


def file_name(format_name: str, playbook: str | None = None) -> str:
    middle = f"-{playbook}" if playbook else ""
    return f"{PREFIX}{middle}-{format_name}{FORMATS[format_name].suffix}"


def card_file_name(format_name: str, template_id: str) -> str:
    """One template's snippet file, relative to the downloads page's folder."""
    return f"{CARDS}{PREFIX}-{template_id}-{format_name}{FORMATS[format_name].suffix}"


def site_path(name: str) -> str:
    """A download's path from the site's root (the files sit beside the page)."""
    return f"{PAGE.rsplit('/', 1)[0]}/{name}"


def card_formats() -> list[str]:
    return [name for name, export in FORMATS.items() if export.per_card]


def download_files(pack: Pack, strings: Strings) -> dict[str, bytes]:
    """Every download by file name; a playbook with nothing a format takes has no file."""
    files: dict[str, bytes] = {}
    # Each template laid out once, not once for the pack, once per playbook and once for its card.
    each = {t.id: snippets_of([t], pack.rules, strings) for t in pack.templates.values()}
    groups: list[str | None] = [None, *pack.rules.playbooks]
    for playbook in groups:
        snippets = [s for t in pack.select(playbook) for s in each[t.id]]
        for name, export in FORMATS.items():
            if export.short_only and not short(snippets):
                continue
            if snippets:
                files[file_name(name, playbook)] = export.write(snippets)
    for template in pack.templates.values():
        for name in card_formats():
            files[card_file_name(name, template.id)] = FORMATS[name].write(each[template.id])
    return files


def downloads_html(pack: Pack, strings: Strings, files: dict[str, bytes]) -> str:
    """One row per tool (its whole-pack file and how to install it), then each
    playbook's files, from download_files()."""
    words = strings.exports
    missing = set(FORMATS) - set(words.tools)
    if missing:
        raise ValueError(f"strings: exports.tools has no words for {', '.join(sorted(missing))}")

    def link(name: str, text: str) -> str:
        size = max(1, round(len(files[name]) / 1024))
        return (f'<a href="{plain(name)}" download>{plain(text)}</a> '
                f'<span class="mir-download-size">{plain(words.size.format(kb=size))}</span>')

    rows = []
    for name, export in FORMATS.items():
        tool = words.tools[name]
        rows.append(f"<tr><th scope=\"row\">{plain(export.tool)}</th>"
                    f"<td>{link(file_name(name), words.whole_pack)}</td>"
                    f"<td>{plain(tool.install)}</td></tr>")
    table = (f'<table class="mir-downloads"><thead><tr><th scope="col">{plain(words.tool)}</th>'
             f'<th scope="col">{plain(words.file)}</th><th scope="col">{plain(words.install)}'
             f'</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')
    items = []
    for playbook in pack.rules.playbooks:
        links = [link(file_name(n, playbook), FORMATS[n].tool) for n in FORMATS
                 if file_name(n, playbook) in files]
        if links:
            items.append(f"<li>{plain(strings.playbooks[playbook])}: {' · '.join(links)}</li>")
    per_playbook = (f"<p>{plain(words.per_playbook)}</p>\n<ul class=\"mir-downloads-playbooks\">"
                    + "".join(items) + "</ul>")
    return f"{table}\n\n{per_playbook}\n"
