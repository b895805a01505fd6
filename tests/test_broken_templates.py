"""Broken examples are tests too: each folder in tests/broken/ is a tiny template pack
that is valid except for one thing, with the exact error text it must produce.

    tests/broken/<case>/templates/<channel>/<id>.yml   the pack
    tests/broken/<case>/expected.txt                   str(PackError), one line per problem

To add a case: copy the closest folder, break one thing, run the engine from inside
the folder (`cd tests/broken/<case> && python -m macros check`), read the message,
and paste it into expected.txt.

Packs in tests/sound/ must load: they pin down what the checker must NOT refuse
(for example, a call script's `avoid` section may quote a blocked phrase), and
`minimal-email-and-voicemail` holds the two base templates every broken case is
copied from, so a failure there means the cases no longer break only one thing.

Notes on particular cases:

- duplicate-id: an id must equal its file name, so two files in one channel
  folder cannot share an id without also failing the file-name check (except
  x.yml beside x.yaml, covered by duplicate-id-yml-and-yaml). The clean case is an
  email and a voicemail that are both called late-files: each is valid and in its
  own folder, so the only problem is the shared id, reported on the file that
  sorts second.
- field-label-conflict / field-kind-conflict: both templates are valid on their
  own; only the pair is wrong.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.errors import PackError
from macros.loader import load_pack

HERE = Path(__file__).resolve().parent
BROKEN = sorted(p for p in (HERE / "broken").iterdir() if p.is_dir())
SOUND = sorted(p for p in (HERE / "sound").iterdir() if p.is_dir())


def _errors() -> PackError:
    # The root is given relative to the case folder. Messages print paths relative
    # to the current directory, so expected.txt reads `templates/email/x.yml: ...`
    # wherever the repository is checked out.
    with pytest.raises(PackError) as caught:
        load_pack(Path("templates"))
    return caught.value


def test_there_are_cases():
    assert len(BROKEN) >= 20 and SOUND
    for case in BROKEN:
        assert (case / "templates").is_dir(), f"{case.name}: no templates/ folder"
        assert (case / "expected.txt").is_file(), f"{case.name}: no expected.txt"


@pytest.mark.parametrize("case", BROKEN, ids=[p.name for p in BROKEN])
def test_broken_pack_gives_exact_message(case: Path, monkeypatch):
    monkeypatch.chdir(case)
    expected = (case / "expected.txt").read_text(encoding="utf-8").strip()
    error = _errors()
    assert str(error) == expected
    # Each case is a valid pack except for one thing, so exactly one problem.
    assert len(error.problems) == 1, str(error)


@pytest.mark.parametrize("case", SOUND, ids=[p.name for p in SOUND])
def test_sound_pack_loads(case: Path, monkeypatch):
    monkeypatch.chdir(case)
    pack = load_pack(Path("templates"))
    assert pack.templates


# mkdocs_entry passes an absolute root: a second file named in a message is
# still shown relative to where the contributor stands.
@pytest.mark.parametrize("name", ["duplicate-id", "field-label-conflict"])
def test_second_file_is_named_relative_to_cwd(name: str, monkeypatch):
    case = HERE / "broken" / name
    monkeypatch.chdir(case)
    with pytest.raises(PackError) as caught:
        load_pack(case / "templates")
    assert str(caught.value) == (case / "expected.txt").read_text(encoding="utf-8").strip()
