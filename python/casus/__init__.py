"""casus from Python: which security commitments does an armed attack trigger?

>>> import casus
>>> answer = casus.why(attacker="AZE", defender="ARM", at="Stepanakert", on="2020-10-07")
>>> [v["verdict"] for v in answer["verdicts"] if v["treaty"] == "csto" and v["article"] == "4"][:1]
['not_triggered']

Every answer is the document ``casus … --format json`` prints, as dicts and
lists. Bad input raises :class:`CasusError` (a ``ValueError``) naming the
argument, the reason and, for a misspelt name, what it may have meant.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from . import _casus
from ._casus import KnowledgeBase
from ._errors import CasusError

__all__ = ["CasusError", "KnowledgeBase", "commitments", "why"]


def _names(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _day(value: object) -> str:
    # A datetime.date (or pandas Timestamp) prints as YYYY-MM-DD; strings pass.
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return value.isoformat()[:10]
    return str(value)


def why(
    *,
    attacker: str | Iterable[str],
    at: str,
    on: object,
    defender: str | Iterable[str] | None = None,
    target: str = "territory",
    intent: str = "deliberate",
    scale: str = "armed-attack",
    means: str = "kinetic",
    kb: KnowledgeBase | None = None,
) -> dict:
    """Which commitments an attack triggers, for whom, and why.

    The same as ``casus why --attacker … --at … --on … --format json``:
    ``attacker`` and ``defender`` take a name or a list of names (defenders
    default to the sovereign and controller of the place), ``at`` a place
    name or coordinates, ``on`` a date (``"YYYY-MM-DD"`` or a
    ``datetime.date``). ``target`` is ``"territory"`` or ``"forces"``;
    ``intent``, ``scale`` and ``means`` describe the attack as the CLI's
    flags of the same names do. ``kb`` is a :class:`KnowledgeBase` loaded
    from a directory (the CLI's ``--kb``); the embedded one by default.
    """
    text = _casus.why_json(
        _names(attacker),
        _names(defender),
        str(at),
        _day(on),
        target,
        intent,
        scale,
        means,
        kb,
    )
    return json.loads(text)


def commitments(state: str, *, on: object, kb: KnowledgeBase | None = None) -> dict:
    """What ``state`` owes and is owed on ``on``, treaty by treaty.

    The same as ``casus commitments STATE --on DATE --format json``.
    """
    return json.loads(_casus.commitments_json(str(state), _day(on), kb))
