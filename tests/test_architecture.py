"""The architecture contracts of ../shared/DESIGN.md (import-linter, configured in pyproject.toml) hold, and they
are not decoration: an import that breaks one makes `lint-imports` fail."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports() -> subprocess.CompletedProcess:
    return subprocess.run([LINT_IMPORTS, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_the_contracts_hold_and_a_broken_one_is_caught():
    result = lint_imports()
    assert result.returncode == 0, result.stdout[-2000:]
    assert "0 broken" in result.stdout
    probe = ROOT / "communities" / "_contract_probe.py"
    probe.write_text("import learning.models  # communities must never import learning\n")
    try:
        broken = lint_imports()
    finally:
        probe.unlink()
    assert broken.returncode != 0
    assert "Communities and learning do not import each other BROKEN" in broken.stdout
