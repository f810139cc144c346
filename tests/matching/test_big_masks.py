"""Masks use up to 62 bits: eligibility must hold for high bits too (a bare int was sent to
PostgreSQL as a 4-byte integer under server-side binding, and high bits came back as 0)."""

from django.db import connection

from tests.matching import test_ranking


def test_ranking_agrees_when_categories_use_high_bits():
    with connection.cursor() as cursor:
        cursor.execute("UPDATE accounts_experiencecategory SET id = id + 30")
    test_ranking.test_sql_ranking_agrees_with_the_scoring_function()
