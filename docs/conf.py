"""Sphinx configuration of the documentation of stadtdo.sozialnetz.

Built by ``make docs`` (``sphinx-build -W --keep-going -b html docs
docs/_build/html``) in its own venv ``.venv-docs`` from
``docs/requirements.txt``: no Sphinx for Python 3.11 accepts the docutils
that Plone pins in ``constraints.txt``.
"""

project = "stadtdo.sozialnetz"
author = "Stadt Dortmund"
copyright = "Stadt Dortmund"
language = "de"

extensions = []

root_doc = "index"
# literal blocks are shell commands, JSON, output and diagrams: no Python colours
highlight_language = "none"
exclude_patterns = ["_build"]
# only reST: the Notes export examples beside it are data for the import
source_suffix = {".rst": "restructuredtext"}

html_theme = "alabaster"
html_title = "Datenbank „Soziale Netzwerke“"
html_theme_options = {
    "description": "Plone-Add-on der Stadt Dortmund",
    "page_width": "1100px",
    "body_max_width": "none",
}
html_static_path = []
