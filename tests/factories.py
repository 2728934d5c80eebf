"""Test data. Unmistakably made up, so it can never pass for the archive's content."""

import datetime

import factory

from archive.models import Provenance, Session, Source, Statement, Topic


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"test-topic-{n}")
    name_en = factory.Sequence(lambda n: f"Test topic {n}")
    name_fr = factory.Sequence(lambda n: f"Thème de test {n}")
    name_zh_hans = factory.Sequence(lambda n: f"测试主题{n}")


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    publisher = "Example Test Wire"
    title = factory.Sequence(lambda n: f"Test report number {n}")
    language = "en"
    published_on = datetime.date(2020, 5, 22)
    url = factory.Sequence(lambda n: f"https://example.test/report/{n}")
    consulted_on = datetime.date(2026, 11, 21)


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session
        django_get_or_create = ("congress", "number")

    congress = 13
    number = 3
    year = 2020
    opened_on = datetime.date(2020, 5, 22)
    closed_on = datetime.date(2020, 5, 28)
    name_en = "Third Session of the 13th National People's Congress"
    name_fr = "troisième session de la 13e Assemblée populaire nationale"
    name_zh_hans = "第十三届全国人民代表大会第三次会议"


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statement
        skip_postgeneration_save = True

    kind = Statement.Kind.PROPOSAL
    slug = factory.Sequence(lambda n: f"test-statement-{n}")
    title_en = factory.Sequence(lambda n: f"Test statement {n}")
    title_fr = factory.Sequence(lambda n: f"Déclaration de test {n}")
    title_zh_hans = factory.Sequence(lambda n: f"测试声明{n}")
    summary_en = "A made-up summary for tests."
    summary_fr = "Un résumé inventé pour les tests."
    summary_zh_hans = "测试用的虚构摘要。"
    text_en = "Made-up text.\n\nA second paragraph."
    provenance_en = Provenance.REPORT
    provenance_fr = Provenance.TRANSLATION
    provenance_zh_hans = Provenance.TRANSLATION
    date = datetime.date(2020, 5, 22)
    session = factory.SubFactory(SessionFactory)
    status = Statement.Status.PUBLISHED

    @factory.post_generation
    def sources(self, create, extracted, **kwargs):
        if create:
            self.sources.set(extracted if extracted is not None else [SourceFactory()])

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)


class QuoteFactory(StatementFactory):
    """A quote under a statement: his words (made up) in Chinese, as a quote must have."""

    kind = Statement.Kind.QUOTE
    text_zh_hans = "测试用的虚构引语。"
    provenance_zh_hans = Provenance.ORIGINAL
    provenance_en = Provenance.TRANSLATION
