from send_guide.session_keys import SessionKeys


def test_a_new_session_has_a_random_id_and_a_key_that_resumes_it() -> None:
    keys = SessionKeys(b"s" * 32)
    first, second = keys.new_session(), keys.new_session()
    assert first.id != second.id and len(first.id) == 32 and len(first.key) == 64
    assert keys.resumed(first.id, first.key) == first


def test_an_id_without_its_key_resumes_nothing() -> None:
    keys = SessionKeys(b"s" * 32)
    session, other = keys.new_session(), keys.new_session()
    for session_id, key in ((session.id, None), (session.id, "0" * 64), (session.id, other.key),
                            ("<b>x</b>", session.key), (session.id.upper(), session.key), (None, None),
                            (7, session.key)):
        assert keys.resumed(session_id, key) is None, (session_id, key)


def test_a_key_from_another_secret_resumes_nothing_and_the_same_secret_resumes_anywhere() -> None:
    session = SessionKeys(b"a" * 32).new_session()
    assert SessionKeys(b"b" * 32).resumed(session.id, session.key) is None
    assert SessionKeys(b"a" * 32).resumed(session.id, session.key) == session  # another server, same secret


def test_without_a_configured_secret_each_server_makes_its_own(monkeypatch) -> None:
    monkeypatch.delenv("SEND_GUIDE_SESSION_SECRET", raising=False)
    session = SessionKeys.from_environment().new_session()
    assert SessionKeys.from_environment().resumed(session.id, session.key) is None
    monkeypatch.setenv("SEND_GUIDE_SESSION_SECRET", "k" * 40)
    session = SessionKeys.from_environment().new_session()
    assert SessionKeys.from_environment().resumed(session.id, session.key) == session
