"""The demo people's evidence, derived from the demo content every other app loaded before this one."""

from portal.expertise.refresh import rebuild


def load(stdout=None):
    rows = rebuild()
    if stdout is not None:
        stdout.write(f"Evidenced expertise: {rows} rows.")
