"""政协新闻治理主题分析 — the Streamlit dashboard: ``make run`` or ``streamlit run dashboard.py``.

The page itself is :mod:`ui.app`. This file stays this small because worker processes
started during an ingest import the main script again (as ``__mp_main__``, where this
guard runs nothing): here that costs them nothing, not Streamlit and the page modules.
"""

if __name__ == "__main__":  # how Streamlit runs it
    from ui.app import main

    main()
