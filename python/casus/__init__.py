"""casus from Python: which security commitments does an armed attack trigger?

>>> import casus
>>> answer = casus.why(attacker="AZE", defender="ARM", at="Stepanakert", on="2020-10-07")
>>> sorted({v["verdict"] for v in answer["verdicts"] if v["treaty"] == "csto" and v["article"] == "4"})
['not_triggered']

Every answer is the document ``casus … --format json`` prints, as dicts and
lists (the same Rust code builds both). Bad input raises :class:`CasusError`
(a ``ValueError``) naming the argument, the reason and, for a misspelt name,
what it may have meant.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable

from . import _casus
from ._casus import KnowledgeBase
from ._errors import CasusError

__all__ = [
    "CasusError",
    "KnowledgeBase",
    "commitments",
    "escalate",
    "panel",
    "place",
    "search",
    "show",
    "treaties",
    "why",
]


def _names(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _day(value: object) -> object:
    """A ``datetime.date`` (or pandas ``Timestamp``) as YYYY-MM-DD; other values pass."""
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return value.isoformat()[:10]
    return value


def _word(value: object) -> object:
    """The CLI's spelling (``armed-attack``) or the JSON one (``armed_attack``)."""
    return value.replace("-", "_") if isinstance(value, str) else value


def _ask(question: str, request: dict, kb: KnowledgeBase | None) -> dict:
    return json.loads(_casus.ask(question, json.dumps(request), kb))


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
    most_populous: bool = False,
    kb: KnowledgeBase | None = None,
) -> dict:
    """Which commitments an attack triggers, for whom, and why.

    The same document as ``casus why --attacker … --at … --on … --format
    json``: ``attacker`` and ``defender`` take a name or a list of names
    (defenders default to the sovereign and controller of the place), ``at``
    a place name or coordinates, ``on`` a date (``"YYYY-MM-DD"`` or a
    ``datetime.date``). ``target`` is ``"territory"`` or ``"forces"``;
    ``intent``, ``scale`` and ``means`` describe the attack as the CLI's
    flags of the same names; ``most_populous`` settles an ambiguous
    gazetteer name by population. ``kb`` is a :class:`KnowledgeBase` loaded
    from a directory (the CLI's ``--kb``); the embedded one by default.
    """
    request = {
        "attackers": _names(attacker),
        "defenders": _names(defender),
        "at": at,
        "on": _day(on),
        "target": _word(target),
        "intent": _word(intent),
        "scale": _word(scale),
        "means": _word(means),
        "most_populous": most_populous,
    }
    return _ask("why", request, kb)


def place(place: str, *, on: object, most_populous: bool = False, kb: KnowledgeBase | None = None) -> dict:
    """How a place resolves on a date: ``casus place PLACE --on DATE --format json``."""
    return _ask("place", {"place": place, "on": _day(on), "most_populous": most_populous}, kb)


def commitments(polity: str, *, on: object, kb: KnowledgeBase | None = None) -> dict:
    """What a state owes and is owed, treaty by treaty: ``casus commitments STATE --on DATE --format json``."""
    return _ask("commitments", {"polity": polity, "on": _day(on)}, kb)


def treaties(*, on: object = None, kb: KnowledgeBase | None = None) -> dict:
    """The treaties, or those in force on ``on``: ``casus treaties [--on DATE] --format json``."""
    request = {} if on is None else {"on": _day(on)}
    return _ask("treaties", request, kb)


def show(treaty: str, *, kb: KnowledgeBase | None = None) -> dict:
    """One treaty in full: ``casus show TREATY --format json``."""
    return _ask("show", {"treaty": treaty}, kb)


def search(
    q: str,
    *,
    kinds: Iterable[str] | None = None,
    limit: int | None = None,
    kb: KnowledgeBase | None = None,
) -> dict:
    """Names that start with or resemble ``q`` (states, armed groups, treaties,
    places, gazetteer places), as the server's type-ahead search.

    ``kinds`` limits the search to some of ``"state"``, ``"armed_group"``,
    ``"treaty"``, ``"place"``, ``"gazetteer"``; ``limit`` caps the hits.
    """
    request: dict = {"q": q, "kinds": [_word(k) for k in _names(kinds)]}
    if limit is not None:
        request["limit"] = limit
    return _ask("search", request, kb)


def escalate(
    scenario: str | os.PathLike | None = None,
    *,
    attacker: str | Iterable[str] | None = None,
    at: str | None = None,
    on: object = None,
    defender: str | Iterable[str] | None = None,
    target: str = "territory",
    intent: str = "deliberate",
    scale: str = "armed-attack",
    means: str = "kinetic",
    support: str | Iterable[str] | None = None,
    policy: str | None = None,
    counter_strike: str | None = None,
    contested: str | None = None,
    support_counts: str | None = None,
    max_rounds: int | None = None,
    runs: int | None = None,
    seed: int = 1,
    without: str | Iterable[str] | None = None,
    with_: str | Iterable[str] | None = None,
    most_populous: bool = False,
    kb: KnowledgeBase | None = None,
) -> dict:
    """Follow an attack round by round: who is drawn in by which provision,
    and who is caught between sides.

    The same document as ``casus escalate … --format json``. Give either a
    scenario file (``scenario``, TOML as in ``examples/*.toml`` and
    docs/escalation.md; ``on`` then overrides its date) or one attack as
    ``attacker``/``at``/``on`` (with ``defender``, ``target``, ``intent``,
    ``scale`` and ``means`` as for :func:`why`). ``support`` takes
    ``"SUPPORTER:RECIPIENT"`` pairs; ``policy`` (``"all"``,
    ``"automatic"``, ``"probabilistic"``), ``counter_strike``
    (``"homeland"``, ``"none"``), ``contested`` (``"stay-out"``, ``"join"``)
    and ``support_counts`` (``"bystander"``, …) are the CLI's flags of the
    same names; ``runs`` asks for that many Monte Carlo samples with
    ``seed``; ``without`` (``"STATE:TREATY"``) and ``with_``
    (``"STATE:TREATY[@YYYY-MM-DD]"``) add a counterfactual cascade.
    """
    request: dict = {
        "attackers": _names(attacker),
        "defenders": _names(defender),
        "target": _word(target),
        "intent": _word(intent),
        "scale": _word(scale),
        "means": _word(means),
        "supports": _names(support),
        "seed": seed,
        "without": _names(without),
        "with": _names(with_),
        "most_populous": most_populous,
    }
    if scenario is not None:
        path = os.fspath(scenario)
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except OSError as e:
            raise CasusError("scenario", f"cannot read {path}: {e.strerror}", kind="document") from None
        request["scenario"] = {"name": path, "toml": text}
    optional = {
        "at": at,
        "on": _day(on),
        "policy": _word(policy),
        "counter_strike": _word(counter_strike),
        "contested": _word(contested),
        "support_counts": _word(support_counts),
        "max_rounds": max_rounds,
        "runs": runs,
    }
    request.update({k: v for k, v in optional.items() if v is not None})
    return _ask("escalate", request, kb)


def _bound(value: object) -> str:
    """A year (``1990``) or a day (``"1990-06-01"``, ``datetime.date``) as text."""
    if isinstance(value, bool):
        raise TypeError("a panel bound is a year or a date, not a bool")
    if isinstance(value, int):
        return str(value)
    return str(_day(value))


def panel(
    start: object,
    end: object,
    *,
    unit: str = "year",
    directed: bool = True,
    all_pairs: bool = False,
    columns: str = "full",
    atop: str | os.PathLike | None = None,
    cow: str | os.PathLike | None = None,
    kb: KnowledgeBase | None = None,
):
    """A dyad panel of commitments as a ``pyarrow.Table``.

    ``start`` and ``end`` are years (``1990``) or days (``"1990-06-01"``,
    ``datetime.date``), both included. ``unit`` is ``"year"`` (one row per
    dyad and year), ``"day"`` or ``"spell"`` (one row per run of identical
    values, with ``start`` and ``end``). ``directed=False`` gives ATOP's
    undirected rule; ``all_pairs=True`` every pair of states in the COW state
    system, not only pairs with an obligation; ``columns="atop"`` only ATOP's
    dyad-year columns. ``atop`` reads ATOP's member file (or its directory)
    instead of the knowledge base; ``cow`` a COW state-system file. The same
    panel as ``casus panel``; the columns are documented in docs/panel.md.

    The table is read straight from the Arrow stream Rust wrote, without a
    copy; ``.to_pandas()`` and ``polars.from_arrow(...)`` take it from there.
    """
    import pyarrow as pa
    import pyarrow.ipc

    stream = _casus.panel_stream(
        _bound(start),
        _bound(end),
        str(unit),
        bool(directed),
        bool(all_pairs),
        str(columns),
        None if atop is None else os.fspath(atop),
        None if cow is None else os.fspath(cow),
        kb,
    )
    # py_buffer wraps the Rust-owned bytes (buffer protocol) without copying;
    # the table's columns then point into them, and keep them alive.
    return pa.ipc.open_stream(pa.py_buffer(stream)).read_all()
