"""Index a statement in the same transaction as the change an editor made to it."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from ..models import Statement, Topic
from .index import statement_index, statement_topics_refresh


@receiver(post_save, sender=Statement, dispatch_uid="search_statement_saved")
def statement_saved(sender, instance, raw=False, **kwargs):
    # loaddata saves raw rows before their relations exist: rebuild_search_index follows it.
    if not raw:
        statement_index(statement=instance)
        # A quote is public only while its statement is: (un)publishing one re-indexes its quotes.
        for quote in instance.quotes.all():
            statement_index(statement=quote)


@receiver(m2m_changed, sender=Statement.topics.through, dispatch_uid="search_statement_topics")
def statement_topics_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if reverse and action == "pre_clear":
        # topic.statements.clear(): after it, which statements had the topic is no longer known.
        instance._search_statement_ids = list(instance.statements.values_list("pk", flat=True))
    elif action in ("post_add", "post_remove"):
        statement_topics_refresh(statement_ids=list(pk_set or ()) if reverse else [instance.pk])
    elif action == "post_clear":
        ids = getattr(instance, "_search_statement_ids", []) if reverse else [instance.pk]
        statement_topics_refresh(statement_ids=ids)


@receiver(pre_delete, sender=Topic, dispatch_uid="search_topic_deleting")
def topic_deleting(sender, instance, **kwargs):
    instance._search_statement_ids = list(instance.statements.values_list("pk", flat=True))


@receiver(post_delete, sender=Topic, dispatch_uid="search_topic_deleted")
def topic_deleted(sender, instance, **kwargs):
    statement_topics_refresh(statement_ids=getattr(instance, "_search_statement_ids", []))
