"""Make It Right's template engine: load, check and render the template pack.

mkdocs-macros loads `macros.mkdocs_entry`; nothing else in this package needs MkDocs.
"""
