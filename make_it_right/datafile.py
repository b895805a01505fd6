"""Read the project's data files (templates, rules, strings, the decision guide)
as untrusted input: bounded reads, plain YAML only, and one-line problems that
name the file.

Every data file arrives by pull request, so a file that is too big, too deep,
not a regular file or not plain YAML is refused with a message, never a
traceback, a hang or a crash.
"""

from __future__ import annotations

import difflib
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .errors import DataError, display_path
from .escape import hidden_character_problem

DATA_DIR = Path(__file__).parent / "data"
MAX_BYTES = 256 * 1024
MAX_DEPTH = 12

if TYPE_CHECKING:
    from yaml import SafeLoader as _Loader
else:
    _Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
M = TypeVar("M", bound=BaseModel)


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """A regular file's UTF-8 text, at most max_bytes long; DataError otherwise."""
    try:
        info = path.stat()
    except OSError as error:
        raise DataError(path, f"cannot be read ({error.strerror})", "file") from None
    if not stat.S_ISREG(info.st_mode):
        raise DataError(path, "is not a regular file; data files must be plain files", "file")
    try:
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as error:
        raise DataError(path, f"cannot be read ({error.strerror})", "file") from None
    if len(raw) > max_bytes:
        raise DataError(path, f"is larger than {max_bytes // 1024} KB; split it or trim it", "file")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise DataError(path, "is not UTF-8 text; save it as UTF-8", "file") from None


def parse_yaml(text: str, path: Path, loader: Any = None) -> Any:
    """Plain YAML: no anchors or aliases, no duplicate or non-text keys, bounded depth,
    only visible text."""
    try:
        _check_shape(text, path)
        data = yaml.load(text, Loader=loader or _UniqueKeyLoader)
    except DataError:
        raise
    except yaml.YAMLError as error:
        raise DataError(path, _yaml_message(error), "yaml") from None
    _check_visible(data, path)
    return data


def _check_visible(data: Any, path: Path) -> None:
    """Every key and text value reads as it is sent: the one rule of escape.py, on
    every string of every data file (templates, rules, strings, the guide)."""
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                inner = f"{where}.{key}" if where else str(key)
                what = hidden_character_problem(str(key))
                if what:
                    raise DataError(path, f"key '{inner}' has {what}", "hidden-character")
                stack.append((inner, item))
        elif isinstance(value, list):
            stack.extend((f"{where}.{index}" if where else str(index), item)
                         for index, item in enumerate(value))
        elif isinstance(value, str):
            what = hidden_character_problem(value)
            if what:
                raise DataError(path, f"key '{where}' holds {what}" if where else f"holds {what}",
                                "hidden-character")


def parse_yaml_strings(text: str, path: Path) -> Any:
    """Like parse_yaml, but every scalar stays the text as written (no YAML 1.1
    typing: yes, NO, 01234567 and 1.0 are strings), for values a reader typed."""
    return parse_yaml(text, path, _UniqueKeyTextLoader)


def language_file(folder: Path, language: str, what: str) -> Path:
    """folder/<language>.yml, or a DataError naming the languages the folder has."""
    path = folder / f"{language}.yml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in folder.glob("*.yml")))
        raise DataError(path, f"no {what} for language '{language}' (have: {known})")
    return path


def load_yaml(path: Path, max_bytes: int = MAX_BYTES) -> Any:
    return parse_yaml(read_text(path, max_bytes), path)


def load_model(path: Path, model: type[M], context: dict | None = None, max_bytes: int = MAX_BYTES) -> M:
    """A data file validated against its pydantic model; one DataError per file."""
    return validated(load_yaml(path, max_bytes), path, model, context)


def validated(data: Any, path: Path, model: type[M], context: dict | None = None) -> M:
    """Data read from `path` validated against its model; one DataError per file."""
    try:
        return model.model_validate(data, context=context)
    except ValidationError as error:
        raise DataError(path, "; ".join(schema_message(e, model) for e in error.errors()),
                        "schema") from None


def _check_shape(text: str, path: Path) -> None:
    """Walk the parser's events (iterative, so deep input cannot overflow the stack)."""
    depth = 0
    events = yaml.parse(text, Loader=_Loader)
    while True:
        try:
            event = next(events)
        except StopIteration:
            return
        except yaml.YAMLError as error:
            # PyYAML 6.0.4's own limit can trip before the 13th level is an event.
            if "maximum nesting depth" in str(getattr(error, "problem", "")):
                mark = getattr(error, "problem_mark", None)
                raise DataError(path, f"nests deeper than {MAX_DEPTH} levels at line "
                                      f"{mark.line + 1 if mark else 1}; flatten it") from None
            raise
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise DataError(path, f"uses a YAML anchor or alias at line "
                                  f"{_line(event)}; write the value out instead", "yaml")
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise DataError(path, f"nests deeper than {MAX_DEPTH} levels at line "
                                      f"{_line(event)}; flatten it", "yaml")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def _line(event: yaml.Event) -> int:
    return event.start_mark.line + 1 if event.start_mark else 0


class _UniqueKeyLoader(_Loader):
    """A safe loader that refuses a key given twice, or a key that is not text."""


def _mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[str, int] = {}
    for key_node, _ in node.value:
        line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be plain text", key_node.start_mark)
        key = loader.construct_object(key_node, deep=deep)
        if not isinstance(key, str):
            key = str(key)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key '{key}' is given twice (lines {seen[key]} and {line}); keep one",
                key_node.start_mark)
        seen[key] = line
    return {str(k): v for k, v in loader.construct_mapping(node, deep=deep).items()}


_TextLoaderBase: type[yaml.BaseLoader] = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


class _UniqueKeyTextLoader(_TextLoaderBase):  # type: ignore[valid-type,misc]
    """A loader that resolves no types (every scalar is a string) and refuses a key
    given twice."""


for _loader in (_UniqueKeyLoader, _UniqueKeyTextLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def _yaml_message(error: yaml.YAMLError) -> str:
    """PyYAML's error, with where it noticed and, if different, where the trouble began."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    if problem.startswith("key '") and "given twice" in problem:
        return problem
    if problem == "a key must be plain text":
        return f"has a key that is not plain text{_at(mark)}; keys are names like title"
    message = f"is not valid YAML{_at(mark)}: {problem}"
    context, start = getattr(error, "context", None), getattr(error, "context_mark", None)
    if context and start and (not mark or start.line != mark.line):
        message += f" ({context}{_at(start)})"
    if "mapping values are not allowed" in problem:
        message += "; check this line's indentation, and quote text that contains ': '"
    return message


def _at(mark) -> str:
    return f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""


_SCHEMA_HINTS = {
    "missing": "is missing; add it",
    "string_type": "must be text; put the value in quotes",
    "string_too_short": "is empty; write it",
    "too_short": "needs at least one entry",
    "list_type": "must be a list, like [team-mistake]",
    "dict_type": "must be a mapping of names to values",
    "model_type": "must be a mapping of names to values",
    "bool_type": "must be true or false",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
}


def schema_rule(error: ErrorDetails) -> str:
    """The rule id of one pydantic error: a key missing, a key not known, or a value
    that does not fit."""
    return {"missing": "key-missing", "extra_forbidden": "key-unknown"}.get(error["type"],
                                                                         "key-invalid")


def schema_message(error: ErrorDetails, model: type[BaseModel]) -> str:
    """One pydantic error as a line a contributor can act on."""
    loc = [str(p) for p in error["loc"] if p != "[key]"]
    where = f"key '{'.'.join(loc)}'" if loc else "the file"
    kind = error["type"]
    if kind == "extra_forbidden":
        allowed = _fields_at(model, error["loc"][:-1])
        close = difflib.get_close_matches(loc[-1], allowed, n=1)
        guess = f"did you mean '{close[0]}'?" if close else f"use: {', '.join(allowed)}"
        return f"{where} is not known; {guess}"
    if kind == "string_pattern_mismatch":
        return f"{where}: '{error['input']}' {_pattern_hint(error['ctx']['pattern'])}"
    if kind == "literal_error":
        return f"{where} must be one of: {error['ctx']['expected']}"
    if kind == "value_error":
        message = error["msg"].removeprefix("Value error, ")
        return f"{where}: {message}" if loc else message
    if kind in ("model_type", "dict_type") and not loc:
        return f"must be a YAML mapping of names to values, not {type(error['input']).__name__}"
    return f"{where} {_SCHEMA_HINTS.get(kind, error['msg'])}"


def _pattern_hint(pattern: str) -> str:
    if pattern.startswith("^[a-z][a-z0-9_]"):
        return "is not snake_case, like client_name"
    if pattern.startswith("^[a-z0-9]+(-"):
        return "is not kebab-case: lowercase words joined by hyphens, like offer-to-talk"
    return f"does not match {pattern}"


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """The keys allowed at a location in a model, for 'did you mean'."""
    current: Any = model
    for part in loc:
        fields = getattr(current, "model_fields", None)
        if fields is None:
            break
        if part in fields:
            current = _inner_model(fields[part].annotation)
        # A dict value (fields.<name>): stay on the dict's value model.
    return list(getattr(current, "model_fields", {}) or [])


def _inner_model(annotation: Any) -> Any:
    """The pydantic model inside dict[str, Model], list[Model] or Model | None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in reversed(getattr(annotation, "__args__", ())):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def close_match(value: str, known: list[str]) -> str:
    close = difflib.get_close_matches(value, known, n=1)
    return f"did you mean '{close[0]}'?" if close else f"use one of: {', '.join(known)}"


__all__ = [
    "DATA_DIR",
    "DataError",
    "close_match",
    "display_path",
    "language_file",
    "load_model",
    "load_yaml",
    "parse_yaml",
    "parse_yaml_strings",
    "read_text",
    "schema_message",
    "schema_rule",
    "validated",
]
