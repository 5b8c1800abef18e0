import pyotp
import pytest

from app.totp import TotpVerifier, hotp, totp

SHA1_SECRET = b"12345678901234567890"
SECRETS = {
    "sha1": SHA1_SECRET,
    "sha256": b"12345678901234567890123456789012",
    "sha512": b"1234567890123456789012345678901234567890123456789012345678901234",
}
# RFC 6238, appendix B: (time, sha1, sha256, sha512), 8 digits, 30-second steps
RFC6238_VECTORS = [
    (59, "94287082", "46119246", "90693936"),
    (1111111109, "07081804", "68084774", "25091201"),
    (1111111111, "14050471", "67062674", "99943326"),
    (1234567890, "89005924", "91819424", "93441116"),
    (2000000000, "69279037", "90698825", "38618901"),
    (20000000000, "65353130", "77737706", "47863826"),
]
# RFC 4226, appendix D: HOTP of counters 0..9, 6 digits
RFC4226_VALUES = ["755224", "287082", "359152", "969429", "338314", "254676", "287922",
                  "162583", "399871", "520489"]  # fmt: skip
T = 1111111111  # step 37037037, 1 second into it


def test_hotp_matches_the_rfc4226_vectors():
    assert [hotp(SHA1_SECRET, counter) for counter in range(10)] == RFC4226_VALUES


def test_totp_matches_the_rfc6238_vectors():
    for unix_time, *codes in RFC6238_VECTORS:
        for digest, code in zip(("sha1", "sha256", "sha512"), codes, strict=True):
            assert totp(SECRETS[digest], unix_time, digits=8, digest=digest) == code


def test_totp_agrees_with_an_authenticator_app():
    app = pyotp.TOTP("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    secret = app.byte_secret()
    for unix_time in (0, 29, 30, 1_700_000_000, 1_700_000_029, 1_999_999_999):
        assert totp(secret, unix_time) == app.at(unix_time)


@pytest.fixture
def verifier():
    return TotpVerifier()


def test_codes_one_step_either_side_are_accepted(verifier):
    for offset in (-30, 0, 30):
        fresh = TotpVerifier()
        assert fresh.verify("ada", SHA1_SECRET, totp(SHA1_SECRET, T + offset), T)


def test_codes_two_steps_away_are_rejected(verifier):
    for offset in (-90, -60, 60, 90):
        assert not verifier.verify("ada", SHA1_SECRET, totp(SHA1_SECRET, T + offset), T)


def test_a_used_code_is_rejected_the_second_time(verifier):
    code = totp(SHA1_SECRET, T)
    assert verifier.verify("ada", SHA1_SECRET, code, T)
    assert not verifier.verify("ada", SHA1_SECRET, code, T + 5)
    # the same code is still a first use for another user with the same secret
    assert verifier.verify("grace", SHA1_SECRET, code, T + 5)


def test_an_older_code_after_a_newer_one_is_rejected(verifier):
    assert verifier.verify("ada", SHA1_SECRET, totp(SHA1_SECRET, T), T)
    assert not verifier.verify("ada", SHA1_SECRET, totp(SHA1_SECRET, T - 30), T)
    assert verifier.verify("ada", SHA1_SECRET, totp(SHA1_SECRET, T + 30), T + 30)


def test_wrong_and_malformed_codes_are_rejected(verifier):
    right = totp(SHA1_SECRET, T)
    wrong = str((int(right) + 1) % 10**6).zfill(6)
    for code in (wrong, "", "12345", "1234567", " " + right[1:], "abcdef"):
        assert not verifier.verify("ada", SHA1_SECRET, code, T), code
    assert verifier.verify("ada", SHA1_SECRET, right, T)
