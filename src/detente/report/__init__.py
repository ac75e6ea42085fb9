"""Presenting what detente knows: terminal views and the offline HTML brief."""
