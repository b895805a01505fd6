"""The theme's stylesheets lose only rules nothing in the site can match."""

from pathlib import Path

from make_it_right.html.unused_css import Words, prune, prune_site

MARKUP = ['<div class="md-typeset used" id="here" data-md-color-scheme="slate"><p>absent red</p></div>']
SCRIPT = 'el.classList.add("md-dialog--active");el.className="md-tooltip--"+kind;'


def words() -> Words:
    return Words(MARKUP, [SCRIPT])


def test_a_rule_naming_an_absent_class_goes_and_one_naming_present_classes_stays():
    assert prune(".used p{color:red}.absent{color:blue}", words()) == ".used p{color:red}"


def test_only_the_selectors_that_cannot_match_leave_a_selector_list():
    assert prune(".absent,.used,h1{margin:0}", words()) == ".used,h1{margin:0}"


def test_words_in_page_text_do_not_count_only_tags():
    # "absent" and "red" are words of the paragraph, not of any tag.
    assert prune("[data-md-color-primary=red]{--x:1}.absent{a:b}", words()) == ""


def test_a_class_a_script_adds_or_builds_by_joining_is_kept():
    css = ".md-dialog--active{a:b}.md-tooltip--inline{c:d}.md-tooltip{e:f}"
    assert prune(css, words()) == ".md-dialog--active{a:b}.md-tooltip--inline{c:d}"


def test_classes_inside_pseudo_classes_never_drop_a_selector():
    css = ".used:not(.absent){a:b}:is(.absent,.other) p{c:d}"
    assert prune(css, words()) == css


def test_the_theme_rule_the_handbook_replaces_goes_even_where_everything_it_names_is_present():
    # web/page/palette.js: the palette's rule restyled every page twice as it started.
    switching = "data-md-color-switching"
    css = (f"[{switching}] *,[{switching}] :after,.used{{transition-duration:0s!important}}"
           f".used [{switching}]{{a:b}}")
    assert Words([f"<body {switching}>"], [f'body.setAttribute("{switching}","")']).has(switching)
    assert prune(css, Words([f"<body {switching} class=used>"], [switching])) == (
        f".used{{transition-duration:0s!important}}.used [{switching}]{{a:b}}")


def test_ids_and_exact_attribute_values_must_be_present():
    css = "#here{a:b}#gone{a:b}[data-md-color-scheme=slate]{c:d}[data-md-color-scheme=default]{c:d}[dir]{e:f}"
    assert prune(css, words()) == "#here{a:b}[data-md-color-scheme=slate]{c:d}[dir]{e:f}"


def test_media_blocks_are_pruned_inside_and_dropped_when_empty_other_at_rules_stay():
    css = ("@media print{.used{a:b}.absent{c:d}}@media screen{.absent{a:b}}"
           "@keyframes spin{0%{opacity:0}}@font-face{font-family:x}")
    assert prune(css, words()) == ("@media print{.used{a:b}}"
                                   "@keyframes spin{0%{opacity:0}}@font-face{font-family:x}")


def test_a_built_site_links_the_pruned_copies_by_their_new_names(tmp_path: Path):
    sheets = tmp_path / "assets" / "stylesheets"
    sheets.mkdir(parents=True)
    (sheets / "main.0000aaaa.min.css").write_text(".used{a:b}.absent{c:d}")
    (sheets / "main.0000aaaa.min.css.map").write_text("{}")
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text(
        '<link rel="stylesheet" href="../assets/stylesheets/main.0000aaaa.min.css"><p class="used">')
    renamed = prune_site(tmp_path)
    [(old, new)] = renamed.items()
    assert old == "assets/stylesheets/main.0000aaaa.min.css" and new != old
    assert (tmp_path / new).read_text() == ".used{a:b}"
    assert sorted(p.name for p in sheets.iterdir()) == [Path(new).name]
    assert f'href="../{new}"' in (tmp_path / "page" / "index.html").read_text()
