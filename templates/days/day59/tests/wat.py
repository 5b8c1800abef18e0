"""Small WebAssembly modules (text format) that play well-behaved and hostile plugins."""

MULTIPLY = """
(module
  (func (export "score") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.mul))
"""

# Counts down from `a * 1000`: finite; each step costs a few units of fuel.
LONG_LOOP = """
(module
  (func (export "score") (param $a i32) (param $b i32) (result i32)
    (local $n i32)
    local.get $a
    i32.const 1000
    i32.mul
    local.set $n
    (block $done
      (loop $again
        local.get $n
        i32.eqz
        br_if $done
        local.get $n
        i32.const 1
        i32.sub
        local.set $n
        br $again))
    local.get $b))
"""

ENDLESS_LOOP = """
(module
  (func (export "score") (param i32 i32) (result i32)
    (loop $forever
      br $forever)
    i32.const 0))
"""

# Keeps a counter in a global: returns 1 on a fresh instance, more if an instance is reused.
COUNTER = """
(module
  (global $calls (mut i32) (i32.const 0))
  (func (export "score") (param i32 i32) (result i32)
    global.get $calls
    i32.const 1
    i32.add
    global.set $calls
    global.get $calls))
"""

# score(pages, _) tries to grow memory by `pages` and returns what memory.grow answered
# (the old size in pages, or -1 when refused).
GROWER = """
(module
  (memory 1)
  (func (export "score") (param $pages i32) (param i32) (result i32)
    local.get $pages
    memory.grow))
"""

BIG_MEMORY = """
(module
  (memory 64)
  (func (export "score") (param i32 i32) (result i32)
    i32.const 0))
"""

WASI_WRITER = """
(module
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory 1)
  (func (export "score") (param i32 i32) (result i32)
    i32.const 1))
"""

WRONG_MODULE_SAME_NAME = """
(module
  (import "env" "log_score" (func $log (param i32)))
  (func (export "score") (param i32 i32) (result i32)
    i32.const 1))
"""

LOGGER = """
(module
  (import "host" "log_score" (func $log (param i32)))
  (func (export "score") (param $a i32) (param $b i32) (result i32)
    local.get $a
    call $log
    local.get $b
    call $log
    local.get $a
    local.get $b
    i32.add))
"""

DIVIDES_BY_ZERO = """
(module
  (func (export "score") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.div_u))
"""

NO_SCORE = """
(module
  (func (export "rank") (param i32 i32) (result i32)
    i32.const 0))
"""
