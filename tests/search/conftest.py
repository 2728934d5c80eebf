# ruff: noqa: E501 - the corpus reads best one text to a line
"""A small corpus of clearly made-up statements in three languages, for the search tests."""

import datetime

import pytest

from tests.factories import SessionFactory, StatementFactory, TopicFactory

D = datetime.date


def _statement(slug, date, kind, session, topics, en, fr=("", ""), zh=("", ""), **extra):
    return StatementFactory(
        slug=slug,
        date=date,
        kind=kind,
        session=session,
        topics=topics,
        title_en=en[0],
        summary_en=en[1],
        title_fr=fr[0],
        summary_fr=fr[1],
        title_zh_hans=zh[0],
        summary_zh_hans=zh[1],
        text_en="",
        **extra,
    )


@pytest.fixture
def corpus(db):
    s2019 = SessionFactory(
        congress=13, number=2, year=2019, opened_on=D(2019, 3, 5), closed_on=D(2019, 3, 15)
    )
    s2020 = SessionFactory(
        congress=13, number=3, year=2020, opened_on=D(2020, 5, 22), closed_on=D(2020, 5, 28)
    )
    s2021 = SessionFactory(
        congress=13, number=4, year=2021, opened_on=D(2021, 3, 5), closed_on=D(2021, 3, 11)
    )
    space = TopicFactory(slug="test-space", name_en="Test space")
    economy = TopicFactory(slug="test-economy", name_en="Test economy")
    safety = TopicFactory(slug="test-safety", name_en="Test safety")
    made = {}
    made["sat"] = _statement(
        "test-sat", D(2020, 5, 22), "proposal", s2020, [space],
        ("Test proposal on satellite internet", "A made-up proposal that satellites should connect remote villages."),
        ("Proposition de test sur l'internet par satellite",
         "Une proposition inventée : les satellites relieraient les villages éloignés."),
        ("关于卫星互联网的测试建议", "虚构的建议：用卫星连接偏远村庄。"),
    )  # fmt: skip
    made["quake"] = _statement(
        "test-quake", D(2020, 5, 23), "proposal", s2020, [safety],
        ("Test proposal on earthquake warnings", "Made-up: phones should receive earthquake warnings within seconds."),
        ("Proposition de test sur l'alerte aux séismes",
         "Inventé : les téléphones recevraient l'alerte sismique en quelques secondes."),
        ("关于地震预警的测试建议", "虚构：手机应在数秒内收到地震预警。"),
    )  # fmt: skip
    made["econ"] = _statement(
        "test-econ", D(2019, 3, 6), "speech", s2019, [economy],
        ("Test speech on the digital economy", "A made-up speech: the digital economy needs small firms."),
        ("Discours de test sur l'économie numérique",
         "Un discours inventé : l'économie numérique a besoin des petites entreprises."),
        ("关于数字经济的测试发言", "虚构的发言：数字经济需要小企业。"),
    )  # fmt: skip
    made["xiaomi"] = _statement(
        "test-xiaomi", D(2021, 3, 7), "remarks", s2021, [economy],
        ("Test remarks on Xiaomi phones", "Made-up remarks: Xiaomi will build 5G phones and AIoT devices, 105 models."),
        ("Remarques de test sur les téléphones Xiaomi",
         "Remarques inventées : Xiaomi fabriquera des téléphones 5G et des objets AIoT, 105 modèles."),
        ("关于小米手机的测试谈话", "虚构的谈话：小米将制造5G手机和AIoT设备，共105款。"),
    )  # fmt: skip
    made["elevee"] = _statement(
        "test-elevee", D(2021, 3, 8), "proposal", s2021, [economy],
        ("Test proposal on high growth", "Made-up: the real economy should keep high growth."),
        ("Proposition de test sur une croissance élevée", "Inventé : l'économie réelle doit garder une croissance élevée."),
        ("关于高速增长的测试建议", "虚构：实体经济应保持高速增长。"),
    )  # fmt: skip
    made["satbody"] = _statement(
        "test-satbody", D(2019, 3, 7), "remarks", s2019, [space],
        ("Test remarks on rockets", "Made-up remarks: rockets will launch a satellite next year."),
        ("Remarques de test sur les fusées", "Remarques inventées : des fusées lanceront un satellite l'an prochain."),
        ("关于火箭的测试谈话", "虚构的谈话：火箭明年将发射一颗卫星。"),
    )  # fmt: skip
    made["quote"] = _statement(
        "test-quote", D(2020, 5, 24), "quote", s2020, [space],
        ("Test quote: the internet from space", 'Made-up quote: "Satellite internet is for everyone."'),
        ("Citation de test : l'internet depuis l'espace", "Citation inventée : « L'internet par satellite est pour tous. »"),
        ("测试引语：来自太空的互联网", "虚构的引语：“卫星互联网属于每一个人。”"),
        parent=made["sat"], text_zh_hans="卫星互联网属于每一个人。", provenance_zh_hans="original",
    )  # fmt: skip
    made["encars"] = _statement(
        "test-encars", D(2021, 3, 9), "proposal", s2021, [],
        ("Test proposal on electric cars", "Made-up: electric cars need charging stations."),
    )  # fmt: skip
    made["carszh"] = _statement(
        "test-carszh", D(2020, 5, 25), "proposal", s2020, [],
        ("Test proposal on smart cars", "Made-up: smart cars and data security."),
        zh=("关于智能汽车的测试建议", "虚构：智能汽车与数据安全。"),
    )  # fmt: skip
    made["village"] = _statement(
        "test-village", D(2019, 3, 8), "proposal", s2019, [safety],
        ("Test proposal on rural schools", "Made-up: remote villages need schools and the internet."),
        ("Proposition de test sur les écoles rurales", "Inventé : les villages éloignés ont besoin d'écoles et d'internet."),
        ("关于乡村学校的测试建议", "虚构：偏远村庄需要学校和互联网。"),
    )  # fmt: skip
    made["draft"] = _statement(
        "test-draft", D(2020, 5, 26), "proposal", s2020, [space],
        ("Test draft on quasars and satellite internet", "Made-up draft about quasars, satellites and earthquakes."),
        ("Brouillon de test sur les quasars", "Brouillon inventé : quasars, satellites, séismes et économie."),
        ("关于类星体的测试草稿", "虚构的草稿：类星体、卫星、地震和小米。"),
        status="draft",
    )  # fmt: skip
    return made
