"""Index a statement in the same transaction as the change an editor made to it."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from ..models import Statement, Topic
from .index import statement_index, statement_topics_changed
from .models import ConceptGroup


@receiver(post_save, sender=Statement, dispatch_uid="search_statement_saved")
def statement_saved(sender, instance, raw=False, **kwargs):
    # loaddata saves raw rows before their relations exist: rebuild_search_index follows it.
    if not raw:
        statement_index(statement=instance)
        # A quote is public only while its statement is: (un)publishing one re-indexes its quotes.
        for quote in instance.quotes.all():
            statement_index(statement=quote)


@receiver(m2m_changed, sender=Statement.topics.through, dispatch_uid="search_statement_topics")
def statement_topics_changed_signal(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        statement_topics_changed()


@receiver(post_delete, sender=Topic, dispatch_uid="search_topic_deleted")
def topic_deleted(sender, instance, **kwargs):
    # Its links go with it, without an m2m signal.
    statement_topics_changed()


@receiver(post_save, sender=Topic, dispatch_uid="search_topic_saved")
@receiver(post_save, sender=ConceptGroup, dispatch_uid="search_concept_group_saved")
@receiver(post_delete, sender=ConceptGroup, dispatch_uid="search_concept_group_deleted")
def lexicon_changed(sender, instance, raw=False, **kwargs):
    # Topic names and concept groups are read at query time (lexicon.py): a new generation token
    # makes every process read them again at its next search.
    statement_topics_changed()
