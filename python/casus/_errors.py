"""The package's exception: a ``ValueError`` that names the argument at fault."""

from __future__ import annotations


class CasusError(ValueError):
    """casus refused a request.

    ``field`` is the keyword argument at fault (``"attacker"``, ``"on"``, …;
    ``"kb"`` for a knowledge-base directory, ``"internal"`` when the embedded
    data failed), ``reason`` the explanation in the words of the CLI's
    ``error:`` line, ``suggestions`` the names it may have meant, best first,
    and ``kind`` the sort of problem (``"malformed"``, ``"unknown"``,
    ``"ambiguous"``, ``"conflict"``, ``"no_answer"``, ``"document"``, …).
    """

    def __init__(
        self,
        field: str,
        reason: str,
        suggestions: list[str] | None = None,
        kind: str = "malformed",
    ):
        self.field = field
        self.reason = reason
        self.suggestions = list(suggestions or [])
        self.kind = kind
        super().__init__(f"{field}: {reason}")

    @property
    def did_you_mean(self) -> str | None:
        """The best guess at what was meant, or ``None``."""
        return self.suggestions[0] if self.suggestions else None
