"""The sentences in the user's language (gettext), for core and the command line.

`tr("Back up first")` and `tr_n("{n} file", "{n} files", n)` mark a sentence for
translation and return it in the language chosen with `use()`. Placeholders are named,
in braces, and filled after translation with `.format()`, so a translator can move them.
The catalogs are `resources/locale/<lang>/LC_MESSAGES/switchover.mo`, compiled from the
`.po` files beside them (see the README's "Adding a language"). English needs none.
"""

from __future__ import annotations

import gettext

from core.errors import ResourceError
from core.language.choice import PSEUDO, Locale, from_environment
from core.language.pseudo import pseudo
from core.resources import resources_root

DOMAIN = "switchover"


class _Pseudo(gettext.NullTranslations):
    """Every sentence accented and longer: untranslated text stands out in screenshots."""

    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)


_chosen: list[Locale] = []  # set by use(); empty: follow the environment
_loaded: dict[str, gettext.NullTranslations] = {}


def load_catalog(language: str) -> gettext.NullTranslations:
    """The compiled catalog of a language (English: the sentences as written). A missing
    catalog of a supported language is a broken install, said in one sentence."""
    if language in _loaded:
        return _loaded[language]
    if language == PSEUDO:
        catalog: gettext.NullTranslations = _Pseudo()
    elif language == "en":
        catalog = gettext.NullTranslations()
    else:
        path = resources_root() / "locale" / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
        try:
            with open(path, "rb") as handle:
                catalog = gettext.GNUTranslations(handle)
        except OSError as exc:
            raise ResourceError(f"The {language} translations are missing ({path}: "
                                f"{exc.strerror}).") from None
    _loaded[language] = catalog
    return catalog


def use(locale: Locale | None) -> None:
    """Speak `locale` from now on (`--lang`, the wizard's language switch); None goes
    back to following the environment."""
    _chosen.clear()
    if locale is not None:
        load_catalog(locale.language)  # a broken install is found now, not mid-sentence
        _chosen.append(locale)


def current() -> Locale:
    """The locale in use: the one chosen with `use()`, else the environment's."""
    return _chosen[0] if _chosen else from_environment()


def _catalog() -> gettext.NullTranslations:
    return load_catalog(current().language)


def tr(message: str) -> str:
    return _catalog().gettext(message)


def tr_n(singular: str, plural: str, count: int) -> str:
    """The form for `count` in the language's plural rule; fill `{n}` with `.format`."""
    return _catalog().ngettext(singular, plural, count)


def mark(message: str) -> str:
    """Marks a sentence kept in a table for extraction; `tr()` translates it when shown."""
    return message
