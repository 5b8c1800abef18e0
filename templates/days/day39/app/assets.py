"""Static files of the shop's front end.

A build tool names each bundle after a hash of its content (`app.3f9a1c2e.js`): a new build gets
a new name, so the old name's bytes never change. Entry points (`index.html`) keep their name.
"""

ASSETS: dict[str, bytes] = {
    "app.3f9a1c2e.js": b"console.log('shop front end');\n",
    "styles.8b1d0e44.css": b"body { font-family: sans-serif; }\n",
    "index.html": (
        b"<!doctype html><title>Shop</title>"
        b'<link rel="stylesheet" href="/static/styles.8b1d0e44.css">'
        b'<script src="/static/app.3f9a1c2e.js"></script>\n'
    ),
    "robots.txt": b"User-agent: *\nAllow: /\n",
}
