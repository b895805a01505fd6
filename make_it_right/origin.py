"""Where the site is published decides who can read what readers keep.

Remembered clients live in the browser's storage for the site's origin. Every
GitHub Pages project of an account is served from the same origin
(<account>.github.io/<project>/), so any sibling project could read them.
"""

from __future__ import annotations

from urllib.parse import urlsplit

SHARED_HOST_SUFFIX = ".github.io"


def shared_origin_warning(site_url: object) -> str | None:
    """A one-line warning when site_url is a path on a shared github.io origin, else None."""
    if not isinstance(site_url, str) or not site_url:
        return None
    parts = urlsplit(site_url)
    host = (parts.hostname or "").lower()
    if host.endswith(SHARED_HOST_SUFFIX) and parts.path.strip("/"):
        return (f"site_url {site_url} is a path on {host}, an origin every GitHub Pages "
                "project of that account shares: they could read the clients readers "
                "remember. Publish from an origin of the site's own (README, Deploy).")
    return None
