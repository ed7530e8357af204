"""Small Streamlit helpers shared by the tabs: charts with PNG export, CSV downloads."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analysis.charts import chart_config
from ui.i18n import t
from ui.state import Lang


def show_chart(fig: go.Figure, *, key: str, filename: str, selectable: bool = False) -> object:
    """Draw a plotly figure (camera button exports PNG); return the selection event if selectable."""
    kwargs: dict[str, object] = {"key": key, "config": chart_config(filename)}
    if selectable:
        kwargs.update(on_select="rerun", selection_mode=("points",))
    return st.plotly_chart(fig, width="stretch", **kwargs)


def download_table(table: pd.DataFrame, *, name: str, key: str, lang: Lang) -> None:
    """A button that downloads ``table`` as UTF-8 CSV (with BOM, so Excel reads Chinese)."""
    frame = table.copy()
    for column in frame.columns:
        if frame[column].map(lambda v: isinstance(v, list | tuple)).any():
            frame[column] = frame[column].map(
                lambda v: ";".join(map(str, v)) if isinstance(v, list | tuple) else v
            )
    data = frame.to_csv(index=False).encode("utf-8-sig")
    st.download_button(
        f"⬇ {t('download_csv', lang)}（{name}）", data=data, file_name=f"{name}.csv", mime="text/csv", key=key
    )
