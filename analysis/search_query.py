"""The full-text search box's little query language: all of, any of, none of.

An analyst types what a title or text must contain:

* ``乡村振兴 协商``: both (words separated by spaces, half- or full-width, must all appear);
* ``党纪学习教育|作风建设``: either (``|`` or ``｜`` between alternatives, no spaces needed);
* ``生态 -黄河``: ``生态`` but not ``黄河`` (a leading ``-`` or ``－`` excludes);
* ``"one phrase"``: straight double quotes keep spaces inside one part (Chinese quotation
  marks are ordinary characters: ``“三抓三促”`` finds the quoted slogan).

Each part matches as a substring, case-sensitively, as the single-word search always
did: a query without any of these marks is the plain substring search. The store turns a
query into one SQL condition (:meth:`SearchQuery.sql`); :meth:`SearchQuery.matches` states
the same rule in Python, the reference the tests hold the SQL to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["SearchQuery", "parse_search"]

_PARTS = re.compile(r'"([^"]*)"|(\S+)')
_ALTERNATIVES = re.compile(r"[|｜]")
_NEGATION = ("-", "－")


@dataclass(frozen=True)
class SearchQuery:
    """A parsed search: every group of ``required`` (one of its alternatives) and none of ``excluded``.

    Attributes:
        required: groups of alternatives; an article must contain one string of each group.
        excluded: strings an article must not contain.
    """

    required: tuple[tuple[str, ...], ...] = ()
    excluded: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        """True when the query asks for nothing (it then matches every article)."""
        return not self.required and not self.excluded

    @property
    def single_term(self) -> str | None:
        """The one string searched for, when the query is a plain substring search."""
        if len(self.required) == 1 and len(self.required[0]) == 1 and not self.excluded:
            return self.required[0][0]
        return None

    @property
    def terms(self) -> tuple[str, ...]:
        """Every string an article is searched for (not the excluded ones), in query order."""
        return tuple(term for group in self.required for term in group)

    def sql(self, *, title: str = "title", text: str = "text") -> tuple[str, tuple[str, ...]]:
        """The query as a SQL condition on the title and text columns, with its ``?`` parameters."""
        clauses: list[str] = []
        params: list[str] = []

        def contains(term: str) -> str:
            params.extend((term, term))
            return f"contains({title}, ?) OR contains({text}, ?)"

        for group in self.required:
            clauses.append("(" + " OR ".join(contains(term) for term in group) + ")")
        for term in self.excluded:
            clauses.append(f"NOT coalesce({contains(term)}, FALSE)")
        return (" AND ".join(clauses) or "TRUE"), tuple(params)

    def matches(self, title: str | None, text: str | None) -> bool:
        """Whether an article with this title and text passes the query."""
        haystacks = [value for value in (title, text) if isinstance(value, str)]

        def found(term: str) -> bool:
            return any(term in value for value in haystacks)

        return all(any(map(found, group)) for group in self.required) and not any(map(found, self.excluded))


def parse_search(query: str | None) -> SearchQuery:
    """Read what was typed into the search box (see the module docstring).

    A part that is only a mark (``-``, ``|``) or empty quotes asks for nothing and is
    ignored; repeated strings count once.
    """
    required: list[tuple[str, ...]] = []
    excluded: list[str] = []
    for match in _PARTS.finditer((query or "").replace("\u3000", " ")):
        quoted, bare = match.groups()
        if quoted is not None:
            if quoted.strip() and (quoted,) not in required:
                required.append((quoted,))
            continue
        negated = bare.startswith(_NEGATION)
        body = bare[1:] if negated else bare
        alternatives = tuple(dict.fromkeys(a for a in _ALTERNATIVES.split(body) if a))
        if not alternatives:
            continue
        if negated:
            excluded.extend(a for a in alternatives if a not in excluded)
        elif alternatives not in required:
            required.append(alternatives)
    return SearchQuery(tuple(required), tuple(excluded))
