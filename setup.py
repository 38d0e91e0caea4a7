"""What goes into the wheel, beyond pyproject.toml: the packages under leaderboard/ and dashboard/,
and the repository's top-level folders the installed program reads, shipped as packages inside
`leaderboard` so that `importlib.resources` finds them (leaderboard/resources.py). Computed here
because pyproject.toml cannot both discover packages and map folders to packages."""

from setuptools import find_namespace_packages, setup

# Folder in the repository -> package in the wheel. Keep in sync with leaderboard/resources.py.
SHIPPED = {"leaderboard.migrations": "migrations", "leaderboard.seed_registry": "seed/registry"}

setup(
    packages=[
        *find_namespace_packages(
            include=["leaderboard", "leaderboard.*", "dashboard", "dashboard.*"], exclude=["*.__pycache__"]
        ),
        *SHIPPED,
        "leaderboard.migrations.versions",
    ],
    package_dir=SHIPPED,
)
