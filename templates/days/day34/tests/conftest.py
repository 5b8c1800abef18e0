import pytest

from tests.suite_runner import SuiteRunner


@pytest.fixture(scope="session")
def runner(tmp_path_factory):
    """Runs your suite/ against shop/ and its mutants; each run happens once per session."""
    return SuiteRunner(tmp_path_factory.mktemp("suite-runs"))
