"""Edges that read files: decoding, YAML with positions, the data root."""
