"""Renderers: turn results into text, JSON, Markdown and Excel. They never recompute a figure."""
