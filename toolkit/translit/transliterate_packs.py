"""Our schemes as language packs of the ``transliterate`` package (its registry, our engine).

Nothing imports this module but its users, so that importing ``toolkit.translit`` does not
import ``transliterate``.

Direction: like the earlier Kazakh pack on PyPI (qazaq-transliterator), a pack's forward
direction is Cyrillic → Latin, ``reversed=True`` is Latin → Cyrillic:

>>> from transliterate import translit
>>> _ = register_with_transliterate()
>>> translit("Қазақстан", "kk"), translit("Qazaqstan", "kk", reversed=True)
('Qazaqstan', 'Қазақстан')

``strict`` changes nothing: no letter of the source script survives our schemes.
"""

from __future__ import annotations

from transliterate.base import TranslitLanguagePack, registry

from toolkit.translit import KK_LATIN, transliterate
from toolkit.translit.scheme import IrreversibleSchemeError, get_scheme, list_schemes

#: transliterate language code -> our scheme. Each scheme also registers under its own name;
#: the package's own ``ru`` pack is left alone.
ALIASES = {"kk": KK_LATIN}


def _pack_for(code: str, scheme_name: str) -> type[TranslitLanguagePack]:
    scheme = get_scheme(scheme_name)
    one_to_one = [(k, v) for k, v in scheme.forward.mapping.items() if len(k) == 1 == len(v)]

    def translit(
        self: TranslitLanguagePack,
        value: str,
        reversed: bool = False,
        strict: bool = False,
        fail_silently: bool = True,
    ) -> str:
        return transliterate(value, scheme_name, reverse=reversed)

    attrs = {
        "language_code": code,
        "language_name": scheme.title,
        "character_ranges": ((0x0400, 0x04FF),),
        # transliterate's base class needs a one-letter table; our translit() does the work.
        "mapping": ("".join(k for k, _ in one_to_one), "".join(v for _, v in one_to_one)),
        "translit": translit,
        "__doc__": f"{scheme.title} ({scheme.source}), by toolkit.translit.",
    }
    name = "".join(part.title() for part in code.replace("-", " ").split()) + "Pack"
    return type(name, (TranslitLanguagePack,), attrs)


def register_with_transliterate() -> list[str]:
    """Register our schemes as language packs of the ``transliterate`` package.

    Every scheme registers under its name, and ``kk`` under :data:`ALIASES`; forced, so ours
    win over other ``kk`` packs. Returns the language codes registered.
    """
    codes = {s.name: s.name for s in list_schemes()} | ALIASES
    for code, scheme_name in sorted(codes.items()):
        registry.register(_pack_for(code, scheme_name), force=True)
    return sorted(codes)


__all__ = ["ALIASES", "IrreversibleSchemeError", "register_with_transliterate"]
