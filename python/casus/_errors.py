"""The package's exception: a ``ValueError`` that names the argument at fault."""

from __future__ import annotations


class CasusError(ValueError):
    """casus refused a request.

    ``field`` is the keyword argument at fault (``"attacker"``, ``"on"``, …,
    or ``"knowledge_base"`` when the data itself is broken), ``reason`` the
    explanation (the same words as the CLI's ``error:`` line) and
    ``suggestions`` the names it may have meant, best first.
    """

    def __init__(self, field: str, reason: str, suggestions: list[str] | None = None):
        self.field = field
        self.reason = reason
        self.suggestions = list(suggestions or [])
        super().__init__(f"{field}: {reason}")

    @property
    def did_you_mean(self) -> str | None:
        """The best guess at what was meant, or ``None``."""
        return self.suggestions[0] if self.suggestions else None
