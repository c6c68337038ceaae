"""GNU ``msgfmt --check`` as the judge of a PO file: its complaints, with file lines.

The one place that runs msgfmt to judge a file: the reader (syntax), the po_syntax check
(``--check``) and the writers' self-test. Contents msgfmt accepted are remembered by digest in
the user cache (toolkit.cache), so an unchanged file is not run through msgfmt again; a cache
that cannot be written only costs the next run a msgfmt call.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
from pathlib import Path
from typing import NamedTuple

from toolkit import cache
from toolkit.errors import InputError

_COMPLAINT = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?:\d+:)? (?P<message>.*)$")


class MsgfmtComplaint(NamedTuple):
    """A fatal complaint of msgfmt: the line it names (None: the file as a whole)."""

    line: int | None
    message: str


def msgfmt_complaints(
    path: str | Path, *, check: bool = True, data: bytes | None = None
) -> list[MsgfmtComplaint]:
    """The fatal complaints of GNU msgfmt about the PO file ``path`` (warnings left out), in
    msgfmt's words (the C locale's). ``check``: run ``msgfmt --check`` (header, plural rule,
    format strings); otherwise plain ``msgfmt``, which judges syntax only. A message msgfmt
    splits over two lines ("nplurals = 3..." / "...but some messages have only 2 plural
    forms") is one complaint at the second line; a duplicate msgid is one complaint at the
    duplicate, naming the line of the first definition. ``data``: the file's bytes, when the
    caller has read them already. Raises InputError when msgfmt is missing."""
    try:
        if data is None:
            data = Path(path).read_bytes()
        digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    except OSError:
        digest = None  # msgfmt says what is wrong with the file
    key = f"{'check' if check else 'syntax'}:{digest}"
    if digest is not None and key in _ACCEPTED:
        return []
    command = ["msgfmt", *(["--check"] if check else []), "-o", os.devnull, str(path)]
    try:
        result = subprocess.run(
            command,
            capture_output=True,
            text=True,
            env={**os.environ, "LC_ALL": "C", "LANGUAGE": ""},
        )
    except FileNotFoundError as exc:
        raise InputError("GNU gettext (msgfmt) is required: apt-get install gettext") from exc
    if result.returncode == 0:
        if digest is not None:
            _ACCEPTED.add(key)
        return []
    complaints: list[MsgfmtComplaint] = []
    for row in result.stderr.splitlines():
        found = _COMPLAINT.match(row)
        if found is None:
            continue  # "msgfmt: found 2 fatal errors" and the like
        message = found["message"]
        if message.startswith("warning:"):
            continue
        line = int(found["line"])
        if message.startswith("...") and complaints and complaints[-1].message.endswith("..."):
            first = complaints.pop()
            if message.endswith("location of the first definition"):
                # a duplicate: the complaint is about the later entry; name the earlier one
                line, message = first.line, f"{first.message.rstrip('.')} (first at line {line})"
            else:
                message = first.message.rstrip(".") + ", " + message.lstrip(".")
        complaints.append(MsgfmtComplaint(line, message))
    if not complaints:  # rejected without a line we can read: say so, in msgfmt's words
        complaints.append(MsgfmtComplaint(None, " ".join(result.stderr.split())[:200]))
    return complaints


class _Accepted:
    """Digests of PO contents msgfmt has accepted, kept in the user cache (toolkit.cache), so
    a file is run through msgfmt once per change, not once per read or check."""

    NAME = "msgfmt-accepted.txt"
    #: most verdicts kept (the oldest go first)
    KEEP = 20000

    def __init__(self) -> None:
        self._keys: dict[str, None] | None = None  # ordered: oldest first

    def _load(self) -> dict[str, None]:
        if self._keys is None:
            stored = cache.read_bytes(self.NAME) or b""  # a miss: start afresh
            self._keys = dict.fromkeys(stored.decode("ascii", "replace").split())
        return self._keys

    def __contains__(self, key: str) -> bool:
        return key in self._load()

    def add(self, key: str) -> None:
        keys = self._load()
        keys[key] = None
        while len(keys) > self.KEEP:
            del keys[next(iter(keys))]
        # A cache that cannot be written only costs the next run a msgfmt call.
        cache.write_bytes(self.NAME, "\n".join(keys).encode("ascii"))


_ACCEPTED = _Accepted()
