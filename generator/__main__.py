"""``python -m generator build --out DIR`` — the engine-free build."""

from .cli import main

main()
