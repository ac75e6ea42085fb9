"""Bargaining forecasts: scenarios and the spatial models analysts use.

Build a :class:`Scenario` in Python or load one from KTAB CSV / YAML, then call
:func:`forecast` with one of :data:`MODELS`::

    from detente.bargain import load_scenario, forecast
    result = forecast(load_scenario("examples/scenarios/eu_car_emissions.csv"), "bdm")
"""

from __future__ import annotations

from detente.bargain.models import MODELS, BdmOptions, ExchangeOptions, ModelOutput
from detente.bargain.montecarlo import DimensionForecast, ForecastResult, Noise, forecast
from detente.bargain.scenario import (
    Actor,
    Dimension,
    Scenario,
    ScenarioError,
    load_scenario,
    make_scenario,
    save_scenario,
)

__all__ = [
    "MODELS",
    "Actor",
    "BdmOptions",
    "Dimension",
    "DimensionForecast",
    "ExchangeOptions",
    "ForecastResult",
    "ModelOutput",
    "Noise",
    "Scenario",
    "ScenarioError",
    "forecast",
    "load_scenario",
    "make_scenario",
    "save_scenario",
]
