"""Numbers with units that read well in either language (pure: no Streamlit here).

``3,000 篇`` / ``3,000 articles`` but ``1 article``; a text's length in 字 below ten
thousand and in 万字 (亿字) above, in English in characters or millions of characters,
so that two short articles never read "0.0 万字" or "0.00 M".
"""

from __future__ import annotations

from ui.i18n import has_string, t
from ui.state import Lang


def count_text(n: int, unit: str, lang: Lang) -> str:
    """``n`` with its unit: ``unit`` is an i18n key (English plural), ``{unit}_one`` the English singular."""
    singular = f"{unit}_one"
    word = t(singular if lang == "en" and n == 1 and has_string(singular) else unit, lang)
    return f"{n:,} {word}".strip()


def characters_text(n: int, lang: Lang) -> str:
    """A text length: ``9,800 字``, ``121.9 万字``, ``1.22 亿字``; ``9,800 characters``, ``1.22 million``.

    Above a million the English figure leaves out "characters" (its label says it), so
    it fits a metric box on a laptop.
    """
    if lang == "en":
        if n < 1_000_000:
            return count_text(n, "chars_unit", lang)
        return f"{n / 1e6:,.2f} {t('million_chars', lang)}"
    if n < 10_000:
        return f"{n:,} {t('chars_unit', lang)}"
    if n < 100_000_000:
        return f"{n / 1e4:,.1f} {t('wan_chars', lang)}"
    return f"{n / 1e8:,.2f} {t('yi_chars', lang)}"


YEARS_FROM_DAYS = 730
"""A span of more days than this is written in years: "26,525 天" had to be divided to be read."""


def span_text(days: int, lang: Lang) -> str:
    """A time span: ``23 天`` / ``23 days`` up to two years, ``72.6 年`` / ``72.6 years`` beyond."""
    if days <= YEARS_FROM_DAYS:
        return count_text(days, "days_unit", lang)
    return f"{days / 365.25:,.1f} {t('years_unit', lang)}"
