"""The retry policy's public knobs: attempts, the longest server-given wait, the backoff."""

from __future__ import annotations

import httpx
import pytest

import telnyx_oauth
from telnyx_oauth import RetryPolicy
from telnyx_oauth.retries import AsyncRetryTransport, RetryTransport
from tests._support.sleeps import Sleeps
from tests.unit._support import API_KEY, BASE_URL, Recorder, json_response

CLIENTS_OK = {"data": [], "meta": {"page_number": 1, "total_pages": 1}}


def _answers(*responses: httpx.Response) -> Recorder:
    queue = list(responses)
    return Recorder(lambda request: queue.pop(0) if len(queue) > 1 else queue[0])


def _connect(recorder: Recorder, sleeps: Sleeps, policy: RetryPolicy) -> object:
    mock = httpx.MockTransport(recorder)
    return telnyx_oauth.connect(
        API_KEY,
        base_url=BASE_URL,
        transport=RetryTransport(mock, policy=policy, sleep=sleeps, random=lambda: 0.0),
        async_transport=AsyncRetryTransport(
            mock, policy=policy, sleep=sleeps.asleep, random=lambda: 0.0
        ),
    )


def test_longer_wait_than_allowed_is_a_typed_error(sleeps: Sleeps) -> None:
    """A 429 asking for longer than max_retry_after_seconds raises RetryAfterTooLongError at
    once (still a RateLimitError), naming the wait asked for and the one allowed."""
    from telnyx_oauth_api.api.oauth_clients import list_oauth_clients

    recorder = _answers(json_response(429, {}, {"retry-after": "10"}))
    client = _connect(recorder, sleeps, RetryPolicy(max_retry_after_seconds=5))
    with pytest.raises(telnyx_oauth.RetryAfterTooLongError) as caught:
        list_oauth_clients.sync(client=client)  # type: ignore[arg-type]
    error = caught.value
    assert isinstance(error, telnyx_oauth.RateLimitError)
    assert (error.retry_after_seconds, error.max_retry_after_seconds) == (10.0, 5.0)
    assert error.status_code == 429
    assert "asked to wait 10 s" in str(error)
    assert "max_retry_after_seconds (5 s)" in str(error)
    assert len(recorder.requests) == 1
    assert sleeps.delays == []


async def test_longer_wait_on_503_is_a_typed_server_error(sleeps: Sleeps) -> None:
    """A 503 whose Retry-After is too long raises RetryAfterTooLongError that is also an
    InternalServerError, from async calls too."""
    from telnyx_oauth_api.api.oauth_clients import list_oauth_clients

    recorder = _answers(httpx.Response(503, headers={"retry-after": "120"}))
    client = _connect(recorder, sleeps, RetryPolicy())
    with pytest.raises(telnyx_oauth.RetryAfterTooLongError) as caught:
        await list_oauth_clients.asyncio(client=client)  # type: ignore[arg-type]
    assert isinstance(caught.value, telnyx_oauth.InternalServerError)
    assert caught.value.max_retry_after_seconds == 60.0
    assert len(recorder.requests) == 1


def test_raised_limit_honours_a_long_wait(sleeps: Sleeps) -> None:
    """With max_retry_after_seconds raised, the same long wait is honoured and retried."""
    from telnyx_oauth_api.api.oauth_clients import list_oauth_clients

    recorder = _answers(
        json_response(429, {}, {"retry-after": "120"}), json_response(200, CLIENTS_OK)
    )
    client = _connect(recorder, sleeps, RetryPolicy(max_retry_after_seconds=300))
    list_oauth_clients.sync(client=client)  # type: ignore[arg-type]
    assert sleeps.delays == [120.0]


def test_backoff_knobs(sleeps: Sleeps) -> None:
    """max_retries, initial_delay_seconds and max_delay_seconds shape the waits between 503s."""
    from telnyx_oauth_api.api.oauth_clients import list_oauth_clients

    recorder = _answers(httpx.Response(503))
    policy = RetryPolicy(max_retries=4, initial_delay_seconds=1.0, max_delay_seconds=3.0)
    client = _connect(recorder, sleeps, policy)
    with pytest.raises(telnyx_oauth.InternalServerError):
        list_oauth_clients.sync(client=client)  # type: ignore[arg-type]
    assert len(recorder.requests) == 5
    assert sleeps.delays == [1.0, 2.0, 3.0, 3.0]


def test_jitter_fraction_bounds_the_random_shortening(sleeps: Sleeps) -> None:
    """jitter_fraction=0.5 with the random source at its top shortens a wait by half."""
    from telnyx_oauth.retries import retry_delay

    policy = RetryPolicy(initial_delay_seconds=2.0, jitter_fraction=0.5)
    assert retry_delay(0, {}, 0.0, random=lambda: 1.0, policy=policy) == 1.0
    assert retry_delay(0, {}, 0.0, random=lambda: 0.0, policy=policy) == 2.0


def test_connect_takes_the_policy() -> None:
    """connect(retry_policy=...) applies the policy to the transports it builds."""
    from telnyx_oauth_api.api.oauth_clients import list_oauth_clients

    recorder = _answers(httpx.Response(503))
    policy = RetryPolicy(max_retries=3, initial_delay_seconds=0.0, max_delay_seconds=0.0)
    client = telnyx_oauth.connect(
        API_KEY, base_url=BASE_URL, transport=httpx.MockTransport(recorder), retry_policy=policy
    )
    with pytest.raises(telnyx_oauth.InternalServerError):
        list_oauth_clients.sync(client=client)
    assert len(recorder.requests) == 4


@pytest.mark.parametrize(
    ("knobs", "named"),
    [
        ({"max_retries": -1}, "max_retries"),
        ({"max_retries": 1.5}, "max_retries"),
        ({"max_retry_after_seconds": float("inf")}, "max_retry_after_seconds"),
        ({"initial_delay_seconds": -0.1}, "initial_delay_seconds"),
        ({"max_delay_seconds": float("nan")}, "max_delay_seconds"),
        ({"jitter_fraction": 1.5}, "jitter_fraction"),
    ],
)
def test_bad_knob_is_named(knobs: dict[str, float], named: str) -> None:
    """A knob out of range raises ConfigurationError naming it."""
    with pytest.raises(telnyx_oauth.ConfigurationError, match=named):
        RetryPolicy(**knobs)  # type: ignore[arg-type]


def test_max_retries_and_policy_together_are_refused() -> None:
    """connect() takes max_retries or retry_policy, not both."""
    with pytest.raises(telnyx_oauth.ConfigurationError, match="not both"):
        telnyx_oauth.connect("k", max_retries=1, retry_policy=RetryPolicy())
