"""Publishing: the composed site written safely, and the MkDocs plugin that is its adapter.

Engine-free: ``publicatie`` (build beside, check, swap), ``bouwveiligheid`` (the output folder's guard and the
atomic swap), ``lekcontrole`` and ``uitvoercontrole`` (the checks of the output), ``programmabouw`` and ``siteadres``
(what the plugin's events hand their work to), ``boom`` ('agenda bouw'), ``schoonmaak`` and ``tabellen`` (the
rendered HTML made safe and printable). MkDocs-side: ``plugin`` (event glue), ``config`` and ``mkdocsbestanden``.
"""
