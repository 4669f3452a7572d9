from send_guide.message_rate import BURST, REFILL_SECONDS, MessageAllowance


def test_a_burst_then_one_message_per_refill() -> None:
    allowance = MessageAllowance()
    assert all(allowance.take(0.0) for _ in range(BURST))
    assert not allowance.take(0.0)
    assert not allowance.take(REFILL_SECONDS * 0.9)
    assert allowance.take(REFILL_SECONDS * 1.01)
    assert not allowance.take(REFILL_SECONDS * 1.02)


def test_a_quiet_connection_gets_its_burst_back_but_no_more() -> None:
    allowance = MessageAllowance()
    for _ in range(BURST):
        allowance.take(0.0)
    later = REFILL_SECONDS * BURST * 10
    assert sum(allowance.take(later) for _ in range(BURST * 2)) == BURST
