from django.db import models


class DatasetFile(models.Model):
    """One downloadable file of the current dataset, as served: in the database, shared by every server."""

    name = models.CharField(max_length=100, unique=True)
    content = models.BinaryField()
    media_type = models.CharField(max_length=100)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField()
    version = models.CharField(max_length=40, help_text="The dataset's version: when it was built.")
    built_at = models.DateTimeField()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.version})"
