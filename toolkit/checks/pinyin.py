"""Chinese names written in pinyin in the source must reach the translation in their Russian
(Palladius) or Kazakh spelling, even without a glossary entry. Off unless a project asks."""

from __future__ import annotations

import re
from collections.abc import Iterator

from toolkit.checks.base import Check, Problem, Unit
from toolkit.checks.registry import register
from toolkit.translit import pinyin_names

#: The scheme that spells pinyin names in each target language.
SCHEMES = {"ru": "zh-pinyin-ru", "kk": "zh-pinyin-kk"}
#: Letters a case ending may add to the last word of a name (Си Цзиньпина, Си Цзиньпинді):
#: Russian endings are short, Kazakh suffixes stack.
ENDING = {"ru": r"[^\W\d_]{0,3}", "kk": r"[^\W\d_]{0,8}"}


def _present(name: str, text: str, lang: str) -> bool:
    """``name`` stands in ``text`` at word boundaries, its last word perhaps with an ending
    (in Russian an ending replaces a final ь or й: Чжан Чуньсяня, Ма Синжуя)."""
    words = name.split()
    if lang == "ru" and words[-1][-1:] in ("ь", "й"):
        words[-1] = words[-1][:-1]
    pattern = r"(?<![^\W\d_])" + r"\s+".join(map(re.escape, words)) + ENDING[lang] + r"(?![^\W\d_])"
    return re.search(pattern, text) is not None


@register
class MissingPinyinName(Check):
    id = "pinyin_name"
    name = "Pinyin name missing from the translation"
    description = (
        "The source names a person or place wholly in pinyin (Chen Quanguo) that the glossary "
        "does not have, and the translation lacks its Palladius spelling (ru «Чэнь Цюаньго»; "
        "kk by zh-pinyin-kk), in any case form. Off by default: enable it in pyproject.toml "
        '([tool.toolkit.checks] enable = ["pinyin_name"]) or with --enable pinyin_name.'
    )
    severity = "warning"
    default_enabled = False
    languages = frozenset(SCHEMES)
    uses_source_matches = True

    def problems(self, unit: Unit) -> Iterator[Problem]:
        covered = [(m.start, m.end) for m in unit.source_matches]
        for found in pinyin_names(unit.source, SCHEMES[unit.lang]):
            if any(s < found.end and found.start < e for s, e in covered):
                continue  # a glossary name (Beijing → Пекин): the term checks judge it
            if not _present(found.target, unit.target, unit.lang):
                yield Problem(
                    f"«{found.text}» is pinyin; the translation does not have «{found.target}»",
                    suggestion=found.target,
                )
