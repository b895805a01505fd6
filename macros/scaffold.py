"""Write a new template file with every section its channel requires, ready to fill in."""

from __future__ import annotations

from pathlib import Path

import yaml

from .rules import Rules

def scaffold(root: Path, channel: str, template_id: str, title: str, playbook: str,
             rules: Rules) -> Path:
    """Create templates/<channel>/<id>.yml; refuse to overwrite or to guess a channel."""
    if channel not in rules.channels:
        raise ValueError(f"unknown channel '{channel}'; use one of: {', '.join(rules.channels)}")
    if playbook not in rules.playbooks:
        raise ValueError(f"unknown playbook '{playbook}'; use one of: {', '.join(rules.playbooks)}")
    path = root / channel / f"{template_id}.yml"
    if path.exists():
        raise FileExistsError(f"{path.as_posix()} already exists; pick another id")
    todo = rules.unfinished_marker
    spec = rules.channels[channel]
    names = ["what-happened", "next-step"] if spec.free_sections else spec.sections
    sections = {name: f"{todo}: write this part for {{{{ client_name }}}}." if i == 0
                else f"{todo}: write this part."
                for i, name in enumerate(names)}
    if channel == "voicemail":
        sections["number"] = "My number is {{ your_phone }}. Again, {{ your_phone }}."
    data = {
        "id": template_id,
        "title": title,
        "channel": channel,
        "playbooks": [playbook],
        "when": f"{todo}: one or two sentences on when to use this template.",
        "fields": {
            "client_name": {
                "label": "Client's first name",
                "example": "Priya",
                "hint": "How you usually greet them.",
                "fallback": "there",
            },
        },
    }
    if channel == "voicemail":
        data["fields"]["your_phone"] = {
            "label": "Your direct number",
            "example": "020 7946 0321",
            "hint": "The number you will answer today.",
            "kind": "phone",
        }
    if spec.subject == "required":
        data["subject"] = f"{todo}: a subject line for {{{{ client_name }}}}"
    data["sections"] = sections
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=88),
                    encoding="utf-8")
    return path
