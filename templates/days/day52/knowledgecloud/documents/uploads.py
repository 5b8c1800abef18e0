"""Reading a multipart upload as it streams in, and refusing it as soon as it is too big.

FastAPI's ``UploadFile`` parses the whole request before your handler runs: a 10 GB upload is
spooled to disk first, and only then could you look at its size. ``Content-Length`` does not help:
a client sets it to whatever it likes, or leaves it out and sends the body in chunks. So this
module reads the body chunk by chunk (``request.stream()``), feeds python-multipart's streaming
parser, and counts the file's bytes as they arrive: the moment the count passes the limit it
stops reading and the service answers 413.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import Request

# Room for the part headers and boundaries around the file, on top of the file's own limit.
ENVELOPE_BYTES = 16 * 1024


class UploadTooLarge(Exception):
    """The file (or the request around it) passed the limit."""


class BadUpload(ValueError):
    """The request is not a multipart form with one ``file`` part."""


@dataclass
class Upload:
    filename: str
    data: bytes


@dataclass
class FileSink:
    """Collects the bytes of the ``file`` part, refusing to hold more than ``max_bytes``."""

    max_bytes: int
    buffer: bytearray = field(default_factory=bytearray)

    def write(self, chunk: bytes) -> None:
        """Append a chunk of the file, or raise UploadTooLarge once the file passes max_bytes."""
        # BEGIN SOLUTION
        if len(self.buffer) + len(chunk) > self.max_bytes:
            raise UploadTooLarge(f"the file is larger than {self.max_bytes} bytes")
        self.buffer.extend(chunk)
        # STARTER: raise NotImplementedError("TODO(day52): count the file's bytes as they arrive")
        # END SOLUTION


class _FormReader:
    """python-multipart callbacks that keep the ``file`` part and ignore the others."""

    def __init__(self, sink: FileSink) -> None:
        self.sink = sink
        self.filename: str | None = None
        self._header_field = bytearray()
        self._header_value = bytearray()
        self._headers: dict[bytes, bytes] = {}
        self._in_file = False

    def callbacks(self) -> dict:
        return {
            "on_part_begin": self.on_part_begin,
            "on_header_field": lambda data, start, end: self._header_field.extend(data[start:end]),
            "on_header_value": lambda data, start, end: self._header_value.extend(data[start:end]),
            "on_header_end": self.on_header_end,
            "on_headers_finished": self.on_headers_finished,
            "on_part_data": self.on_part_data,
        }

    def on_part_begin(self) -> None:
        self._headers = {}
        self._in_file = False

    def on_header_end(self) -> None:
        self._headers[bytes(self._header_field).lower()] = bytes(self._header_value)
        self._header_field.clear()
        self._header_value.clear()

    def on_headers_finished(self) -> None:
        _, options = parse_options_header(self._headers.get(b"content-disposition", b""))
        if options.get(b"name") == b"file" and b"filename" in options:
            if self.filename is not None:
                raise BadUpload("send exactly one 'file' part")
            self.filename = options[b"filename"].decode("utf-8", errors="replace")
            self._in_file = True

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self._in_file:
            self.sink.write(data[start:end])


async def receive_upload(request: Request, max_bytes: int) -> Upload:
    """The ``file`` part of a multipart request, read as a stream with a hard size limit."""
    content_type, options = parse_options_header(request.headers.get("content-type", ""))
    if content_type != b"multipart/form-data" or not options.get(b"boundary"):
        raise BadUpload("send the document as multipart/form-data with a 'file' part")
    sink = FileSink(max_bytes)
    reader = _FormReader(sink)
    parser = MultipartParser(options[b"boundary"], reader.callbacks())
    received = 0
    async for chunk in request.stream():
        received += len(chunk)
        if received > max_bytes + ENVELOPE_BYTES:
            raise UploadTooLarge(f"the request is larger than {max_bytes} bytes plus its form")
        parser.write(chunk)
    parser.finalize()
    if reader.filename is None:
        raise BadUpload("the form has no 'file' part with a filename")
    name = reader.filename.replace("\\", "/").rsplit("/", 1)[-1].strip()
    if not name or len(name) > 255:
        raise BadUpload("the file needs a name of 1 to 255 characters")
    if not sink.buffer:
        raise BadUpload("the file is empty")
    return Upload(filename=name, data=bytes(sink.buffer))
