;; A ranking plugin: fresher documents score higher.
;; score(relevance, age_days) = relevance * 100 / (age_days + 1), logged through the host.
(module
  (import "host" "log_score" (func $log (param i32)))
  (func (export "score") (param $relevance i32) (param $age_days i32) (result i32)
    (local $score i32)
    local.get $relevance
    i32.const 100
    i32.mul
    local.get $age_days
    i32.const 1
    i32.add
    i32.div_u
    local.tee $score
    call $log
    local.get $score))
