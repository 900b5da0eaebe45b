"""A client generated from the served document by openapi-python-client, the usual generator of
Python clients, works end to end: its calls are named after the operationIds, it books, reads
the booking back, receives the 409 of a taken slot as a problem, and cancels."""

import datetime
import importlib
import subprocess
import sys

import pytest


@pytest.fixture(scope="module")
def generated(mutualis, tmp_path_factory):
    folder = tmp_path_factory.mktemp("generated-client")
    subprocess.run(
        ["openapi-python-client", "generate", "--url", mutualis.url + "/openapi.json",
         "--meta", "none", "--output-path", str(folder / "mutualis_client")],
        check=True, capture_output=True, text=True, timeout=300,
    )
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module("mutualis_client")
    finally:
        sys.path.remove(str(folder))


def test_a_generated_client_books_reads_meets_a_conflict_and_cancels(mutualis, generated):
    from mutualis_client.api.bookings import cancel_booking, create_booking, get_booking
    from mutualis_client.api.resources import create_resource
    from mutualis_client.models import BookingInput, Problem, ResourceInput, ResourceKind

    coordinator = generated.AuthenticatedClient(base_url=mutualis.url, token=mutualis.coordinator_token)
    member = generated.AuthenticatedClient(base_url=mutualis.url, token=mutualis.member_token)

    resource = create_resource.sync(client=coordinator, body=ResourceInput(name="Camion frigorifique", kind=ResourceKind.EQUIPMENT, units=1))
    assert resource is not None and resource.name == "Camion frigorifique"

    tomorrow = datetime.datetime.now(datetime.timezone.utc).replace(minute=0, second=0, microsecond=0) + datetime.timedelta(days=1)
    slot = BookingInput(resource_id=resource.id, start=tomorrow, end=tomorrow + datetime.timedelta(hours=2))
    created = create_booking.sync_detailed(client=member, body=slot)
    assert created.status_code == 201, created.content
    booking = created.parsed
    assert booking.status.value == "confirmed" and booking.start == tomorrow

    read = get_booking.sync(client=member, booking_id=booking.id)
    assert read is not None and read.id == booking.id and read.end == tomorrow + datetime.timedelta(hours=2)

    taken = create_booking.sync_detailed(client=member, body=slot)
    assert taken.status_code == 409
    assert isinstance(taken.parsed, Problem) and taken.parsed.status == 409, taken.content

    cancelled = cancel_booking.sync(client=member, booking_id=booking.id)
    assert cancelled is not None and cancelled.status.value == "cancelled"
