"""The command line, run as a contributor would run it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from email import message_from_bytes
from email.policy import default
from urllib.parse import unquote

import yaml

from paths import ROOT
from make_it_right import __version__
from cli_run import run
from make_it_right.cli import main
from make_it_right.loader import load_pack


def test_console_script_runs():
    """Once, for real: the installed make-it-right command."""
    result = subprocess.run([sys.executable, "-m", "make_it_right", "--version"],
                            capture_output=True, timeout=60)
    assert result.stdout.decode().strip() == f"make-it-right {__version__}"


def test_check_passes_on_the_pack():
    result = run("check")
    assert result.returncode == 0, result.stderr.decode()
    pages = len(list((ROOT / "docs").rglob("*.md")))
    assert result.stdout.decode() == (f"{len(load_pack(ROOT / 'templates').templates)} templates, "
                                      f"the decision guide and {pages} pages checked, no problems.\n")


def test_version():
    result = run("--version")
    assert result.stdout.decode().strip() == f"make-it-right {__version__}"


def test_finds_the_pack_from_a_sub_folder():
    result = run("list", "--format", "json", cwd=ROOT / "docs" / "playbooks")
    assert result.returncode == 0, result.stderr.decode()
    listed = json.loads(result.stdout)
    assert {t["id"] for t in listed} == set(load_pack(ROOT / "templates").templates)
    assert listed[0].keys() == {"id", "channel", "title", "playbooks", "when", "fields"}


def test_no_pack_here_is_a_usage_error(tmp_path):
    result = run("list", cwd=tmp_path)
    assert result.returncode == 2
    assert "no templates/ folder here or above" in result.stderr.decode()


def test_pack_option_points_at_a_templates_folder(tmp_path):
    result = run("--pack", str(ROOT / "templates"), "list", "--channel", "sms", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert "call-back-by-text" in result.stdout.decode()


def test_check_fails_with_one_line_per_problem(tmp_path):
    (tmp_path / "templates" / "email").mkdir(parents=True)
    (tmp_path / "templates" / "email" / "bad.yml").write_text("id: [unclosed\n")
    result = run("check", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.decode().splitlines()
    assert lines[0].startswith("templates/email/bad.yml: is not valid YAML at line 2")
    assert lines[-1] == "1 problem(s) found."


def test_list_filters_by_playbook_and_channel():
    result = run("list", "--channel", "voicemail")
    assert result.returncode == 0
    out = result.stdout.decode()
    assert "call-back-team-mistake" in out and "apology-team-mistake" not in out


def test_render_text_with_values():
    result = run("render", "apology-team-mistake", "--set", "client_name=Ola",
                 "--set", "the_news=The file was lost", "--set", "impact=a week's delay",
                 "--set", "the_fix=we rebuilt it", "--set", "fix_date=Friday",
                 "--set", "free_times=today", "--set", "your_phone=555 0101",
                 "--set", "your_name=Sam", "--set", "company_name=Acme",
                 "--set", "project_name=the report")
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert out.startswith("Subject: About the report, and our plan\n\nHi Ola,")
    assert "The file was lost. For you, that means a week's delay." in out


def test_render_missing_field_is_a_clear_error():
    result = run("render", "apology-team-mistake", "--set", "client_name=Ola")
    assert result.returncode == 2
    err = result.stderr.decode()
    assert err.startswith("error: apology-team-mistake: fill in the required blanks first: ")
    assert "The news, as a plain fact" in err


def test_render_unknown_id_suggests_the_close_one():
    result = run("render", "apology-team-mistak")
    assert result.returncode == 2
    assert "unknown template id 'apology-team-mistak'; did you mean 'apology-team-mistake'?" \
        in result.stderr.decode()


def examples(template_id: str) -> list[str]:
    template = load_pack(ROOT / "templates").get(template_id)
    return [f"--set={name}={f.example}" for name, f in template.fields.items()]


def test_render_eml_and_mailto():
    eml = run("render", "apology-team-mistake", "--format", "eml", "--to", "a@example.com",
              *examples("apology-team-mistake"))
    message = message_from_bytes(eml.stdout, policy=default)
    assert message["To"] == "a@example.com"
    assert message["Subject"] == "About your grant application, and our plan"
    mailto = run("render", "apology-team-mistake", "--format", "mailto",
                 *examples("apology-team-mistake")).stdout.decode().strip()
    assert mailto.startswith("mailto:?subject=About%20your%20grant%20application")
    assert "Hi Priya," in unquote(mailto)


def test_eml_is_refused_for_a_voicemail():
    result = run("render", "call-back-team-mistake", "--format", "eml",
                 *examples("call-back-team-mistake"))
    assert result.returncode == 2
    assert "is a voicemail; --format eml is for emails" in result.stderr.decode()


def test_bad_set_syntax():
    assert main(["render", "apology-team-mistake", "--set", "no-equals-sign"]) == 2


def test_values_from_a_yaml_file_and_from_json_on_stdin(tmp_path):
    template = load_pack(ROOT / "templates").get("apology-team-mistake")
    values = {name: f.example for name, f in template.fields.items()}
    (tmp_path / "values.yml").write_text(yaml.safe_dump(values | {"client_name": "Ola"}))
    from_file = run("render", "apology-team-mistake", "--values", str(tmp_path / "values.yml"))
    assert from_file.returncode == 0, from_file.stderr.decode()
    assert "\n\nHi Ola,\n" in from_file.stdout.decode()
    from_stdin = run("render", "apology-team-mistake", "--values", "-", "--set", "client_name=Bo",
                     stdin=json.dumps(values).encode())
    assert "\n\nHi Bo,\n" in from_stdin.stdout.decode()  # --set wins over --values


def test_values_file_that_is_not_a_mapping_is_named(tmp_path):
    (tmp_path / "values.yml").write_text("- a list\n")
    result = run("render", "apology-team-mistake", "--values", str(tmp_path / "values.yml"))
    assert result.returncode == 1
    assert "values.yml: must be a mapping of field names to text" in result.stderr.decode()


def test_sms_renders_an_sms_link_to_its_recipient():
    result = run("render", "call-back-by-text", "--format", "sms", "--to", "+44 7700 900123",
                 *examples("call-back-by-text"))
    assert result.returncode == 0, result.stderr.decode()
    link = result.stdout.decode().strip()
    assert link.startswith("sms:+447700900123?body=") and "Priya" in unquote(link)


def test_sms_without_a_recipient_asks_for_one():
    """RFC 5724 has no sms: link without a recipient."""
    result = run("render", "call-back-by-text", "--format", "sms", *examples("call-back-by-text"))
    assert result.returncode == 2
    assert "an sms: link needs the number it goes to (RFC 5724): give --to" in \
        result.stderr.decode()


def test_eml_with_several_recipients_and_names():
    result = run("render", "apology-team-mistake", "--format", "eml", "--to",
                 "Priya Shah <priya@example.com>, ola@example.com", *examples("apology-team-mistake"))
    assert result.returncode == 0, result.stderr.decode()
    message = message_from_bytes(result.stdout, policy=default)
    assert [a.addr_spec for a in message["To"].addresses] == ["priya@example.com",
                                                              "ola@example.com"]


def test_new_scaffolds_every_required_section(tmp_path, rules, capsys):
    for channel, spec in rules.channels.items():
        assert main(["--pack", str(tmp_path), "new", channel, f"new-{channel}",
                     "--title", "A new one", "--playbook", "my-mistake"]) == 0
        data = yaml.safe_load((tmp_path / channel / f"new-{channel}.yml").read_text())
        if not spec.free_sections:
            assert list(data["sections"]) == spec.sections
        assert ("subject" in data) == (spec.subject == "required")
    # The scaffold is a starting point: the checker refuses it until every TODO is gone.
    assert main(["--pack", str(tmp_path), "check"]) == 1
    err = capsys.readouterr().err
    assert "email/new-email.yml: when still says TODO; finish writing it" in err
    assert "problems" not in err.splitlines()[0]


def test_new_refuses_to_overwrite(tmp_path, capsys):
    args = ["--pack", str(tmp_path), "new", "email", "x", "--title", "X", "--playbook",
            "my-mistake"]
    assert main(args) == 0
    assert main(args) == 2
    assert "already exists; pick another id" in capsys.readouterr().err


# -- issue 21: the command line people can pip-install -----------------------------------

def test_the_installed_pack_is_looked_for_where_the_wheel_puts_it():
    """pyproject.toml force-includes templates/ at make_it_right/templates."""
    import tomllib
    from pathlib import Path

    import make_it_right
    from make_it_right.cli.commands import BUNDLED_PACK

    wheel = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    target = wheel["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]["templates"]
    assert BUNDLED_PACK == Path(make_it_right.__file__).parent.parent / target


def test_no_pack_here_is_a_usage_error_when_none_is_installed(tmp_path, monkeypatch):
    monkeypatch.setattr("make_it_right.cli.commands.BUNDLED_PACK", tmp_path / "not-installed")
    result = run("list", cwd=tmp_path)
    assert result.returncode == 2
    assert "no templates/ folder here or above" in result.stderr.decode()


def test_outside_a_project_the_installed_pack_is_the_default(tmp_path, monkeypatch):
    monkeypatch.setattr("make_it_right.cli.commands.BUNDLED_PACK", ROOT / "templates")
    result = run("list", "--channel", "sms", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert "call-back-by-text" in result.stdout.decode()


def test_a_projects_own_templates_win_over_the_installed_pack(tmp_path, monkeypatch):
    monkeypatch.setattr("make_it_right.cli.commands.BUNDLED_PACK", ROOT / "templates")
    (tmp_path / "templates" / "sms").mkdir(parents=True)
    shutil.copy(ROOT / "templates" / "sms" / "heads-up-by-text.yml", tmp_path / "templates" / "sms")
    result = run("list", "--format", "json", cwd=tmp_path / "templates" / "sms")
    assert [t["id"] for t in json.loads(result.stdout)] == ["heads-up-by-text"]


def test_new_never_writes_into_the_installed_pack(tmp_path, monkeypatch):
    monkeypatch.setattr("make_it_right.cli.commands.BUNDLED_PACK", tmp_path / "installed")
    (tmp_path / "installed").mkdir()
    result = run("new", "sms", "x", "--title", "X", "--playbook", "my-mistake", cwd=tmp_path)
    assert result.returncode == 2
    assert not any((tmp_path / "installed").iterdir())


def test_pack_option_works_after_the_command_too(tmp_path):
    after = run("list", "--channel", "sms", "--pack", str(ROOT / "templates"), cwd=tmp_path)
    assert after.returncode == 0, after.stderr.decode()
    assert "call-back-by-text" in after.stdout.decode()
    # Given twice, the one after the command wins, as it is the one nearer the command.
    both = run("--pack", str(tmp_path), "list", "--pack", str(ROOT / "templates"), cwd=tmp_path)
    assert both.returncode == 0 and b"call-back-by-text" in both.stdout


def test_missing_field_error_names_what_set_takes():
    result = run("render", "call-back-by-text", "--set", "your_name=Sam")
    assert result.returncode == 2
    err = result.stderr.decode()
    assert ("fill in the required blanks first: project_name (The work, as the client calls "
            "it), your_phone (Your direct number), reachable_until (Free to talk until); "
            "give each as --set project_name=...") in err


def test_values_stay_the_text_as_typed(tmp_path):
    (tmp_path / "values.yml").write_text(
        "your_name: yes\nproject_name: NO\nyour_phone: 01234567\nreachable_until: 1.0\n"
        "client_name: 0x1F\n")
    result = run("render", "call-back-by-text", "--values", str(tmp_path / "values.yml"))
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode() == (
        "Hi 0x1F, yes here. Could you call me about NO on 01234567? I'm free until 1.0.\n")


def test_json_values_stay_text_too():
    values = b'{"your_name": "Sam", "project_name": true, "your_phone": 01234567, ' \
             b'"reachable_until": 6.50}'
    result = run("render", "call-back-by-text", "--values", "-", stdin=values)
    assert result.returncode == 0, result.stderr.decode()
    assert "about true on 01234567? I'm free until 6.50." in \
        result.stdout.decode()


def test_a_key_given_twice_in_values_is_refused(tmp_path):
    (tmp_path / "values.yml").write_text("your_name: Sam\nyour_name: Bo\n")
    result = run("render", "call-back-by-text", "--values", str(tmp_path / "values.yml"))
    assert result.returncode == 1
    assert "key 'your_name' is given twice (lines 1 and 2); keep one" in result.stderr.decode()


def test_set_values_stay_as_typed():
    result = run("render", "call-back-by-text", "--set", "your_name=yes", "--set",
                 "project_name= NO", "--set", "your_phone=01234567", "--set",
                 "reachable_until=1.0")
    assert result.returncode == 0, result.stderr.decode()
    assert "yes here. Could you call me about NO on 01234567? I'm free until 1.0." \
        in result.stdout.decode()


def test_check_draft_guesses_a_short_email_of_several_paragraphs(tmp_path):
    draft = ("Hi Priya,\n\nThe report is late. I'm sorry.\n\n"
             "It will be with you on Friday.\n\nBest,\nSam\n")
    result = run("check-draft", "-", stdin=draft.encode())
    assert result.stdout.decode().splitlines()[0] == "Guessed from the text: Email"
    text = run("check-draft", "-", stdin=b"Hi Priya, it's Sam. Running late, there at 3.")
    assert text.stdout.decode().splitlines()[0] == "Guessed from the text: Text message"


def test_a_closed_pipe_ends_quietly():
    """`make-it-right list --format json | head -c 1`: no traceback, 141 as from SIGPIPE."""
    process = subprocess.Popen([sys.executable, "-m", "make_it_right", "list", "--format",
                                "json"], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    process.stdout.close()  # the reader is gone before the first line is written
    err = process.stderr.read()
    assert process.wait(timeout=60) == 141
    assert err == b""
