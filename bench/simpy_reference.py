#!/usr/bin/python3
"""The reference model in SimPy (Debian 12 ships SimPy 2.3.1 as python3-simpy): 1,000 independent
single-instance components, exponential failures (mean 1,000 h) and repairs (mean 4 h), 10 simulated
years, total downtime. Prints events, seconds and events per second as one JSON line."""
import json
import random
import sys
import time

from SimPy.Simulation import Process, activate, hold, initialize, now, simulate

COMPONENTS = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
YEARS = float(sys.argv[2]) if len(sys.argv) > 2 else 10.0
MTBF, MTTR = 1000.0, 4.0
HORIZON = YEARS * 8760.0
events = 0
downtime = 0.0


class Component(Process):
    def life(self, rng):
        global events, downtime
        while True:
            yield hold, self, rng.expovariate(1.0 / MTBF)
            events += 1
            repair = rng.expovariate(1.0 / MTTR)
            downtime += min(repair, HORIZON - now())
            yield hold, self, repair
            events += 1


def main():
    rng = random.Random(1)
    initialize()
    for _ in range(COMPONENTS):
        c = Component()
        activate(c, c.life(rng))
    start = time.perf_counter()
    simulate(until=HORIZON)
    seconds = time.perf_counter() - start
    print(json.dumps({"engine": "SimPy 2.3.1", "events": events, "seconds": seconds,
                      "events_per_second": events / seconds, "downtime_hours": downtime}))


if __name__ == "__main__":
    main()
