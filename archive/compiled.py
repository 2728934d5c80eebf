"""Small key queries turned into SQL once per process, then run with each request's values.

The first view of a page after an edit runs a few small queries that say whether its rendered
copy still holds (a statement's last change, its neighbours', its quotes'). Turning such a
queryset into SQL costs the ORM several times what the database takes to answer it, and the SQL
is the same for every request but for its values; so each is built once through the ORM, with
stand-in values, and its SQL kept. The rows are tuples as the database driver gives them (with
times made aware, as the ORM makes them): what the keys need, not model instances.
"""

import datetime
import itertools

from django.conf import settings
from django.db import connections, router
from django.utils import timezone, translation

_compiled = {}
_stand_ins = itertools.count(1)


def _stand_in(value):
    """A value of the same type that no real query uses, to find where the value goes in the SQL."""
    number = next(_stand_ins)
    if isinstance(value, bool):
        raise TypeError("A yes/no changes the query's shape: give it in the query's name instead.")
    if isinstance(value, int):
        return -1_000_000_000 - number
    if isinstance(value, str):
        return f"\x00stand-in-{number}\x00"
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return datetime.date(1000, 1, 1) + datetime.timedelta(days=number)
    raise TypeError(f"No stand-in for a {type(value).__name__}.")


def _matches(param, stand_in):
    # Dates reach some backends as text (SQLite); everything else as it was given.
    return param == stand_in or (isinstance(stand_in, datetime.date) and param == str(stand_in))


def _compile(build, using, values):
    stand_ins, slot_of = {}, []
    for name, value in values.items():
        if isinstance(value, list | tuple):  # `pk__in=`: one stand-in for each item
            stand_ins[name] = [_stand_in(item) for item in value]
            slot_of += [((name, index), item) for index, item in enumerate(stand_ins[name])]
        else:
            stand_ins[name] = _stand_in(value)
            slot_of.append(((name, None), stand_ins[name]))
    queryset = build(**stand_ins)
    compiler = queryset.query.get_compiler(using)
    sql, params = compiler.as_sql()
    # The SELECT need not list the columns in the order values_list was given them
    # (modeltranslation passes them on as a set and puts them back in order afterwards).
    aliases = [alias for _, _, alias in compiler.select[: compiler.col_count]]
    order = [aliases.index(name) for name in getattr(queryset, "original_fields", queryset._fields)]
    slots = []
    for param in params:
        found = [slot for slot, stand_in in slot_of if _matches(param, stand_in)]
        slots.append((found[0], None) if found else (None, param))
    missing = {slot for slot, _ in slot_of} - {slot for slot, _ in slots}
    if missing:
        raise ValueError(f"The query does not use {', '.join(sorted(name for name, _ in missing))}.")
    return sql, slots, (None if order == list(range(len(aliases))) else order)


def rows(name, model, build, **values):
    """The rows of `build(**values)`, a `values_list` queryset of `model`, compiled once.

    `name` stands for the query's shape: anything that changes the SQL other than `values`
    and the length of a list among them (whether the reader is an editor, whether a value is
    None) must be part of it.
    """
    using = router.db_for_read(model)
    lengths = tuple(len(value) for value in values.values() if isinstance(value, list | tuple))
    key = (name, using, translation.get_language(), lengths)
    compiled = _compiled.get(key)
    if compiled is None:
        compiled = _compiled[key] = _compile(build, using, values)
    sql, slots, order = compiled
    params = [
        constant if slot is None else values[slot[0]] if slot[1] is None else values[slot[0]][slot[1]]
        for slot, constant in slots
    ]
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        found = cursor.fetchall()
    if order:
        found = [tuple(row[index] for index in order) for row in found]
    if settings.USE_TZ:  # SQLite gives naive UTC times; PostgreSQL's are aware already
        found = [tuple(_aware(value) for value in row) for row in found]
    return found


def _aware(value):
    if isinstance(value, datetime.datetime) and value.tzinfo is None:
        return timezone.make_aware(value, datetime.UTC)
    return value
