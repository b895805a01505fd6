import pytest

from make_it_right.placeholders import Blank, TextError, fields_in, parse


def test_text_and_blanks_in_order():
    parts = parse("Hi {{ client_name }}, about {{project}} and {{ client_name }}.")
    assert parts == ("Hi ", Blank("client_name"), ", about ", Blank("project"), " and ",
                     Blank("client_name"), ".")
    assert fields_in(parts) == ["client_name", "project"]


def test_plain_text_has_no_blanks():
    assert parse("Speak soon,\nSam") == ("Speak soon,\nSam",)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("{% if x %}a{% endif %}", "logic is not allowed in template text (found a {% if %} block)"),
        ("{% for x in y %}{% endfor %}", "found a {% for %} block"),
        ("{{ name | upper }}", "contains a filter (|)"),
        ("{{ client.name }}", "contains an attribute (.)"),
        ("{{ items[0] }}", "contains an index ([])"),
        ("{{ greet() }}", "contains a function call"),
        ('{{ "literal" }}', "contains a constant"),
        ("{{ a if b else c }}", "contains a condition (if/else)"),
        ("{{ a + b }}", "contains an expression"),
        ("Hi {{ name", "line 1 of its text: unexpected end of template"),
        ("{% set x = 1 %}", "found a {% set %} block"),
        ("{% raw %}{{ x }}{% endraw %}", "'{{' and '{%' may only open a {{ field_name }}"),
    ],
)
def test_anything_but_a_bare_name_is_refused(text, says):
    with pytest.raises(TextError) as error:
        parse(text)
    assert says in str(error.value)


@pytest.mark.parametrize("text", [
    "Hi {{ client_name }},\n\nWe missed {{project}}.", "No blanks at all.", "}} stray closer",
    "{{ a }}{{ b }}", "  {{\tname\t}}  ", "Ünïcödé {{ x }} 🙂", "",
])
def test_fast_path_agrees_with_jinja(text):
    from make_it_right.placeholders import _JINJA, _fast_parse, nodes  # noqa: F401

    assert _fast_parse(text) == _jinja_parts(text)


def _jinja_parts(text):
    from make_it_right import placeholders

    tree = placeholders._JINJA.parse(text)
    parts = []
    for node in tree.body:
        for child in node.nodes:
            parts.append(child.data if isinstance(child, placeholders.nodes.TemplateData)
                         else placeholders.Blank(child.name))
    return tuple(parts)
