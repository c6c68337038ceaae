"""Converting one file of an archive into the output tree: the unit of work that the command
layer runs in a process pool, or on a Dask cluster.

A :class:`Converter` is everything a worker needs, and pickles small enough to send once per
worker (the glossary goes compiled, as loaded). :func:`convert_data` turns an input's bytes
into the output's bytes (or a problem); :func:`convert_file` also reads the input and writes
the output, and skips the conversion when the manifest's record shows the output was made
from the same bytes.

>>> converter = Converter("kk-latn-2021")
>>> outcome, data = convert_data(converter, "a/b.txt", "Қала".encode(), 8, 0)
>>> data.decode(), outcome.output_size
('Qala', 4)
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lxml.etree
import markdown_it

from toolkit import __version__
from toolkit.archive.documents import COPY, UnreadableFile, decode_document, kind_of
from toolkit.archive.html import convert_html
from toolkit.archive.manifest import Outcome
from toolkit.archive.markdown import convert_markdown
from toolkit.errors import InputError
from toolkit.fileio import display_path, replace_file
from toolkit.matching.fingerprint import generators_fingerprint
from toolkit.translit import get_scheme, schemes_fingerprint, transliterate


@functools.cache
def converter_fingerprint() -> str:
    """Digest of what shapes an output besides the scheme and the glossary: this package's
    code, the toolkit's version and the versions of the parsers (lxml, libxml2, markdown-it).
    """
    digest = hashlib.blake2b(digest_size=12)
    for path in sorted(Path(__file__).resolve().parent.glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    versions = (__version__, lxml.etree.LXML_VERSION, lxml.etree.LIBXML_VERSION)
    digest.update(repr((*versions, markdown_it.__version__)).encode())
    return digest.hexdigest()


def content_hash(data: bytes) -> str:
    """The hash the manifest keeps of a file's bytes."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@dataclass(frozen=True)
class Converter:
    """How to convert: a scheme, its direction, the glossary whose spellings win (None: the
    letter rules only), and whether the glossary pairs may come from the user cache."""

    scheme: str
    reverse: bool = False
    glossary: Any = None
    use_cache: bool = True

    def settings(self) -> dict[str, str]:
        """What the outputs depend on besides their inputs (the manifest's settings)."""
        return {
            "scheme": self.scheme,
            "reverse": str(self.reverse),
            "schemes": schemes_fingerprint(),
            "glossary": getattr(self.glossary, "key", "") if self.glossary is not None else "-",
            "forms": generators_fingerprint(),
            "converter": converter_fingerprint(),
        }

    @functools.cached_property
    def source_lang(self) -> str:
        """The language of the text this converter reads (an HTML element whose ``lang``
        names another is left alone). Read back, a scheme's text is in its target language,
        except where that is English: a romanization for English readers (ru-iso9,
        kk-bgn-pcgn) spells the source language's text in Latin letters, and a page of it
        is still a Russian or Kazakh page (``lang="ru"``)."""
        scheme = get_scheme(self.scheme)
        if self.reverse and scheme.target_lang != "en":
            return scheme.target_lang
        return scheme.source_lang

    def text(self, text: str, *, sentence_capitals: bool = True) -> str:
        """``text`` transliterated (glossary spellings winning); ``sentence_capitals``: see
        :func:`toolkit.translit.transliterate`."""
        glossary, use_cache = self.glossary, self.use_cache
        return transliterate(text, self.scheme, reverse=self.reverse, glossary=glossary,
                             use_cache=use_cache, sentence_capitals=sentence_capitals)  # fmt: skip

    def fragment(self, text: str) -> str:
        """A piece of a sentence transliterated: a text node of a page, the prose between
        inline tags of a Markdown paragraph. Its start is no sentence start."""
        return self.text(text, sentence_capitals=False)

    def document(self, kind: str, data: bytes, shown: str) -> bytes:
        """The output bytes of a document of ``kind``; :class:`UnreadableFile` when it cannot
        be converted."""
        if kind == COPY:
            return data
        text, bom = decode_document(data, shown)
        if kind == "html":
            converted = convert_html(text, self.fragment, shown, self.source_lang)
        elif kind == "markdown":
            converted = convert_markdown(text, self.fragment)
        else:
            converted = self.text(text)
        return bom + converted.encode("utf-8")


def convert_data(
    converter: Converter, path: str, data: bytes, size: int, mtime_ns: int
) -> tuple[Outcome, bytes | None]:
    """(outcome, output bytes) of the input ``path`` (relative, "/"-separated) with bytes
    ``data``; the output is None when the input cannot be converted."""
    source_hash = content_hash(data)
    try:
        output = converter.document(kind_of(path), data, path)
    except UnreadableFile as exc:
        return Outcome(path, size, mtime_ns, source_hash, problem=str(exc)), None
    return Outcome(path, size, mtime_ns, source_hash, content_hash(output), len(output)), output


def convert_file(
    converter: Converter, root: Path, out_dir: Path, path: str, known: Outcome | None
) -> Outcome:
    """Convert the input ``root/path`` into ``out_dir/path``, unless ``known`` (the
    manifest's record) shows that the output there was made from the same bytes.

    The output is replaced atomically but not flushed to disk (a flush per file costs more
    than the conversion; a run checks each recorded output's size instead). An input that
    cannot be read or converted leaves no output (one made from an earlier version is
    removed) and gives the problem.
    Raises InputError when an output cannot be written (a full disk stops the run)."""
    # paths as strings: pathlib's parsing cost as much as a file's hashing, three times a file
    target = os.path.join(out_dir, path)
    read = read_input(root, out_dir, path)
    if isinstance(read, Outcome):
        return read
    data, size, mtime_ns = read
    kept = kept_outcome(known, data, size, mtime_ns, target)
    if kept is not None:
        return kept
    outcome, output = convert_data(converter, path, data, size, mtime_ns)
    if output is None:
        remove_output(target)
    else:
        write_output(target, output)
    return outcome


def read_input(
    root: str | os.PathLike[str], out_dir: str | os.PathLike[str], path: str
) -> tuple[bytes, int, int] | Outcome:
    """The bytes, size and mtime (ns) of the input ``root/path``; or, when it cannot be read,
    the Outcome that says why, after removing its output in ``out_dir`` (one made from an
    earlier version would otherwise outlive its input's problem)."""
    try:
        with open(os.path.join(root, path), "rb") as stream:
            status = os.fstat(stream.fileno())
            data = stream.read()
    except OSError as exc:
        remove_output(os.path.join(out_dir, path))
        return Outcome(path, 0, 0, "", problem=f"{path}: cannot read: {exc.strerror or exc}")
    return data, status.st_size, status.st_mtime_ns


def remove_output(target: str | os.PathLike[str]) -> None:
    """Remove the output ``target`` of an input that has none now, if it is there."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(target)


def kept_outcome(
    known: Outcome | None,
    data: bytes,
    size: int,
    mtime_ns: int,
    target: str | os.PathLike[str],
) -> Outcome | None:
    """The manifest's record ``known`` of an input, brought up to date, when the input's bytes
    ``data`` are those it was made from and its output ``target`` is there (or its problem
    is known); else None: the input must be converted."""
    if known is None or known.source_hash != content_hash(data):
        return None
    if known.problem is None and not _has_size(target, known.output_size):
        return None
    return Outcome(
        known.path,
        size,
        mtime_ns,
        known.source_hash,
        known.output_hash,
        known.output_size,
        known.problem,
        converted=False,
    )


def write_output(target: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``target`` with ``data`` atomically, without a flush to disk; InputError
    naming the file when it cannot be written."""
    try:
        replace_file(target, data, durable=False)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", path=display_path(target)) from exc


def _has_size(path: str | os.PathLike[str], size: int | None) -> bool:
    try:
        return size is not None and os.stat(path).st_size == size
    except OSError:
        return False
