"""The command line, run as a contributor would run it."""

from __future__ import annotations

import subprocess
import sys
from email import message_from_bytes
from email.policy import default
from urllib.parse import unquote

import yaml

from conftest import ROOT
from macros.cli import main
from macros.loader import load_pack


def run(*args: str, cwd=ROOT) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "macros", *args], cwd=cwd,
                          capture_output=True, timeout=60)


def test_check_passes_on_the_pack():
    result = run("check")
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().endswith("templates checked, no problems.\n")


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
                 "--set", "what_went_wrong=lost the file", "--set", "impact=a week's delay",
                 "--set", "the_fix=we rebuilt it", "--set", "fix_date=Friday",
                 "--set", "free_times=today", "--set", "your_phone=555 0101",
                 "--set", "your_name=Sam", "--set", "company_name=Acme",
                 "--set", "project_name=the report")
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert out.startswith("Subject: Our mistake on the report: what happens now\n\nHi Ola,")
    assert "We lost the file, which means a week's delay." in out


def test_render_missing_field_is_a_clear_error():
    result = run("render", "apology-team-mistake", "--set", "client_name=Ola")
    assert result.returncode == 2
    err = result.stderr.decode()
    assert err.startswith("error: apology-team-mistake: fill in the required blanks first: ")
    assert "What went wrong" in err


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
    assert message["Subject"] == "Our mistake on your grant application: what happens now"
    mailto = run("render", "apology-team-mistake", "--format", "mailto",
                 *examples("apology-team-mistake")).stdout.decode().strip()
    assert mailto.startswith("mailto:?subject=Our%20mistake%20on%20your%20grant")
    assert "Hi Priya," in unquote(mailto)


def test_eml_is_refused_for_a_voicemail():
    result = run("render", "call-back-team-mistake", "--format", "eml",
                 *examples("call-back-team-mistake"))
    assert result.returncode == 2
    assert "is a voicemail; --format eml is for emails" in result.stderr.decode()


def test_bad_set_syntax():
    assert main(["render", "apology-team-mistake", "--set", "no-equals-sign"]) == 2


def test_new_scaffolds_every_required_section(tmp_path, rules, capsys):
    for channel, spec in rules.channels.items():
        assert main(["--root", str(tmp_path), "new", channel, f"new-{channel}",
                     "--title", "A new one", "--playbook", "my-mistake"]) == 0
        data = yaml.safe_load((tmp_path / channel / f"new-{channel}.yml").read_text())
        if not spec.free_sections:
            assert list(data["sections"]) == spec.sections
        assert ("subject" in data) == (spec.subject == "required")
    # The scaffold is a starting point: the checker refuses it until every TODO is gone.
    assert main(["--root", str(tmp_path), "check"]) == 1
    err = capsys.readouterr().err
    assert "email/new-email.yml: when still says TODO; finish writing it" in err
    assert "problems" not in err.splitlines()[0]


def test_new_refuses_to_overwrite(tmp_path):
    args = ["--root", str(tmp_path), "new", "email", "x", "--title", "X", "--playbook",
            "my-mistake"]
    assert main(args) == 0
    assert main(args) == 2
