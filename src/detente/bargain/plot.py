"""SVG charts of BdM bargaining: each actor's position round by round."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from detente.bargain.montecarlo import ForecastResult


def plot_trajectories(results: Sequence[ForecastResult], path: str | Path) -> Path:
    """Draw the BdM position paths of *results* (one panel per scenario dimension) to SVG."""
    import matplotlib

    matplotlib.use("Agg")  # files only: never needs a display
    import matplotlib.pyplot as plt

    panels = [(r, k) for r in results if r.trajectories for k in range(len(r.dimensions))]
    if not panels:
        raise ValueError("no BdM trajectories to plot")
    fig, axes = plt.subplots(len(panels), 1, figsize=(8, 3.2 * len(panels)), squeeze=False)
    for ax, (res, k) in zip(axes[:, 0], panels, strict=True):
        traj = res.trajectories[k]  # type: ignore[index]
        rounds = range(traj.shape[0])
        many = traj.shape[1] > 12
        for i, name in enumerate(res.actors):
            ax.plot(
                rounds,
                traj[:, i],
                lw=0.8 if many else 1.3,
                alpha=0.6 if many else 0.9,
                label=None if many else name,
            )
        dd = res.detail["dimensions"][k]
        ax.plot(rounds, dd["median"], color="black", lw=2.2, ls="--", label="weighted median")
        ax.plot(rounds, dd["mean"], color="grey", lw=1.6, ls=":", label="weighted mean")
        ax.set_title(f"{res.scenario} — {res.dimensions[k].name}", fontsize=10)
        ax.set_xlabel("round")
        ax.set_ylabel("position")
        ax.grid(alpha=0.3)
        ax.legend(fontsize=7, ncol=2, loc="best", frameon=False)
    fig.tight_layout()
    out = Path(path)
    # SVG unless the name asks for PNG (handy for quick previews).
    fig.savefig(out, format="png" if out.suffix.lower() == ".png" else "svg")
    plt.close(fig)
    return out
