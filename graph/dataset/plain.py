"""Typed records as plain JSON data and back, checking every value's type on the way in.

The disk cache stores datasets with :func:`to_plain` and reads them with :func:`from_plain`,
which rebuilds the frozen records from their annotations (``str``, ``int | None``,
``tuple[Node, ...]``, ``Mapping[str, Scalar]``, nested records) and refuses anything else with
:class:`PlainDataError`: a stored entry is data, never code, and a malformed one is never
half-trusted. Each annotation is turned once into a small decoding function, so reading back
5,000 nodes costs about as much as parsing their JSON.

>>> from graph.dataset.model import Recommendation
>>> record = Recommendation("for", "strong", "adults")
>>> from_plain(Recommendation, to_plain(record)) == record
True
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

Decoder = Callable[[Any], Any]


class PlainDataError(ValueError):
    """Plain data that does not have the shape of the record it should rebuild."""


def to_plain(value: Any) -> Any:
    """``value`` (a record, tuple, mapping or scalar) as dicts, lists and scalars."""
    if dataclasses.is_dataclass(value):  # its fields in declaration order: lighter to store and to read
        return [to_plain(getattr(value, field.name)) for field in dataclasses.fields(value)]
    if isinstance(value, tuple):
        return [to_plain(item) for item in value]
    if isinstance(value, Mapping):
        return {name: to_plain(item) for name, item in value.items()}
    return value


def from_plain(hint: Any, data: Any) -> Any:
    """The value of type ``hint`` rebuilt from ``data``; raises PlainDataError if it does not fit."""
    return decoder(hint)(data)


@functools.cache
def decoder(hint: Any) -> Decoder:
    """The function that checks and rebuilds plain data of type ``hint``."""
    origin = typing.get_origin(hint)
    if dataclasses.is_dataclass(hint):
        return _record_decoder(hint)  # type: ignore[arg-type]
    if isinstance(hint, types.UnionType) or origin is typing.Union:
        return _union_decoder(typing.get_args(hint))
    if origin is tuple:
        return _tuple_decoder(typing.get_args(hint)[0])
    if origin in (Mapping, dict):
        return _mapping_decoder(decoder(typing.get_args(hint)[1]))
    if hint in (str, int, float, bool, type(None)):
        return _scalar_decoder(hint)
    raise TypeError(f"no plain form for {hint!r}")


def _record_decoder(record: type) -> Decoder:
    hints = typing.get_type_hints(record)
    fields = [decoder(hints[field.name]) for field in dataclasses.fields(record)]

    def decode(data: Any) -> Any:
        if type(data) is not list or len(data) != len(fields):
            raise PlainDataError(f"{record.__name__} expects a list of its {len(fields)} fields.")
        try:
            return record(*[field(value) for field, value in zip(fields, data, strict=True)])
        except (TypeError, ValueError) as exc:  # a record's own checks (ViewSpec's depth…)
            raise PlainDataError(f"{record.__name__}: {exc}") from None
    return decode


def _union_decoder(options: tuple[Any, ...]) -> Decoder:
    decoders = [decoder(option) for option in options]

    def decode(data: Any) -> Any:
        for option in decoders:
            try:
                return option(data)
            except PlainDataError:
                continue
        raise PlainDataError(f"{data!r:.60} is none of {options}.")
    return decode


def _tuple_decoder(item_hint: Any) -> Decoder:
    if item_hint is str:
        return _texts_decoder
    item = decoder(item_hint)

    def decode(data: Any) -> tuple:
        return tuple([item(value) for value in _expect(list, data)])
    return decode


def _texts_decoder(data: Any) -> tuple[str, ...]:
    """A tuple of texts (aliases, reference ids): the commonest list, checked in one pass."""
    if type(data) is not list or not all(type(text) is str for text in data):
        raise PlainDataError("expected a list of texts.")
    return tuple(data)


def _mapping_decoder(value: Decoder) -> Decoder:
    def decode(data: Any) -> types.MappingProxyType:
        names = _expect(dict, data)
        return types.MappingProxyType({_expect(str, name): value(item) for name, item in names.items()})
    return decode


def _scalar_decoder(hint: type) -> Decoder:
    allowed = (int, float) if hint is float else (hint,)  # a whole-number cut-off is stored as an int

    def decode(data: Any) -> Any:
        if type(data) not in allowed:
            raise PlainDataError(f"expected {hint.__name__}, got {data!r:.60}.")
        return data
    return decode


def _expect(kind: type, data: Any) -> Any:
    if type(data) is not kind:
        raise PlainDataError(f"expected {kind.__name__}, got {type(data).__name__}.")
    return data
