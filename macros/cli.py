"""The command line: list, render, check and scaffold templates.

    python -m macros list [--playbook ID] [--channel CHANNEL]
    python -m macros render ID [--format text|eml|mailto] [--set field=value ...] [--to ADDRESS]
    python -m macros check
    python -m macros new CHANNEL ID --title "..." --playbook ID
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import render
from .errors import MissingFields, PackError, UnknownTemplate
from .loader import load_pack
from .rules import load_rules
from .scaffold import scaffold

DEFAULT_ROOT = Path("templates")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except PackError as error:
        print(error, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) found.", file=sys.stderr)
        return 1
    except (UnknownTemplate, MissingFields, ValueError, FileExistsError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


def _list(args) -> int:
    pack = load_pack(args.root)
    for t in pack.select(args.playbook, args.channel):
        print(f"{t.id:<34} {t.channel:<14} {t.title}")
    return 0


def _render(args) -> int:
    pack = load_pack(args.root)
    template = pack.get(args.id)
    values = dict(_pair(item) for item in args.set)
    if args.format == "text":
        sys.stdout.write(render.as_text(template, values, pack.rules))
        return 0
    if template.subject is None:
        raise ValueError(f"{template.id} is a {template.channel}; --format {args.format} "
                         "is for emails (use --format text)")
    if args.format == "eml":
        sys.stdout.buffer.write(render.as_eml(template, values, pack.rules, to=args.to))
    else:
        print(render.as_mailto(template, values, pack.rules, to=args.to))
    return 0


def _check(args) -> int:
    pack = load_pack(args.root)
    print(f"{len(pack.templates)} templates checked, no problems.")
    return 0


def _new(args) -> int:
    path = scaffold(args.root, args.channel, args.id, args.title, args.playbook, load_rules())
    print(f"wrote {path.as_posix()}: fill in every TODO, then run `python -m macros check`")
    return 0


def _pair(item: str) -> tuple[str, str]:
    name, sep, value = item.partition("=")
    if not sep or not name.strip():
        raise ValueError(f"--set takes field=value, got '{item}'")
    return name.strip(), value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT,
                        help="the template folder (default: templates)")
    commands = parser.add_subparsers(required=True, metavar="command")

    show = commands.add_parser("list", help="list templates")
    show.add_argument("--playbook")
    show.add_argument("--channel")
    show.set_defaults(run=_list)

    one = commands.add_parser("render", help="render one template with your values")
    one.add_argument("id")
    one.add_argument("--format", choices=["text", "eml", "mailto"], default="text")
    one.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE")
    one.add_argument("--to", default="", help="recipient address (eml, mailto)")
    one.set_defaults(run=_render)

    check = commands.add_parser("check", help="check every template; exit 1 on any problem")
    check.set_defaults(run=_check)

    new = commands.add_parser("new", help="write a new template with its channel's sections")
    new.add_argument("channel")
    new.add_argument("id")
    new.add_argument("--title", required=True)
    new.add_argument("--playbook", required=True)
    new.set_defaults(run=_new)
    return parser
