"""The words the site itself shows, in the interface's language.

One table per language, ``interface/<language>.yml`` beside this module:
groups of keys (``answers:``, ``review:``…), each key a text, where
``{name}`` stands for a value given when the text is used, or a pair
``one:``/``other:`` chosen by a ``count``. Every table has exactly the keys
and the ``{names}`` of the English one, so a missing or misspelt key stops
the build with the file and the key to fix. The templates and the scripts
ask for a text by its key: ``t("answers.label")``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

FOLDER = Path(__file__).parent / "interface"
REFERENCE = "en"
PLACEHOLDER = re.compile(r"\{(\w+)\}")
#: Languages where 0, like 1, takes the singular ("0 mot").
ZERO_IS_ONE = {"fr"}
#: How dates and numbers are written, where it is not the language's default.
LOCALES = {"en": "en-GB"}


class InterfaceTextError(Exception):
    """A table is missing, unreadable, or does not match the English one."""


def languages(folder: Path = FOLDER) -> list[str]:
    """The languages a table is provided for."""
    return sorted(p.stem for p in folder.glob("*.yml"))


def _flat(data, prefix: str, where: str) -> dict:
    if not isinstance(data, dict):
        raise InterfaceTextError(f"{where}: expected groups of keys, found {type(data).__name__}")
    out = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and set(value) == {"one", "other"}:
            out[name] = {"one": str(value["one"]), "other": str(value["other"])}
        elif isinstance(value, dict):
            out.update(_flat(value, name + ".", where))
        elif isinstance(value, str):
            out[name] = value
        else:
            raise InterfaceTextError(f"{where}: '{name}' should be a text, or one:/other: texts")
    return out


def _read(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise InterfaceTextError(f"{path}: cannot be read: {error}") from None
    return _flat(data or {}, "", str(path))


def _names(value) -> set[str]:
    texts = value.values() if isinstance(value, dict) else [value]
    return {name for text in texts for name in PLACEHOLDER.findall(text)}


@dataclass(frozen=True)
class InterfaceText:
    language: str
    texts: dict  # {key: text, or {"one", "other"}}

    def t(self, key: str, **values) -> str:
        """The text of ``key`` with its ``{names}`` filled; ``count`` picks one/other."""
        if key not in self.texts:
            raise InterfaceTextError(f"interface/{REFERENCE}.yml has no key '{key}'")
        text = self.texts[key]
        if isinstance(text, dict):
            count = values.get("count", 0)
            text = text["one"] if count == 1 or (count == 0 and self.language in ZERO_IS_ONE) else text["other"]
        return PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), text)

    def script(self) -> str:
        """The table for the site's scripts: ``siteText(key, values)``, and
        ``siteText.lang``, the interface's language."""
        table = json.dumps(self.texts, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
        return (
            "(function (root) {\n"
            f"  var TEXTS = {table}, LANG = {json.dumps(self.language)};\n"
            "  function siteText(key, values) {\n"
            "    values = values || {};\n"
            "    var text = Object.prototype.hasOwnProperty.call(TEXTS, key) ? TEXTS[key] : \"[\" + key + \"]\";\n"
            "    if (typeof text === \"object\") {\n"
            "      var n = values.count || 0;\n"
            f"      text = n === 1 || (n === 0 && {json.dumps(sorted(ZERO_IS_ONE))}.indexOf(LANG) !== -1) ? text.one : text.other;\n"
            "    }\n"
            "    return text.replace(/\\{(\\w+)\\}/g, function (all, name) {\n"
            "      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;\n"
            "    });\n"
            "  }\n"
            "  siteText.lang = LANG;\n"
            f"  siteText.locale = {json.dumps(LOCALES.get(self.language, self.language))};\n"
            "  root.siteText = siteText;\n"
            "})(this);\n")


def load(language: str, folder: Path = FOLDER) -> InterfaceText:
    """The table of ``language``, checked against the English one."""
    path = folder / f"{language}.yml"
    if not path.is_file():
        raise InterfaceTextError(f"theme.language is '{language}', and no interface table {path.name} exists "
                                 f"in {folder}: provided are {', '.join(languages(folder))} (copy {REFERENCE}.yml "
                                 "and translate it to add one)")
    texts = _read(path)
    reference = texts if language == REFERENCE else _read(folder / f"{REFERENCE}.yml")
    problems = [f"{path}: no text for '{key}' (in {REFERENCE}.yml: {reference[key]!r})"
                for key in reference if key not in texts]
    problems += [f"{path}: '{key}' is not a key of {REFERENCE}.yml" for key in texts if key not in reference]
    for key in reference.keys() & texts.keys():
        if isinstance(reference[key], dict) != isinstance(texts[key], dict):
            problems.append(f"{path}: '{key}' should be " + ("one:/other: texts" if isinstance(reference[key], dict)
                                                              else "a single text"))
        elif _names(reference[key]) != _names(texts[key]):
            problems.append(f"{path}: '{key}' should use {sorted(_names(reference[key])) or 'no {name}'}, "
                            f"as {REFERENCE}.yml does, not {sorted(_names(texts[key])) or 'none'}")
    if problems:
        raise InterfaceTextError("\n".join(problems))
    return InterfaceText(language, texts)
