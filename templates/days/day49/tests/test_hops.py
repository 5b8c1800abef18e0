import pytest

from fakellm import FakeLLM, server_error
from shop.messages import HOP_LIMIT, QUESTION
from shop.supervisor import WRITING

# Far more questions than any hop limit here allows: if the limit does not hold, the writer's
# provider fails from then on and the test fails on its counts instead of running forever.
SAFETY_STOP = 40


@pytest.fixture
def writer_llm() -> FakeLLM:
    # A writer that does not write: it keeps asking the researcher, who keeps asking back.
    llm = FakeLLM(default="@researcher which week is this report for?")
    llm.inject(server_error(500), calls=range(SAFETY_STOP + 1, 10 * SAFETY_STOP))
    return llm


def test_ping_pong_between_agents_stops_at_the_conversation_hop_limit(
    run_report, researcher_llm, writer_llm
):
    run = run_report("kettle", max_hops=8)
    conversation = run.bus.conversation(run.report.correlation_id)
    delivered = [m for m in conversation if m.kind != HOP_LIMIT]

    # task, findings, writing task, then questions back and forth until 8 messages were sent.
    assert len(delivered) == 8
    assert [m.kind for m in delivered[3:]] == [QUESTION] * 5
    assert len(run.bus.dropped) == 1
    assert run.bus.hops(run.report.correlation_id) == 9
    assert len(writer_llm.calls) + len(researcher_llm.calls) == 2 + 6
    assert run.report.missing == [WRITING]
    assert run.report.reasons == ["hop limit reached"]


def test_hop_notice_is_caused_by_the_refused_message(run_report):
    run = run_report("kettle", max_hops=8)
    notices = [m for m in run.bus.log if m.kind == HOP_LIMIT]
    assert len(notices) == 1
    (dropped,) = run.bus.dropped
    assert notices[0].causation_id == dropped.id
    assert notices[0].correlation_id == run.report.correlation_id
    assert notices[0].recipient == "supervisor"
    assert notices[0].body["dropped"] == dropped.id


def test_each_conversation_has_its_own_hop_budget(run_report, writer_llm):
    writer_llm.default = "Weekly report."
    # A report takes exactly four messages: two reports on one bus both fit in a budget of 4.
    first, second = run_report("kettle", "backpack", max_hops=4)
    assert first.report.complete and second.report.complete
    assert first.bus.dropped == []
