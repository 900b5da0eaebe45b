#!/usr/bin/env python3
"""An open-loop load: requests sent at a fixed rate whether or not earlier ones were answered.

    open-loop.py --url http://127.0.0.1:18181 --rate 300 --seconds 20 --requests FILE

FILE holds one request per line: METHOD PATH BODY (the body may be empty), sent in turn with
the headers given by --header. Request i is sent at start + i / rate whatever the answers
before it: a keep-alive connection is reused when one is idle and a new one opened when none
is (up to --connections), so a slow answer never holds back the requests behind it (no
coordinated omission). Latency runs from the request's sending to its answer's last byte.
Prints one line: RESULT achieved-rate p50-ms p99-ms non-2xx requests late-ms, where late-ms
is how far behind its schedule the generator itself fell at worst.
"""

import argparse
import asyncio
import time


class Connection:
    def __init__(self, reader, writer):
        self.reader = reader
        self.writer = writer

    async def send(self, request):
        self.writer.write(request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        await self.reader.readexactly(length)
        return status


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--rate", type=float, required=True)
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--requests", required=True)
    parser.add_argument("--header", action="append", default=[])
    parser.add_argument("--connections", type=int, default=256)
    args = parser.parse_args()

    host, port = args.url.removeprefix("http://").rstrip("/").split(":")
    headers = "".join(f"{h}\r\n" for h in args.header)
    requests = []
    with open(args.requests) as lines:
        for line in lines:
            method, path, body = (line.rstrip("\n").split(" ", 2) + [""])[:3]
            data = body.encode()
            requests.append(
                f"{method} {path} HTTP/1.1\r\nHost: {host}:{port}\r\n{headers}Content-Length: {len(data)}\r\n\r\n".encode() + data
            )
    count = min(len(requests), int(args.rate * args.seconds))

    idle = []
    opened = 0
    latencies = []
    failures = 0
    late = 0.0
    limit = asyncio.Semaphore(args.connections)

    async def one(request):
        nonlocal opened, failures
        async with limit:
            sent = time.perf_counter()
            if idle:
                connection = idle.pop()
            else:
                opened += 1
                connection = Connection(*await asyncio.open_connection(host, int(port)))
            status = await connection.send(request)
            latencies.append(time.perf_counter() - sent)
            if not 200 <= status < 300:
                failures += 1
            idle.append(connection)

    start = time.perf_counter()
    tasks = []
    for i in range(count):
        due = start + i / args.rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        else:
            late = max(late, -delay)
        tasks.append(asyncio.create_task(one(requests[i])))
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - start

    latencies.sort()

    def percentile(p):
        return latencies[min(len(latencies) - 1, int(len(latencies) * p / 100))] * 1000

    print(f"RESULT {count / elapsed:.1f} {percentile(50):.3f} {percentile(99):.3f} {failures} {count} {late * 1000:.1f}")
    print(f"connections opened: {opened}", flush=True)


asyncio.run(main())
