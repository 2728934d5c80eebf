"""A synthetic corpus for the search benchmark: unmistakably fake statements in three languages."""

import datetime
import itertools
import random

from django.db.models import Q

from archive.models import Session, Statement, Topic

EN = (
    "satellite internet economy digital innovation security data privacy earthquake warning flood "
    "education school village rural car electric smart phone factory manufacturing chip research "
    "talent small business private enterprise tax growth energy green carbon health medical city "
    "transport rocket space network cloud platform export market consumer quality standard law"
).split()
FR = (
    "satellite internet économie numérique innovation sécurité données vie privée séisme alerte "
    "inondation éducation école village rural voiture électrique intelligent téléphone usine "
    "fabrication puce recherche talents petite entreprise privée impôt croissance élevée énergie verte "
    "carbone santé médical ville transport fusée espace réseau nuage plateforme exportation marché"
).split()
ZH = (
    "卫星 互联网 经济 数字 创新 安全 数据 隐私 地震 预警 洪水 教育 学校 乡村 农村 汽车 电动 智能 "
    "手机 工厂 制造 芯片 研究 人才 小企业 民营 企业 税收 增长 能源 绿色 低碳 健康 医疗 城市 交通 "
    "火箭 航天 网络 云 平台 出口 市场 消费者 质量 标准 法律 小米 发展 建议 推动 加快 支持"
).split()
FILLER_EN = "the of and to in a should for with by on that more".split()
FILLER_FR = "le la les de des et à pour dans une un doit avec par sur plus".split()
FILLER_ZH = ["的", "和", "在", "是"]
SYLLABLES = "ka lo mi zor vex al tri pen dus ra qui nor bel fa sto gri".split()
HANZI = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"


def _ranked(real, made_up):
    """A Zipf-ranked vocabulary: the real words spread from rank 50 down to rank ~2,200, among
    made-up ones, so that a real word is in under 1% to about 20% of the statements."""
    vocabulary = list(made_up)
    for i, word in enumerate(real):
        vocabulary.insert(50 + i * 35, word)
    return vocabulary


_made = random.Random(7)
MADE_UP_LATIN = ["".join(_made.choices(SYLLABLES, k=3)) for _n in range(4000)]
MADE_UP_HAN = ["".join(_made.choices(HANZI, k=2)) for _n in range(4000)]
VOCABULARY = {
    "en": _ranked(EN, MADE_UP_LATIN),
    "fr": _ranked(FR, MADE_UP_LATIN),
    "zh": _ranked(ZH, MADE_UP_HAN),
}
FILLER = {"en": FILLER_EN, "fr": FILLER_FR, "zh": FILLER_ZH}
# Cumulative Zipf weights, shared by the three vocabularies (about 4,060 words each).
_LONGEST = max(len(words) for words in VOCABULARY.values())
_CUMULATIVE = list(itertools.accumulate(1 / rank for rank in range(1, _LONGEST + 1)))


def _words(rng, language, n):
    vocabulary, filler = VOCABULARY[language], FILLER[language]
    picks = rng.choices(vocabulary, cum_weights=_CUMULATIVE[: len(vocabulary)], k=n)
    return [rng.choice(filler) if rng.random() < 0.45 else word for word in picks]


def _latin(rng, language, n):
    return " ".join(_words(rng, language, n)).capitalize() + "."


def _chinese(rng, n):
    words = _words(rng, "zh", n)
    sentences = ["".join(words[i : i + 8]) for i in range(0, len(words), 8)]
    return "，".join(sentences) + "。"


def _sessions():
    sessions = []
    for year in range(2013, 2026):
        congress, number = (
            (12, year - 2012) if year < 2018 else ((13, year - 2017) if year < 2023 else (14, year - 2022))
        )
        session, _created = Session.objects.get_or_create(
            congress=congress,
            number=number,
            defaults={
                "year": year,
                "opened_on": datetime.date(year, 3, 5),
                "closed_on": datetime.date(year, 3, 15),
                "name_en": f"[SYNTHETIC] session {congress}-{number}",
                "name_fr": f"[SYNTHÉTIQUE] session {congress}-{number}",
                "name_zh_hans": f"[合成] {congress}-{number}",
            },
        )
        sessions.append(session)
    return sessions


def corpus_extend(*, size, seed=2013):
    """Add synthetic published statements until there are `size`."""
    sessions = _sessions()
    topics = [
        Topic.objects.get_or_create(slug=f"synthetic-{n}", defaults={"name_en": f"[SYNTHETIC] topic {n}"})[0]
        for n in range(20)
    ]
    existing = Statement.objects.count()
    rng = random.Random(seed + existing)
    kinds = [Statement.Kind.PROPOSAL, Statement.Kind.SPEECH, Statement.Kind.REMARKS]
    through = Statement.topics.through
    for start in range(existing, size, 2000):
        batch = []
        for n in range(start, min(start + 2000, size)):
            session = rng.choice(sessions)
            batch.append(
                Statement(
                    slug=f"synthetic-{n}",
                    kind=rng.choice(kinds),
                    status=Statement.Status.PUBLISHED,
                    date=session.opened_on + datetime.timedelta(days=rng.randrange(10)),
                    session=session,
                    title_en="[SYNTHETIC] " + _latin(rng, "en", rng.randint(4, 9)),
                    title_fr="[SYNTHÉTIQUE] " + _latin(rng, "fr", rng.randint(4, 9)),
                    title_zh_hans="[合成] " + _chinese(rng, rng.randint(4, 8)),
                    summary_en=_latin(rng, "en", rng.randint(25, 45)),
                    summary_fr=_latin(rng, "fr", rng.randint(25, 45)),
                    summary_zh_hans=_chinese(rng, rng.randint(20, 35)),
                    text_en=_latin(rng, "en", rng.randint(40, 120)),
                    text_fr=_latin(rng, "fr", rng.randint(40, 120)),
                    text_zh_hans=_chinese(rng, rng.randint(30, 90)),
                )
            )
        created = Statement.objects.bulk_create(batch)
        links = [
            through(statement_id=s.pk, topic_id=t.pk)
            for s in created
            for t in rng.sample(topics, rng.randint(1, 3))
        ]
        through.objects.bulk_create(links)


FIELDS = [f"{name}_{lang}" for name in ("title", "summary", "text") for lang in ("en", "fr", "zh_hans")]


def naive_search(q, params):
    """The baseline: every word in some translated field (icontains), newest first, one page and a count."""
    statements = Statement.objects.published()
    for word in q.replace('"', " ").split():
        if word.startswith("-") or word == "OR":
            continue
        any_field = Q()
        for name in FIELDS:
            any_field |= Q(**{f"{name}__icontains": word})
        statements = statements.filter(any_field)
    if params.get("kind"):
        statements = statements.filter(kind=params["kind"])
    if params.get("year"):
        statements = statements.filter(date__year=params["year"])
    statements = statements.order_by("-date", "-id")
    statements.count()
    list(statements.select_related("session")[:20])
