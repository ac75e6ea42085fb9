"""Curated knowledge data (places, actors, leaders, titles, lexicons), shipped as package data."""
