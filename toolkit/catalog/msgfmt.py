"""GNU ``msgfmt --check`` as the judge of a PO file: its complaints, with file lines.

Contents msgfmt accepted are remembered by digest in the user cache (po-checked.txt), so an
unchanged file is not run through msgfmt again; a cache that cannot be written only costs the
next run a msgfmt call.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import subprocess
from pathlib import Path
from typing import NamedTuple

from toolkit.errors import InputError
from toolkit.fileio import atomic_write_text
from toolkit.glossary.cache import cache_dir

_COMPLAINT = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?:\d+:)? (?P<message>.*)$")


class MsgfmtComplaint(NamedTuple):
    """A fatal complaint of msgfmt: the line it names (None: the file as a whole)."""

    line: int | None
    message: str


def msgfmt_complaints(path: str | Path) -> list[MsgfmtComplaint]:
    """The fatal complaints of ``msgfmt --check`` about the PO file ``path`` (warnings left
    out), in msgfmt's words (the C locale's). A message msgfmt splits over two lines
    ("nplurals = 3..." / "...but some messages have only 2 plural forms") is one complaint
    at the second line. Raises InputError when msgfmt is not installed."""
    try:
        digest = hashlib.blake2b(Path(path).read_bytes(), digest_size=16).hexdigest()
    except OSError:
        digest = None  # msgfmt says what is wrong with the file
    accepted = _accepted()
    if digest is not None and digest in accepted:
        return []
    try:
        result = subprocess.run(
            ["msgfmt", "--check", "-o", os.devnull, str(path)],
            capture_output=True,
            text=True,
            env={**os.environ, "LC_ALL": "C", "LANGUAGE": ""},
        )
    except FileNotFoundError as exc:
        raise InputError("GNU gettext (msgfmt) is required: apt-get install gettext") from exc
    if result.returncode == 0:
        if digest is not None:
            _remember(accepted, digest)
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
            message = complaints.pop().message.rstrip(".") + ", " + message.lstrip(".")
        complaints.append(MsgfmtComplaint(line, message))
    if not complaints:  # rejected without a line we can read: say so, in msgfmt's words
        complaints.append(MsgfmtComplaint(None, " ".join(result.stderr.split())[:200]))
    return complaints


#: most digests kept (the oldest go first)
_KEEP = 20000


def _store() -> Path:
    return cache_dir() / "po-checked.txt"


def _accepted() -> dict[str, None]:
    try:
        return dict.fromkeys(_store().read_text("ascii").split())
    except (OSError, UnicodeDecodeError):  # none yet, or damaged: start afresh
        return {}


def _remember(accepted: dict[str, None], digest: str) -> None:
    accepted[digest] = None
    kept = list(accepted)[-_KEEP:]
    # A read-only cache only costs the next run a msgfmt call.
    with contextlib.suppress(InputError, OSError):
        atomic_write_text(_store(), "\n".join(kept))
