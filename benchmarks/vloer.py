"""The floor: Python-Markdown plus one small Jinja template, rendering every page of a Markdown tree to HTML."""

from __future__ import annotations

import sys
from pathlib import Path

import markdown
from jinja2 import Template

SJABLOON = Template(
    '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{{ titel }}</title></head>'
    "<body><main>{{ inhoud }}</main></body></html>"
)


def main(bron: Path, doel: Path) -> int:
    md = markdown.Markdown(extensions=["tables", "admonition", "attr_list", "md_in_html", "toc"])
    aantal = 0
    for pad in sorted(bron.rglob("*.md")):
        tekst = pad.read_text(encoding="utf-8")
        html = md.reset().convert(tekst)
        titel = next((r[2:] for r in tekst.splitlines() if r.startswith("# ")), pad.stem)
        uit = doel / pad.relative_to(bron).with_suffix(".html")
        uit.parent.mkdir(parents=True, exist_ok=True)
        uit.write_text(SJABLOON.render(titel=titel, inhoud=html), encoding="utf-8")
        aantal += 1
    print(f"{aantal} pagina's")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
