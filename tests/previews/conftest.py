from tests.tourism.conftest import south_taihang  # noqa: F401 - shared fixture
