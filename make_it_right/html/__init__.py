"""The handbook's pages: the HTML and Markdown the macros put in them, the
checks on what a page may hold, and the macros themselves (site.Handbook).
The engine core never imports from here."""
