"""State that one Markdown instance keeps while it renders a page or a
fragment, emptied by its ``reset()`` (as pymdownx's extensions keep theirs):
an extension is shared by every page's Markdown instance, its state is not."""

from __future__ import annotations

from typing import Callable

from markdown import Extension, Markdown


class Slots(Extension):
    """Attributes of ``md``, each set to what its maker gives, again on every ``md.reset()``."""

    def __init__(self, md: Markdown, **makers: Callable[[], object]):
        super().__init__()
        self.md = md
        self.makers = makers
        self.reset()

    def reset(self) -> None:
        for name, make in self.makers.items():
            setattr(self.md, name, make())


def slots(md: Markdown, **makers: Callable[[], object]) -> None:
    """Gives ``md`` the attributes ``makers`` name, emptied by each ``md.reset()``."""
    md.registerExtension(Slots(md, **makers))
