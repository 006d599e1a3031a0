#!/usr/bin/env python3
"""Writes a large synthetic CC-NEWS-style `.warc.gz` for memory and throughput measurements.

Seeded and deterministic: the same arguments give the same bytes. The output is NOT committed; it
is generated on demand (several minutes for 2 GB). Each WARC record is its own gzip member, as
Common Crawl writes them. About 70% of the records are HTML responses (pages of a few KB from
~200 outlets, each with its own menus, footer, newsletter pitch and "Also worth reading" list),
the rest are request and metadata records and non-HTML responses (JPEG, PDF, JSON). A few HTML
responses use chunked transfer coding and gzip content coding.

Usage: scripts/generate-big-warc.py OUT.warc.gz [--size-gb 2] [--seed 42] [--workers 2]
"""
import argparse
import gzip
import multiprocessing
import os
import random
import sys
import uuid
import zlib

SYLLABLES = ["ka", "lo", "mi", "ne", "ta", "ri", "po", "su", "an", "de", "vel", "mar", "ton", "ser",
             "gal", "bri", "cor", "dan", "ex", "fin", "hol", "ist", "jor", "kel", "lum", "nor", "par",
             "qua", "ros", "tur", "ul", "vin", "wes", "yor", "zen"]


def vocabulary(rng, size):
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4))))
    return sorted(words)


class Outlet:
    def __init__(self, rng, index, words):
        self.host = "www.%s%d.example" % (rng.choice(words), index)
        self.name = rng.choice(words).capitalize() + " " + rng.choice(["Times", "Post", "News", "Herald", "Daily"])
        self.menu = [rng.choice(words).capitalize() for _ in range(rng.randint(6, 12))]
        self.footer = "Copyright %s. All rights reserved. %s" % (
            self.name, " ".join(rng.choice(words) for _ in range(rng.randint(8, 20))))
        self.pitch = "Sign up for the %s newsletter: %s." % (
            self.name, " ".join(rng.choice(words) for _ in range(rng.randint(6, 14))))


def sentence(rng, words):
    n = rng.randint(8, 26)
    text = " ".join(rng.choices(words, k=n))
    return text[0].upper() + text[1:] + "."


def page(rng, words, outlet, number):
    title = " ".join(rng.choices(words, k=rng.randint(5, 10))).capitalize()
    slug = title.lower().replace(" ", "-")
    url = "https://%s/2024/05/%02d/%s-%d" % (outlet.host, number % 28 + 1, slug, number)
    paragraphs = ["<p>%s</p>" % " ".join(sentence(rng, words) for _ in range(rng.randint(2, 5)))
                  for _ in range(rng.randint(4, 14))]
    related = "".join('<li><a href="https://%s/r/%d">%s</a></li>' % (
        outlet.host, rng.randint(1, 10**6), " ".join(rng.choices(words, k=6))) for _ in range(5))
    menu = "".join('<li><a href="/%s">%s</a></li>' % (m.lower(), m) for m in outlet.menu)
    html = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s | %s</title>'
        '<meta property="og:title" content="%s"><meta property="og:site_name" content="%s">'
        '<meta property="article:published_time" content="2024-05-%02dT%02d:%02d:00Z">'
        '<link rel="canonical" href="%s"></head><body><header><nav><ul>%s</ul></nav></header>'
        '<main><article><h1>%s</h1><div class="byline">By %s %s</div>%s'
        '<aside class="newsletter"><p>%s</p></aside></article>'
        '<section class="related"><h2>Also worth reading</h2><ul>%s</ul></section></main>'
        '<footer><p>%s</p></footer></body></html>'
    ) % (title, outlet.name, title, outlet.name, number % 28 + 1, number % 24, number % 60, url, menu,
         title, rng.choice(words).capitalize(), rng.choice(words).capitalize(), "".join(paragraphs),
         outlet.pitch, related, outlet.footer)
    return url, html.encode("utf-8")


def warc_record(rng, kind, url, content_type, payload, date):
    headers = [
        "WARC/1.0",
        "WARC-Type: %s" % kind,
        "WARC-Date: %s" % date,
        "WARC-Record-ID: <urn:uuid:%s>" % uuid.UUID(int=rng.getrandbits(128), version=4),
        "WARC-Target-URI: %s" % url,
        "Content-Type: %s" % content_type,
        "Content-Length: %d" % len(payload),
    ]
    record = ("\r\n".join(headers) + "\r\n\r\n").encode() + payload + b"\r\n\r\n"
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
    return compressor.compress(record) + compressor.flush()


def http_response(status_headers, body):
    return ("HTTP/1.1 200 OK\r\n" + "".join(h + "\r\n" for h in status_headers) + "\r\n").encode() + body


def chunked(body, rng):
    out = b""
    i = 0
    while i < len(body):
        n = rng.randint(500, 3000)
        part = body[i:i + n]
        out += b"%x\r\n" % len(part) + part + b"\r\n"
        i += n
    return out + b"0\r\n\r\n"


def chunk_of_records(args):
    seed, chunk_index, records = args
    rng = random.Random(seed * 1_000_003 + chunk_index)
    words = vocabulary(random.Random(seed), 6000)
    outlet_rng = random.Random(seed + 1)
    outlets = [Outlet(outlet_rng, i, words) for i in range(200)]
    out = []
    for n in range(records):
        number = chunk_index * records + n
        date = "2024-05-%02dT%02d:%02d:%02dZ" % (number % 28 + 1, number % 24, number % 60, n % 60)
        roll = rng.random()
        outlet = outlets[min(int(rng.paretovariate(1.2)) - 1, len(outlets) - 1)] if rng.random() < 0.5 \
            else rng.choice(outlets)
        if roll < 0.70:
            url, body = page(rng, words, outlet, number)
            headers = ["Content-Type: text/html; charset=UTF-8", "Server: nginx"]
            if n % 50 == 0:
                body = gzip.compress(body, 6, mtime=0)
                headers.append("Content-Encoding: gzip")
            if n % 37 == 0:
                body = chunked(body, rng)
                headers.append("Transfer-Encoding: chunked")
            else:
                headers.append("Content-Length: %d" % len(body))
            out.append(warc_record(rng, "response", url, "application/http; msgtype=response", http_response(headers, body), date))
        elif roll < 0.80:
            url = "https://%s/img/%d.jpg" % (outlet.host, number)
            body = b"\xff\xd8\xff\xe0" + rng.randbytes(rng.randint(2000, 20000))
            out.append(warc_record(rng, "response", url, "application/http; msgtype=response",
                                   http_response(["Content-Type: image/jpeg", "Content-Length: %d" % len(body)], body), date))
        elif roll < 0.84:
            url = "https://%s/files/%d.pdf" % (outlet.host, number)
            body = b"%PDF-1.4\n" + rng.randbytes(rng.randint(3000, 12000))
            out.append(warc_record(rng, "response", url, "application/http; msgtype=response",
                                   http_response(["Content-Type: application/pdf", "Content-Length: %d" % len(body)], body), date))
        elif roll < 0.87:
            url = "https://%s/api/%d.json" % (outlet.host, number)
            body = ('{"id": %d, "items": [%s]}' % (number, ",".join('"%s"' % w for w in rng.choices(words, k=60)))).encode()
            out.append(warc_record(rng, "response", url, "application/http; msgtype=response",
                                   http_response(["Content-Type: application/json", "Content-Length: %d" % len(body)], body), date))
        elif roll < 0.95:
            url = "https://%s/%d" % (outlet.host, number)
            body = ("GET /%d HTTP/1.1\r\nHost: %s\r\nUser-Agent: CCBot/2.0\r\n\r\n" % (number, outlet.host)).encode()
            out.append(warc_record(rng, "request", url, "application/http; msgtype=request", body, date))
        else:
            url = "https://%s/%d" % (outlet.host, number)
            body = ("fetchTimeMs: %d\r\ncharset-detected: UTF-8\r\n" % rng.randint(10, 900)).encode()
            out.append(warc_record(rng, "metadata", url, "application/warc-fields", body, date))
    return b"".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output")
    parser.add_argument("--size-gb", type=float, default=2.0)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    target = int(args.size_gb * 1e9)
    records_per_chunk = 2000
    written = 0
    pages = 0
    with open(args.output, "wb") as out, multiprocessing.Pool(args.workers) as pool:
        info = ("software: wiretrace generate-big-warc.py\r\nformat: WARC File Format 1.0\r\n").encode()
        out.write(warc_record(random.Random(args.seed), "warcinfo", "", "application/warc-fields", info, "2024-05-01T00:00:00Z"))
        def chunks():
            index = 0
            while True:
                yield (args.seed, index, records_per_chunk)
                index += 1
        for blob in pool.imap(chunk_of_records, chunks(), chunksize=1):
            out.write(blob)
            written += len(blob)
            pages += records_per_chunk
            if written >= target:
                pool.terminate()
                break
            if pages % 100000 == 0:
                print("%d records, %.2f GB" % (pages, written / 1e9), file=sys.stderr)
    print("wrote %s: %d records, %d bytes" % (args.output, pages, os.path.getsize(args.output)), file=sys.stderr)


if __name__ == "__main__":
    main()
