"""The package's layers (make_it_right/README.md): the engine core imports nothing
from the handbook's pages (html/) or the command line (cli/), the pages import
nothing from the command line, and the map lists every module, once."""

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "make_it_right"
MAP = PACKAGE / "README.md"
LAYERS = {"core": 0, "html": 1, "cli": 2}


def modules() -> list[str]:
    return sorted(path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py"))


def layer(module: str) -> str:
    """The layer of a module given as a path (`html/card.py`) or a dotted name
    under the package (`html.card`)."""
    first = re.split(r"[./]", module)[0]
    return first if first in ("html", "cli") else "core"


def imported(module: str, source: str) -> list[str]:
    """The package's own modules a module (`html/card.py`) imports, as dotted names
    under the package (also those under `if TYPE_CHECKING:` and inside functions)."""
    here = Path(module).parent.parts
    names = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = list(here[:len(here) - node.level + 1])
            target = ".".join(base + ([node.module] if node.module else []))
            names += [target] if node.module else [f"{target}.{a.name}".strip(".") for a in node.names]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("make_it_right."):
            names.append(node.module.removeprefix("make_it_right."))
        elif isinstance(node, ast.Import):
            names += [a.name.removeprefix("make_it_right.") for a in node.names
                      if a.name.startswith("make_it_right.")]
    return names


def test_the_map_lists_every_module_once():
    listed = re.findall(r"^- `([\w/]+\.py)` — \S", MAP.read_text(encoding="utf-8"), re.MULTILINE)
    assert sorted(listed) == modules(), (
        "make_it_right/README.md's module map and the package differ: "
        f"unlisted {sorted(set(modules()) - set(listed))}, "
        f"listed but absent {sorted(set(listed) - set(modules()))}, "
        f"listed twice {sorted({m for m in listed if listed.count(m) > 1})}")


def test_the_map_lists_each_module_under_its_layer():
    headings = {"### Engine core": "core", "### The handbook's pages": "html",
                "### The command line": "cli"}
    current, wrong = None, []
    for line in MAP.read_text(encoding="utf-8").splitlines():
        current = next((v for k, v in headings.items() if line.startswith(k)), current)
        found = re.match(r"^- `([\w/]+\.py)`", line)
        if found and found.group(1) != "__main__.py" and layer(found.group(1)) != current:
            wrong.append(found.group(1))
    assert wrong == []


@pytest.mark.parametrize("module", modules())
def test_a_module_imports_only_from_its_layer_or_below(module):
    mine = LAYERS[layer(module)] if module != "__main__.py" else LAYERS["cli"]
    above = [name for name in imported(module, (PACKAGE / module).read_text(encoding="utf-8")) if LAYERS[layer(name)] > mine]
    assert above == [], f"make_it_right/{module} imports {above}, from a layer above its own"


@pytest.mark.parametrize("module, source", [
    ("loader.py", "from .html.site import Handbook"),
    ("loader.py", "from .html import site"),
    ("loader.py", "import make_it_right.cli.commands"),
    ("exports/snippet.py", "from ..html.card import render_card"),
    ("html/card.py", "from ..cli import main"),
])
def test_the_check_sees_an_import_from_a_layer_above(module, source):
    mine = LAYERS[layer(module)]
    assert [n for n in imported(module, source) if LAYERS[layer(n)] > mine], source
