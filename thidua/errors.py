"""The one exception type for a broken environment or bad usage (exit status 2).

Bad data is never an exception: it is a Diagnostic. This is for what stops a
command before data can be judged: no data root, an unknown bloc, a path we
refuse to write.
"""


class ThiduaError(Exception):
    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
