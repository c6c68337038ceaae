"""The byte path of a conversion direction: encode → fixed-replacement regex passes → decode.

Compiled from the same scheme data as the general path in :mod:`.engine` and giving exactly its
output, for directions whose source sequences are single letters and for text without letters
that have no case.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Mapping

from toolkit.translit.casing import Casing
from toolkit.translit.rules import ContextRule, case_variants

# --- The byte path --------------------------------------------------------------------------
#
# Most text is made of at most a few hundred distinct characters: ASCII, the letters of the
# source script and some punctuation. For such text a direction runs as
#
# 1. ``codecs.charmap_encode``: every character to one byte of a private 256-symbol alphabet
#    (C speed). A character outside the alphabet becomes one of the _ESCAPES bytes, which say
#    only what the rules need to know of it (letter or not, upper / lower / no case).
# 2. One ``re.sub`` per context rule letter form and outcome, each with a fixed one-byte
#    replacement (no Python callback): the byte of a *placeholder* symbol that decodes to the
#    rule's output in the right case. The patterns start with the letter's byte, so ``re``
#    finds candidates with memchr. A placeholder counts, in later patterns' lookarounds, as the
#    letter it replaced, so the passes one after another give what one regex over the original
#    text gives. Title case or ALL CAPS of a capital is decided by two lookarounds (the same
#    rule as _in_caps_word) instead of a callback, again one pass per outcome.
# 3. ``codecs.charmap_decode`` with a 256-entry list: each byte to its output (C speed), the
#    escaped characters are put back from the source text.
#
# The path is built only for directions whose source sequences are single letters and whose
# letters all have case; text containing a letter without case (CJK, ISO 9's ʹ ʺ) goes through
# the general path, which also handles everything else.

_ESCAPE_ERRORS = "toolkit.translit.escape"
_ESCAPE_BASE = 0x80
#: Escape classes: (is a letter for ``re``, isupper, islower, isalpha) of a character.
_ESCAPES = [
    (word, case == 1, case == 2, alpha) for word in (0, 1) for case in (0, 1, 2) for alpha in (0, 1)
]
_ESCAPE_INDEX = {key: i for i, key in enumerate(_ESCAPES)}
#: What escaped characters decode to; put back from the source text afterwards.
_ESCAPED = "\uffff"
_LETTER = re.compile(r"[^\W\d_]")
#: Characters worth a slot in the alphabet besides ASCII and the scheme's letters, most
#: frequent first; as many as fit are taken.
_EXTRA = (
    "«»—–…’‘“”„№°\u00a0\u202f\u2009\u00ad‑‐−•·‹›″′€₸₽§©®±×÷"
    + "".join(map(chr, range(0xA1, 0x100)))
    + "".join(map(chr, range(0x2000, 0x2070)))
)


def _props(char: str) -> tuple[bool, bool, bool, bool]:
    """What the rules can ask of a character: (letter for re, isupper, islower, isalpha)."""
    return (bool(_LETTER.match(char)), char.isupper(), char.islower(), char.isalpha())


def _escape_unknown(exc: UnicodeError) -> tuple[bytes, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    run = exc.object[exc.start : exc.end]
    codes = []
    for char in run:
        word, upper, lower, alpha = _props(char)
        codes.append(_ESCAPE_BASE + _ESCAPE_INDEX[(word, upper, lower, alpha)])
    return bytes(codes), exc.end


codecs.register_error(_ESCAPE_ERRORS, _escape_unknown)


def _caseless_props(props: tuple[bool, bool, bool, bool]) -> bool:
    return props[3] and not props[1] and not props[2]


class BytePath:
    """One direction compiled to encode → fixed-replacement regex passes → decode."""

    __slots__ = ("_caseless", "_decoding", "_encoding", "_passes", "_unknown")

    def __init__(
        self,
        encoding: object,
        decoding: tuple[str, ...],
        passes: list[tuple[int, re.Pattern[bytes], bytes]],
        caseless: bytes,
        unknown: re.Pattern[str],
    ):
        self._encoding = encoding
        self._decoding = decoding
        self._passes = passes
        self._caseless = caseless
        self._unknown = unknown

    def __call__(self, text: str) -> str | None:
        """``text`` converted, or None when it needs the general path."""
        if not text:
            return text
        data = codecs.charmap_encode(text, _ESCAPE_ERRORS, self._encoding)[0]
        for byte in self._caseless:
            if byte in data:
                return None
        for first, regex, placeholder in self._passes:
            if first in data:
                data = regex.sub(placeholder, data)
        out = codecs.charmap_decode(data, "strict", self._decoding)[0]
        if _ESCAPED in out:
            parts = out.split(_ESCAPED)
            pieces = [parts[0]]
            for char, part in zip(self._unknown.findall(text), parts[1:], strict=True):
                pieces += (char, part)
            out = "".join(pieces)
        return out

    @classmethod
    def build(
        cls,
        mapping: Mapping[str, str],
        context: tuple[ContextRule, ...],
        src: Casing,
        tgt: Casing,
        table: dict[int, str],
        caps_letters: list[str],
        *,
        caseless_source: bool = False,
    ) -> BytePath | None:
        """The byte path of one direction, or None when the direction cannot have one.

        ``caseless_source``: no source letter has case (Arabic script): every rule output is
        written as it is, with no case outcome to decide."""
        # Source letters: every letter a rule or the mapping names, in each case.
        named = set(mapping)
        for rule in context:
            named.add(rule.letter)
            named.update(rule.after.replace("^", "") + rule.before.replace("$", ""))
            named.update(rule.not_after)
            named.update("".join(rule.word_prefix) + "".join(rule.followed_by))
        letters: set[str] = set()
        for name in named:
            forms = {name, src.upper(name), src.lower(name), src.title(name)}
            if any(len(f) != 1 for f in forms):
                return None  # multi-letter sequences: the general path
            letters |= forms
        if not caseless_source and any(_caseless_props(_props(c)) for c in letters):
            return None

        # Passes in the order of the general regex's alternatives (context rules in file order,
        # then capitals in ALL-CAPS words): (letter form, rule index or None, case outcome,
        # placeholder index); placeholders: (the letter they replace, output).
        placeholders: list[tuple[str, str]] = []
        specs: list[tuple[str, int | None, str, int]] = []

        def add(form: str, rule: int | None, outcome: str, output: str) -> None:
            specs.append((form, rule, outcome, len(placeholders)))
            placeholders.append((form, output))

        for i, rule in enumerate(context):
            for form in case_variants(rule.letter, src):
                if form.islower() or caseless_source:
                    add(form, i, "lower", rule.output)
                else:  # as _replace: ALL CAPS or Title case by the neighbours
                    add(form, i, "upper", tgt.upper(rule.output))
                    add(form, i, "title", tgt.title(rule.output))
        lower_table = {ord(k): v for k, v in mapping.items() if len(k) == 1}
        for cap in caps_letters:  # Title case is the table's; only ALL CAPS needs a pass
            add(cap, None, "caps", tgt.upper(src.lower(cap).translate(lower_table)))

        # The alphabet: ASCII, escapes, placeholders, the other source letters, then extras.
        symbols: list[str | None] = [chr(i) for i in range(128)]
        symbols += [None] * (len(_ESCAPES) + len(placeholders))
        first_placeholder = _ESCAPE_BASE + len(_ESCAPES)
        symbols += sorted(c for c in letters if ord(c) >= 128)
        if len(symbols) > 256:
            return None
        taken = set(c for c in symbols if c is not None)
        for char in _EXTRA:
            if len(symbols) == 256:
                break
            if char not in taken and char != _ESCAPED and not _caseless_props(_props(char)):
                symbols.append(char)
                taken.add(char)
        byte_of = {c: i for i, c in enumerate(symbols) if c is not None}

        # What every byte stands for, for the lookarounds.
        props: list[tuple[bool, bool, bool, bool]] = []
        origin: list[str | None] = []
        for i, char in enumerate(symbols):
            if char is not None:
                props.append(_props(char))
                origin.append(char)
            elif i < first_placeholder:
                props.append(_ESCAPES[i - _ESCAPE_BASE])
                origin.append(None)
            else:
                char = placeholders[i - first_placeholder][0]
                props.append(_props(char))
                origin.append(char)
        size = len(symbols)

        def chars_class(chars: Iterable[str]) -> str:
            wanted = set(chars)
            return _byte_class(i for i in range(size) if origin[i] in wanted)

        def case_class(chars: str) -> str:
            return chars_class(
                c for ch in chars for c in (ch, src.upper(ch), src.lower(ch)) if len(c) == 1
            )

        def sequence(seq: str) -> str:
            return "".join(chars_class(c) for c in seq)

        word = _byte_class(i for i in range(size) if props[i][0])
        upper = _byte_class(i for i in range(size) if props[i][1])
        lower = _byte_class(i for i in range(size) if props[i][2])
        up_letters = {src.upper(k) for k in mapping if len(src.upper(k)) == 1}
        caps = chars_class(up_letters | set("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))

        def neighbour(spec: str, *, behind: bool) -> str:
            boundary = "^" if behind else "$"
            chars = spec.replace(boundary, "")
            options = []
            if chars:
                options.append(
                    f"(?<={case_class(chars)})" if behind else f"(?={case_class(chars)})"
                )
            if boundary in spec:
                options.append(f"(?<!{word})" if behind else f"(?!{word})")
            return "(?:" + "|".join(options) + ")"

        rule_patterns = []
        for rule in context:
            behind = ""
            if rule.word_prefix:
                forms = [f for p in rule.word_prefix for f in case_variants(p, src)]
                behind += "(?:" + "|".join(f"(?<=(?<!{word}){sequence(f)})" for f in forms) + ")"
            if rule.after:
                behind += neighbour(rule.after, behind=True)
            if rule.not_after:
                behind += f"(?<!{case_class(rule.not_after)})"
            ahead = ""
            if rule.before:
                ahead += neighbour(rule.before, behind=False)
            if rule.followed_by:
                seqs = [sequence(v) for f in rule.followed_by for v in case_variants(f, src)]
                ahead += "(?=" + "|".join(seqs) + ")"
            rule_patterns.append((behind, ahead))

        # The case outcomes of a capital X, as _in_caps_word decides them (no letter without
        # case is in the text here, so the neighbours are the adjacent bytes).
        def outcome_pattern(outcome: str, x: str) -> str:
            if outcome == "upper":
                return f"(?:(?={upper})|(?<={upper}{x})(?!{lower}))"
            if outcome == "title":
                return f"(?:(?={lower})|(?<!{upper}{x})(?!{upper}))"
            if outcome == "caps":  # only capitals next to a capital, as in the general regex
                return f"(?:(?={caps})|(?<={caps}{x})(?!{lower}))"
            return ""

        passes = []
        for form, rule_index, outcome, index in specs:
            x = f"\\x{byte_of[form]:02x}"
            behind, ahead = rule_patterns[rule_index] if rule_index is not None else ("", "")
            pattern = x + (f"(?<={behind}{x})" if behind else "") + ahead
            pattern += outcome_pattern(outcome, x)
            regex = re.compile(pattern.encode("ascii"))
            passes.append((byte_of[form], regex, bytes([first_placeholder + index])))

        decoding = ["\ufffd"] * 256  # bytes past the alphabet never occur
        for i, char in enumerate(symbols):
            if char is not None:
                decoding[i] = table.get(ord(char), char)
            elif i < first_placeholder:
                decoding[i] = _ESCAPED
            else:
                decoding[i] = placeholders[i - first_placeholder][1]
        for i in range(size):
            if not _ESCAPE_BASE <= i < first_placeholder and (
                _ESCAPED in decoding[i] or decoding[i] == "\ufffe"
            ):
                return None
        encoding = codecs.charmap_build(
            "".join(c if c is not None else "\ufffe" for c in symbols).ljust(256, "\ufffe")
        )
        known = "".join(sorted(taken))
        unknown = re.compile("[^" + "".join(re.escape(c) for c in known) + "]")
        caseless = bytes(_ESCAPE_BASE + i for i, key in enumerate(_ESCAPES) if _caseless_props(key))
        return cls(encoding, tuple(decoding), passes, caseless, unknown)


def _byte_class(indices: Iterable[int]) -> str:
    """A regex class (as text, for a bytes pattern) of the given byte values, as ranges."""
    chosen = sorted(set(indices))
    if not chosen:
        return "(?!)"
    parts, start = [], 0
    for i in range(1, len(chosen) + 1):
        if i == len(chosen) or chosen[i] != chosen[i - 1] + 1:
            low, high = chosen[start], chosen[i - 1]
            parts.append(f"\\x{low:02x}" + (f"-\\x{high:02x}" if high > low else ""))
            start = i
    return "[" + "".join(parts) + "]"
