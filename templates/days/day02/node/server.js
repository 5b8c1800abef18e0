// Day 2, second language: the service of app/main.py again, in Node.js, with no framework and no
// dependencies (only the built-in node:http and node:crypto modules). The tests in tests/ send
// the same requests to both and expect the same answers.
//
//   node node/server.js                # listens on http://127.0.0.1:3000
//   PORT=0 node node/server.js         # any free port; the first line printed names it
//   curl -i http://127.0.0.1:3000/hello/Ada
//
// Here routing, validation, JSON encoding and the request id are written by hand: that is the
// work FastAPI does for you in app/main.py.
"use strict";

const http = require("node:http");
const { randomUUID } = require("node:crypto");

const SERVICE_NAME = "hello-backend";
const REQUEST_ID_HEADER = "X-Request-Id";

// The same rules as app/main.py. RegExp.test() looks for a match anywhere in the string, so the
// patterns are anchored with ^ and $ to cover the whole value.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const NAME_PATTERN = /^[A-Za-z]+(?:['-][A-Za-z]+)*$/;
const NAME_MAX_LENGTH = 40;

// The spellings FastAPI accepts for a bool query parameter; any other value is a 422.
const TRUE_WORDS = new Set(["true", "1", "yes", "on", "t", "y"]);
const FALSE_WORDS = new Set(["false", "0", "no", "off", "f", "n"]);

function sendJson(res, status, body) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(payload),
  });
  res.end(payload);
}

// A 422 shaped like FastAPI's: a list of problems, each saying where it was found.
function invalid(res, loc, msg) {
  sendJson(res, 422, { detail: [{ loc, msg }] });
}

// Kept while a route is unfinished: 501 Not Implemented, so a client knows what is missing.
function notImplemented(res, todo) {
  sendJson(res, 501, { detail: todo });
}

// A fresh, unique request id: 32 hexadecimal characters, like uuid.uuid4().hex in Python.
function newRequestId() {
  return randomUUID().replaceAll("-", "");
}

// Runs before every route: put an X-Request-Id header on the response. Echo the client's
// x-request-id when SAFE_REQUEST_ID accepts it; otherwise (missing, too long, odd characters)
// use newRequestId().
function setRequestId(req, res) {
  // BEGIN SOLUTION
  const incoming = req.headers["x-request-id"] ?? "";
  const requestId = SAFE_REQUEST_ID.test(incoming) ? incoming : newRequestId();
  res.setHeader(REQUEST_ID_HEADER, requestId);
  // STARTER: // TODO(day02): echo a safe x-request-id, or a new one, with res.setHeader(...)
  // END SOLUTION
}

// GET /  ->  {"message": "Hello, backend!", "service": SERVICE_NAME}
function root(res) {
  // BEGIN SOLUTION
  sendJson(res, 200, { message: "Hello, backend!", service: SERVICE_NAME });
  // STARTER: notImplemented(res, "TODO(day02): return the greeting message");
  // END SOLUTION
}

// GET /hello/{name}  ->  {"greeting": "Hello, Ada!", "name": "Ada"}; ?shout=true: upper case.
// rawName is still percent-encoded ("O%27Neil"). Invalid names (NAME_PATTERN, NAME_MAX_LENGTH)
// and invalid shout values get a 422 whose loc is ["path", "name"] or ["query", "shout"].
function hello(res, rawName, query) {
  // BEGIN SOLUTION
  let name;
  try {
    name = decodeURIComponent(rawName);
  } catch {
    name = "";
  }
  if (name.length > NAME_MAX_LENGTH || !NAME_PATTERN.test(name)) {
    invalid(res, ["path", "name"], "a name is 1 to 40 letters, joined by single - or '");
    return;
  }
  const shoutWord = (query.get("shout") ?? "false").toLowerCase();
  if (!TRUE_WORDS.has(shoutWord) && !FALSE_WORDS.has(shoutWord)) {
    invalid(res, ["query", "shout"], "shout must be a boolean");
    return;
  }
  const greeting = `Hello, ${name}!`;
  const shout = TRUE_WORDS.has(shoutWord);
  sendJson(res, 200, { greeting: shout ? greeting.toUpperCase() : greeting, name });
  // STARTER: notImplemented(res, "TODO(day02): greet the caller by name, reject invalid names");
  // END SOLUTION
}

// GET /health  ->  {"status": "ok"}
function health(res) {
  // BEGIN SOLUTION
  sendJson(res, 200, { status: "ok" });
  // STARTER: notImplemented(res, "TODO(day02): report that the service is up");
  // END SOLUTION
}

// GET /info  ->  the same keys as app/main.py: language "javascript", runtime "node",
// framework "node:http"; both versions are the Node.js version (process.versions.node).
function info(res) {
  // BEGIN SOLUTION
  sendJson(res, 200, {
    service: SERVICE_NAME,
    language: "javascript",
    runtime: "node",
    runtime_version: process.versions.node,
    framework: "node:http",
    framework_version: process.versions.node,
  });
  // STARTER: notImplemented(res, "TODO(day02): describe the language and runtime");
  // END SOLUTION
}

// The router: what FastAPI's decorators do for you.
const server = http.createServer((req, res) => {
  setRequestId(req, res);
  const url = new URL(req.url, "http://localhost");
  if (req.method !== "GET") {
    res.setHeader("Allow", "GET");
    sendJson(res, 405, { detail: "Method Not Allowed" });
  } else if (url.pathname === "/") {
    root(res);
  } else if (url.pathname === "/health") {
    health(res);
  } else if (url.pathname === "/info") {
    info(res);
  } else if (/^\/hello\/[^/]+$/.test(url.pathname)) {
    hello(res, url.pathname.slice("/hello/".length), url.searchParams);
  } else {
    sendJson(res, 404, { detail: "Not Found" });
  }
});

const port = Number(process.env.PORT ?? 3000);
server.listen(port, "127.0.0.1", () => {
  // The tests start this file with PORT=0 and read the port the system chose from this line.
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});

// Exit with status 0 when asked to stop (Ctrl-C, or the tests terminating the process).
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => process.exit(0));
}
