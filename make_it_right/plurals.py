"""Plural forms by the CLDR's rules (Babel): a string that takes a count is one
text in a language with one form, or a mapping of the language's categories
("one", "few", "many", "other" in Russian) to texts. The browser picks the same
category with Intl.PluralRules, from the same data."""

from __future__ import annotations

from functools import cache

from babel import Locale

# Every CLDR cardinal category, in the CLDR's order.
CATEGORIES = ("zero", "one", "two", "few", "many", "other")


@cache
def categories(language: str) -> tuple[str, ...]:
    """The cardinal categories a language's plural forms need."""
    tags = set(Locale.parse(language).plural_form.tags) | {"other"}
    return tuple(c for c in CATEGORIES if c in tags)


def category(language: str, count: float) -> str:
    return Locale.parse(language).plural_form(count)


def plural_form(forms: str | dict[str, str], count: float, language: str) -> str:
    """The text `count` takes: the one text, or its plural category's."""
    return forms if isinstance(forms, str) else forms.get(category(language, count), forms["other"])


def plural(forms: str | dict[str, str], count: int, language: str) -> str:
    """The form for `count`, with {count} filled in."""
    return plural_form(forms, count, language).replace("{count}", str(count))
