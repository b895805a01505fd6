"""The command line as input: `new` never writes outside templates/<channel>/, and
exit codes tell problems (1), usage errors (2) and internal errors (3) apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from make_it_right.cli import commands as cli


def new(template_id: str, channel: str = "email") -> int:
    return cli.main(["--pack", "templates", "new", channel, template_id, "--title", "T",
                     "--playbook", "team-mistake"])


@pytest.mark.parametrize("template_id", ["/tmp/abs", "../escape", "a/b", "Late_Files", "x.yml",
                                         "-", "late files", "\u0430pology", "fine-id\n",
                                         "fine-id\r", "fine\u2028id"])
def test_new_refuses_an_id_that_is_not_kebab_case(project, capsys, template_id):
    assert new(template_id) == 2
    assert "is not kebab-case" in capsys.readouterr().err
    assert sorted(p.name for p in Path("templates").rglob("*")) == [
        "call-back.yml", "email", "late-files.yml", "voicemail"]


@pytest.mark.parametrize("channel", ["../..", "/tmp", "email/../../x"])
def test_new_refuses_an_unknown_channel(project, capsys, channel):
    assert new("fine-id", channel) == 2
    assert "unknown channel" in capsys.readouterr().err


def test_new_does_not_follow_a_symlinked_channel_folder(project, tmp_path_factory, capsys):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    Path("templates/sms").symlink_to(elsewhere, target_is_directory=True)
    assert new("fine-id", "sms") == 2
    assert "is not a plain folder; refusing to write there" in capsys.readouterr().err
    assert list(elsewhere.iterdir()) == []


def test_new_does_not_write_through_a_dangling_symlink(project, tmp_path_factory, capsys):
    target = tmp_path_factory.mktemp("elsewhere") / "written-through.yml"
    Path("templates/email/fine-id.yml").symlink_to(target)
    assert new("fine-id") == 2
    assert "already exists; pick another id" in capsys.readouterr().err
    assert not target.exists()


def test_exit_codes_are_distinct(project, capsys, monkeypatch):
    assert cli.main(["--pack", "templates", "check"]) == 0
    assert cli.main(["--pack", "templates", "render", "nope"]) == 2
    Path("templates/email/late-files.yml").write_text("id: [\n")
    assert cli.main(["--pack", "templates", "check"]) == 1

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")
    monkeypatch.setattr(cli, "load_pack", broken)
    assert cli.main(["--pack", "templates", "list"]) == 3
    assert "internal error: please report it" in capsys.readouterr().err


@pytest.mark.parametrize("template_id, message", [
    ("a" * 300, "is longer than 64 characters; shorten it"),
    ("con", "is a name Windows keeps for a device; pick another"),
    ("nul", "is a name Windows keeps for a device"),
    ("com1", "is a name Windows keeps for a device"),
])
def test_new_refuses_a_long_or_reserved_id(project, capsys, template_id, message):
    assert new(template_id) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err) < 200
    assert not any(p.name.startswith(template_id[:10]) for p in Path("templates").rglob("*"))


def test_new_refuses_an_id_taken_in_another_channel(project, capsys):
    assert new("call-back", "email") == 2
    assert "templates/voicemail/call-back.yml already exists; pick another id" in capsys.readouterr().err
    assert not Path("templates/email/call-back.yml").exists()


@pytest.mark.parametrize("template_id, message", [
    ("con", "'con' is a name Windows keeps for a device"),
    ("x" * 65, "is longer than 64 characters"),
])
def test_the_pack_refuses_a_long_or_reserved_id(project, capsys, template_id, message):
    path = Path(f"templates/email/{template_id}.yml")
    Path("templates/email/late-files.yml").rename(path)
    path.write_text(path.read_text().replace("id: late-files", f"id: {template_id}"))
    assert cli.main(["--pack", "templates", "check"]) == 1
    err = capsys.readouterr().err
    assert f"{path}: key 'id': " in err and message in err, err


def test_an_unknown_set_field_is_a_usage_error_with_a_suggestion(project, capsys):
    code = cli.main(["--pack", "templates", "render", "late-files", "--set", "client_nmae=Bob"])
    assert code == 2
    assert ("--set: late-files has no field 'client_nmae'; did you mean 'client_name'?"
            in capsys.readouterr().err)
