"""Last-updated dates from git, and none (rather than wrong ones) from a shallow clone."""

from __future__ import annotations

import subprocess

from make_it_right.history import last_changed


def _git(folder, *args, date="2026-01-02T10:00:00"):
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "a",
           "GIT_AUTHOR_EMAIL": "a@example.com", "GIT_COMMITTER_NAME": "a",
           "GIT_COMMITTER_EMAIL": "a@example.com", "PATH": "/usr/bin:/bin", "HOME": str(folder)}
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, env=env)


def test_each_file_gets_its_last_commits_date_and_a_shallow_clone_none(tmp_path):
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    _git(repo, "init", "-q", "-b", "main")
    (repo / "docs" / "a.md").write_text("a")
    (repo / "docs" / "b.md").write_text("b")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "first")
    (repo / "docs" / "a.md").write_text("a, again")
    _git(repo, "commit", "-q", "-am", "second", date="2026-03-04T10:00:00")
    assert last_changed(repo, "docs") == {"docs/a.md": "2026-03-04", "docs/b.md": "2026-01-02"}
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)],
                   check=True, capture_output=True)
    assert last_changed(shallow, "docs") == {}
    assert last_changed(tmp_path / "not-a-repo", "docs") == {}
