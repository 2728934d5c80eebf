"""What left the public archive, so that a harvester can remove it too (the API's withdrawals).

A statement leaves when it is unpublished or deleted, and a quote or reported point also leaves
when its statement does. One row per statement that is out (its id, its last slug, when and why),
never its text; the row goes when the statement is public again, so the list is "what left since
a date and is still out". Written by signals in the transaction of the change.
"""

from django.db import models
from django.db.models.signals import post_save, pre_delete, pre_save
from django.dispatch import receiver
from django.utils import timezone

from .models import Statement


class Withdrawal(models.Model):
    class Reason(models.TextChoices):
        UNPUBLISHED = "unpublished", "unpublished"
        DELETED = "deleted", "deleted"

    # Not a foreign key: a deleted statement's id stays here.
    statement_id = models.PositiveBigIntegerField(unique=True)
    slug = models.SlugField(max_length=120)
    withdrawn_at = models.DateTimeField(db_index=True)
    reason = models.CharField(max_length=20, choices=Reason.choices)

    class Meta:
        ordering = ["withdrawn_at", "statement_id"]

    def __str__(self):
        return f"{self.slug} ({self.reason} {self.withdrawn_at:%Y-%m-%d})"


def _public_before(pk):
    row = Statement.objects.filter(pk=pk).values("status", "parent_id", "parent__status").first()
    if row is None:
        return False
    published = Statement.Status.PUBLISHED
    return row["status"] == published and (row["parent_id"] is None or row["parent__status"] == published)


def _withdraw(statements, reason):
    now = timezone.now()
    for statement in statements:
        Withdrawal.objects.update_or_create(
            statement_id=statement.pk,
            defaults={"slug": statement.slug, "withdrawn_at": now, "reason": reason},
        )


def _published_parts(statement):
    return list(statement.quotes.filter(status=Statement.Status.PUBLISHED).only("pk", "slug"))


@receiver(pre_save, sender=Statement, dispatch_uid="withdrawals_statement_before_save")
def _remember_visibility(sender, instance, raw=False, **kwargs):
    if not raw:
        instance._was_public = instance.pk is not None and _public_before(instance.pk)


@receiver(post_save, sender=Statement, dispatch_uid="withdrawals_statement_saved")
def _statement_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    was_public, is_public = getattr(instance, "_was_public", False), instance.is_public
    if was_public and not is_public:
        _withdraw([instance, *_published_parts(instance)], Withdrawal.Reason.UNPUBLISHED)
    elif is_public and not was_public:
        back = [instance.pk, *(part.pk for part in _published_parts(instance))]
        Withdrawal.objects.filter(statement_id__in=back).delete()


@receiver(pre_delete, sender=Statement, dispatch_uid="withdrawals_statement_deleted")
def _statement_deleted(sender, instance, **kwargs):
    # Deleting a statement deletes its parts too, each with its own signal.
    if _public_before(instance.pk):
        _withdraw([instance], Withdrawal.Reason.DELETED)
