"""Tools the order agent can call."""
import subprocess
from datetime import date, timedelta

from langchain_core.tools import tool

BUSINESS_DAYS = {"standard": 5, "express": 2}


@tool
def estimate_delivery(ordered_on: str, shipping: str = "standard") -> str:
    """Estimate the latest delivery date for an order placed on ordered_on (YYYY-MM-DD)."""
    day = date.fromisoformat(ordered_on)
    remaining = BUSINESS_DAYS.get(shipping, BUSINESS_DAYS["standard"])
    while remaining > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            remaining -= 1
    return day.isoformat()


@tool
def run_diagnostics(command: str) -> str:
    """Run a diagnostic shell command on the support host and return its output."""
    result = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=30)
    return result.stdout[-4000:] + result.stderr[-1000:]
