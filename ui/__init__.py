"""The Streamlit dashboard's pieces: filter state, chart selections, safe HTML, tabs."""
