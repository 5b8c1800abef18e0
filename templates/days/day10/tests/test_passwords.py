from app.passwords import hash_password, verify_password


def test_hash_is_not_the_password_and_is_salted():
    first = hash_password("correct horse battery staple")
    second = hash_password("correct horse battery staple")

    assert first.startswith("$argon2id$")
    assert "correct horse" not in first
    assert first != second, "each hash needs its own random salt"


def test_verify_accepts_only_the_right_password():
    stored = hash_password("s3cret-passw0rd")

    assert verify_password(stored, "s3cret-passw0rd") is True
    assert verify_password(stored, "s3cret-passw0rd ") is False
    assert verify_password(stored, "S3CRET-PASSW0RD") is False
    assert verify_password("not-an-argon2-hash", "s3cret-passw0rd") is False
