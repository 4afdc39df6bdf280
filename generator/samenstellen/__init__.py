"""Composition: the model as a tree of Markdown pages, feeds and open data. The only room that uses Jinja."""

from regioagenda.samenstellen.paginas import Opties, Pagina, bevries, genereer, pagina_url, stel_samen

__all__ = ["Opties", "Pagina", "bevries", "genereer", "pagina_url", "stel_samen"]
