"""The decision guide as the tests walk it: its data, its words, and every path
(each a mapping of question id to answer, in the order the page shows them)."""

from make_it_right.guide import all_answers, load_guide
from make_it_right.strings import load_strings

GUIDE = load_guide()
STRINGS = load_strings("en")
PATHS = all_answers(GUIDE)
