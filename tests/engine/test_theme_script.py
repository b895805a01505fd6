"""The theme's script is edited where it costs every page's start, exactly where meant."""

from pathlib import Path

import pytest

from make_it_right.errors import DataError
from make_it_right.html.theme_script import EDITS, Edit, edit_bundle, edit_site

PALETTE = ('function li(e){let r=x("meta",{name:"theme-color"});document.head.appendChild(r);'
           'let o=x("meta",{name:"color-scheme"});document.head.appendChild(o);return o}')


def test_the_palette_no_longer_attaches_its_color_scheme_meta_and_keeps_theme_color():
    edited = edit_bundle(PALETTE, Path("bundle.js"))
    assert 'let o=x("meta",{name:"color-scheme"});return o' in edited
    assert 'x("meta",{name:"theme-color"});document.head.appendChild(r);' in edited


@pytest.mark.parametrize("source, count", [("function li(){}", 0), (PALETTE + PALETTE, 2)])
def test_a_piece_not_there_exactly_once_stops_the_build_naming_the_file(source, count):
    with pytest.raises(DataError) as error:
        edit_bundle(source, Path("assets/javascripts/bundle.abc.min.js"))
    assert str(error.value).startswith("assets/javascripts/bundle.abc.min.js: ")
    assert f"holds {count} copies of the piece edited for {EDITS[0].why}" in str(error.value)


def test_the_edited_bundle_gets_a_new_hashed_name_and_every_page_follows(tmp_path):
    bundle = tmp_path / "assets/javascripts/bundle.11111111.min.js"
    bundle.parent.mkdir(parents=True)
    bundle.write_text(PALETTE + "\n//# sourceMappingURL=bundle.11111111.min.js.map\n", encoding="utf-8")
    bundle.with_name(bundle.name + ".map").write_text("{}", encoding="utf-8")
    page = tmp_path / "a/index.html"
    page.parent.mkdir()
    page.write_text('<script src="../assets/javascripts/bundle.11111111.min.js"></script>', encoding="utf-8")
    renamed = edit_site(tmp_path)
    (new,) = renamed.values()
    assert not bundle.exists() and not bundle.with_name(bundle.name + ".map").exists()
    assert new in page.read_text(encoding="utf-8")
    script = (tmp_path / new).read_text(encoding="utf-8")
    assert "sourceMappingURL" not in script and 'name:"color-scheme"});document.head' not in script


def test_an_edit_is_data():
    assert all(isinstance(edit, Edit) and edit.find != edit.becomes for edit in EDITS)
