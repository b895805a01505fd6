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
_ENCODED_WORD_BYTES = 45  # base64 of 45 bytes plus =?UTF-8?B??= stays within 75 characters


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
            missing.append(field.label)
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


def encoded_words(text: str) -> str:
    """RFC 2047 base64 encoded words of at most 75 characters, split between characters.

    Everything a reader typed is inside the encoding, so no value can end the
    header or start another one.
    """
    words, word, size = [], "", 0
    for char in text:
        length = len(char.encode("utf-8"))
        if word and size + length > _ENCODED_WORD_BYTES:
            words.append(word)
            word, size = "", 0
        word += char
        size += length
    words.append(word)
    return "\r\n ".join(f"=?UTF-8?B?{base64.b64encode(w.encode()).decode()}?=" for w in words)


def checked_address(address: str, what: str = "recipient") -> str:
    address = address.strip()
    if not ADDRESS.match(address):
        raise ValueError(f"the {what} '{address}' is not one plain email address "
                         "(like priya@example.com)")
    return address


def addresses(text: str, what: str = "recipient") -> str:
    """One or more plain addresses, separated by commas or semicolons, as "a, b"."""
    found = [a.strip() for a in re.split(r"[,;]", text) if a.strip()]
    return ", ".join(checked_address(a, what) for a in found)


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
        headers.append(f"From: {checked_address(sender, 'sender')}")
    if to:
        headers.append(f"To: {checked_address(to)}")
    if cc:
        headers.append(f"Cc: {addresses(cc)}")
    headers += [f"Subject: {encoded_words(message.subject)}", "X-Unsent: 1",
                "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64"]
    lines = [body[i:i + 76] for i in range(0, len(body), 76)]
    return ("\r\n".join(headers + [""] + lines) + "\r\n").encode("ascii")


def as_mailto(document: Document, values: Mapping[str, str], to: str = "",
              cc: str = "") -> str:
    """A mailto: URL per RFC 6068: UTF-8, percent-encoded, CRLF line breaks."""
    message = fill(document, values)
    if message.subject is None:
        raise ValueError(f"{document.template.id} has no subject; mailto is for emails")
    recipient = quote(checked_address(to), safe="@") if to else ""
    copy = f"cc={quote(addresses(cc).replace(', ', ','), safe='@,')}&" if cc else ""
    return (f"mailto:{recipient}?{copy}subject={quote(message.subject, safe='')}"
            f"&body={quote(crlf(message.body), safe='')}")


def as_sms(document: Document, values: Mapping[str, str]) -> str:
    """An sms: URL (RFC 5724) with the message as its body, for the phone's messages app."""
    return f"sms:?body={quote(fill(document, values).body.rstrip(chr(10)), safe='')}"
