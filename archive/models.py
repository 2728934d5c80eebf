"""The archive's domain: NPC sessions, what Lei Jun said or proposed at them, topics and sources."""

import datetime
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# How far from its session a statement may be dated: proposals are often reported the week before
# a session opens, interviews in the days after it closes.
SESSION_MARGIN = datetime.timedelta(weeks=4)
# Lei Jun became an NPC deputy in 2013: the archive's timeline and year pages start there.
EARLIEST_DATE = datetime.date(2013, 1, 1)

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

# Invisible characters that XML (the Atom feeds) refuses; tabs and line breaks are fine.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def validate_no_control_characters(value):
    if CONTROL_CHARACTERS.search(value):
        raise ValidationError(
            _("This text contains invisible control characters; please remove them."),
            code="control_characters",
        )


CLEAN_TEXT = [validate_no_control_characters]


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    SIMPLIFIED_CHINESE = "zh-hans", _("Simplified Chinese")
    TRADITIONAL_CHINESE = "zh-hant", _("Traditional Chinese")


# The language he spoke, not the script a text is written in: Chinese either way.
SPOKEN_LANGUAGE_NAMES = {
    Language.ENGLISH: pgettext_lazy("language", "English"),
    Language.FRENCH: pgettext_lazy("language", "French"),
    Language.SIMPLIFIED_CHINESE: pgettext_lazy("language", "Chinese"),
    Language.TRADITIONAL_CHINESE: pgettext_lazy("language", "Chinese"),
}


class Provenance(models.TextChoices):
    """Where a text in one language comes from: never present a translation as his words."""

    ORIGINAL = "original", _("His own words (verbatim, quoted by a source)")
    REPORT = "report", _("The archive's account of what the sources report")
    TRANSLATION = "translation", _("The archive's translation of another language's text")
    MACHINE = "machine", _("Machine translation, not reviewed")

    @property
    def anchor(self):
        """Where the about page explains this label: `#provenance-original`, ..."""
        return f"provenance-{self.value}"


class ReviewState(models.TextChoices):
    """Whether another editor has checked one language's text (archive/review.py)."""

    AWAITING = "awaiting", _("Awaiting review")
    REVIEWED = "reviewed", _("Reviewed")
    # Reviewed once, but the text it was translated from has changed since.
    SOURCE_CHANGED = "source-changed", _("Source text changed since review")


# Provenances that are the archive's translation of another language's text.
TRANSLATED_PROVENANCES = (Provenance.TRANSLATION, Provenance.MACHINE)
# Provenances a translation can be made from.
SOURCE_PROVENANCES = (Provenance.ORIGINAL, Provenance.REPORT)
REVIEWED_TEXT_FIELDS = ("title", "summary", "text")


def field_suffix(language_code):
    """`zh-hans` -> `zh_hans`, the suffix modeltranslation gives a field in that language."""
    return language_code.replace("-", "_")


class SourceQuerySet(models.QuerySet):
    def cited_publicly(self):
        """Sources of a published statement or of a session: a source only a draft cites stays private."""
        cited = Statement.objects.published().filter(sources=models.OuterRef("pk"))
        in_session = Session.sources.through.objects.filter(source=models.OuterRef("pk"))
        return self.filter(Q(models.Exists(cited)) | Q(models.Exists(in_session)))


class Source(models.Model):
    publisher = models.CharField(_("publisher"), max_length=200, validators=CLEAN_TEXT)
    title = models.CharField(
        _("title"),
        max_length=500,
        blank=True,
        help_text=_("The headline as published."),
        validators=CLEAN_TEXT,
    )
    language = models.CharField(_("language"), max_length=10, choices=Language.choices)
    published_on = models.DateField(_("publication date"), null=True, blank=True)
    url = models.URLField(_("address"), max_length=500, blank=True)
    consulted_on = models.DateField(_("date consulted"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True, validators=CLEAN_TEXT)

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "publisher", "title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = [
            models.UniqueConstraint(
                fields=["url"],
                condition=~Q(url=""),
                name="source_url_unique",
                violation_error_message=_("A source with this address already exists."),
            ),
        ]

    def __str__(self):
        date = f", {self.published_on:%Y-%m-%d}" if self.published_on else ""
        return f"{self.publisher}: {self.title or self.url}{date}"

    def clean(self):
        if not self.title and not self.url:
            raise ValidationError(_("Give the source's title, its address, or both."))


class Topic(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120, validators=CLEAN_TEXT)
    description = models.TextField(_("description"), blank=True, validators=CLEAN_TEXT)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("archive:topic", kwargs={"slug": self.slug})


SESSION_KEY = re.compile(r"(?P<congress>[0-9]{1,3})-(?P<number>[0-9]{1,3})")


class SessionQuerySet(models.QuerySet):
    def in_year(self, year):
        return self.filter(year=year)

    def by_key(self, key):
        """`"13-3"` -> the third session of the 13th NPC; None for any other text.

        ASCII digits only: `str.isdigit()` also accepts "²", which `int()` refuses.
        """
        match = SESSION_KEY.fullmatch(key or "")
        if match is None:
            return None
        return self.filter(congress=int(match["congress"]), number=int(match["number"])).first()


class Session(models.Model):
    """One annual session of the National People's Congress."""

    congress = models.PositiveSmallIntegerField(_("congress"), help_text=_("12 for the 12th NPC."))
    number = models.PositiveSmallIntegerField(_("session number"), help_text=_("1 to 5 within a congress."))
    year = models.PositiveSmallIntegerField(_("year"))
    opened_on = models.DateField(_("opening date"))
    closed_on = models.DateField(_("closing date"))
    name = models.CharField(_("name"), max_length=200, validators=CLEAN_TEXT)
    sources = models.ManyToManyField(Source, blank=True, related_name="sessions", verbose_name=_("sources"))
    notes = models.TextField(_("notes"), blank=True, validators=CLEAN_TEXT)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["opened_on"]
        verbose_name = _("NPC session")
        verbose_name_plural = _("NPC sessions")
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "number"],
                name="session_unique_number",
                violation_error_message=_("This session of this congress already exists."),
            ),
            models.CheckConstraint(
                condition=Q(congress__gte=1, congress__lte=30),
                name="session_congress_range",
                violation_error_message=_("The congress number must be between 1 and 30."),
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1, number__lte=5),
                name="session_number_range",
                violation_error_message=_("A congress holds sessions 1 to 5."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1954, year__lte=2100),
                name="session_year_range",
                violation_error_message=_("The year must be between 1954 and 2100."),
            ),
            models.CheckConstraint(
                condition=Q(closed_on__gte=models.F("opened_on")),
                name="session_closes_after_opening",
                violation_error_message=_("The closing date cannot be before the opening date."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("archive:session", kwargs={"congress": self.congress, "number": self.number})

    def clean(self):
        if self.opened_on and self.year and self.opened_on.year != self.year:
            raise ValidationError({"opened_on": _("The session must open in its year.")})

    @property
    def key(self):
        return f"{self.congress}-{self.number}"

    def admits(self, date):
        """Whether a statement of this date can belong to this session."""
        return self.opened_on - SESSION_MARGIN <= date <= self.closed_on + SESSION_MARGIN


class StatementQuerySet(models.QuerySet):
    def published(self):
        """What the public may see: published, and for a quote, its statement published too."""
        return self.filter(status=Statement.Status.PUBLISHED).filter(
            Q(parent__isnull=True) | Q(parent__status=Statement.Status.PUBLISHED)
        )

    def visible_to(self, user):
        """Drafts are for editors only."""
        return self if user.is_staff else self.published()

    def renamed_from(self, slug):
        """The statement that once had this slug: its old address keeps working after a correction."""
        former = Statement.history.filter(slug=slug).values("id")
        return self.filter(pk__in=former).exclude(slug=slug).first()

    def top_level(self):
        """Statements that are not quotes under another one."""
        return self.filter(parent__isnull=True)

    def in_year(self, year):
        return self.filter(date__year=year)

    def of_kind(self, kind):
        return self.filter(kind=kind)

    def about(self, topic):
        return self.filter(topics=topic)

    def chronological(self):
        return self.order_by("date", "id")

    def newest_first(self):
        return self.order_by("-date", "-id")

    def missing_language(self, language_code):
        suffix = field_suffix(language_code)
        missing = Q()
        for field in ("title", "summary"):
            missing |= Q(**{f"{field}_{suffix}": ""}) | Q(**{f"{field}_{suffix}__isnull": True})
        return self.filter(missing)

    def with_text_in(self, language_code):
        """Statements with a title, summary or text written in this language (as search indexes them)."""
        suffix = field_suffix(language_code)
        written = Q()
        for field in ("title", "summary", "text"):
            written |= Q(**{f"{field}_{suffix}__gt": ""})
        return self.filter(written)

    def for_listing(self):
        """What every list of statements shows, fetched in a fixed number of queries."""
        return self.select_related("session").prefetch_related("topics")


def _his_words():
    """A text in some language whose provenance is "his own words": what makes a quote a quote."""
    condition = Q()
    for code in LANGUAGE_CODES:
        suffix = field_suffix(code)
        # "isnull=False" spelled out: a check constraint passes when its condition is NULL, and
        # translated fields may be NULL, so `text > ''` alone let a NULL text through.
        condition |= Q(
            **{
                f"provenance_{suffix}__isnull": False,
                f"provenance_{suffix}": "original",
                f"text_{suffix}__isnull": False,
                f"text_{suffix}__gt": "",
            }
        )
    return condition


HIS_WORDS = _his_words()
QUOTE_NEEDS_HIS_WORDS = _(
    "A published quote needs his own words: in at least one language, a text whose provenance is "
    "“his own words”. Otherwise make it a reported point."
)


class StatementKind(models.TextChoices):
    PROPOSAL = "proposal", _("Proposal")
    SPEECH = "speech", _("Speech")
    REMARKS = "remarks", _("Remarks")
    QUOTE = "quote", _("Quote")
    # A point the sources report him making, without his words in quotation marks: not a quote.
    REPORTED = "reported", _("Reported point")


class StatementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class Statement(models.Model):
    """Something Lei Jun said or submitted: a proposal, a speech, remarks, or a quote from one of them."""

    Kind = StatementKind
    Status = StatementStatus

    # Quotes and reported points hang under these kinds only: they are parts of something he said or wrote.
    QUOTABLE_KINDS = (StatementKind.PROPOSAL, StatementKind.SPEECH, StatementKind.REMARKS)
    # The kinds that are part of another statement (parent set) rather than standing alone.
    PART_KINDS = (StatementKind.QUOTE, StatementKind.REPORTED)

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        help_text=_("The statement's permanent address. Change it only to correct a mistake."),
    )
    title = models.CharField(_("title"), max_length=300, validators=CLEAN_TEXT)
    official_title = models.CharField(
        _("official title"),
        max_length=300,
        blank=True,
        help_text=_(
            "A proposal's official Chinese title exactly as a source prints it, without 《》; "
            "leave it empty when no source gives it, and say why in the notes."
        ),
        validators=CLEAN_TEXT,
    )
    summary = models.TextField(_("summary"), validators=CLEAN_TEXT)
    text = models.TextField(
        _("full text"),
        blank=True,
        help_text=_("Plain text; a blank line starts a paragraph."),
        validators=CLEAN_TEXT,
    )
    provenance = models.CharField(
        _("provenance"),
        max_length=20,
        choices=Provenance.choices,
        blank=True,
        help_text=_("Where this language's text comes from."),
    )
    translated_from = models.CharField(
        _("translated from"),
        max_length=10,
        choices=[(code, name) for code, name in settings.LANGUAGES],
        blank=True,
        help_text=_("For a translation: the language of the text it was made from."),
    )
    review = models.CharField(
        _("review"),
        max_length=20,
        choices=ReviewState.choices,
        default=ReviewState.AWAITING,
        editable=False,
        help_text=_("Set from the review dashboard, by an editor who did not write the text."),
    )
    notes = models.TextField(
        _("notes"),
        blank=True,
        help_text=_("For instance, where two sources disagree."),
        validators=CLEAN_TEXT,
    )
    date = models.DateField(_("date"))
    session = models.ForeignKey(
        Session,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="statements",
        verbose_name=_("NPC session"),
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="statements", verbose_name=_("topics"))
    sources = models.ManyToManyField(Source, blank=True, related_name="statements", verbose_name=_("sources"))
    spoken_language = models.CharField(
        _("language he spoke in"),
        max_length=10,
        choices=Language.choices,
        default=Language.SIMPLIFIED_CHINESE,
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="quotes",
        limit_choices_to={"kind__in": (StatementKind.PROPOSAL, StatementKind.SPEECH, StatementKind.REMARKS)},
        verbose_name=_("quoted from"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(_("first published"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = StatementQuerySet.as_manager()

    class Meta:
        ordering = ["date", "id"]
        permissions = [("review_statement", _("Can mark a statement's translations reviewed"))]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        indexes = [models.Index(fields=["status", "date"], name="statement_status_date")]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=StatementKind.values),
                name="statement_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(status__in=StatementStatus.values),
                name="statement_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(kind="quote", status="published") | HIS_WORDS,
                name="statement_published_quote_has_his_words",
                violation_error_message=QUOTE_NEEDS_HIS_WORDS,
            ),
            models.CheckConstraint(
                condition=Q(parent__isnull=True) | Q(kind__in=("quote", "reported")),
                name="statement_only_parts_have_parent",
                violation_error_message=_(
                    "Only a quote or a reported point can belong to another statement."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self._update_reviews()
        if self.is_published and self.published_at is None:
            self.published_at = timezone.now()
        # The search index is written by a post_save signal: in this same transaction.
        with transaction.atomic(savepoint=False):
            super().save(*args, **kwargs)
        self._stored_texts = self._texts()

    def get_absolute_url(self):
        return reverse("archive:statement", kwargs={"slug": self.slug})

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._stored_texts = instance._texts() if not instance.get_deferred_fields() else None
        return instance

    def _texts(self):
        return {
            code: tuple(getattr(self, f"{name}_{field_suffix(code)}") or "" for name in REVIEWED_TEXT_FIELDS)
            for code in LANGUAGE_CODES
        }

    def _update_reviews(self):
        """A changed text awaits review again, and so does every translation made from it."""
        for code in LANGUAGE_CODES:
            suffix = field_suffix(code)
            if getattr(self, f"provenance_{suffix}") in TRANSLATED_PROVENANCES and not getattr(
                self, f"translated_from_{suffix}"
            ):
                setattr(self, f"translated_from_{suffix}", self.likely_source_language(code))
        stored = getattr(self, "_stored_texts", None)
        if stored is None and self.pk:
            previous = Statement.objects.filter(pk=self.pk).first()
            stored = previous._texts() if previous else None
        if stored is None:
            return
        now = self._texts()
        changed = {code for code in LANGUAGE_CODES if stored[code] != now[code]}
        for code in LANGUAGE_CODES:
            suffix = field_suffix(code)
            if code in changed:
                setattr(self, f"review_{suffix}", ReviewState.AWAITING)
            elif (
                getattr(self, f"translated_from_{suffix}") in changed
                and getattr(self, f"review_{suffix}") == ReviewState.REVIEWED
            ):
                setattr(self, f"review_{suffix}", ReviewState.SOURCE_CHANGED)

    def likely_source_language(self, code):
        """For a translation with no source recorded: the spoken language if it has his words or a
        report of them, else the first language that does."""
        sources = [
            other
            for other in LANGUAGE_CODES
            if other != code and getattr(self, f"provenance_{field_suffix(other)}") in SOURCE_PROVENANCES
        ]
        if self.spoken_language in sources:
            return self.spoken_language
        return sources[0] if sources else ""

    @classmethod
    def suggested_slug(cls, date, title):
        """`2020-satellite-internet`: the year and the title's words, as every slug in the archive."""
        words = slugify(title)[: cls._meta.get_field("slug").max_length - 10].strip("-") or "statement"
        base = f"{date.year}-{words}"
        slug, number = base, 1
        while cls.objects.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        return slug

    @property
    def spoken_language_name(self):
        """The language he spoke in (中文, « chinois »), never a script such as Simplified Chinese."""
        return SPOKEN_LANGUAGE_NAMES.get(self.spoken_language, self.get_spoken_language_display())

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @property
    def is_public(self):
        """Published, and for a quote, its statement published too (as `published()` selects)."""
        return self.is_published and (self.parent_id is None or self.parent.is_published)

    def clean(self):
        errors = {}
        if self.date:
            if self.date < EARLIEST_DATE:
                errors["date"] = _(
                    "%(date)s is before 2013, when Lei Jun became an NPC deputy; the archive starts there."
                ) % {"date": self.date.isoformat()}
            elif self.date > timezone.localdate():
                errors["date"] = _("%(date)s is in the future; give the date he said or submitted it.") % {
                    "date": self.date.isoformat()
                }
        if self.is_published:
            errors.update(self.provenance_errors())
        if self.parent_id:
            if self.kind not in self.PART_KINDS:
                errors["parent"] = _("Only a quote or a reported point can belong to another statement.")
            elif self.parent_id == self.pk:
                errors["parent"] = _("A quote cannot be quoted from itself.")
            elif self.parent.kind not in self.QUOTABLE_KINDS:
                errors["parent"] = _("Quotes can only come from a proposal, a speech or remarks.")
        if self.session_id and self.date and "date" not in errors and not self.session.admits(self.date):
            errors["date"] = _(
                "%(date)s is more than four weeks away from %(session)s (%(opened)s to %(closed)s)."
            ) % {
                "date": self.date.isoformat(),
                "session": self.session,
                "opened": self.session.opened_on.isoformat(),
                "closed": self.session.closed_on.isoformat(),
            }
        if errors:
            raise ValidationError(errors)

    def provenance_errors(self):
        """Every language that has a text must say where it comes from: the archive's central promise."""
        errors = {}
        for code, name in settings.LANGUAGES:
            suffix = field_suffix(code)
            written = any(getattr(self, f"{field}_{suffix}") for field in ("title", "summary", "text"))
            if written and not getattr(self, f"provenance_{suffix}"):
                errors[f"provenance_{suffix}"] = _(
                    "%(language)s: a text in this language needs a provenance before it can be published."
                ) % {"language": name}
        return errors

    def relation_errors(self, *, topics=None, sources=None):
        """The rules on topics and sources, which `clean()` cannot check: they are saved after it.

        A form passes the topics and sources it is about to save; otherwise the saved ones count.
        """
        if topics is None:
            topics = self.topics.all() if self.pk else []
        if sources is None:
            sources = self.sources.all() if self.pk else []
        if self.parent_id and not (topics and sources):
            # A quote or reported point may rely on the statement it belongs to.
            topics = topics or self.parent.topics.all()
            sources = sources or self.parent.sources.all()
        errors = {}
        if not sources:
            errors["sources"] = _("A published statement must cite at least one source.")
        if not topics:
            errors["topics"] = _("A published statement must have at least one topic.")
        return errors

    def check_publishable(self, *, topics=None, sources=None):
        """Raise ValidationError, by field, if this statement may not be public as it stands."""
        status = self.status
        self.status = self.Status.PUBLISHED
        try:
            self.full_clean()
        except ValidationError as error:
            errors = error.message_dict
        else:
            errors = {}
        finally:
            self.status = status
        for name, message in self.relation_errors(topics=topics, sources=sources).items():
            errors.setdefault(name, []).append(message)
        if errors:
            raise ValidationError(errors)

    def publish(self):
        """Publish, once every rule is met (ValidationError otherwise; a quote needs his own words)."""
        self.check_publishable()
        self.status = self.Status.PUBLISHED
        self.save()

    def unpublish(self):
        self.status = self.Status.DRAFT
        self.save()

    def missing_languages(self):
        """Language codes whose title or summary is not written yet (no fallback counted)."""
        return [
            code
            for code in LANGUAGE_CODES
            if not getattr(self, f"title_{field_suffix(code)}")
            or not getattr(self, f"summary_{field_suffix(code)}")
        ]

    def get_provenance_display_for(self, language_code):
        value = getattr(self, f"provenance_{field_suffix(language_code)}")
        return Provenance(value).label if value in Provenance.values else ""

    def awaits_review(self, language_code):
        """A translation not yet checked by a second editor: readers are told so."""
        suffix = field_suffix(language_code)
        return (
            getattr(self, f"provenance_{suffix}") in TRANSLATED_PROVENANCES
            and getattr(self, f"review_{suffix}") != ReviewState.REVIEWED
        )

    def original_language(self):
        """The first language whose text is his own words as a source prints them, or None."""
        for code in LANGUAGE_CODES:
            own = self.text_in(code)
            if own["provenance"] == Provenance.ORIGINAL and own["text"]:
                return code
        return None

    @property
    def may_be_published(self):
        """A quote goes public only with his own words in at least one language."""
        return self.kind != self.Kind.QUOTE or self.original_language() is not None

    def text_in(self, language_code):
        """This statement's own text in one language, without fallback, with its provenance."""
        suffix = field_suffix(language_code)
        return {
            "language": language_code,
            "title": getattr(self, f"title_{suffix}"),
            "summary": getattr(self, f"summary_{suffix}"),
            "text": getattr(self, f"text_{suffix}"),
            "notes": getattr(self, f"notes_{suffix}"),
            "provenance": getattr(self, f"provenance_{suffix}"),
        }


class ContentRecord(models.Model):
    """What the content loader last wrote for one object, so a reload never overwrites an editor."""

    key = models.CharField(max_length=200, unique=True)
    object_id = models.PositiveBigIntegerField()
    source_hash = models.CharField(max_length=64, help_text="Hash of the content file's entry when loaded.")
    loaded_hash = models.CharField(max_length=64, help_text="Hash of the object as the loader left it.")
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "content record"

    def __str__(self):
        return self.key


# The search index's table belongs to this app; its code lives in archive/search/.
from .data.models import DatasetFile  # noqa: E402,F401
from .search.models import ConceptGroup, SearchDocument, SearchIndexState, SearchWord  # noqa: E402,F401
from .withdrawals import Withdrawal  # noqa: E402,F401
