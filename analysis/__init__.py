"""govthemes: governance themes in Chinese local political news.

The package is a library of pure functions over pandas DataFrames, in stages:
loaders (``analysis.loading``) turn files into the articles table (``analysis.schema``);
places and dates resolve where and when each article is about; segmentation, keywords
and themes turn articles into long tables; charts turn tables into plotly figures.
Nothing here imports Streamlit: the dashboard (``dashboard.py``, ``ui/``) does.
"""

__version__ = "0.1.0"
