// Optional stretch for day 2: the same four endpoints in Node.js, with no framework and no
// dependencies (only the built-in http and crypto modules). Not tested by `bec check`.
//
//   node stretch/node/server.js          # listens on http://127.0.0.1:3000 (PORT overrides)
//   curl -i http://127.0.0.1:3000/hello/Ada
//
// Compare with app/main.py: here routing, validation, JSON encoding and the request id are all
// written by hand. That is exactly the work a framework does for you.
"use strict";

const http = require("node:http");
const { randomUUID } = require("node:crypto");

const SERVICE_NAME = "hello-backend";
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const NAME_PATTERN = /^[A-Za-z]+(?:['-][A-Za-z]+)*$/;
const NAME_MAX_LENGTH = 40;

function sendJson(res, status, body) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(payload),
  });
  res.end(payload);
}

function hello(res, rawName, query) {
  let name;
  try {
    name = decodeURIComponent(rawName);
  } catch {
    name = "";
  }
  if (name.length > NAME_MAX_LENGTH || !NAME_PATTERN.test(name)) {
    sendJson(res, 422, { detail: [{ loc: ["path", "name"], msg: "invalid name" }] });
    return;
  }
  const shout = query.get("shout") === "true";
  const greeting = `Hello, ${name}!`;
  sendJson(res, 200, { greeting: shout ? greeting.toUpperCase() : greeting, name });
}

const server = http.createServer((req, res) => {
  // Same rule as the Python middleware: echo a safe id, otherwise make a new one.
  const incoming = req.headers["x-request-id"] ?? "";
  const requestId = SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID().replaceAll("-", "");
  res.setHeader("X-Request-Id", requestId);

  const url = new URL(req.url, "http://localhost");
  if (req.method !== "GET") {
    res.setHeader("Allow", "GET");
    sendJson(res, 405, { detail: "Method Not Allowed" });
    return;
  }
  if (url.pathname === "/") {
    sendJson(res, 200, { message: "Hello, backend!", service: SERVICE_NAME });
  } else if (url.pathname === "/health") {
    sendJson(res, 200, { status: "ok" });
  } else if (url.pathname === "/info") {
    sendJson(res, 200, {
      service: SERVICE_NAME,
      language: "javascript",
      runtime: "node",
      runtime_version: process.versions.node,
      framework: "node:http",
      framework_version: process.versions.node,
    });
  } else if (url.pathname.startsWith("/hello/")) {
    hello(res, url.pathname.slice("/hello/".length), url.searchParams);
  } else {
    sendJson(res, 404, { detail: "Not Found" });
  }
});

const port = Number(process.env.PORT ?? 3000);
server.listen(port, "127.0.0.1", () => {
  console.log(`listening on http://127.0.0.1:${port}`);
});
