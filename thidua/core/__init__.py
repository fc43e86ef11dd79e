"""The pure core: scoring, ranking, awards, handover. No I/O, no printing."""
