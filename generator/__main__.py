"""``python -m regioagenda …`` — the agenda command (``… bouw --out MAP``: the engine-free build)."""

from regioagenda.werkstroom.cli import main

main()
