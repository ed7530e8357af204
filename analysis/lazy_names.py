"""Names of a package imported from their modules on first use (PEP 562).

A package whose worker processes import one of its modules (the ingest's analysis, the
loaders' file reading) keeps its public names lazy, so that a worker does not pay for
what only the parent process uses (DuckDB, pandas).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping


def lazy_attributes(package: str, where: Mapping[str, str]) -> Callable[[str], object]:
    """A module ``__getattr__`` for ``package``: each name of ``where`` imported from its module.

    Args:
        package: the package's ``__name__``.
        where: ``{public name: module of the package defining it}``.

    Returns:
        The function to assign to the package's ``__getattr__``; a name once imported is
        kept in the package, so later uses cost nothing.
    """

    def __getattr__(name: str) -> object:
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{where[name]}"), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
