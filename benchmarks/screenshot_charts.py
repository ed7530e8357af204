"""Draw every chart of analysis.charts on sample data and screenshot it in headless Chromium.

Usage:
    .venv/bin/python benchmarks/screenshot_charts.py [--out DIR] [--lang zh|en] [--demo]

``--demo`` draws the project's demo corpus through the real analysis pipeline (demo
articles, tokenizer, keywords, co-occurrence, keyness, slogans, themes) instead of the
small synthetic tables built here.

Needs Debian's ``chromium`` and ``fonts-noto-cjk`` and ``pip install playwright`` (do not
run ``playwright install``). Each figure is written to ``DIR/<name>.html`` with plotly.js
inlined, served from 127.0.0.1 (maps need http: their web worker does not start from
file://), and saved as ``DIR/<name>.png``; a second shot hovers over a mark to show the
tooltip. The script prints every request that left 127.0.0.1 and exits 1 if there was one.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import charts
from analysis.geo import load_boundaries, region_names
from analysis.overview import count_articles
from analysis.schema import build_articles
from analysis.wordcloud_image import render_wordcloud

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
THEMES = {"rural": "乡村振兴", "ecology": "生态保护", "business": "营商环境",
          "grassroots": "基层治理", "safety": "安全生产", "party": "党的建设",
          "livelihood": "民生保障", "industry": "产业发展"}
TERMS = ["乡村振兴", "高质量发展", "营商环境", "生态保护", "黄河流域", "基层治理", "安全生产",
         "招商引资", "党风廉政建设", "民生", "改革", "项目建设", "文旅融合", "新能源",
         "河西走廊", "粮食安全", "乡村治理", "东西部协作", "数字经济", "人居环境"]


def sample_articles(rng: np.random.Generator, n: int = 600) -> pd.DataFrame:
    """Articles spread over Gansu's prefectures and counties, 2023-2024."""
    counties = region_names(load_boundaries(level="county", province_code="620000"))
    prefectures = region_names(load_boundaries(level="prefecture", province_code="620000"))
    codes = [*[c for c in counties if c[:4] != "6201"][:50], "620102", "620103", "620201"]
    weights = rng.gamma(0.6, size=len(codes))
    picks = rng.choice(codes, size=n, p=weights / weights.sum())
    dates = pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 700, n), "D")
    records = []
    for i, (code, date) in enumerate(zip(picks, dates, strict=True)):
        pref = code[:4] + "00"
        records.append({
            "doc_id": f"d{i}", "text": "文" * int(rng.integers(300, 2000)), "source": "demo",
            "date": date, "outlet": rng.choice(["甘肃日报", "兰州日报", "天水日报", "每日甘肃网"]),
            "province": "甘肃省", "province_code": "620000",
            "prefecture": prefectures.get(pref, "嘉峪关市"), "prefecture_code": pref,
            "county": counties.get(code), "county_code": code, "adcode": code,
        })
    return build_articles(records)


def sample_theme_counts(rng: np.random.Generator, articles: pd.DataFrame) -> pd.DataFrame:
    """Theme counts per prefecture (period NA) and for the whole corpus per month."""
    rows = []
    for group, size in articles["prefecture"].value_counts().items():
        for theme in THEMES:
            n = int(rng.binomial(size, rng.uniform(0.05, 0.6)))
            rows.append((group, pd.NaT, theme, n, n / size, n * 3, size))
    monthly = count_articles(articles, period="month")
    for _, row in monthly.iterrows():
        for k, theme in enumerate(THEMES):
            p = 0.15 + 0.1 * np.sin(row["period"].month / 2 + k) + 0.03 * k
            n = int(rng.binomial(row["n_articles"], min(max(p, 0.01), 0.9)))
            rows.append((pd.NA, row["period"], theme, n, n / max(row["n_articles"], 1), 2 * n,
                         row["n_articles"]))
    return pd.DataFrame(rows, columns=["group", "period", "theme", "n_articles", "share",
                                       "n_hits", "group_articles"])


def sample_tables(rng: np.random.Generator) -> dict[str, pd.DataFrame]:
    """Keywords, keyness, co-occurrence and slogans tables."""
    freq = np.sort(rng.zipf(1.6, len(TERMS)) * 40 + rng.integers(20, 200, len(TERMS)))[::-1]
    keywords = pd.DataFrame({"group": pd.NA, "term": TERMS, "frequency": freq,
                             "docfreq": (freq * 0.6).astype(int),
                             "rate_per_10k": freq / 52.0, "tfidf": freq / 1000.0,
                             "rank": np.arange(1, len(TERMS) + 1)})
    log_ratio = rng.normal(0, 1.5, len(TERMS))
    keyness = pd.DataFrame({"term": TERMS, "target_frequency": freq,
                            "reference_frequency": (freq * np.exp2(-log_ratio)).astype(int),
                            "target_total": 500_000, "reference_total": 800_000,
                            "g2": np.abs(log_ratio) * rng.uniform(20, 120, len(TERMS)),
                            "log_ratio": log_ratio, "p_value": rng.uniform(0, 0.01, len(TERMS)),
                            "direction": np.where(log_ratio > 0, "target", "reference")})
    pairs = [(a, b) for i, a in enumerate(TERMS) for b in TERMS[i + 1:]]
    picked = rng.choice(len(pairs), 70, replace=False)
    cooc = pd.DataFrame([(pairs[i][0], pairs[i][1]) for i in picked], columns=["term_a", "term_b"])
    cooc["n_articles"] = rng.integers(3, 120, len(cooc))
    cooc["pmi"] = rng.uniform(0, 3, len(cooc))
    cooc["npmi"] = rng.uniform(0, 0.8, len(cooc))
    slogans = pd.DataFrame({
        "slogan": ["铸牢中华民族共同体意识", "强省会战略", "四强行动", "黄河流域生态保护和高质量发展",
                   "三抓三促", "放管服改革", "河长制"],
        "n_mentions": [240, 180, 160, 150, 90, 60, 30], "n_articles": [200, 150, 120, 140, 80, 50, 25],
        "first_date": pd.to_datetime(["2023-01-03"] * 7), "last_date": pd.to_datetime(["2024-11-30"] * 7),
        "n_groups": [14, 3, 10, 9, 12, 6, 4],
        "groups": [["兰州市", "天水市", "酒泉市", "张掖市", "武威市", "白银市", "定西市", "陇南市"]] * 7,
    })
    return {"keywords": keywords, "keyness": keyness, "cooccurrence": cooc, "slogans": slogans}


def build_figures(lang: str) -> dict:
    """Every chart of the package on the sample data."""
    rng = np.random.default_rng(7)
    articles = sample_articles(rng)
    themes = sample_theme_counts(rng, articles)
    tables = sample_tables(rng)
    docfreq = tables["keywords"].set_index("term")["docfreq"].to_dict()
    counties = load_boundaries(level="county", province_code="620000")
    return {
        "articles_over_time": charts.plot_articles_over_time(
            count_articles(articles, period="month"), period="month", lang=lang),
        "articles_over_time_by_outlet": charts.plot_articles_over_time(
            count_articles(articles, by="outlet", period="quarter"), period="quarter", lang=lang),
        "articles_by_locality": charts.plot_articles_by_locality(
            count_articles(articles, by="prefecture"), lang=lang),
        "top_terms": charts.plot_top_terms(tables["keywords"], lang=lang),
        "top_terms_rate": charts.plot_top_terms(tables["keywords"], measure="rate_per_10k",
                                                lang=lang),
        "keyness": charts.plot_keyness(tables["keyness"], top=8, lang=lang),
        "slogans": charts.plot_slogans(tables["slogans"], lang=lang),
        "theme_heatmap": charts.plot_theme_heatmap(themes, theme_labels=THEMES, lang=lang),
        "theme_trends": charts.plot_theme_trends(themes, theme_labels=THEMES, lang=lang),
        "theme_mix": charts.plot_theme_mix(themes, theme_labels=THEMES, lang=lang),
        "network": charts.plot_cooccurrence_network(tables["cooccurrence"], docfreq=docfreq,
                                                    lang=lang),
        "map_prefecture": charts.plot_article_map(articles, level="prefecture",
                                                  province_code="620000", lang=lang),
        "map_county": charts.plot_article_map(articles, level="county", province_code="620000",
                                              lang=lang),
        "map_county_share": charts.plot_choropleth(
            pd.DataFrame({"adcode": list(region_names(counties))[:30],
                          "value": np.linspace(0, 0.6, 30)}),
            geojson=counties, value_label="乡村振兴报道占比（%）", value_format=".1%",
            title="乡村振兴报道占比（示例：无数据的县显示为灰色）",
            missing_value=None, lang=lang),
        "wordcloud": tables["keywords"],
    }


def build_demo_figures(lang: str) -> dict:
    """Every chart on the demo corpus, through the project's own analysis functions."""
    from analysis.cooccurrence import count_cooccurrence
    from analysis.demo import generate_demo_articles
    from analysis.keyness import compute_keyness
    from analysis.keywords import count_keywords
    from analysis.slogans import find_slogans, summarize_slogans
    from analysis.theme_dictionary import load_themes
    from analysis.themes import assign_themes, count_themes
    from analysis.tokenize import build_tokenizer, tokenize_articles

    themes = load_themes()
    labels = {t.id: (t.label if lang == "zh" else t.label_en) for t in themes.themes}
    articles = generate_demo_articles(2000, seed=2)
    articles = articles.assign(themes=assign_themes(articles, themes=themes))
    tokenizer = build_tokenizer()
    tokens = tokenize_articles(articles, tokenizer=tokenizer)
    keywords = count_keywords(tokens)
    by_prefecture = count_themes(articles, by="prefecture", themes=themes)
    return {
        "demo_over_time": charts.plot_articles_over_time(
            count_articles(articles, period="month"), lang=lang),
        "demo_by_county": charts.plot_articles_by_locality(
            count_articles(articles, by="county"), top=40, lang=lang),
        "demo_top_terms": charts.plot_top_terms(keywords, top=25, lang=lang),
        "demo_keyness": charts.plot_keyness(
            compute_keyness(tokens, articles=articles, by="prefecture", target="兰州市",
                            direction="both"), target_name="兰州市", lang=lang),
        "demo_slogans": charts.plot_slogans(
            summarize_slogans(find_slogans(articles, tokenizer=tokenizer), articles=articles),
            lang=lang),
        "demo_network": charts.plot_cooccurrence_network(
            count_cooccurrence(tokens, top=40),
            docfreq=keywords.set_index("term")["docfreq"].to_dict(), lang=lang),
        "demo_theme_heatmap": charts.plot_theme_heatmap(by_prefecture, theme_labels=labels,
                                                        lang=lang),
        "demo_theme_mix": charts.plot_theme_mix(by_prefecture, theme_labels=labels, lang=lang),
        "demo_theme_trends": charts.plot_theme_trends(
            count_themes(articles, period="quarter", themes=themes), theme_labels=labels,
            period="quarter", lang=lang),
        "demo_map_county": charts.plot_article_map(articles, level="county",
                                                   province_code="620000", lang=lang),
        "wordcloud": keywords.head(150),
    }


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``folder`` on a free port of 127.0.0.1."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def screenshot(out: Path, names: list[str], base: str) -> list[str]:
    """Screenshot each page (plain and hovered); return requests that left 127.0.0.1."""
    from playwright.sync_api import sync_playwright

    outside: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for name in names:
            page = browser.new_page(viewport={"width": 1000, "height": 760})
            page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(
                (base, "data:", "blob:")) else None)
            page.on("pageerror", lambda e, n=name: print(f"{n}: page error {e}"))
            page.goto(f"{base}/{name}.html")
            page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60000)
            page.wait_for_timeout(2500 if name.startswith("map") else 600)
            page.screenshot(path=str(out / f"{name}.png"), full_page=True)
            hover_point(page, name)
            page.screenshot(path=str(out / f"{name}_hover.png"), full_page=True)
            page.close()
        browser.close()
    return outside


def hover_point(page, name: str) -> None:
    """Move the mouse over a mark so the tooltip shows in the second screenshot."""
    box = page.locator(".js-plotly-plot").bounding_box()
    if name.startswith("map"):
        for fx, fy in [(0.55, 0.5), (0.3, 0.3), (0.6, 0.6), (0.5, 0.4), (0.65, 0.55)]:
            x, y = box["x"] + box["width"] * fx, box["y"] + box["height"] * fy
            page.mouse.move(x - 4, y - 4)
            page.mouse.move(x, y, steps=4)
            page.wait_for_timeout(300)
            if page.locator(".hoverlayer .hovertext").count():
                break
    else:
        target = page.locator(".js-plotly-plot .point, .js-plotly-plot .hm").first
        mark = target.bounding_box() if target.count() else None
        if mark:
            page.mouse.move(mark["x"] + mark["width"] / 2, mark["y"] + mark["height"] / 2)
    page.wait_for_timeout(500)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/govthemes_charts"))
    parser.add_argument("--lang", choices=["zh", "en"], default="zh")
    parser.add_argument("--demo", action="store_true", help="use the demo corpus pipeline")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    figures = (build_demo_figures if args.demo else build_figures)(args.lang)
    render_wordcloud(figures.pop("wordcloud"), seed=1).save(args.out / "wordcloud.png")
    for name, fig in figures.items():
        fig.write_html(args.out / f"{name}.html", include_plotlyjs=True,
                       config=charts.chart_config(name))
        size = (args.out / f"{name}.html").stat().st_size - 4_800_000
        print(f"{name}: ~{max(size, 0) / 1e3:.0f} kB of figure JSON")
    server, base = serve(args.out)
    try:
        outside = screenshot(args.out, list(figures), base)
    finally:
        server.shutdown()
    print(f"screenshots in {args.out}")
    print("requests outside 127.0.0.1:", outside or "none")
    return 1 if outside else 0


if __name__ == "__main__":
    sys.exit(main())
