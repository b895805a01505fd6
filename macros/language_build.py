"""A MkDocs hook for a language's build (mkdocs.<code>.yml `hooks:`): its pages come
from i18n/<code>/docs, and the English docs folder's scripts, styles, images and
other files that are not pages are shared with it as they are, with no copy in git
and no symlink (the docs allow-list refuses links).

A file of the same name in the language's own docs folder wins.
"""

from __future__ import annotations

from pathlib import Path

ENGLISH_DOCS = "docs"


def on_files(files, config):
    from mkdocs.structure.files import File

    project = Path(config["config_file_path"]).parent
    english = project / ENGLISH_DOCS
    own = {f.src_uri for f in files}
    for path in sorted(p for p in english.rglob("*") if p.is_file()):
        uri = path.relative_to(english).as_posix()
        if path.suffix == ".md" or uri in own:
            continue
        files.append(File(uri, str(english), config["site_dir"], config["use_directory_urls"]))
    return files
