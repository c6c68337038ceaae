"""The conversion engine: per direction, a byte path for common text and a general path.

General path: the letter-for-letter bulk of a scheme goes through ``str.translate``; everything
that needs to look around a letter goes through one combined regex whose matches are converted
by a small callback, before the table runs:

* context rules (``е`` → ``ye`` word-initially, ``щ`` → ``şş`` in ащы ...),
* source sequences longer than one letter (``ch`` → ``ч`` in reverse schemes),
* capitals whose output has several letters, inside ALL-CAPS words (``ЩУКИН`` → ``SHCHUKIN``;
  in title case the table already gives ``Shch``).

Letters written with a combining mark (ISO 9's ``g̀``, ``a̋`` in reverse) are read between the
regex and the table by a pass that looks for the marks: their base letters are the commonest
Latin letters, at which the regex would otherwise stop. Regex and pass outputs are in the
target script, so the table pass that follows leaves them alone.

Word rules (:class:`~toolkit.translit.rules.WordRule`) come first, for scripts where a whole
word is spelled one way or another (Kazakh in Arabic script marks a front-vowel word once, at
its start): one regex finds the words some rule takes; each rule's words are converted in one
call of that rule's converter, the rest of the text in one call of the direction's own.

Byte path (see BytePath), compiled from the same data for directions whose source sequences
are single letters, and used for any text without letters that have no case: the text is
encoded to one byte per character, each context rule and case outcome is one regex pass with a
fixed one-byte replacement (no callback), and one ``charmap_decode`` maps every byte to its
output. It gives exactly what the general path gives, several times faster.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial

from toolkit.translit.bytepath import BytePath
from toolkit.translit.casing import Casing
from toolkit.translit.rules import ContextRule, WordRule, case_variants

#: A position not preceded / not followed by a letter (digits and ``_`` are not letters).
WORD_START = r"(?<![^\W\d_])"
WORD_END = r"(?![^\W\d_])"


def _char_class(chars: str, casing: Casing) -> str:
    both = {c for ch in chars for c in (ch, casing.upper(ch), casing.lower(ch)) if len(c) == 1}
    return "[" + "".join(re.escape(c) for c in sorted(both)) + "]"


def _neighbour_pattern(spec: str, casing: Casing, *, behind: bool) -> str:
    boundary = "^" if behind else "$"
    letters = spec.replace(boundary, "")
    options = []
    if letters:
        cls = _char_class(letters, casing)
        options.append(f"(?<={cls})" if behind else f"(?={cls})")
    if boundary in spec:
        options.append(WORD_START if behind else WORD_END)
    return "(?:" + "|".join(options) + ")"


def _prefix_pattern(prefixes: Iterable[str], casing: Casing) -> str:
    options = [
        f"(?<={WORD_START}{re.escape(form)})" for p in prefixes for form in case_variants(p, casing)
    ]
    return "(?:" + "|".join(options) + ")"


class Converter:
    """Converts text of one direction of one scheme.

    >>> conv = Converter({"щ": "shch", "у": "u", "к": "k", "и": "i", "н": "n"}, [],
    ...                  source_casing="default", target_casing="default")
    >>> conv("Щукин ЩУКИН")
    'Shchukin SHCHUKIN'
    """

    def __init__(
        self,
        mapping: Mapping[str, str],
        context: Iterable[ContextRule],
        *,
        source_casing: str,
        target_casing: str,
        word_rules: Iterable[WordRule] = (),
        syllable_pass: Callable[[str], str] | None = None,
    ):
        src, tgt = Casing(source_casing), Casing(target_casing)
        #: runs before the word and letter rules on the general path (a syllable table)
        self.syllable_pass = syllable_pass
        self._tgt = tgt
        context = tuple(context)
        table: dict[int, str] = {}
        for key, out in mapping.items():
            if len(key) != 1:
                continue
            table[ord(key)] = out
            upper = src.upper(key)
            if len(upper) == 1 and upper != key:
                table[ord(upper)] = tgt.title(out)
        self.table = table

        # Each alternative: (source length, priority, pattern after the first letter, output).
        # The regex consumes the first letter with one character class, so that re scans for
        # those letters at C speed; each alternative then re-checks the letter and its left
        # context with a lookbehind. Longer and contextual alternatives come first.
        alternatives: list[tuple[int, int, str, str]] = []
        first: set[str] = set()

        def add(length: int, priority: int, behind: str, variants: list[str], ahead: str,
                output: str) -> None:  # fmt: skip
            first.update(v[0] for v in variants)
            # The cheap literal lookbehind first: most alternatives fail on it at once.
            options = "|".join(
                f"(?<={re.escape(v[0])})" + (f"(?<={behind}{re.escape(v[0])})" if behind else "")
                + re.escape(v[1:])
                for v in variants
            )  # fmt: skip
            alternatives.append((length, priority, f"(?:{options}){ahead}", output))

        for rule in context:
            behind = ""
            if rule.word_prefix:
                behind += _prefix_pattern(rule.word_prefix, src)
            if rule.after:
                behind += _neighbour_pattern(rule.after, src, behind=True)
            if rule.not_after:
                behind += f"(?<!{_char_class(rule.not_after, src)})"
            ahead = ""
            if rule.before:
                ahead += _neighbour_pattern(rule.before, src, behind=False)
            if rule.followed_by:
                seqs = [re.escape(v) for f in rule.followed_by for v in case_variants(f, src)]
                ahead += "(?=" + "|".join(seqs) + ")"
            add(len(rule.letter), 0, behind, case_variants(rule.letter, src), ahead, rule.output)
        # Letters written with a combining mark (ISO 9's g̀, a̋, and J̌, the capital of ǰ that
        # Unicode has not precomposed): source sequence → output, for the pass of their own.
        combined: dict[str, str] = {}
        for key, out in mapping.items():
            variants = case_variants(key, src) if len(key) > 1 else [src.upper(key)]
            if all(_is_combined(v) for v in variants):
                combined.update(dict.fromkeys(variants, out))
            elif len(key) > 1:
                add(len(key), 1, "", case_variants(key, src), "", out)
            elif len(variants[0]) > 1:  # a capital of two letters the table cannot hold
                add(len(variants[0]), 1, "", variants, "", out)
        # Capitals with several output letters, and caseless signs (ISO 9 ʹ ʺ) whose output
        # has case: both take their case from the word around them.
        # A source script without case (Arabic) has no ALL-CAPS words and no case to give.
        self._caseless_source = all(src.upper(k) == k == src.lower(k) for k in mapping)
        caps_letters = [
            src.upper(k)
            for k, out in mapping.items()
            if len(k) == 1
            and len(src.upper(k)) == 1
            and (
                (len(out) > 1 and src.upper(k) != k)
                or (src.upper(k) == k == src.lower(k) and tgt.upper(out) != out)
            )
            if not self._caseless_source
        ]
        if caps_letters:
            # Caseless signs count as neighbours too: _in_caps_word looks through them.
            up_chars = {src.upper(k) for k in mapping if len(src.upper(k)) == 1}
            up_chars |= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
            up = "[" + "".join(re.escape(c) for c in sorted(up_chars)) + "]"
            letters = "[" + "".join(re.escape(c) for c in sorted(caps_letters)) + "]"
            first.update(caps_letters)
            # Only capitals next to another capital: title case is handled by the table.
            caps = f"(?:(?<=(?<={up}){letters})|(?<={letters})(?={up}))"
            alternatives.append((1, 2, caps, ""))
        # Their base letters are the commonest Latin letters (a, g, n...): in the one regex, re
        # would stop at each. A pass that looks for the marks instead gives the same text as
        # long as no regex alternative starts with one of those letters.
        if {seq[0] for seq in combined} & first:
            for seq, out in combined.items():
                add(2, 1, "", [seq], "", out)
            combined = {}
        self._combined = combined
        marks = sorted({seq[1] for seq in combined})
        self._marks = re.compile("[" + "".join(marks) + "]") if marks else None
        alternatives.sort(key=lambda a: (-a[0], a[1]))
        self._outputs: list[str] = [a[3] for a in alternatives]
        lower_table = {ord(k): v for k, v in mapping.items() if len(k) == 1}
        self._lower_table = lower_table
        self._src_lower = src.lower
        if alternatives:
            joined = "|".join(f"({a[2]})" for a in alternatives)
            first_class = "[" + "".join(re.escape(c) for c in sorted(first)) + "]"
            self._regex: re.Pattern[str] | None = re.compile(f"{first_class}(?:{joined})")
        else:
            self._regex = None
        # The byte path knows letters only: a direction with a syllable pass takes the
        # general path.
        self._fast = (
            None
            if syllable_pass is not None
            else BytePath.build(
                mapping, context, src, tgt, table, caps_letters,
                caseless_source=self._caseless_source,
            )
        )  # fmt: skip
        word_rules = tuple(word_rules)
        self._words = (
            WordPass(word_rules, mapping, context, source_casing, target_casing)
            if word_rules
            else None
        )

    def _replace(self, match: re.Match[str]) -> str:
        found = match.group()
        out = self._outputs[match.lastindex - 1]  # type: ignore[operator]  # one group each
        if self._caseless_source:
            return out
        if not out:  # an ALL-CAPS capital: its own output, upper-cased below
            out = self._src_lower(found).translate(self._lower_table)
        if found.islower():
            return out
        if len(found) > 1 and found.isupper():
            return self._tgt.upper(out)
        if _in_caps_word(match):
            return self._tgt.upper(out)
        return self._tgt.title(out) if found[0].isupper() else out

    def __call__(self, text: str) -> str:
        out = self.by_byte_path(text)
        return out if out is not None else self.by_general_path(text)

    def by_byte_path(self, text: str) -> str | None:
        """``text`` by the byte path, or None where it does not apply (a direction with
        multi-letter source sequences, a text with a letter that has no case).

        The byte path must give exactly what :meth:`by_general_path` gives; it exists only
        for speed (tests/test_translit_paths.py holds the two together)."""
        if self._fast is None:
            return None
        if self._words is not None:
            return self._words.apply(text, Converter.letters_by_byte_path, self)
        return self.letters_by_byte_path(text)

    def by_general_path(self, text: str) -> str:
        """The general path: the syllable pass if any, the word rules, one regex with a
        callback, then the table."""
        if self.syllable_pass is not None:
            text = self.syllable_pass(text)
        if self._words is not None:
            out = self._words.apply(text, Converter.letters_by_general_path, self)
            assert out is not None  # the general path always converts
            return out
        return self.letters_by_general_path(text)

    def letters_by_byte_path(self, text: str) -> str | None:
        """:meth:`by_byte_path` without the word rules."""
        return self._fast(text) if self._fast is not None else None

    def letters_by_general_path(self, text: str) -> str:
        """:meth:`by_general_path` without the word rules."""
        if self._regex is not None:
            text = self._regex.sub(self._replace, text)
        if self._marks is not None:
            text = self._letters_with_marks(text)
        return text.translate(self.table) if self.table else text

    def _letters_with_marks(self, text: str) -> str:
        """``text`` with its letters written with a combining mark converted, each in the case
        of its base letter (as :meth:`_replace` gives two-letter sequences)."""
        assert self._marks is not None
        pieces, done = [], 0
        for match in self._marks.finditer(text):
            at = match.start() - 1
            out = self._combined.get(text[at : at + 2]) if at >= done else None
            if out is None:
                continue
            if not (self._caseless_source or text[at].islower()):
                out = self._tgt.upper(out)
            pieces += [text[done:at], out]
            done = at + 2
        return "".join(pieces) + text[done:] if pieces else text


_LETTER_RUN = r"[^\W\d_]"


class WordPass:
    """The word rules of one direction: which words they take and how each is written."""

    def __init__(
        self,
        rules: tuple[WordRule, ...],
        mapping: Mapping[str, str],
        context: Iterable[ContextRule],
        source_casing: str,
        target_casing: str,
    ):
        context = tuple(context)
        # The letters a word scan may step over: those of the direction's source script.
        casing = Casing(source_casing)
        letters = {
            form
            for key in mapping
            for c in key
            if c.isalpha()
            for form in (c, casing.upper(c), casing.lower(c))
            if len(form) == 1
        }
        # Consecutive rules that write words alike share one group (fewer pieces to handle).
        groups: list[list[WordRule]] = []
        for rule in rules:
            if groups and _writes_alike(groups[-1][-1], rule):
                groups[-1].append(rule)
            else:
                groups.append([rule])
        self.rules = [group[0] for group in groups]
        # A word, for the word rules, starts where \b holds: cheap to test inside a word.
        # (Letters glued to digits, as in 2021жылы, continue the word the digits start.)
        self.regex = re.compile(
            r"\b(?:" + "|".join(f"({_group_pattern(g, letters)})" for g in groups) + ")"
        )
        # The token cache needs rules that neither write nor look at a space.
        written = [*mapping, *mapping.values(), *(o for r in rules for kv in r.mapping for o in kv)]
        written += [r.prefix for r in rules]
        for rule in context:
            written += [rule.letter, rule.output, *rule.followed_by, *rule.word_prefix]
        self.by_token = not any(" " in text for text in written)
        self.converters = [
            None
            if rule.keep
            else Converter(
                {**mapping, **dict(rule.mapping)},
                context,
                source_casing=source_casing,
                target_casing=target_casing,
            )
            for rule in self.rules
        ]

    def apply(
        self,
        text: str,
        letters: Callable[[Converter, str], str | None],
        default: Converter,
    ) -> str | None:
        """``text`` with each word a rule takes written by that rule, the rest by
        ``letters(default, ...)``; None when ``letters`` gives None for any part.

        Text is converted space-separated token by token, each distinct token once: no rule
        looks past the space beside it (rules see their neighbours only, and a space is a
        space either way), and news text repeats most of its tokens."""
        tokens = text.split(" ")
        if not self.by_token or len(tokens) < 64:
            return self.apply_to_words(text, letters, default)
        distinct = list(dict.fromkeys(tokens))
        if len(distinct) * 4 > len(tokens) * 3:  # hardly any repetition: no gain
            return self.apply_to_words(text, letters, default)
        out = self.apply_to_words(" ".join(distinct), letters, default)
        if out is None:
            return None
        converted = out.split(" ")
        return " ".join(map(dict(zip(distinct, converted, strict=True)).__getitem__, tokens))

    def apply_to_words(
        self,
        text: str,
        letters: Callable[[Converter, str], str | None],
        default: Converter,
    ) -> str | None:
        """:meth:`apply` without the token cache."""
        parts = self.regex.split(text)
        if len(parts) == 1:
            return letters(default, text)
        step = len(self.rules) + 1
        out = _convert_each(partial(letters, default), parts[0::step])
        if out is None:
            return None
        parts[0::step] = out
        for index, (rule, conv) in enumerate(zip(self.rules, self.converters, strict=True)):
            if conv is None:  # keep: the words stay as they are
                continue
            taken = parts[index + 1 :: step]  # this rule's words, None where another matched
            # Each distinct word is converted once (news text repeats its words); map and
            # filter keep the per-word work in C.
            words = list(dict.fromkeys(filter(None, taken)))
            if not words:
                continue
            converted = _convert_each(partial(letters, conv), words)
            if converted is None:
                return None
            if rule.prefix:
                converted = [rule.prefix + word for word in converted]
            parts[index + 1 :: step] = map(dict(zip(words, converted, strict=True)).get, taken)
        return "".join(filter(None, parts))


def _writes_alike(one: WordRule, other: WordRule) -> bool:
    return (one.keep, one.prefix, one.mapping) == (other.keep, other.prefix, other.mapping)


def _group_pattern(rules: list[WordRule], letters: set[str]) -> str:
    """The words any of ``rules`` takes (they write words alike), from a word's start.

    When every ``has`` is a character class, one scan for any of them comes first: most
    words have none, and are then rejected after one scan instead of one per rule."""
    alternatives = []
    for rule in rules:
        condition = f"(?={_word_has(rule.has, letters)})"
        for lacking in rule.lacks:
            condition += f"(?!{_word_has(lacking, letters)})"
        alternatives.append(f"{condition}{_LETTER_RUN}+")
    body = "|".join(alternatives)
    if len(rules) > 1 and all(_CLASS.fullmatch(rule.has) for rule in rules):
        insides = [re.compile(rule.has) for rule in rules]
        outside = sorted(c for c in letters if not any(i.fullmatch(c) for i in insides))
        scan = "[" + "".join(re.escape(c) for c in outside) + "]*+" if outside else ""
        body = f"(?={scan}(?:{'|'.join(rule.has for rule in rules)}))(?:{body})"
    return body


#: A regex that is one character class.
_CLASS = re.compile(r"\[(?:\\.|[^\]])*\]")


def _word_has(pattern: str, letters: Iterable[str]) -> str:
    """A regex that matches from a word's start when the word holds a match of ``pattern``.

    For a character class the word is scanned by one possessive run over the ``letters``
    outside it, several times faster than a lazy scan (a letter outside ``letters`` ends the
    scan: words of the direction's own script are what the rules are about).

    >>> _word_has("[әі]", "аәбі")
    '[аб]*+[әі]'
    """
    if not _CLASS.fullmatch(pattern):
        return f"{_LETTER_RUN}*?(?:{pattern})"
    inside = re.compile(pattern)
    outside = sorted(c for c in letters if not inside.fullmatch(c))
    if not outside:
        return pattern
    return "[" + "".join(re.escape(c) for c in outside) + "]*+" + pattern


def _convert_each(convert: Callable[[str], str | None], texts: list[str]) -> list[str] | None:
    """:func:`convert_each` for a ``convert`` that may give None (then None)."""
    joined = PIECE_BREAK.join(texts)
    if len(texts) > 1 and joined.count(PIECE_BREAK) == len(texts) - 1:
        out = convert(joined)
        return None if out is None else out.split(PIECE_BREAK)
    results = [convert(text) for text in texts]
    return None if any(r is None for r in results) else results  # type: ignore[return-value]


#: Joins texts for one conversion: not a letter, so to the letter rules it is a word
#: boundary, as the start and end of a text are; no rule writes or removes it.
PIECE_BREAK = "\x00"


def convert_each(convert: Callable[[str], str], texts: Sequence[str]) -> list[str]:
    """``[convert(t) for t in texts]``, in one call of ``convert`` (each call costs more than
    the letters it converts when the texts are short: word endings, terms, pieces of a line).

    >>> convert_each(str.upper, ["ab", "", "c d"])
    ['AB', '', 'C D']
    """
    joined = PIECE_BREAK.join(texts)
    if len(texts) < 2 or joined.count(PIECE_BREAK) != len(texts) - 1:
        return [convert(text) for text in texts]
    return convert(joined).split(PIECE_BREAK)


def _in_caps_word(match: re.Match[str]) -> bool:
    """True when the capital at ``match`` stands in an ALL-CAPS word (ЩУКИН, ПЛАЩ)."""
    # The neighbours are those of the source text (regex outputs are not seen here), looking
    # through caseless letters such as ISO 9's ʺ and ʹ.
    text, start, end = match.string, match.start(), match.end()
    while end < len(text) and _caseless(text[end]):
        end += 1
    while start and _caseless(text[start - 1]):
        start -= 1
    after = text[end] if end < len(text) else ""
    before = text[start - 1] if start else ""
    if after.isupper():
        return True
    return before.isupper() and not after.islower()


def _is_combined(seq: str) -> bool:
    """True for a letter followed by one combining mark (g̀: g + U+0300)."""
    return len(seq) == 2 and seq[0].isalpha() and unicodedata.combining(seq[1]) > 0


def _caseless(char: str) -> bool:
    return char.isalpha() and not char.isupper() and not char.islower()
