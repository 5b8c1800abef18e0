"""The size limit is enforced on the bytes that arrive, as they arrive."""

import asyncio

import httpx

from tests.conftest import LIMIT, tenant, upload

BOUNDARY = "kc-boundary"


def form_head(filename: str) -> bytes:
    return (
        f"--{BOUNDARY}\r\n"
        f'Content-Disposition: form-data; name="file"; filename="{filename}"\r\n'
        "Content-Type: text/plain\r\n\r\n"
    ).encode()


FORM_TAIL = f"\r\n--{BOUNDARY}--\r\n".encode()
FORM_HEADERS = {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}", **tenant()}


def test_a_file_exactly_at_the_limit_is_accepted(client):
    response = upload(client, "big.txt", b"a" * LIMIT)
    assert response.status_code == 201, response.text
    assert response.json()["size_bytes"] == LIMIT


def test_one_byte_over_the_limit_is_413(client, objects):
    response = upload(client, "big.txt", b"a" * (LIMIT + 1))
    assert response.status_code == 413
    assert objects.keys() == []


def test_a_lying_content_length_does_not_get_a_big_file_in(client, objects):
    # Just over the limit: only counting the file's bytes can tell.
    body = form_head("big.txt") + b"a" * (LIMIT + 100) + FORM_TAIL
    response = client.post(
        "/api/documents", content=body, headers={**FORM_HEADERS, "Content-Length": "200"}
    )
    assert response.status_code == 413, "Content-Length is the client's claim, not a measurement"
    assert objects.keys() == []


def test_a_chunked_upload_without_content_length_is_limited_too(client, objects):
    def chunks():
        yield form_head("big.txt")
        for _ in range(LIMIT // 1024 + 1):
            yield b"a" * 1024
        yield FORM_TAIL

    response = client.post("/api/documents", content=chunks(), headers=FORM_HEADERS)
    assert response.status_code == 413
    assert objects.keys() == []


def test_reading_stops_soon_after_the_limit(app, objects):
    """The service must stop pulling the body once the file is too big, not read it all first."""
    chunk_size = 4 * 1024
    total_chunks = 1000  # 4 MB offered, 64 KB allowed
    sent = []

    async def body():
        yield form_head("big.txt")
        for _ in range(total_chunks):
            sent.append(chunk_size)
            yield b"a" * chunk_size
        yield FORM_TAIL

    async def call():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://documents") as http:
            return await http.post("/api/documents", content=body(), headers=FORM_HEADERS)

    response = asyncio.run(call())
    assert response.status_code == 413
    read = sum(sent)
    assert read <= LIMIT + 2 * chunk_size, f"read {read} bytes of the body before refusing it"
