"""The one error type for refused actions whose reason the user must read."""


class AktionAbgelehnt(ValueError):
    """An action that cannot be carried out; ``message`` is German, for the user.

    ``field`` names the offending input where there is one (REST answers 400
    with it). Missing rights are ``zExceptions.Unauthorized`` instead.
    """

    def __init__(self, message, *, field=None):
        super().__init__(message)
        self.message = message
        self.field = field
