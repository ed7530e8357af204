"""Plotly's own words in Chinese: toolbar tooltips, hints, month and day names.

Passed with each chart as the ``zh-CN`` locale (:func:`analysis.charts.style.chart_config`),
so a Chinese page has no English left in its chart toolbars.
"""

from __future__ import annotations

PLOTLY_ZH_CN: dict[str, object] = {
    "dictionary": {
        "Download plot as a png": "下载为 PNG 图片",
        "Download plot as a PNG": "下载为 PNG 图片",
        "Download plot": "下载图片",
        "Zoom": "框选放大",
        "Pan": "平移",
        "Box Select": "矩形选择",
        "Lasso Select": "套索选择",
        "Zoom in": "放大",
        "Zoom out": "缩小",
        "Autoscale": "自动缩放",
        "Reset axes": "重置坐标轴",
        "Reset view": "重置视图",
        "Reset": "重置",
        "Show closest data on hover": "悬停时显示最近的数据",
        "Compare data on hover": "悬停时比较数据",
        "Toggle Spike Lines": "显示或隐藏参考线",
        "Produced with Plotly": "由 Plotly 生成",
        "Snapshot succeeded": "图片已生成",
        "Taking snapshot - this may take a few seconds": "正在生成图片，请稍候",
        "Sorry, there was a problem downloading your snapshot!": "抱歉，图片下载失败",
        "Double-click to zoom back out": "双击恢复原来的大小",
        "Double-click on legend to isolate one trace": "双击图例可只显示这一项",
        "Click to enter Plot title": "点击输入图表标题",
        "Click to enter X axis title": "点击输入横轴标题",
        "Click to enter Y axis title": "点击输入纵轴标题",
        "Click to enter Colorscale title": "点击输入色阶标题",
        "trace": "数据系列",
        "new text": "新文字",
        "lat": "纬度",
        "lon": "经度",
    },
    "format": {
        "days": ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"],
        "shortDays": ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
        "months": [f"{m}月" for m in range(1, 13)],
        "shortMonths": [f"{m}月" for m in range(1, 13)],
        "date": "%Y-%m-%d",
        "decimal": ".",
        "thousands": ",",
    },
}
"""Plotly's own words (toolbar tooltips, hints, month and day names) in Chinese, passed with
each chart as the ``zh-CN`` locale (:func:`analysis.charts.style.chart_config`)."""

