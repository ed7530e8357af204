"""Chinese words for the parts of Streamlit's file uploader that its API leaves in English.

``st.file_uploader`` takes a label and a help text, but its button ("Upload") and the line
under it ("200MB per file") are Streamlit's own English. In the Chinese page they are
replaced by our words from ``data/ui_strings.toml`` with a style rule that hides
Streamlit's text and shows ours in its place (CSS ``::after`` content). Should a later
Streamlit rename the elements the rule targets, nothing breaks: the English words show.

A file over the upload limit never reaches the app: Streamlit marks its chip red and
keeps the reason ("File must be 200.0MB or smaller") in a hover tooltip. The style shows
the reason under the file's name, in the page's language, with what to do instead.
Only size is refused there (the uploader accepts every type; the loaders report the
rest), so the chip's alert is always this reason.
"""

from __future__ import annotations

from ui.i18n import t
from ui.state import Lang

DROPZONE = '[data-testid="stFileUploaderDropzone"]'
BUTTON_TEXT = f'{DROPZONE} [data-testid="stBaseButton-secondary"] [data-testid="stMarkdownContainer"] p'
LIMIT_TEXT = '[data-testid="stFileUploaderDropzoneInstructions"] span'
REFUSED_CHIP = '[data-testid="stFileChip"][aria-invalid="true"]'
REFUSED_TEXT = f'{REFUSED_CHIP} [role="alert"]'


def css_string(text: str) -> str:
    """``text`` as a CSS string literal: quotes, backslashes and line breaks escaped, no markup."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ")
    return '"' + escaped.replace("<", "\\3C ").replace(">", "\\3E ") + '"'


def uploader_style(lang: Lang, *, limit_mb: int) -> str:
    """The ``<style>`` block that puts the uploader's words in ``lang`` and shows a refusal.

    In English the button and size line stay Streamlit's own words; the reason a file
    was refused is shown in both languages.
    """
    refused = css_string(t("upload_refused", lang, mb=limit_mb))
    rules = [
        # Streamlit keeps the alert for screen readers only; shown as the chip's last line.
        f"{REFUSED_CHIP}{{flex-wrap:wrap;height:auto;max-width:100%}}",
        f"{REFUSED_TEXT}{{position:static;clip:auto;clip-path:none;width:auto;height:auto;"
        "flex-basis:100%;order:9;overflow:visible;white-space:normal;margin:0.25rem 0 0;font-size:0}",
        f"{REFUSED_TEXT}::after{{content:{refused};font-size:0.75rem;color:#b3261e;display:block}}",
    ]
    if lang != "en":
        button = css_string(t("upload_button", lang))
        limit = css_string(t("upload_limit", lang, mb=limit_mb))
        rules += [
            f"{BUTTON_TEXT}{{font-size:0}}",
            f"{BUTTON_TEXT}::after{{content:{button};font-size:0.875rem}}",
            f"{LIMIT_TEXT}{{font-size:0;white-space:normal}}",
            f"{LIMIT_TEXT}::after{{content:{limit};font-size:0.75rem}}",
        ]
    return "<style>" + "".join(rules) + "</style>"
