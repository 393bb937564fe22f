from __future__ import annotations

import os
from unittest import mock

from django.core.exceptions import ImproperlyConfigured
from django.test import SimpleTestCase

from kshamta.core.env import env_bool, env_choice, env_int, env_list, parse_database_url


class EnvHelperTests(SimpleTestCase):
    def test_bool_accepts_the_usual_spellings_and_rejects_others(self) -> None:
        with mock.patch.dict(os.environ, {"X": "Yes"}):
            self.assertTrue(env_bool("X"))
        with mock.patch.dict(os.environ, {"X": "0"}):
            self.assertFalse(env_bool("X", default=True))
        with mock.patch.dict(os.environ, {"X": "maybe"}), self.assertRaises(ImproperlyConfigured):
            env_bool("X")

    def test_int_fails_loudly(self) -> None:
        with mock.patch.dict(os.environ, {"N": "12"}):
            self.assertEqual(env_int("N", 1), 12)
        with mock.patch.dict(os.environ, {"N": "twelve"}), self.assertRaisesMessage(ImproperlyConfigured, "N="):
            env_int("N", 1)

    def test_list_and_choice(self) -> None:
        with mock.patch.dict(os.environ, {"L": "a.gov.in, b.nic.in ,"}):
            self.assertEqual(env_list("L"), ["a.gov.in", "b.nic.in"])
        with mock.patch.dict(os.environ, {"C": "pigeon"}), self.assertRaises(ImproperlyConfigured):
            env_choice("C", ("console", "smtp"), "console")

    def test_database_urls(self) -> None:
        pg = parse_database_url("postgres://postgres:s%40cret@127.0.0.1:5432/test")
        self.assertEqual(
            (pg["ENGINE"], pg["NAME"], pg["USER"], pg["PASSWORD"], pg["HOST"], pg["PORT"]),
            ("django.db.backends.postgresql", "test", "postgres", "s@cret", "127.0.0.1", "5432"),
        )
        self.assertEqual(parse_database_url("sqlite:///var/x.sqlite3")["NAME"], "var/x.sqlite3")
        self.assertEqual(parse_database_url("sqlite:////srv/kshamta/x.sqlite3")["NAME"], "/srv/kshamta/x.sqlite3")
        with self.assertRaises(ImproperlyConfigured):
            parse_database_url("mysql://root@localhost/x")
        with self.assertRaises(ImproperlyConfigured):
            parse_database_url("postgres://localhost/")
