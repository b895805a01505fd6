"""Fold a template's document and the reader's values into plain text, an .eml
draft, a mailto: URL or an sms: URL.

The browser code (web/core/fill.js and encode.js) writes the same formats with the
same rules; the Node tier (web/test/) and the browser tests hold the two to each other.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote

from .errors import MissingFields
from .layout import BLOCK_SEPARATOR, Document
from .model import Template
from .placeholders import substitute

# Shared with web/core/fill.js: one line for a subject, CRLF on the wire.
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")
# An address we put in a header: one plain address, nothing that could start another header.
ADDRESS = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$")


def well_formed(text: str) -> str:
    """The text with any lone surrogate replaced, so encoding it can never fail."""
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def resolve(template: Template, values: Mapping[str, str]) -> dict[str, str]:
    """Each field's text: what the reader typed, else its fallback, else "" for a
    blank whose phrase is left out.

    Raises MissingFields naming every required blank left empty.
    """
    resolved, missing = {}, []
    for name, field in template.fields.items():
        typed = well_formed(str(values.get(name) or "")).strip()
        if typed:
            resolved[name] = typed
        elif field.fallback is not None:
            resolved[name] = field.fallback
        elif field.leave_out is not None:
            resolved[name] = ""
        else:
            missing.append((name, field.label))
    if missing:
        raise MissingFields(template.id, missing)
    return resolved


@dataclass(frozen=True)
class Message:
    subject: str | None
    body: str

    @property
    def text(self) -> str:
        return self.body if self.subject is None else f"{self.subject_line}\n\n{self.body}"

    subject_line: str = ""


def fill(document: Document, values: Mapping[str, str]) -> Message:
    """The document with the reader's values in its blanks."""
    resolved = resolve(document.template, values)
    blocks = []
    for block in document.blocks:
        text = substitute(block.parts, resolved)
        blocks.append(f"{block.title}\n{text}" if block.title else text)
    body = BLOCK_SEPARATOR.join(blocks) + "\n"
    if document.subject is None:
        return Message(None, body)
    subject = one_line(substitute(document.subject, resolved))
    return Message(subject, body, document.subject_line.format(subject=subject))


def one_line(text: str) -> str:
    return _LINE_BREAKS.sub(" ", text).strip()


def crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def as_text(document: Document, values: Mapping[str, str]) -> str:
    """Plain text to paste anywhere; an email starts with its subject line."""
    return fill(document, values).text


def encoded_words(text: str, header: str = "Subject") -> str:
    """RFC 2047 base64 encoded words, split between characters, folded so that every
    line, the first with its `header: ` name, is at most 76 characters.

    Everything a reader typed is inside the encoding, so no value can end the
    header or start another one.
    """
    first = _LINE - len(header) - len(": ")
    words, word, size, room = [], "", 0, _word_bytes(first)
    for char in text:
        length = len(char.encode("utf-8"))
        if word and size + length > room:
            words.append(word)
            word, size, room = "", 0, _word_bytes(_LINE - 1)  # a folded line starts " "
        word += char
        size += length
    words.append(word)
    return "\r\n ".join(_encoded_word(w) for w in words)


_LINE = 76  # RFC 2047: a header line with encoded words is at most 76 characters


def _word_bytes(line: int) -> int:
    """The most UTF-8 bytes whose encoded word fits `line` characters."""
    return (line - len("=?UTF-8?B??=")) // 4 * 3


def _encoded_word(text: str) -> str:
    return f"=?UTF-8?B?{base64.b64encode(text.encode()).decode()}?="


@dataclass(frozen=True)
class Mailbox:
    """One recipient: an optional display name and an ASCII address (IDN as punycode)."""

    name: str
    address: str

    def tokens(self) -> list[str]:
        """The header's words for this mailbox, each a place it may fold after."""
        if not self.name:
            return [self.address]
        if self.name.isascii() and self.name.isprintable() and len(self.name) <= 60:
            quoted = self.name.replace("\\", "\\\\").replace('"', '\\"')
            return [f'"{quoted}"', f"<{self.address}>"]
        return [*map(_encoded_word, _name_chunks(self.name)), f"<{self.address}>"]


def _name_chunks(name: str) -> list[str]:
    """A display name cut into pieces that each fit one encoded word, cut after a
    space where one is near: the space stays at the end of the piece before, since
    a reader ignores the space between two encoded words (RFC 2047, 6.2)."""
    room, chunks, chunk = _word_bytes(_LINE - 1), [], ""
    for word in re.findall(r"\S+\s*", name):
        if chunk and len((chunk + word).encode()) > room:
            chunks.append(chunk)
            chunk = ""
        for char in word:
            if chunk and len((chunk + char).encode()) > room:
                chunks.append(chunk)
                chunk = ""
            chunk += char
    return [*chunks, chunk]


# Anything that could end a header line, or hide one, in a name or an address.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = re.compile(r"(?s)(.*)<([^<>]*)>")
_LOCAL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$")


def checked_address(address: str, what: str = "recipient") -> str:
    """One plain address (an IDN domain becomes punycode); ValueError otherwise."""
    address = address.strip()
    local, at, domain = address.rpartition("@")
    try:
        ascii_domain = domain.encode("idna").decode("ascii") if domain else ""
    except UnicodeError:
        ascii_domain = ""
    plain = f"{local}@{ascii_domain}"
    if not at or not _LOCAL.match(local) or not ADDRESS.match(plain):
        raise ValueError(f"the {what} '{address}' is not an email address "
                         "(like priya@example.com or Priya Shah <priya@example.com>)")
    return plain


def mailboxes(text: str, what: str = "recipient") -> list[Mailbox]:
    """Recipients separated by commas or semicolons, each an address or a
    `Name <address>` (a name with a comma goes in double quotes)."""
    if _CONTROL.search(text):
        raise ValueError(f"the {what} '{text!r}' has a line break or a control character")
    found = []
    for item in _split_outside_quotes(text):
        named = _NAMED.fullmatch(item.strip())
        name, address = (named.group(1).strip(), named.group(2)) if named else ("", item)
        if len(name) >= 2 and name[0] == name[-1] == '"':
            name = re.sub(r"\\(.)", r"\1", name[1:-1])
        found.append(Mailbox(" ".join(name.split()), checked_address(address, what)))
    if not found:
        raise ValueError(f"the {what} '{text}' names no address")
    return found


def _split_outside_quotes(text: str) -> list[str]:
    items, current, quoted, escaped = [], "", False, False
    for char in text:
        if escaped:
            escaped = False
        elif char == "\\" and quoted:
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char in ",;" and not quoted:
            items.append(current)
            current = ""
            continue
        current += char
    return [item for item in [*items, current] if item.strip()]


def address_header(header: str, boxes: list[Mailbox]) -> str:
    """`header: a, "Name" <b>` folded at spaces so lines stay within 76 characters
    where the words allow (an address is never split)."""
    tokens = []
    for i, box in enumerate(boxes):
        words = box.tokens()
        if i < len(boxes) - 1:
            words[-1] += ","
        tokens += words
    lines, line = [], f"{header}:"
    for token in tokens:
        if len(line) + 1 + len(token) > _LINE and line != f"{header}:":
            lines.append(line)
            line = ""
        line += f" {token}"
    return "\r\n".join([*lines, line])


def addresses(text: str, what: str = "recipient") -> str:
    """The recipients' plain addresses, as "a,b" (for a mailto: URL, RFC 6068)."""
    return ",".join(box.address for box in mailboxes(text, what))


def as_eml(document: Document, values: Mapping[str, str], to: str = "", cc: str = "",
           sender: str = "", date: str = "") -> bytes:
    """An unsent draft (.eml) that mail apps open ready to edit and send.

    `date` is an RFC 5322 date (email.utils.formatdate); the browser writes its own.
    """
    message = fill(document, values)
    if message.subject is None:
        raise ValueError(f"{document.template.id} has no subject; .eml is for emails")
    body = base64.b64encode(crlf(message.body).encode("utf-8")).decode()
    headers = ["MIME-Version: 1.0"]
    if date:
        headers.append(f"Date: {date}")
    if sender:
        senders = mailboxes(sender, "sender")
        if len(senders) != 1:
            raise ValueError(f"the sender '{sender}' must be one address")
        headers.append(address_header("From", senders))
    if to:
        headers.append(address_header("To", mailboxes(to)))
    if cc:
        headers.append(address_header("Cc", mailboxes(cc)))
    headers += [f"Subject: {encoded_words(message.subject)}", "X-Unsent: 1",
                "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64"]
    lines = [body[i:i + 76] for i in range(0, len(body), 76)]
    return ("\r\n".join([*headers, "", *lines]) + "\r\n").encode("ascii")


def as_mailto(document: Document, values: Mapping[str, str], to: str = "",
              cc: str = "") -> str:
    """A mailto: URL per RFC 6068: UTF-8, percent-encoded, CRLF line breaks."""
    message = fill(document, values)
    if message.subject is None:
        raise ValueError(f"{document.template.id} has no subject; mailto is for emails")
    # RFC 6068: addresses only (display names have no place in a mailto: URL).
    recipient = quote(addresses(to), safe="@,") if to else ""
    copy = f"cc={quote(addresses(cc), safe='@,')}&" if cc else ""
    return (f"mailto:{recipient}?{copy}subject={quote(message.subject, safe='')}"
            f"&body={quote(crlf(message.body), safe='')}")


def as_sms(document: Document, values: Mapping[str, str], to: str = "") -> str:
    """An sms: URL (RFC 5724) with the message as its body, for the phone's messages app.

    RFC 5724 needs at least one recipient: with `to` (international numbers,
    separated by commas) the URL is valid. Without, it is the `sms:?body=` form
    phones open with the recipient left for the reader, which the browser's button
    uses; the command line asks for --to instead (cli.py).
    """
    body = quote(fill(document, values).body.rstrip("\n"), safe="")
    return f"sms:{sms_recipients(to)}?body={body}"


_PHONE = re.compile(r"\+[0-9]([0-9 ().-]*[0-9])?")


def sms_recipients(text: str) -> str:
    """International numbers separated by commas, as RFC 5724's global numbers
    (a + and digits; spaces dropped, since a URL has none)."""
    numbers = []
    for number in (n.strip() for n in text.split(",") if n.strip()):
        digits = sum(ch.isdigit() for ch in number)
        if not _PHONE.fullmatch(number) or not 3 <= digits <= 15:
            raise ValueError(f"the recipient '{number}' is not a phone number with its country "
                             "code (like +44 7700 900123)")
        numbers.append(number.replace(" ", ""))
    return ",".join(numbers)
