"""The command line: parses arguments, calls the library, formats results. No rules live here."""
