"""REST input for Antrag and Person: errors of the schemas' invariants name
their field, like the errors of single fields.

plone.restapi reports an invariant error only with its message. Our
invariants raise ``FeldFehler``, which knows the field; this deserializer
adds it (``{"field": "taetigkeit_bis", "message": ...}``) so a client can show
the message next to the input, as the Classic UI does.
"""

from plone.restapi.deserializer.dxcontent import DeserializeFromJson
from zExceptions import BadRequest


class DeserializeWithFieldNames(DeserializeFromJson):
    def __call__(
        self, validate_all=False, data=None, create=False, mask_validation_errors=True
    ):
        try:
            return super().__call__(
                validate_all=validate_all,
                data=data,
                create=create,
                mask_validation_errors=False,
            )
        except BadRequest as exc:
            errors = exc.args[0] if exc.args else None
            if not isinstance(errors, list):
                raise
            for error in errors:
                field = getattr(error.get("error"), "field", None)
                if field and not error.get("field"):
                    error["field"] = field
                if mask_validation_errors:
                    error["error"] = "ValidationError"
            raise BadRequest(errors) from None
