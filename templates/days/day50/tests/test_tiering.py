import pytest

from shop.tiering import LARGE, SMALL, escalation_rule


def asks(model):
    return lambda body: body["model"] == model


@pytest.mark.parametrize(
    ("reply", "rule"),
    [
        ("ESCALATE", "model_asked"),
        ("escalate: this refund needs a person", "model_asked"),
        ("   ", "empty_reply"),
        ("", "empty_reply"),
        ("Order 8 shipped on Monday.", None),
        ("We do not escalate delivery questions.", None),
    ],
)
def test_escalation_rule(reply, rule):
    assert escalation_rule(reply) == rule


def test_simple_question_stays_on_the_small_model(make_agent, llm, events):
    llm.default = "Order 8 has shipped."
    result = make_agent().run("Where is order 8?")

    assert result.answer == "Order 8 has shipped."
    assert [r["model"] for r in llm.requests] == [SMALL]
    assert [e["model"] for e in events() if e["type"] == "llm_call"] == [SMALL]


def test_small_model_escalates_and_the_large_model_answers(make_agent, llm, events):
    llm.when(asks(SMALL), "ESCALATE")
    llm.when(asks(LARGE), "A partial refund of 20% is fair here.")

    result = make_agent().run("My kettle lid broke after a week, what can you offer?")

    assert result.answer == "A partial refund of 20% is fair here."
    assert result.models == [SMALL, LARGE]
    assert [r["model"] for r in llm.requests] == [SMALL, LARGE]
    # The large model sees the question, not the small model's ESCALATE.
    assert llm.requests[1]["messages"] == llm.requests[0]["messages"]
    logged = events()
    assert [e["model"] for e in logged if e["type"] == "llm_call"] == [SMALL, LARGE]
    (escalation,) = [e for e in logged if e["type"] == "escalation"]
    assert (escalation["from_model"], escalation["to_model"]) == (SMALL, LARGE)
    assert escalation["rule"] == "model_asked"


def test_the_largest_model_has_the_last_word(make_agent, llm):
    llm.default = "ESCALATE"
    result = make_agent().run("Should we stop selling kettles?")

    assert result.stop_reason == "answered"
    assert [r["model"] for r in llm.requests] == [SMALL, LARGE]
