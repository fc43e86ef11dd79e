"""The bundled Jinja2 templates of `thidua report` (installed as the package ``thidua.templates``).

A data root may hold its own ``templates/`` folder: a file there with the same name
replaces the bundled one. See docs/report.md for the context the templates receive.
"""
