import random

import pytest

from shop.messages import RESEARCHER, RESULT, SUPERVISOR, TASK, WRITER, caused_by, start
from shop.trace import BrokenTrace, build_trace, render_trace


def a_conversation():
    task = start(SUPERVISOR, RESEARCHER, TASK, {})
    findings = caused_by(task, RESEARCHER, SUPERVISOR, RESULT, {})
    write = caused_by(findings, SUPERVISOR, WRITER, TASK, {})
    report = caused_by(write, WRITER, SUPERVISOR, RESULT, {})
    return [task, findings, write, report]


def test_trace_is_rebuilt_from_shuffled_messages():
    messages = a_conversation()
    shuffled = messages[:]
    random.Random(7).shuffle(shuffled)
    assert shuffled != messages

    trace = build_trace(shuffled, messages[0].correlation_id)

    assert [m for _, m in trace] == messages
    assert [depth for depth, _ in trace] == [0, 1, 2, 3]


def test_siblings_come_right_after_their_cause_in_log_order():
    task = start(SUPERVISOR, RESEARCHER, TASK, {})
    first = caused_by(task, RESEARCHER, SUPERVISOR, RESULT, {"n": 1})
    second = caused_by(task, RESEARCHER, SUPERVISOR, RESULT, {"n": 2})
    child = caused_by(first, SUPERVISOR, WRITER, TASK, {})

    trace = build_trace([second, child, task, first], task.correlation_id)

    assert [(d, m.id) for d, m in trace] == [
        (0, task.id),
        (1, second.id),
        (1, first.id),
        (2, child.id),
    ]


def test_trace_ignores_other_conversations():
    mine, other = a_conversation(), a_conversation()
    trace = build_trace(other + mine, mine[0].correlation_id)
    assert [m for _, m in trace] == mine
    assert "supervisor -> researcher [task]" in render_trace(trace)


def test_trace_refuses_a_message_whose_cause_is_missing():
    messages = a_conversation()
    del messages[1]
    with pytest.raises(BrokenTrace):
        build_trace(messages, messages[0].correlation_id)


def test_a_whole_run_rebuilds_into_one_chain(run_report):
    run = run_report("kettle")
    conversation = run.bus.conversation(run.report.correlation_id)

    trace = build_trace(conversation, run.report.correlation_id)

    assert len(trace) == len(conversation) == 4
    assert [(d, m.sender, m.kind) for d, m in trace] == [
        (0, "supervisor", "task"),
        (1, "researcher", "result"),
        (2, "supervisor", "task"),
        (3, "writer", "result"),
    ]
