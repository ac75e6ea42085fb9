"""Stages of stance extraction: triggers, holders, content units, issues, modifiers.

Each stage is a mixin of :class:`detente.extract.stances.StanceComponent`; the word lists
they share live in :mod:`.lexis` (data in ``knowledge/stances.yaml``)."""
