"""The store's write and read interface, against real SQLite and PostgreSQL databases."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from kabar.store import Store, StoreError
from store_fixtures import db_url, make_report  # noqa: F401  (db_url: fixture)


@pytest.fixture
def store(db_url):  # noqa: F811
    s = Store.open(db_url)
    yield s
    s.close()


def test_save_and_read_back_a_report(store):
    article_id = store.save_report(make_report(), "fp1", key="id:a1")
    got = store.get_article(article_id)
    assert got["article_id"] == article_id and got["title"] == "Putin tiba di Pyongyang"
    assert [e["name"] for e in got["entities"]] == ["Vladimir Putin", "Kim Jong Un", "Pyongyang"]
    assert all(isinstance(e["entity_id"], int) for e in got["entities"])
    assert store.get_article("a1")["article_id"] == article_id  # the report id works too
    assert store.get_article(9999) is None
    counts = store.summary()
    assert (counts["articles"], counts["entities"], counts["mentions"], counts["events"], counts["flags"],
            counts["quotes"]) == (1, 3, 3, 1, 1, 1)


def test_saving_the_same_key_replaces_instead_of_duplicating(store):
    first = store.save_report(make_report(), "fp1", key="id:a1")
    changed = make_report(title="Putin di Pyongyang (diperbarui)")
    changed.entities = changed.entities[:1]
    changed.events[0]["target"] = None
    second = store.save_report(changed, "fp2", key="id:a1")
    assert first == second
    counts = store.summary()
    assert (counts["articles"], counts["mentions"], counts["events"]) == (1, 1, 1)
    assert counts["entities"] == 1  # Kim and Pyongyang no longer mentioned anywhere: gone
    assert store.fingerprint_of("id:a1") == "fp2"
    assert store.known_fingerprints() == {"id:a1": "fp2"}


def test_entities_are_shared_across_articles_with_roles_over_time(store):
    store.save_report(make_report("a1", "2024-06-19"), "f1", key="id:a1")
    store.save_report(make_report("a2", "2012-05-07", title="Putin dilantik", putin_title="Perdana Menteri"),
                      "f2", key="id:a2")
    page = store.search_entities("putin")
    found = page["items"]
    assert page["total"] == 1 and len(found) == 1 and found[0]["n_articles"] == 2 and found[0]["kb_id"] == "Q7747"
    entity = store.get_entity(found[0]["entity_id"])
    assert [r["titles"] for r in entity["titles_over_time"]] == [["Perdana Menteri"], ["Presiden Rusia"]]
    assert entity["n_mentions"] == 2 and len(entity["events"]) == 2
    assert store.search_entities("KIM JONG")["items"][0]["name"] == "Kim Jong Un"
    assert store.search_entities("nobody") == {"total": 0, "items": []}
    everyone = store.search_entities("", limit=1)
    assert everyone["total"] > 1 and len(everyone["items"]) == 1


def test_list_articles_filters_and_pages(store):
    for i in range(5):
        store.save_report(make_report(f"a{i}", f"2024-06-1{i}", title=f"Berita {i}"), f"f{i}", key=f"id:a{i}")
    page = store.list_articles(limit=2, offset=1)
    assert page["total"] == 5 and [a["title"] for a in page["items"]] == ["Berita 3", "Berita 2"]
    assert page["items"][0]["n_events"] == 1 and page["items"][0]["n_flags"] == 1
    assert store.list_articles(q="berita 4")["total"] == 1
    assert store.list_articles(q="tidak ada kata ini")["total"] == 0
    putin = store.search_entities("putin")["items"][0]["entity_id"]
    assert store.list_articles(entity=putin)["total"] == 5


def test_events_by_actor_type_and_dates(store):
    store.save_report(make_report("a1", "2024-06-19"), "f1", key="id:a1")
    store.save_report(make_report("a2", "2024-05-01"), "f2", key="id:a2")
    assert store.list_events(actor="RUS")["total"] == 2
    assert store.list_events(actor="PRK")["total"] == 2  # target side matches too
    assert store.list_events(actor="RU")["total"] == 0  # a code prefix stops at a word
    assert store.list_events(actor="vladimir putin")["total"] == 2
    assert store.list_events(actor="Q7747")["total"] == 2
    assert store.list_events(actor="RUS", since="2024-06-01")["total"] == 1
    assert store.list_events(until="2024-05-01")["total"] == 1
    assert store.list_events(type="agree")["total"] == 0
    item = store.list_events(type="CONSULT", since="2024-06-01")["items"][0]
    assert (item["source_name"], item["target_name"], item["trigger"]["text"]) == ("Vladimir Putin", "Kim Jong Un", "tiba")
    with pytest.raises(ValueError, match="since '19 Juni'"):
        store.list_events(since="19 Juni")


def test_counts_per_actor_pair_and_month_count_stories_once(store):
    for i, day in enumerate(["2024-06-19", "2024-06-19", "2024-07-02"]):
        store.save_report(make_report(f"a{i}", day), f"f{i}", key=f"id:a{i}")
    with store.engine.begin() as conn:  # the two June reports are one story
        conn.execute(sa.text("UPDATE articles SET story_id = 7 WHERE doc_id IN ('a0', 'a1')"))
    counts = store.counts_by_actor_pair_month()
    assert counts == [
        {"month": "2024-06", "source": "RUS GOV", "target": "PRK GOV", "n_events": 2, "n_articles": 2, "n_stories": 1},
        {"month": "2024-07", "source": "RUS GOV", "target": "PRK GOV", "n_events": 1, "n_articles": 1, "n_stories": 1},
    ]


def test_flags_listing(store):
    article_id = store.save_report(make_report(), "f", key="id:a1")
    flags = store.list_flags(kind="name_spelling")
    assert flags["total"] == 1 and flags["items"][0]["suggestion"] == "Kim Jong-un"
    assert flags["items"][0]["article_id"] == article_id
    assert store.list_flags(kind="other")["total"] == 0
    assert store.flag_kinds() == {"name_spelling": 1}


def test_opening_twice_keeps_data_and_schema_version(db_url):  # noqa: F811
    with Store.open(db_url) as s:
        s.save_report(make_report(), "f", key="id:a1")
    with Store.open(db_url) as s:
        assert s.summary()["articles"] == 1
        with s.engine.connect() as conn:
            assert conn.scalar(sa.text("SELECT version_num FROM alembic_version")) == "0001"


def test_bad_database_location_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="nowhere"):
        Store.open(tmp_path / "nowhere" / "kabar.db")


def _open_and_count(url, times=10):
    counts = set()
    for _ in range(times):  # again and again, so that some opens meet another process's lock
        with Store.open(url) as s:
            counts.add(s.summary()["articles"])
    return counts


def test_processes_opening_a_new_database_at_once_migrate_it_once(db_url):  # noqa: F811
    # As `kabar ingest` and `kabar serve` (or a script reading the store) do; SQLite used to
    # answer "database is locked" when one switched the journal to WAL while another held a lock.
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(4) as pool:
        assert pool.map(_open_and_count, [db_url] * 8) == [{0}] * 8


def test_readers_and_writers_opening_new_sqlite_files_never_see_locked(tmp_path):
    import multiprocessing

    urls = [str(tmp_path / f"kabar{i}.db") for i in range(10)]
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        assert pool.map(_open_and_count, [url for url in urls for _ in range(4)], chunksize=1) == [{0}] * 40


def test_update_stories_groups_reports_of_one_story(store):
    others = ["Harga cabai di pasar tradisional naik menjelang Lebaran menurut pedagang setempat.",
              "Tim nasional sepak bola berlatih di Bali untuk menghadapi turnamen bulan depan.",
              "Banjir merendam ratusan rumah warga di pinggiran sungai setelah hujan deras."]
    for i, text in enumerate(others):
        report = make_report(f"x{i}", "2024-06-19", title=text.split()[0], source="lain")
        report.text = text
        store.save_report(report, "f", key=f"id:x{i}")
    for i, source in enumerate(["antara", "kompas"]):
        store.save_report(make_report(f"p{i}", f"2024-06-{19 + i}", source=source), "f", key=f"id:p{i}")
    assert store.update_stories() == 1
    (story,) = store.stories()["items"]
    assert (story["n_articles"], story["n_sources"], story["first_published"]) == (2, 2, "2024-06-19")
    assert [a["source"] for a in story["articles"]] == ["antara", "kompas"]
    assert store.list_articles(story=story["story_id"])["total"] == 2
    assert not store.has_unclustered()


def test_actor_network_by_code_or_by_entity(store):
    store.save_report(make_report("a1"), "f1", key="id:a1")
    store.save_report(make_report("a2", "2024-06-20"), "f2", key="id:a2")
    (by_code,) = store.actor_network()
    assert (by_code["source"]["id"], by_code["target"]["id"], by_code["count"]) == ("RUS GOV", "PRK GOV", 2)
    (by_entity,) = store.actor_network(by="entity")
    assert (by_entity["source"]["name"], by_entity["target"]["name"], by_entity["count"]) == \
        ("Vladimir Putin", "Kim Jong Un", 2)
    assert isinstance(by_entity["source"]["id"], int)
    assert store.actor_network(type="ASSAULT") == []
    with pytest.raises(ValueError, match="by must be"):
        store.actor_network(by="country")


def _save(store, doc_id, published, text, source="antara"):
    report = make_report(doc_id, published, title=None, source=source)
    report.text = text
    return store.save_report(report, "f-" + text[:20], key=f"id:{doc_id}")


FLOOD = "Banjir merendam ratusan rumah warga Bekasi setelah Kali Bekasi meluap akibat hujan deras semalam."
VISIT = "Presiden Rusia Vladimir Putin tiba di Pyongyang dan disambut Kim Jong Un di bandara Sunan."
PRICES = "Harga cabai rawit di pasar tradisional Surabaya naik tajam menjelang Lebaran kata pedagang."


def test_new_articles_recluster_only_the_days_around_them(store):
    _save(store, "f0", "2024-03-01", FLOOD)
    _save(store, "f1", "2024-03-02", FLOOD + " Warga mengungsi.", source="kompas")
    _save(store, "v0", "2024-06-19", VISIT)
    _save(store, "c0", "2024-06-19", PRICES)
    assert store.update_stories() == 1
    march = {s["story_id"]: [a["article_id"] for a in s["articles"]] for s in store.stories()["items"]}
    # A June report of the visit joins the June story; the March story is not touched (same id).
    _save(store, "v1", "2024-06-20", VISIT + " Keduanya berbicara.", source="kompas")
    assert store.has_unclustered()
    assert store.update_stories() == 2
    after = {s["story_id"]: [a["article_id"] for a in s["articles"]] for s in store.stories()["items"]}
    assert all(after.get(story_id) == members for story_id, members in march.items())
    june = next(s for s in store.stories()["items"] if s["first_published"] == "2024-06-19")
    assert june["n_articles"] == 2 and june["n_sources"] == 2
    assert not store.has_unclustered()
    # The whole corpus re-clustered from scratch groups the articles the same way.
    incremental = sorted(sorted(v) for v in after.values())
    assert store.update_stories(full=True) == 2
    assert sorted(sorted(a["article_id"] for a in s["articles"]) for s in store.stories()["items"]) == incremental


def test_a_rewritten_article_leaves_its_story(store):
    _save(store, "v0", "2024-06-19", VISIT)
    _save(store, "c0", "2024-06-19", PRICES)
    flood = _save(store, "f0", "2024-06-19", FLOOD)
    rewritten = _save(store, "v1", "2024-06-20", VISIT + " Keduanya berbicara.", source="kompas")
    assert store.update_stories() == 1
    # Same key, new text: the visit story is dissolved and the article joins the flood story.
    assert _save(store, "v1", "2024-06-20", FLOOD + " Warga mengungsi.", source="kompas") == rewritten
    assert store.has_unclustered()
    assert store.update_stories() == 1
    (story,) = store.stories()["items"]
    assert sorted(a["article_id"] for a in story["articles"]) == [flood, rewritten]


def test_long_names_and_urls_are_stored(store):
    report = make_report()
    report.url = "https://example.org/" + "x" * 5000
    report.entities[0].name = "Organisasi " * 300
    report.events[0]["type"] = "T" * 100
    article_id = store.save_report(report, "f", key="url:" + report.url)
    assert store.get_article(article_id)["url"] == report.url
    assert store.save_report(report, "f", key="url:" + report.url) == article_id  # same key again
