from django.utils.safestring import SafeString

from ligesind.core.markdown import render_markdown


def render_message(text: str) -> SafeString:
    return render_markdown(text)
