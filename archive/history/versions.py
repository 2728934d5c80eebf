"""One version per save, with its reason.

django-simple-history writes a version on every save and another on every change of a
many-to-many field, so one save of a statement with its topics and sources made three. Inside
`one_version(obj)` the version written by the save also takes the topics and sources set after
it, so the history has one entry per save whatever the path: the admin, the content loader, the
import. Outside it (a script setting topics later), a change of topics is a version of its own.
"""

from contextlib import contextmanager

from simple_history.models import HistoricalRecords

M2M_ACTIONS = ("post_add", "post_remove", "post_clear")


class OneVersionPerSave(HistoricalRecords):
    def create_historical_record_m2ms(self, history_instance, instance):
        if getattr(instance, "_one_version", False):
            instance._one_version_record = history_instance
        super().create_historical_record_m2ms(history_instance, instance)

    def m2m_changed(self, instance, action, attr, pk_set, reverse, **kwargs):
        record = getattr(instance, "_one_version_record", None)
        if record is None or action not in M2M_ACTIONS:
            return super().m2m_changed(instance, action, attr, pk_set, reverse, **kwargs)
        # The same save: bring the version's copy of the many-to-many rows up to date instead.
        for field in record._history_m2m_fields:
            self.m2m_models[field].objects.filter(history=record).delete()
        super().create_historical_record_m2ms(record, instance)


def open_version(obj, *, reason=None):
    """Start a save whose many-to-many changes belong to the version it writes."""
    obj._one_version = True
    if reason:
        obj._change_reason = reason


def close_version(obj):
    for name in ("_one_version", "_one_version_record", "_change_reason"):
        obj.__dict__.pop(name, None)


@contextmanager
def one_version(obj, *, reason=None):
    """Save `obj` and set its many-to-many fields inside: the history gets one version."""
    open_version(obj, reason=reason)
    try:
        yield obj
    finally:
        close_version(obj)
