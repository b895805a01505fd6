"""Make It Right's engine: load, check, lay out and render the template pack.

Nothing here depends on a site generator; macros/ adapts it to mkdocs-macros.
"""

__version__ = "0.2.0"
