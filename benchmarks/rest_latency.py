"""`make bench`: how fast and how heavy the assistant is, end to end over the REST channel.

Starts a private deployment (temporary data folder, free ports) exactly as `bot run` does, then
1. one user sends messages one after another (latency per message: median, p95),
2. ten users send at once (throughput and p95 under load),
3. reads the resident memory of each process and the time the stack took to start.
Repeat runs differ with the machine's load: compare medians and ratios, not single numbers.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import time

import psutil

from benchmarks.deployment import private_deployment
from bot.rasa_client import RasaClient
from bot.settings import REPO_ROOT, Settings
from bot.stack import Stack

MESSAGES = ["halo", "bisa bantu apa?", "saya umkm", "makasih", "resep rendang", "dadah"]
SEQUENTIAL_ROUNDS = 40  # 240 messages
CONCURRENT_USERS = 10
CONCURRENT_ROUNDS = 5  # 10 users x 6 messages x 5 = 300 messages
RESULTS = REPO_ROOT / "results" / "bench.json"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def timed_conversation(client: RasaClient, sender: str, rounds: int) -> list[float]:
    latencies = []
    for _ in range(rounds):
        for message in MESSAGES:
            start = time.perf_counter()
            replies = await client.texts(sender, message)
            latencies.append(time.perf_counter() - start)
            if not replies:
                raise RuntimeError(f"no reply to {message!r}")
    return latencies


async def measure(settings: Settings) -> dict[str, object]:
    async with RasaClient(settings.rasa_url, timeout_s=120) as client:
        await timed_conversation(client, "warmup", 1)
        sequential = await timed_conversation(client, "bench-seq", SEQUENTIAL_ROUNDS)
        start = time.perf_counter()
        batches = await asyncio.gather(
            *(
                timed_conversation(client, f"bench-{i}", CONCURRENT_ROUNDS)
                for i in range(CONCURRENT_USERS)
            )
        )
        elapsed = time.perf_counter() - start
    concurrent = [latency for batch in batches for latency in batch]
    return {
        "sequential": {
            "messages": len(sequential),
            "median_ms": round(statistics.median(sequential) * 1000, 1),
            "p95_ms": round(percentile(sequential, 0.95) * 1000, 1),
        },
        "concurrent": {
            "users": CONCURRENT_USERS,
            "messages": len(concurrent),
            "messages_per_s": round(len(concurrent) / elapsed, 1),
            "median_ms": round(statistics.median(concurrent) * 1000, 1),
            "p95_ms": round(percentile(concurrent, 0.95) * 1000, 1),
        },
    }


def resident_mb(stack: Stack) -> dict[str, float]:
    usage = {}
    for service in stack.services:
        assert service.process is not None
        root = psutil.Process(service.process.pid)
        rss = sum(p.memory_info().rss for p in [root, *root.children(recursive=True)])
        usage[service.name] = round(rss / 2**20, 1)
    return usage


def main() -> None:
    with private_deployment() as deployment:
        results = asyncio.run(measure(deployment.settings))
        results["startup_s"] = deployment.startup_s
        results["resident_mb"] = resident_mb(deployment.stack)
    results["machine"] = {"cpus": os.cpu_count()}
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))
    print(f"Ditulis ke {RESULTS.relative_to(REPO_ROOT)}")


if __name__ == "__main__":
    main()
