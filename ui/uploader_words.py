"""Chinese words for the parts of Streamlit's file uploader that its API leaves in English.

``st.file_uploader`` takes a label and a help text, but its button ("Upload") and the line
under it ("200MB per file") are Streamlit's own English. In the Chinese page they are
replaced by our words from ``data/ui_strings.toml`` with a style rule that hides
Streamlit's text and shows ours in its place (CSS ``::after`` content). Should a later
Streamlit rename the elements the rule targets, nothing breaks: the English words show.
"""

from __future__ import annotations

from ui.i18n import t
from ui.state import Lang

DROPZONE = '[data-testid="stFileUploaderDropzone"]'
BUTTON_TEXT = f'{DROPZONE} [data-testid="stBaseButton-secondary"] [data-testid="stMarkdownContainer"] p'
LIMIT_TEXT = '[data-testid="stFileUploaderDropzoneInstructions"] span'


def css_string(text: str) -> str:
    """``text`` as a CSS string literal: quotes, backslashes and line breaks escaped, no markup."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ")
    return '"' + escaped.replace("<", "\\3C ").replace(">", "\\3E ") + '"'


def uploader_style(lang: Lang, *, limit_mb: int) -> str:
    """The ``<style>`` block that puts the uploader's button and size line in ``lang``.

    Empty for English, where Streamlit's own words are the page's language already.
    """
    if lang == "en":
        return ""
    button = css_string(t("upload_button", lang))
    limit = css_string(t("upload_limit", lang, mb=limit_mb))
    return (
        "<style>"
        f"{BUTTON_TEXT}{{font-size:0}}"
        f"{BUTTON_TEXT}::after{{content:{button};font-size:0.875rem}}"
        f"{LIMIT_TEXT}{{font-size:0;white-space:normal}}"
        f"{LIMIT_TEXT}::after{{content:{limit};font-size:0.75rem}}"
        "</style>"
    )
