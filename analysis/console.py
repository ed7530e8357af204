"""The ``govthemes`` console script's entry point, importing nothing until a command runs.

The script that ``pip`` generates imports its entry point's module at the top, and every
worker process of ``govthemes ingest`` starts by importing that script again (the rule of
Python's multiprocessing for the main script). Pointing the script here rather than at
:mod:`analysis.cli` (loaders, pandas: almost a second) lets the workers start at once.
"""

from __future__ import annotations


def main() -> int:
    """Run :func:`analysis.cli.main` with the process's arguments; return the exit status."""
    from analysis.cli import main as run

    return run()


if __name__ == "__main__":  # python -m analysis.console, as from a checkout without the script installed
    import sys

    sys.exit(main())
