"""regioagenda: docs-as-code for the uitvoeringsagenda of a Dutch youth-care region.

Installed as the module ``regioagenda`` (its source lies in the repository's ``generator/`` folder). The core
(records, model, composition) knows nothing of MkDocs; ``regioagenda.publiceren`` adapts it to the engine.
"""
