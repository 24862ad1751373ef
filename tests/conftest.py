import os

import pytest

from .reporting_fixtures import health_report, regime  # noqa: F401  (shared fixtures)

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, never a downloaded browser; flags keep it off the (closed) network."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"],
    }


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # Real hashing costs ~0.3 s a user; the tests are not about password strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_collection_modifyitems(config, items):
    if not os.path.exists(CHROMIUM):
        skip = pytest.mark.skip(reason="Debian chromium is not installed (./test.sh installs it)")
        for item in items:
            if "browser" in item.keywords:
                item.add_marker(skip)


@pytest.fixture
def cast(db):
    from .cast import make_cast

    return make_cast()


@pytest.fixture
def demo_data(db):
    """The whole Lai Châu demo (reference data, the founding directive, users, 2013–2014 reports)."""
    from chidao.web.demo import load_demo

    load_demo(log=lambda *args: None)
