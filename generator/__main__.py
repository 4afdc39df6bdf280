"""``python -m generator build --out DIR`` — the engine-free build."""

from generator.werkstroom.cli import main

main()
