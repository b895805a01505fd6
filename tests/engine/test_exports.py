"""Exports for text expanders and snippet tools: each file parses with its format's
own rules, and expanding every snippet with its fill-ins set to the example values
gives exactly the command line's text (without its final line break), for every
template and register, hostile text included.

The expanders below are written from each tool's documented syntax, not from the
exporters, so a wrong escape or a lost fill-in shows as a difference in the text.
"""

from __future__ import annotations

import csv
import io
import json
import plistlib
import re

import pytest
import yaml

from make_it_right.exports import FORMATS, ExportError, snippets_of
from make_it_right.exports.downloads import download_files, file_name
from make_it_right.exports.snippet import SHORT_CHARACTERS, Snippet, snippet
from make_it_right.layout import layout
from make_it_right.model import Template
from make_it_right.register import FRIENDLY, registers_of
from make_it_right.render import as_text

from cli_run import run


@pytest.fixture(scope="module")
def snippets(pack, rules, strings) -> list[Snippet]:
    return snippets_of(pack.select(), rules, strings)


# -- the tools' own reading of each file ------------------------------------------------

_ESPANSO_MATCH_KEYS = {"trigger", "triggers", "label", "replace", "form", "form_fields", "vars",
                       "word", "left_word", "right_word", "propagate_case", "search_terms",
                       "comment", "force_mode", "force_clipboard", "paragraph"}
_ESPANSO_VAR = re.compile(r"\{\{\s*([A-Za-z0-9_.]+)\s*\}\}")
_ESPANSO_FIELD = re.compile(r"\[\[([A-Za-z0-9_]+)\]\]")


def espanso_matches(data: bytes) -> list[dict]:
    """The match file as Espanso reads it, checked against the shape of its published
    match schema (schemas/match.schema.json in the espanso repository)."""
    document = yaml.safe_load(data)
    assert set(document) <= {"matches", "global_vars", "imports"}
    for match in document["matches"]:
        assert set(match) <= _ESPANSO_MATCH_KEYS, set(match) - _ESPANSO_MATCH_KEYS
        assert isinstance(match["trigger"], str) and isinstance(match["replace"], str)
        for var in match.get("vars", []):
            assert set(var) <= {"name", "type", "params", "inject_vars", "depends_on"}
            assert var["type"] in {"form", "echo"}
            if var["type"] == "echo":
                assert set(var["params"]) == {"echo"}
                continue
            assert set(var["params"]) <= {"layout", "fields"}
            in_layout = _ESPANSO_FIELD.findall(var["params"]["layout"])
            assert len(in_layout) == len(set(in_layout)), "one prompt per field"
            assert set(var["params"]["fields"]) == set(in_layout)
            for field in var["params"]["fields"].values():
                assert set(field) <= {"multiline", "default"}
                assert isinstance(field.get("default", ""), str)
    return document["matches"]


def espanso_expand(match: dict, values: list[str]) -> str:
    """Espanso's expansion: the form's fields take `values` in layout order, echo
    variables their text, and each {{var}} in `replace` its variable's value."""
    known: dict[str, str] = {}
    for var in match.get("vars", []):
        if var["type"] == "echo":
            known[var["name"]] = var["params"]["echo"]
        else:
            fields = _ESPANSO_FIELD.findall(var["params"]["layout"])
            known |= {f"{var['name']}.{name}": value for name, value in zip(fields, values, strict=True)}
    return _ESPANSO_VAR.sub(lambda m: known[m[1]], match["replace"])


_TE_MACRO = re.compile(r"%%|%(filltext|fillarea|fillpart|fillpartend)((?::[^%:]*)*)%")


def textexpander_rows(data: bytes) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert all(len(row) == 3 for row in rows)
    return rows


def textexpander_expand(content: str, values: list[str]) -> str:
    """TextExpander's expansion: fill-ins that share a name are asked once, in order of
    first appearance; optional parts default to kept; %% is a literal %."""
    names: dict[str, str] = {}
    out = []
    position = 0
    for m in _TE_MACRO.finditer(content):
        out.append(content[position:m.start()])
        position = m.end()
        assert "%" not in content[m.start() + 1:m.end() - 1] or m[0] == "%%"
        if m[0] == "%%":
            out.append("%")
        elif m[1] in ("filltext", "fillarea"):
            options = dict(o.split("=", 1) for o in m[2].lstrip(":").split(":"))
            if options["name"] not in names:
                names[options["name"]] = values[len(names)]
            out.append(names[options["name"]])
    tail = content[position:]
    assert "%" not in tail, f"a lone % is not text to TextExpander: {tail!r}"
    out.append(tail)
    return "".join(out)


def bracketed_expand(text: str, values: list[str]) -> str:
    """A snippet with [Label] blanks: the reader types each label's value (once per label)."""
    labels: dict[str, str] = {}

    def value(m: re.Match) -> str:
        if m[1] not in labels:
            labels[m[1]] = values[len(labels)]
        return labels[m[1]]
    return re.sub(r"\[([^\[\]]+)\]", value, text)


def example_values(one: Snippet) -> list[str]:
    return [f.example for f in one.in_order()]


def cli_text(pack, rules, strings, template_id: str, register: str) -> str:
    document = layout(pack.get(template_id), rules, strings, register)
    examples = {name: f.example for name, f in document.template.fields.items()}
    return as_text(document, examples).rstrip("\n")


# -- every template and register ---------------------------------------------------------

def test_one_snippet_per_template_and_register(pack, rules, snippets):
    expected = {(t.id, r) for t in pack.templates.values()
                for r in [FRIENDLY, *registers_of(t, rules)]}
    assert {(s.template_id, s.register) for s in snippets} == expected
    triggers = [s.trigger for s in snippets]
    assert len(set(triggers)) == len(triggers)
    assert all(re.fullmatch(r";mir-[a-z0-9-]+", t) for t in triggers)


def test_every_snippet_text_is_the_command_lines(pack, rules, strings, snippets):
    for one in snippets:
        assert one.example_text == cli_text(pack, rules, strings, one.template_id, one.register)


def test_espanso_expands_to_the_command_lines_text(snippets):
    matches = espanso_matches(FORMATS["espanso"].write(snippets))
    assert [m["trigger"] for m in matches] == [s.trigger for s in snippets]
    for match, one in zip(matches, snippets, strict=True):
        assert espanso_expand(match, example_values(one)) == one.example_text, one.trigger
        form = next((v for v in match.get("vars", []) if v["type"] == "form"), None)
        fields = form["params"]["fields"] if form else {}
        for item in one.in_order():
            assert fields[item.name].get("multiline", False) == item.multiline
            assert fields[item.name].get("default", "") == item.default


def test_textexpander_expands_to_the_command_lines_text(snippets):
    rows = textexpander_rows(FORMATS["textexpander"].write(snippets))
    assert [r[0] for r in rows] == [s.trigger for s in snippets]
    for (abbreviation, content, label), one in zip(rows, snippets, strict=True):
        assert label == one.name
        assert textexpander_expand(content, example_values(one)) == one.example_text, abbreviation


def test_raycast_expands_to_the_command_lines_text(snippets):
    items = json.loads(FORMATS["raycast"].write(snippets))
    assert [set(i) for i in items] == [{"name", "text", "keyword"}] * len(snippets)
    for item, one in zip(items, snippets, strict=True):
        assert bracketed_expand(item["text"], example_values(one)) == one.example_text


def test_apple_takes_the_short_texts_and_expands_to_them(snippets):
    items = plistlib.loads(FORMATS["apple"].write(snippets))
    short = [s for s in snippets if len(s.example_text) <= SHORT_CHARACTERS]
    assert any(s.template_id.endswith("by-text") for s in short)
    assert [i["shortcut"] for i in items] == [s.trigger for s in short]
    for item, one in zip(items, short, strict=True):
        assert set(item) == {"phrase", "shortcut"}
        assert bracketed_expand(item["phrase"], example_values(one)) == one.example_text


def test_a_field_used_twice_is_one_prompt(pack, rules, strings):
    voicemail = snippet(pack.get("call-back-team-mistake"), rules, strings)
    phone = [p for p in voicemail.in_order() if p.name == "your_phone"]
    assert len(phone) == 1
    match = espanso_matches(FORMATS["espanso"].write([voicemail]))[0]
    assert match["replace"].count("{{form1.your_phone}}") == 2
    assert match["vars"][0]["params"]["layout"].count("[[your_phone]]") == 1


def test_a_phrase_the_reader_may_leave_out_is_an_optional_part(pack, rules, strings):
    with_omit = [t for t in pack.templates.values()
                 if any(f.leave_out for f in t.fields.values())]
    assert with_omit
    one = snippet(with_omit[0], rules, strings)
    row = textexpander_rows(FORMATS["textexpander"].write([one]))[0]
    assert "%fillpart:" in row[1] and "%fillpartend%" in row[1]


# -- hostile text stays text ---------------------------------------------------------------

HOSTILE = {
    "id": "hostile-text", "title": 'A "quoted" <title> & more', "channel": "sms",
    "playbooks": ["team-mistake"], "when": "Never.",
    "fields": {
        "client_name": {"label": "Name: [[x]] %filltext:name=y% {clipboard}", "example": "Zoë",
                        "hint": "h", "fallback": "there"},
        "what": {"label": "What]] happened", "example": '100% <b>"done"</b> & more', "hint": "h"},
    },
    "sections": {"message": "Hi {{ client_name }}, 100% }} done: {{ what }} %% ]] [[raw]] "
                            "<![CDATA[ x ]]> {{ client_name }}."},
}


@pytest.fixture
def hostile(rules, strings) -> Snippet:
    return snippet(Template.from_dict(HOSTILE), rules, strings)


def test_hostile_text_is_inert_in_espanso(hostile):
    match = espanso_matches(FORMATS["espanso"].write([hostile]))[0]
    assert espanso_expand(match, example_values(hostile)) == hostile.example_text


def test_hostile_text_is_inert_in_textexpander(hostile):
    row = textexpander_rows(FORMATS["textexpander"].write([hostile]))[0]
    assert row[2] == HOSTILE["title"]
    assert textexpander_expand(row[1], example_values(hostile)) == hostile.example_text


def test_hostile_text_is_inert_in_apple_and_raycast(hostile):
    phrase = plistlib.loads(FORMATS["apple"].write([hostile]))[0]["phrase"]
    assert "<![CDATA[ x ]]>" in phrase and "100% }} done" in phrase
    text = json.loads(FORMATS["raycast"].write([hostile]))[0]["text"]
    assert text == phrase
    assert "[[raw]]" in text  # literal text, kept as written


def test_raycast_refuses_text_it_would_read_as_a_placeholder(rules, strings):
    live = HOSTILE | {"sections": {"message": "Paste { clipboard } here, {{ client_name }} {{ what }}"}}
    with pytest.raises(ExportError, match=r"hostile-text: Raycast would read '\{ clipboard' "):
        FORMATS["raycast"].write([snippet(Template.from_dict(live), rules, strings)])


# -- where readers get them ---------------------------------------------------------------

def test_downloads_hold_the_pack_and_each_playbook(pack, rules, strings):
    files = download_files(pack, strings)
    for name in FORMATS:
        assert file_name(name) in files
    for playbook in rules.playbooks:
        if pack.select(playbook):
            assert file_name("espanso", playbook) in files
    whole = espanso_matches(files[file_name("espanso")])
    assert len(whole) == len(snippets_of(pack.select(), rules, strings))


def test_the_command_line_exports_a_playbook_to_a_file(tmp_path):
    target = tmp_path / "mine.csv"
    result = run("export", "--format", "textexpander", "--playbook", "team-mistake",
                 "-o", str(target))
    assert result.returncode == 0, result.stderr
    rows = textexpander_rows(target.read_bytes())
    assert rows and all(r[0].startswith(";mir-") for r in rows)
    assert b"snippet(s) for TextExpander" in result.stderr


def test_the_command_line_refuses_an_unknown_format():
    result = run("export", "--format", "outlook", "-o", "-")
    assert result.returncode == 2
    assert b"invalid choice: 'outlook'" in result.stderr


def test_libyaml_writes_the_very_file_the_pure_python_emitter_writes(snippets, hostile, monkeypatch):
    """Espanso files are written with libyaml's emitter (half the CPU); PyYAML's own
    emitter is the reference, byte for byte, for the whole pack and for hostile text."""
    from make_it_right.exports import espanso

    assert issubclass(espanso._Dumper, yaml.CSafeDumper), "PyYAML without libyaml: nothing to compare"
    fast = [espanso.write(snippets), espanso.write([hostile])]

    class Reference(yaml.SafeDumper):
        pass

    Reference.add_representer(str, espanso._text)
    monkeypatch.setattr(espanso, "_Dumper", Reference)
    assert [espanso.write(snippets), espanso.write([hostile])] == fast
