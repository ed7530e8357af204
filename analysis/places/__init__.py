"""Places: the GB/T 2260 gazetteer and the resolution of the place an article is about.

- :mod:`.gazetteer`: :func:`load_gazetteer`, :class:`Gazetteer`, :class:`Place`;
- :mod:`.locality`: :func:`resolve_locality`, :func:`resolve_localities` (the rules), with
  :mod:`.zones` (what is read), :mod:`.filing` (the dateline), :mod:`.province` (the
  province 省委 means) and :mod:`.evidence` (weighing);
- :mod:`.towns`: township names (石川镇) as evidence for their county.

Nothing is loaded on import; :func:`load_gazetteer` reads the reference table on first
call and caches it, and the township list is read when the first article is resolved.
"""

from analysis.places.gazetteer import Gazetteer, Place, load_gazetteer
from analysis.places.locality import LOCALITY_COLUMNS, resolve_localities, resolve_locality

__all__ = [
    "LOCALITY_COLUMNS",
    "Gazetteer",
    "Place",
    "load_gazetteer",
    "resolve_localities",
    "resolve_locality",
]
