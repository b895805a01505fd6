"""make-it-right: list, render, check and scaffold templates from the command line.

    make-it-right list [--playbook ID] [--channel CHANNEL] [--format text|json]
    make-it-right render ID [--format text|eml|mailto|sms] [--set field=value ...]
                            [--values FILE|-] [--to ADDRESS]
    make-it-right check
    make-it-right new CHANNEL ID --title "..." --playbook ID
    make-it-right check-draft PATH|- [--channel CHANNEL] [--playbook ID] [--format text|json]
    make-it-right export --format espanso|textexpander|raycast|apple [--playbook ID]
                         [--channel CHANNEL] -o FILE|-
    make-it-right languages [CODE] [--scaffold | --stamp [ID ...]]

It finds the pack (the templates/ folder) from where you stand, walking up, or
takes --pack DIR (before or after the command); outside a project it uses the
handbook's own pack, installed with it. Exit codes: 0 fine, 1 problems found,
2 usage error, 3 internal error. check-draft needs no pack: it exits 0 when a draft
has nothing to change, 1 when it has. When whatever reads the output stops early
(`| head`), it ends quietly with 141, as a command killed by SIGPIPE does.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import traceback
from email.utils import formatdate
from pathlib import Path

from .. import __version__
from ..datafile import MAX_BYTES, close_match, parse_yaml_strings, read_text
from ..errors import ContentError, DataError, MissingFields, UnknownTemplate, display_path
from ..layout import layout
from ..loader import Pack, load_pack
from ..register import FRIENDLY
from ..render import as_eml, as_mailto, as_sms, as_text
from ..rules import load_rules
from .scaffold import scaffold
from ..strings import load_strings

OK, PROBLEMS, USAGE, INTERNAL = 0, 1, 2, 3
CLOSED_PIPE = 128 + signal.SIGPIPE  # what a shell reports for a command a closed pipe ended
PACK_FOLDER = "templates"
# The handbook's own pack, which the wheel carries in the package folder
# (pyproject.toml: force-include).
BUNDLED_PACK = Path(__file__).parents[1] / PACK_FOLDER


class UsageError(Exception):
    pass


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)  # exits 2 on a usage error, as argparse does
    try:
        code = args.run(args)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return code
    except BrokenPipeError:
        _quiet_stdout()
        return CLOSED_PIPE
    except ContentError as error:
        print(error, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) found.", file=sys.stderr)
        return PROBLEMS
    except (UsageError, UnknownTemplate, MissingFields, ValueError, FileExistsError) as error:
        print(f"error: {error}", file=sys.stderr)
        return USAGE
    except Exception:  # a bug in this tool, not in the reader's input
        traceback.print_exc()
        print("internal error: please report it with the lines above.", file=sys.stderr)
        return INTERNAL


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so Python's own flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # a stream with no file behind it (tests)
        pass


def find_pack(start: Path) -> Path:
    """The nearest templates/ folder at or above `start`."""
    for folder in [start, *start.parents]:
        if (folder / PACK_FOLDER).is_dir():
            return folder / PACK_FOLDER
    raise UsageError(f"no {PACK_FOLDER}/ folder here or above {display_path(start)}; "
                     "run this inside the project, or give --pack DIR")


def _pack_dir(args) -> Path:
    """--pack, else the project's templates/ here or above, else the installed pack."""
    if args.pack is not None:
        return args.pack
    try:
        return find_pack(Path.cwd())
    except UsageError:
        if BUNDLED_PACK.is_dir():
            return BUNDLED_PACK
        raise


def _load(args) -> Pack:
    return load_pack(_pack_dir(args))


def _list(args) -> int:
    templates = _load(args).select(args.playbook, args.channel)
    if args.format == "json":
        print(json.dumps([{"id": t.id, "channel": t.channel, "title": t.title,
                           "playbooks": list(t.playbooks), "when": t.when,
                           "fields": list(t.fields)} for t in templates],
                         ensure_ascii=False, indent=2))
    else:
        for t in templates:
            print(f"{t.id:<34} {t.channel:<14} {t.title}")
    return OK


def _render(args) -> int:
    pack = _load(args)
    template = pack.get(args.id)
    values = _values(args)
    for item in args.set:
        name = item.partition("=")[0].strip()
        if name not in template.fields:
            raise UsageError(f"--set: {template.id} has no field '{name}'; "
                             f"{close_match(name, list(template.fields))}")
    try:
        document = layout(template, pack.rules, load_strings(), args.register)
    except ValueError as error:
        raise UsageError(str(error)) from None
    if args.format == "text":
        sys.stdout.write(as_text(document, values))
    elif args.format == "sms":
        if not args.to:
            raise UsageError("an sms: link needs the number it goes to (RFC 5724): give --to "
                             "with the country code, like --to '+44 7700 900123'")
        print(as_sms(document, values, to=args.to))
    elif template.subject is None:
        raise UsageError(f"{template.id} is a {template.channel}; --format {args.format} "
                         "is for emails (use --format text)")
    elif args.format == "eml":
        sys.stdout.buffer.write(as_eml(document, values, to=args.to, cc=args.cc,
                                       sender=args.sender, date=formatdate(localtime=True)))
    else:
        print(as_mailto(document, values, to=args.to, cc=args.cc))
    return OK


def _values(args) -> dict[str, str]:
    values: dict[str, str] = {}
    if args.values is not None:
        source = Path("<stdin>") if args.values == "-" else Path(args.values)
        text = _stdin(source) if args.values == "-" else read_text(source)
        # JSON is YAML too. Every value stays the text as typed: 01234567, yes, 1.0.
        data = parse_yaml_strings(text, source)
        if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
            raise DataError(source, "must be a mapping of field names to text, "
                                    "like client_name: Priya")
        values = dict(data)
    for item in args.set:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--set takes field=value, got '{item}'")
        values[name.strip()] = value
    return values


def _stdin(source: Path) -> str:
    text = sys.stdin.read(MAX_BYTES + 1)
    if len(text) > MAX_BYTES:
        raise DataError(source, f"is larger than {MAX_BYTES // 1024} KB")
    return text


def _check(args) -> int:
    pack_dir = _pack_dir(args)
    project = pack_dir.parent
    if (project / "docs").is_dir() and (project / "mkdocs.yml").is_file():
        from ..html.handbook_check import check_handbook
        from ..html.site import Handbook  # the pack, the strings, the guide and every page

        handbook = Handbook.load(project)
        problems = check_handbook(handbook)  # the guide, playbook pages and checklists
        if problems:
            raise ContentError(problems)
        count, pages = len(handbook.pack.templates), len(handbook.cards_on_page)
        print(f"{count} templates, the decision guide and {pages} pages checked, no problems.")
    else:  # a pack on its own, with no handbook pages (and so no decision guide) around it
        pack = load_pack(pack_dir)
        print(f"{len(pack.templates)} templates checked, no problems.")
    return OK


def _new(args) -> int:
    pack_dir = args.pack if args.pack is not None else find_pack(Path.cwd())
    path = scaffold(pack_dir, args.channel, args.id, args.title, args.playbook, load_rules())
    print(f"wrote {display_path(path)}: fill in every TODO, then run `make-it-right check`")
    return OK


def _check_draft(args) -> int:
    from ..draft import check_draft, guess_channel, set_aside_note, summary  # only this needs pyphen

    if args.path == "-":
        text = _stdin(Path("<stdin>"))
    else:
        try:
            text = read_text(Path(args.path))
        except DataError as error:
            raise UsageError(str(error)) from None
    rules, strings = load_rules(), load_strings()
    channel = args.channel or guess_channel(text, rules, strings)
    findings = check_draft(text, channel, args.playbook, rules, strings)
    if args.format == "json":
        print(json.dumps([f.as_json() for f in findings], ensure_ascii=False, indent=2))
        return PROBLEMS if findings else OK
    words = strings.draft
    if not args.channel:
        print(words.guessed.format(channel=strings.channels[channel]))
    for finding in findings:
        where = ""
        if finding.start is not None:
            line = text.count("\n", 0, finding.start) + 1
            column = finding.start - (text.rfind("\n", 0, finding.start) + 1) + 1
            quoted = words.quoted.format(text=" ".join(text[finding.start:finding.end].split()))
            where = f"{line}:{column}: {quoted} "
        instead = f" {words.instead} {finding.instead}" if finding.instead else ""
        link = f" {words.link}: docs/{finding.link}" if finding.link else ""
        print(f"{where}[{finding.category}: {finding.rule}] {finding.message}{instead}{link}")
    note = set_aside_note(text, strings)
    if note:
        print(note)
    print(summary(text, channel, rules, strings))
    count = len(findings)
    print(words.none if not count else words.count_one if count == 1
          else strings.counted(words.count_many, count, count=count))
    return PROBLEMS if findings else OK


_PACK_HELP = ("the templates folder (default: the nearest templates/ here or above, "
              "else the handbook's own pack)")


def _export(args) -> int:
    from ..exports import FORMATS, ExportError, snippets_of

    pack = _load(args)
    export = FORMATS[args.format]
    snippets = snippets_of(pack.select(args.playbook, args.channel), pack.rules, load_strings())
    try:
        data = export.write(snippets)
    except ExportError as error:
        print(f"error: {error}", file=sys.stderr)
        return PROBLEMS
    if args.output == "-":
        sys.stdout.buffer.write(data)
    else:
        Path(args.output).write_bytes(data)
        print(f"wrote {len(snippets)} snippet(s) for {export.tool} to {args.output}", file=sys.stderr)
    return OK


def _languages(args) -> int:
    from ..languages import coverage, language_codes, scaffold_overlays, stamp_overlays
    from ..rules import CANONICAL

    pack_dir = _pack_dir(args)
    project, english = pack_dir.parent, load_pack(pack_dir)
    codes = [c for c in language_codes() if c != CANONICAL]
    if args.code is not None and args.code not in codes:
        raise UsageError(f"unknown language '{args.code}'; {close_match(args.code, codes)} "
                         "(a language is make_it_right/data/languages/<code>.yml)")
    if args.scaffold or args.stamp is not None:
        if args.code is None:
            raise UsageError("name the language: make-it-right languages CODE --scaffold")
        if args.scaffold:
            paths = scaffold_overlays(project, args.code, english)
            verb = "wrote"
        else:
            paths = stamp_overlays(project, args.code, english, args.stamp)
            verb = "stamped"
        for path in paths:
            print(f"{verb} {display_path(path)}")
        print(f"{len(paths)} overlay(s) {verb}.")
        return OK
    reports = [coverage(project, code, english) for code in ([args.code] if args.code else codes)]
    for report in reports:
        print("\n".join(report.lines()))
    return OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="make-it-right", description=__doc__.split("\n")[0])
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--pack", type=Path, metavar="DIR", help=_PACK_HELP)
    # --pack after the command too; SUPPRESS keeps a value given before it.
    after = argparse.ArgumentParser(add_help=False)
    after.add_argument("--pack", type=Path, metavar="DIR", default=argparse.SUPPRESS,
                       help=_PACK_HELP)
    commands = parser.add_subparsers(required=True, metavar="command")

    def command(name: str, **kwargs) -> argparse.ArgumentParser:
        return commands.add_parser(name, parents=[after], **kwargs)

    show = command("list", help="list templates")
    show.add_argument("--playbook")
    show.add_argument("--channel")
    show.add_argument("--format", choices=["text", "json"], default="text")
    show.set_defaults(run=_list)

    one = command("render", help="render one template with your values")
    one.add_argument("id")
    one.add_argument("--format", choices=["text", "eml", "mailto", "sms"], default="text")
    one.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE")
    one.add_argument("--values", metavar="FILE|-", help="field values as YAML or JSON")
    one.add_argument("--register", default=FRIENDLY, metavar="NAME",
                     help="how a message greets and signs off: friendly (the template's own "
                          "words) or formal")
    one.add_argument("--to", default="", help="recipients, separated by commas, each an address "
                     "or Name <address> (eml, mailto); a phone number (sms)")
    one.add_argument("--cc", default="", help="copy to these addresses (eml, mailto)")
    one.add_argument("--from", dest="sender", default="", help="your address (eml)")
    one.set_defaults(run=_render)

    check = command("check", help="check every template, the decision guide and "
                                              "the pages; exit 1 on any problem")
    check.set_defaults(run=_check)

    new = command("new", help="write a new template with its channel's sections")
    new.add_argument("channel")
    new.add_argument("id")
    new.add_argument("--title", required=True)
    new.add_argument("--playbook", required=True)
    new.set_defaults(run=_new)

    draft = command("check-draft", help="check your own email, voicemail, call opening "
                                                    "or text against the handbook's rules; exit 1 "
                                                    "if there is something to change")
    draft.add_argument("path", metavar="PATH|-", help="the draft, as a text file, or - for stdin")
    draft.add_argument("--channel", choices=list(load_rules().draft_checks.channels),
                       help="what the draft is (default: guessed from the text)")
    draft.add_argument("--playbook", metavar="ID", help="the situation, a playbook id")
    draft.add_argument("--format", choices=["text", "json"], default="text")
    draft.set_defaults(run=_check_draft)

    from ..exports import FORMATS

    export = commands.add_parser("export", help="the templates as snippets for a text expander "
                                                "or snippet tool")
    export.add_argument("--format", required=True, choices=list(FORMATS))
    export.add_argument("--playbook", metavar="ID")
    export.add_argument("--channel")
    export.add_argument("-o", "--output", required=True, metavar="FILE|-",
                        help="where to write it, or - for standard output")
    export.set_defaults(run=_export)

    languages = command("languages", help="how far each language is translated (templates, "
                                          "pages, strings); --scaffold writes the missing "
                                          "template overlays from English, --stamp records the "
                                          "English each overlay now translates")
    languages.add_argument("code", nargs="?", help="one language, like ru")
    chore = languages.add_mutually_exclusive_group()
    chore.add_argument("--scaffold", action="store_true")
    chore.add_argument("--stamp", nargs="*", metavar="ID", help="every overlay, or these ids")
    languages.set_defaults(run=_languages)
    return parser
