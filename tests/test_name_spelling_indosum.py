"""`name_spelling` on published IndoSum articles, as they were printed: real slips are caught, and
real people who merely resemble someone in the KB are left alone ("prefer silence to a wrong
correction"). Found by `python benchmarks/flag_rate.py --articles 400 --part dev.05.jsonl --kb ...`
and judged by reading."""
import pytest
from conftest import indosum_article

import kabar


def analyse(article_id: str, kb) -> kabar.Report:
    return kabar.analyze_article(indosum_article(article_id), kb=str(kb))


def spelling_flags(report) -> dict[str, str]:
    return {f.text: f.suggestion for f in report.flags if f.kind == "name_spelling"}


@pytest.mark.parametrize("article_id, name, right", [
    ("1490941818-pusat-riset-apple", "Airlangga Hartanto", "Airlangga Hartarto"),  # Menteri Perindustrian
    ("1498173300-hadapi-tuntutan-dua", "Agus Martowardoyo", "Agus Martowardojo"),  # Gubernur Bank Indonesia
    ("1500691500-mutasi-adalah-bentuk", "Idham Aziz", "Idham Azis"),
])
def test_real_slips_in_published_articles_are_caught(full_kb, article_id, name, right):
    assert spelling_flags(analyse(article_id, full_kb)).get(name) == right


@pytest.mark.parametrize("article_id, name", [
    ("1476228601-gugatan-petani-rembang", "Joko Prianto"),     # a Rembang farmer, not Joko Purwanto (DPR)
    ("1479657607-panglima-tni-jangan", "Kahar Muzakkar"),      # the 1950s rebel, not Kahar Muzakir (DPR)
    ("1517717700-pengedar-sabu-ini", "Slamet Riyadi"),         # "Kapolsek Tambora Kompol", not a DPR member
    ("1489650329-neraca-perdagangan", "Suhariyanto"),          # "Kepala BPS", not Supriyanto
    ("1517275800-usai-dari-bangladesh", "Marsda"),             # a rank (Marsekal Muda), not Retno Marsudi
    ("1517275800-usai-dari-bangladesh", "Tete"),               # "Tete-a-Tete" (and a city), not Teten Masduki
    ("1492622574-selamat-datang-gubernur", "Sylviana"),        # Sylviana Murni, not Elviana
])
def test_real_people_who_resemble_someone_else_are_left_alone(full_kb, article_id, name):
    assert name not in spelling_flags(analyse(article_id, full_kb))
