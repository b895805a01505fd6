"""The "Check my draft" form: labels from the strings, the rules as data.

Everything the browser script (web/page/draft.js) checks with is generated from
rules.yml, the strings and pyphen's patterns at build time, as two JSON files the
build writes beside the bundles (`draft_files`); the form names them in data-*
attributes, and the script fetches them, with the checks themselves (checks.min.js),
when the reader first reaches for the form: 84 KB gzipped that a reader who only
reads the page never downloads. No inline
script: the form is followed by the checker's own module (async), which starts it as
soon as it arrives, not after Material's bundle and the bootstrap (mir.min.js) that
start every other page's code. The form starts `hidden`; without JavaScript the reader sees a note pointing
to the same rules. With it, draft.css (the page's own stylesheet in its <head>,
theme.page_styles) holds the hidden form's place, so nothing below it moves when the
script shows it. The page's <head> asks for the script and the styles first
(theme.head_hints).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import PurePosixPath

from ..draft import draft_data
from ..escape import plain
from ..readability import hyphenation_data
from ..rules import Rules
from ..strings import Strings

SCRIPT = "javascripts/draft.min.js"
RULES_FILE = "javascripts/draft-rules.json"
HYPHENATION_FILE = "javascripts/hyphenation.json"


def site_root(page: str) -> str:
    """The way back to the site's root from a page's URL (directory URLs:
    check-my-draft.md is served as check-my-draft/)."""
    path = PurePosixPath(page)
    depth = len(path.parts) - (1 if path.stem == "index" else 0)
    return "../" * depth


def check_link(page: str, channel: str | None = None, playbook: str | None = None) -> str:
    """A docs-root Markdown target for the page, with what to preselect."""
    query = "&".join(f"{k}={v}" for k, v in (("channel", channel), ("playbook", playbook)) if v)
    return f"/{page}" + (f"?{query}" if query else "")


@cache
def _hyphenation_file(language: str) -> bytes:
    """pyphen's patterns: 100 KB, the same for every build."""
    return json.dumps(hyphenation_data(language), separators=(",", ":")).encode()


def draft_files(rules: Rules, strings: Strings) -> dict[str, bytes]:
    """The files the form fetches, by path inside the built site (ASCII JSON)."""
    return {RULES_FILE: json.dumps(draft_data(rules, strings), separators=(",", ":")).encode(),
            HYPHENATION_FILE: _hyphenation_file(rules.language.hyphenation)}


def render_draft_checker(page: str, rules: Rules, strings: Strings) -> str:
    s = strings.draft
    root = site_root(page)
    channels = "".join(f'<option value="{plain(c)}">{plain(strings.channels[c])}</option>'
                       for c in rules.draft_checks.channels)
    situations = "".join(f'<option value="{plain(p)}">{plain(strings.playbooks[p])}</option>'
                         for p in rules.playbooks)
    # The form's labels, hint and lists stay out of the search index (each element
    # marked: the search plugin ends an exclusion at the first closing tag of the
    # same name, and the form nests <div>s).
    return f"""<p class="mir-draft__noscript" data-mir-draft-noscript data-search-exclude>{plain(s.noscript)}</p>
<div class="mir-draft" data-mir-draft data-mir-draft-rules="{root}{RULES_FILE}" data-mir-draft-hyphenation="{root}{HYPHENATION_FILE}" hidden>
<div class="mir-draft__controls" data-search-exclude>
<label for="mir-draft-channel">{plain(s.channel)}</label>
<select id="mir-draft-channel" data-mir-draft-channel aria-describedby="mir-draft-guessed"><option value="">{plain(s.guess)}</option>{channels}</select>
<span class="mir-draft__guessed" id="mir-draft-guessed" data-mir-draft-guessed></span>
<label for="mir-draft-situation">{plain(s.situation)}</label>
<select id="mir-draft-situation" data-mir-draft-situation><option value="">{plain(s.any_situation)}</option>{situations}</select>
</div>
<label class="mir-draft__label" for="mir-draft-text" data-search-exclude>{plain(s.label)}</label>
<p class="mir-draft__hint" id="mir-draft-hint" data-search-exclude>{plain(s.hint)}</p>
<textarea class="mir-draft__text" id="mir-draft-text" rows="12" autocomplete="off" aria-describedby="mir-draft-hint" data-mir-draft-text></textarea>
<p class="mir-draft__sizes" data-mir-draft-sizes></p>
<p class="mir-draft__set-aside" data-mir-draft-set-aside></p>
<div class="mir-draft__preview" data-mir-draft-preview hidden></div>
<h2 class="mir-draft__results" id="mir-draft-results" data-search-exclude>{plain(s.results)}</h2>
<p role="status" data-mir-draft-count>{plain(s.empty)}</p>
<ol class="mir-draft__list" aria-labelledby="mir-draft-results" data-mir-draft-list></ol>
</div>
<script type="module" async src="{root}{SCRIPT}"></script>"""
