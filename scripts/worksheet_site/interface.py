"""The interface's texts (worksheet/interface_text.py) for the templates,
as ``t("key", name=value)``, and for the scripts, at the head of the script
every page loads."""

from __future__ import annotations

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError

from worksheet.interface_text import InterfaceText, InterfaceTextError, load


def interface_text(language: str) -> InterfaceText:
    try:
        return load(language)
    except InterfaceTextError as error:
        raise PluginError(str(error)) from None


def template_function(text: InterfaceText):
    """``t`` for Jinja: the table's text escaped, and the values filled in
    escaped unless they are markup already (``"<a …>" | safe``)."""
    escaped = InterfaceText(text.language, {
        key: {form: str(escape(v)) for form, v in value.items()} if isinstance(value, dict) else str(escape(value))
        for key, value in text.texts.items()})

    def t(key: str, **values) -> Markup:
        try:
            return Markup(escaped.t(key, **{name: value if name == "count" else escape(value)
                                            for name, value in values.items()}))
        except InterfaceTextError as error:
            raise PluginError(str(error)) from None

    return t
