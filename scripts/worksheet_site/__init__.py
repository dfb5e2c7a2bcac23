"""The worksheet plugin for MkDocs: the study site's engine.

It loads every worksheet of the docs folder with the core library
(``scripts/worksheet/``), refuses to publish one that breaks its promises, and
renders its pages through Markdown's and Material's public extension points:
a fence for the article, blocks for questions, Jinja partials under
``overrides/partials/worksheet/`` for the markup.
"""
