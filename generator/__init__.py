"""Docs-as-code generator for a Dutch youth-care uitvoeringsagenda.

The core (loading, validation, model, composition) knows nothing of MkDocs;
``generator.plugin`` is the only module that adapts it to an engine.
"""
