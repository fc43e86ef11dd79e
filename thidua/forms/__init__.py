"""Excel scoring forms: plan a form from a bloc-year, read filled forms back, update the bloc-year file.

The xlsx writing lives in thidua.render.form_xlsx; this package holds what is
independent of openpyxl (the plan, the fingerprint, the change computation and
the targeted YAML text edit) plus the reader, which imports openpyxl lazily.
"""
