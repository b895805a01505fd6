"""The language chooser at the handbook's root (/handbook/): a plain page linking
each language's build, every name in its own language. No script, the site's
policy, nothing from another host."""

from __future__ import annotations

from ..escape import plain


def chooser_html(site_name: str, languages: list[tuple[str, str]], policy: str) -> str:
    """The page, given (code, name) for each language, English first."""
    items = "\n".join(f'<li><a href="{plain(code)}/" hreflang="{plain(code)}" lang="{plain(code)}">'
                      f"{plain(name)}</a></li>" for code, name in languages)
    alternates = "\n".join(f'<link rel="alternate" href="{plain(code)}/" hreflang="{plain(code)}">'
                           for code, _ in languages)
    return f"""<!doctype html>
<html lang="{plain(languages[0][0])}">
<head>
<meta http-equiv="Content-Security-Policy" content="{plain(policy)}">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{plain(site_name)}</title>
{alternates}
</head>
<body>
<main>
<h1>{plain(site_name)}</h1>
<ul>
{items}
</ul>
</main>
</body>
</html>
"""
