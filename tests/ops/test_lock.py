"""The lock files pin, with hashes, every dependency pyproject.toml names (`make lock` renews them)."""

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def normalised(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def locked(path):
    """{name: version} for every requirement in a lock file, each with at least one hash."""
    text = (ROOT / path).read_text()
    pins = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        match = re.match(r"([A-Za-z0-9_.-]+)==(\S+)", block)
        if match:
            assert "--hash=sha256:" in block, f"{match[1]} has no hash in {path}"
            pins[normalised(match[1])] = match[2]
    return pins


def declared(requirements):
    return {normalised(re.match(r"[A-Za-z0-9_.-]+", requirement)[0]) for requirement in requirements}


PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


@pytest.mark.parametrize(
    ("lock", "requirements"),
    [
        ("requirements.lock", PROJECT["dependencies"]),
        ("requirements-test.lock", PROJECT["dependencies"] + PROJECT["optional-dependencies"]["test"]),
    ],
)
def test_every_dependency_is_locked_with_hashes(lock, requirements):
    missing = declared(requirements) - set(locked(lock))
    assert not missing, f"not in {lock}: {sorted(missing)} (run `make lock`)"


def test_every_dependency_has_an_upper_bound():
    for requirement in PROJECT["dependencies"] + PROJECT["optional-dependencies"]["test"]:
        assert "<" in requirement, requirement


def test_both_lock_files_agree_on_shared_versions():
    runtime, test = locked("requirements.lock"), locked("requirements-test.lock")
    assert {name: test.get(name) for name in runtime} == runtime
