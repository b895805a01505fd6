"""The command line, run as a contributor would run it."""

from __future__ import annotations

import io
import json
import os
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


def test_sms_renders_an_sms_link():
    result = run("render", "call-back-by-text", "--format", "sms", *examples("call-back-by-text"))
    assert result.returncode == 0, result.stderr.decode()
    link = result.stdout.decode().strip()
    assert link.startswith("sms:?body=") and "Priya" in unquote(link)


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
