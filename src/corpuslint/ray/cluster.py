"""Connecting to a Ray cluster, or starting a local one for the run."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import ray
from ray.data import DataContext

# A local cluster started for one run: no dashboard, and an object store sized for features and
# packed documents on their way to the driver (Ray spills past it), not 30 % of the machine.
LOCAL_OBJECT_STORE = 1 << 30


def cluster_cpus() -> int:
    return max(1, int(ray.cluster_resources().get("CPU", 1)))


def configure_data() -> None:
    """Ray Data settings the engine relies on: blocks keep their order through every operator
    (findings come out in the local engine's order), and progress bars only on a terminal."""
    logging.getLogger("ray.data").setLevel(logging.WARNING)  # no per-dataset execution plans
    ctx = DataContext.get_current()
    ctx.execution_options.preserve_order = True
    ctx.enable_progress_bars = sys.stderr.isatty()


@contextmanager
def connected(address: str | None = None, *, num_cpus: int | None = None) -> Iterator[None]:
    """Inside: connected to the cluster at ``address`` (else ``RAY_ADDRESS``), or to a local
    cluster started here and shut down on leaving. An existing connection is used as it is."""
    if ray.is_initialized():
        configure_data()
        yield
        return
    address = address or os.environ.get("RAY_ADDRESS") or None
    if address:
        ray.init(address=address, logging_level="warning", log_to_driver=False)
    else:
        ray.init(num_cpus=num_cpus, include_dashboard=False, object_store_memory=LOCAL_OBJECT_STORE,
                 logging_level="warning", log_to_driver=False)
    try:
        configure_data()
        yield
    finally:
        ray.shutdown()
