"""Write a new template file with every section its channel requires, ready to fill in."""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from ..model import MAX_ID, id_problem
from ..rules import Rules

CLIENT_NAME = {
    "label": "Client's first name",
    "example": "Priya",
    "hint": "The name you usually greet them with.",
    "fallback": "there",
}


def scaffold(root: Path, channel: str, template_id: str, title: str, playbook: str,
             rules: Rules) -> Path:
    """Create templates/<channel>/<id>.yml; never overwrite, never write anywhere else."""
    if channel not in rules.channels:
        raise ValueError(f"unknown channel '{channel}'; use one of: {', '.join(rules.channels)}")
    if playbook not in rules.playbooks:
        raise ValueError(f"unknown playbook '{playbook}'; use one of: {', '.join(rules.playbooks)}")
    what = id_problem(template_id)
    if what:
        shown = template_id if len(template_id) <= MAX_ID else template_id[:MAX_ID] + "…"
        raise ValueError(f"id {shown!r} {what}")
    taken = [c for c in rules.channels if os.path.lexists(root / c / f"{template_id}.yml")]
    if taken:
        # Ids are unique across channels: a card is placed by its id alone.
        raise FileExistsError(f"{(root / taken[0] / f'{template_id}.yml').as_posix()} already "
                              "exists; pick another id")
    if not title.strip() or "\n" in title or "\r" in title:
        raise ValueError("--title must be one line of text")
    folder = root / channel
    path = folder / f"{template_id}.yml"
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise ValueError(f"{folder.as_posix()} is not a plain folder; refusing to write there")
    spec = rules.channels[channel]
    todo = rules.unfinished_marker
    names = ["what-happened", "next-step"] if spec.free_sections else list(spec.sections)
    sections = {name: f"{todo}: write this part for {{{{ client_name }}}}." if i == 0
                else f"{todo}: write this part."
                for i, name in enumerate(names)}
    sections |= {name: text for name, text in spec.scaffold.sections.items() if name in sections}
    data = {
        "id": template_id,
        "title": " ".join(title.split()),
        "channel": channel,
        "playbooks": [playbook],
        "when": f"{todo}: one or two sentences on when to use this template.",
        "fields": {"client_name": CLIENT_NAME}
        | {name: f.model_dump(exclude_defaults=True) | {"kind": f.kind}
           for name, f in spec.scaffold.fields.items()},
    }
    if spec.has_subject:
        data["subject"] = f"{todo}: a subject line for {{{{ client_name }}}}"
    data["sections"] = sections
    folder.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:  # "x": fail rather than overwrite
        handle.write(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=88))
    return path
