"""The one error type users see: a single line saying what went wrong and what to do."""


class DrafterError(Exception):
    """An expected failure (bad input, missing file, unknown outline). The CLI prints it as one line."""

    def __init__(self, message: str, *, where: str | None = None):
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)
