from fakellm import server_error
from shop.messages import FAILED, RESULT, TASK
from shop.supervisor import RESEARCH, WRITING
from shop.trace import build_trace


def kinds(run):
    return [(m.sender, m.kind) for m in run.bus.conversation(run.report.correlation_id)]


def test_weekly_report_runs_research_then_writing(run_report, researcher_llm, writer_llm):
    run = run_report("kettle")

    assert run.report.complete
    assert run.report.missing == []
    assert kinds(run) == [
        ("supervisor", TASK),
        ("researcher", RESULT),
        ("supervisor", TASK),
        ("writer", RESULT),
    ]
    # The writer was sent what the researcher found, and the report is built on it.
    findings = "Findings for kettle: 3 reviews (orders 1041, 1042, 1043)."
    assert findings in writer_llm.requests[0]["messages"][1]["content"]
    assert findings in run.report.text
    assert len(researcher_llm.calls) == 2  # the search, then the findings


def test_every_message_of_a_report_shares_its_correlation_id(run_report):
    run = run_report("kettle")
    assert run.report.correlation_id
    assert len(run.bus.log) == 4
    assert {m.correlation_id for m in run.bus.log} == {run.report.correlation_id}


def test_each_reply_answers_the_message_that_caused_it(run_report):
    first, second = run_report("kettle", "backpack")
    for run, product in ((first, "kettle"), (second, "backpack")):
        conversation = run.bus.conversation(run.report.correlation_id)
        by_id = {m.id: m for m in conversation}
        assert len(conversation) == 4
        for message in conversation[1:]:
            cause = by_id[message.causation_id]
            # Whoever received the cause is the one who sent this message...
            assert message.sender == cause.recipient
            # ...and it is about the cause's product, not some other conversation's.
            assert product in message.body["text"]
        assert run.report.product == product
        assert product in run.report.text
    assert first.report.correlation_id != second.report.correlation_id


def test_failed_researcher_is_retried_and_the_retry_is_caused_by_the_failure(
    run_report, researcher_llm
):
    researcher_llm.inject(server_error(500), calls=[1])
    run = run_report("kettle")

    assert run.report.complete
    assert run.report.attempts["researcher"] == 2
    conversation = run.bus.conversation(run.report.correlation_id)
    assert [m.kind for m in conversation][:4] == [TASK, FAILED, TASK, RESULT]
    failed, retry = conversation[1], conversation[2]
    assert retry.causation_id == failed.id
    assert retry.body == conversation[0].body
    assert len(build_trace(conversation, run.report.correlation_id)) == len(conversation)


def test_researcher_that_keeps_failing_gives_a_partial_report_after_max_attempts(
    run_report, researcher_llm, writer_llm
):
    researcher_llm.inject(server_error(503))
    run = run_report("kettle", max_attempts=3)

    assert not run.report.complete
    assert run.report.missing == [RESEARCH, WRITING]
    assert run.report.attempts == {"researcher": 3}
    assert len(researcher_llm.calls) == 3
    assert writer_llm.calls == []
    assert "researcher failed 3 times" in run.report.reasons[0]
    assert "PARTIAL" in run.report.text


def test_writer_that_keeps_failing_keeps_the_findings_in_the_partial_report(run_report, writer_llm):
    writer_llm.inject(server_error(500))
    run = run_report("kettle")

    assert not run.report.complete
    assert run.report.missing == [WRITING]
    assert run.report.attempts == {"researcher": 1, "writer": 2}
    assert len(writer_llm.calls) == 2
    assert "orders 1041, 1042, 1043" in run.report.text
