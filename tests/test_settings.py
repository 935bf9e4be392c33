"""Settings come from the environment; production refuses to start without a secret and passes check --deploy;
sessions follow the cache when it is shared, so every instance reads the same ones."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import Client, override_settings

from portal.embedded_elasticsearch import DEFAULT_URL, resolve_url
from tests.factories import make_user

ROOT = Path(__file__).resolve().parents[1]
REDIS = "redis://127.0.0.1:6379/7"  # named, never connected to: settings only read the URL
PRODUCTION_ENV = {
    "SECRET_KEY": "k" * 20 + "a-production-like-secret-9f8e7d6c5b4a3",
    "ALLOWED_HOSTS": "portal.example.org",
    "DATABASE_URL": "postgres://portal@db.example.org:5432/portal",
    "ELASTICSEARCH_URL": "http://search.example.org:9200",
}
PROBE = """
import json, django
from django.conf import settings
django.setup()
db = settings.DATABASES["default"]
print(json.dumps({
    "engine": db["ENGINE"], "name": str(db["NAME"]), "debug": settings.DEBUG,
    "es_urls": settings.WAGTAILSEARCH_BACKENDS["default"]["URLS"],
    "es_backend": settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"],
    "prefix": settings.WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"],
    "secret": settings.SECRET_KEY, "hosts": settings.ALLOWED_HOSTS,
    "static": settings.STORAGES["staticfiles"]["BACKEND"],
    "whitenoise": "whitenoise.middleware.WhiteNoiseMiddleware" in settings.MIDDLEWARE,
    "session": settings.SESSION_ENGINE, "cache": settings.CACHES["default"]["BACKEND"],
}))
"""


def clean_env(**extra):
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DATABASE_URL",
            "ELASTICSEARCH_URL",
            "SECRET_KEY",
            "DEBUG",
            "ALLOWED_HOSTS",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
            "CACHE_URL",
            "SESSION_BACKEND",
        }
    }
    env.update(extra)
    return env


def probe(module, **env):
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=clean_env(DJANGO_SETTINGS_MODULE=module, **env),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_dev_defaults_are_sqlite_under_var_and_the_elasticsearch7_backend():
    found = probe("portal.settings.dev")
    assert found["engine"] == "django.db.backends.sqlite3"
    assert found["name"] == str(ROOT / "var" / "db.sqlite3")
    assert found["es_backend"] == "wagtail.search.backends.elasticsearch7"
    assert found["debug"] is True
    assert found["prefix"] == "portal_dev_"


def test_dev_secret_key_is_generated_once_and_kept_under_var():
    first, second = probe("portal.settings.dev"), probe("portal.settings.dev")
    assert first["secret"] == second["secret"] == (ROOT / "var" / "secret_key").read_text().strip()
    assert len(first["secret"]) >= 50


def test_environment_overrides_database_and_elasticsearch():
    found = probe(
        "portal.settings.dev",
        DATABASE_URL="postgres://someone@127.0.0.1:5432/portal",
        ELASTICSEARCH_URL="http://search.internal:9201/",
        DEBUG="false",
    )
    assert found["engine"] == "django.db.backends.postgresql"
    assert found["name"] == "portal"
    assert found["es_urls"] == ["http://search.internal:9201"]
    assert found["debug"] is False


def test_test_runs_use_their_own_index_prefix(settings):
    assert settings.SEARCH_INDEX_PREFIX.startswith("test_")
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] == settings.SEARCH_INDEX_PREFIX


def test_elasticsearch_url_resolution_order(tmp_path):
    assert resolve_url(tmp_path, environ={}) == DEFAULT_URL
    (tmp_path / "url").write_text("http://127.0.0.1:9203\n")
    assert resolve_url(tmp_path, environ={}) == "http://127.0.0.1:9203"
    assert resolve_url(tmp_path, environ={"ELASTICSEARCH_URL": "https://es.example.org/"}) == "https://es.example.org"


def test_production_requires_a_secret_key():
    env = clean_env(DJANGO_SETTINGS_MODULE="portal.settings.production", ALLOWED_HOSTS="portal.example.org")
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_uses_whitenoise_and_the_given_environment():
    found = probe("portal.settings.production", **PRODUCTION_ENV)
    assert found["debug"] is False
    assert found["hosts"] == ["portal.example.org"]
    assert found["engine"] == "django.db.backends.postgresql"
    assert found["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert found["whitenoise"] is True
    assert found["es_urls"] == ["http://search.example.org:9200"]


@pytest.mark.parametrize("extra", [{}, {"DEBUG": "true"}])
def test_production_check_deploy(extra):
    """With proper values there is nothing to warn about; DEBUG on in production is reported."""
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=clean_env(DJANGO_SETTINGS_MODULE="portal.settings.production", **PRODUCTION_ENV, **extra),
    )
    if extra:
        assert result.returncode != 0 and "DEBUG" in result.stderr
    else:
        assert result.returncode == 0, result.stderr
        assert "WARNINGS" not in result.stderr + result.stdout


# -- sessions ------------------------------------------------------------------------------------------------------
def test_sessions_stay_in_the_database_without_a_shared_cache():
    found = probe("portal.settings.dev")
    assert found["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert found["session"] == "django.contrib.sessions.backends.db"


@pytest.mark.parametrize(("chosen", "engine"), [(None, "cached_db"), ("cache", "cache"), ("db", "db")])
def test_with_a_shared_cache_sessions_are_read_from_it_unless_told_otherwise(chosen, engine):
    extra = {"SESSION_BACKEND": chosen} if chosen else {}
    found = probe("portal.settings.production", **PRODUCTION_ENV, CACHE_URL=REDIS, **extra)
    assert found["cache"] == "portal.pagecache.redis.PooledClientRedisCache"  # Django's, one client per pool
    assert found["session"] == f"django.contrib.sessions.backends.{engine}"


@pytest.mark.parametrize("chosen", ["cache", "cached_db", "file"])
def test_a_session_engine_the_cache_cannot_serve_is_refused(chosen):
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=clean_env(DJANGO_SETTINGS_MODULE="portal.settings.dev", SESSION_BACKEND=chosen),
        timeout=60,
    )
    assert result.returncode != 0
    assert "SESSION_BACKEND" in result.stderr


def signed_in(client) -> bool:
    return client.get("/accounts/login/").wsgi_request.user.is_authenticated


@pytest.mark.django_db
@pytest.mark.parametrize("engine", ["cached_db", "cache"])
def test_a_session_written_by_one_instance_is_read_by_another(engine):
    """Two clients stand for two instances sharing the cache: the login one wrote is read by the other, from the
    cache (its database row gone); with cached_db the database row alone also serves, when the cache lost it."""
    make_user("rosa")
    with override_settings(SESSION_ENGINE=f"django.contrib.sessions.backends.{engine}"):
        first = Client()
        assert first.post("/accounts/login/", {"username": "rosa", "password": "pw"}).status_code == 302
        key = first.cookies["sessionid"].value
        other = Client()
        other.cookies["sessionid"] = key
        stored = Session.objects.filter(session_key=key)
        assert stored.exists() == (engine == "cached_db")
        row = list(stored)
        stored.delete()
        assert signed_in(other)  # from the cache
        if engine == "cached_db":
            Session.objects.bulk_create(row)
            cache.clear()
            assert signed_in(other)  # from the database
        cache.clear()
        assert signed_in(other) == (engine == "cached_db")
