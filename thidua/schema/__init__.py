"""The file formats as data: one declaration drives checking, loading and `thidua schema`."""
