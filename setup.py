"""Build step: bundle the dashboard and the example seeds inside the package.

The source tree keeps ``dashboards/`` and ``seeds/`` at the top (``./run demo``, the tests and the
docs use them there); a built wheel copies both into ``analyzer/_bundled/`` so that ``pip install
framescope`` then ``framescope dashboard`` serves the bundled seeds. Everything else is configured
in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
#: Folder of the source tree -> the files of it a wheel carries.
BUNDLED = {
    "dashboards": ("*.py", "views/*.py"),
    "seeds": ("*.txt", "*.csv"),
}


class BuildWithBundle(build_py):
    """``build_py`` that also copies the dashboard and the seeds into ``analyzer/_bundled``."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads both from the source tree
        target = Path(self.build_lib) / "analyzer" / "_bundled"
        for folder, patterns in BUNDLED.items():
            for pattern in patterns:
                for source in sorted((ROOT / folder).glob(pattern)):
                    copy = target / folder / source.relative_to(ROOT / folder)
                    copy.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(source, copy)


setup(cmdclass={"build_py": BuildWithBundle})
