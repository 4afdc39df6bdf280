"""``python -m generator …`` — the agenda command (``python -m generator bouw --out MAP``: the engine-free build)."""

from generator.werkstroom.cli import main

main()
