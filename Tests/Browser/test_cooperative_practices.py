"""The cooperatives' practices in a real browser, on the demonstration pole: a member reads
that its waiting request was booked, leaves a waitlist, joins one from a refused booking and
sees what a late cancellation will count; a coordinator records a commitment, types
cancellation tiers, retires a blackout (which books the request waiting for it), marks a
no-show and reads the report's commitments. By keyboard, axe-core clean, at 320 px."""

import datetime
import json
from zoneinfo import ZoneInfo

import pytest
from browsing import Visit, browser  # noqa: F401 (the fixture)

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture(scope="module")
def demo(mutualis):
    # A demonstration pole of its own: the coordination's tests seed theirs in the same database.
    seeded = json.loads(mutualis.admin("demo", "seed", "--name", "Pôle des pratiques (démo)", "--json"))
    resources = mutualis.api("GET", "/api/v1/resources?limit=100", token=seeded["coordinatorToken"])[1]["items"]
    by_name = {r["name"]: r for r in resources}
    return {**seeded, "resources": by_name}


def sign_in(visit, email, password):
    page = visit.page
    page.goto("/connexion")
    page.locator("#email").focus()
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    page.keyboard.type(password)
    page.keyboard.press("Enter")
    page.wait_for_url("**/")


def paris_day(days):
    return datetime.datetime.now(PARIS).date() + datetime.timedelta(days=days)


def instant(day, hour):
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=PARIS).isoformat()


def test_a_member_waits_for_a_slot_and_reads_what_it_was_told(mutualis, demo, browser):
    visit = Visit(browser, mutualis)
    page = visit.page
    sign_in(visit, demo["memberEmail"], demo["password"])

    # The demonstration's waiting request was booked when the slot was cancelled: the home page says so.
    notices = page.locator(".notices").inner_text()
    assert "Votre demande en liste d’attente est réservée : Studio de répétition" in notices, notices
    visit.shot("pratiques-accueil")
    visit.tab_to("Tous les avis").press("Enter")
    page.wait_for_url("**/avis")
    assert "Nouveau" in page.locator("main").inner_text()
    visit.shot("pratiques-avis")
    visit.tab_to("Marquer les avis comme lus", role="button").press("Enter")
    page.wait_for_url("**/avis?lus=1")
    assert "Nouveau" not in page.locator("ul.notices").inner_text()
    page.goto("/")
    assert page.locator(".notices").count() == 0

    # The other waiting request is left from the bookings page.
    page.goto("/mes-reservations")
    waiting = page.locator("#liste-attente + ul").inner_text()
    assert "en attente d’une place" in waiting and "réservée" in waiting, waiting
    visit.shot("pratiques-mes-reservations")
    with page.expect_navigation():
        visit.tab_to("Quitter la liste", role="button").press("Enter")
    assert "retirée de la liste d’attente" in page.locator("[role=status]").inner_text()
    assert "en attente d’une place" not in page.locator("#liste-attente + ul").inner_text()

    # A taken slot: the refusal offers the waitlist, and joining it lists the request.
    studio = demo["resources"]["Studio de répétition"]
    day = paris_day(4)
    page.goto(f"/reserver?resourceId={studio['id']}&date={day}&start=13:00&end=14:00")
    with page.expect_navigation():
        visit.tab_to("Vérifier la réservation", role="button").press("Enter")
    assert "déjà réservé" in page.locator(".error-summary").inner_text()
    visit.shot("pratiques-creneau-pris")
    visit.tab_to("Rejoindre la liste d’attente", role="button").press("Enter")
    page.wait_for_url("**/mes-reservations?attente=1*")
    assert "en attente d’une place" in page.locator("#liste-attente + ul").inner_text()

    # Giving time back: a van booking shortened by keyboard; the studio, three days ahead, no longer (its tiers count already).
    vans = demo["resources"]["Camions 20 m³"]
    far = paris_day(20)
    status, van_booking = mutualis.api("POST", "/api/v1/bookings", {
        "resourceId": vans["id"], "start": instant(far, 8), "end": instant(far, 12)}, token=demo["memberToken"])
    assert status == 201, van_booking
    page.goto(f"/reservations/{van_booking['id']}/raccourcir")
    assert page.locator("#start").input_value() == "08:00" and page.locator("#end").input_value() == "12:00"
    visit.shot("pratiques-raccourcir")
    page.locator("#end").fill("10:00")
    visit.tab_to("Raccourcir la réservation", role="button").press("Enter")
    page.wait_for_url("**/mes-reservations?raccourcie=1")
    status, shortened = mutualis.api("GET", f"/api/v1/bookings/{van_booking['id']}", token=demo["memberToken"])
    assert shortened["end"] == datetime.datetime(far.year, far.month, far.day, 10, tzinfo=PARIS).astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), shortened
    booked = mutualis.api("GET", "/api/v1/notifications", token=demo["memberToken"])[1]["items"][0]["booking"]
    page.goto(f"/reservations/{booked['id']}/raccourcir")
    page.locator("#end").fill("13:30")
    with page.expect_navigation():
        visit.tab_to("Raccourcir la réservation", role="button").press("Enter")
    assert "trop tard pour rendre du temps sans frais" in page.locator(".error-summary").inner_text()
    visit.shot("pratiques-raccourcir-refus")

    # Cancelling the booked request three days ahead: the page says half its time will count.
    page.goto(f"/reservations/{booked['id']}/annuler")
    consequence = page.locator("main").inner_text()
    assert "50 % du temps réservé, soit 30 minutes" in consequence, consequence
    visit.shot("pratiques-annulation")
    visit.tab_to("Confirmer l’annulation", role="button").press("Enter")
    page.wait_for_url("**/mes-reservations?annulee=*")
    status, cancelled = mutualis.api("GET", f"/api/v1/bookings/{booked['id']}", token=demo["memberToken"])
    assert status == 200 and cancelled["status"] == "cancelled" and cancelled["countedPercent"] == 50, cancelled

    print("axe-core, WCAG 2.1 A and AA violations per page:", dict(visit.seen))
    assert not visit.failures, visit.failures


def test_a_coordinator_records_commitments_tiers_blackouts_and_no_shows(mutualis, demo, browser):
    visit = Visit(browser, mutualis)
    page = visit.page
    sign_in(visit, demo["coordinatorEmail"], demo["password"])

    # A commitment on the member's page, then one that cannot be read: refused on its field.
    members = mutualis.api("GET", "/api/v1/members?limit=100", token=demo["coordinatorToken"])[1]["items"]
    fabriques = next(m for m in members if m["name"] == demo["memberName"])
    page.goto(f"/coordination/membres/{fabriques['id']}")
    page.locator("#commitment-resource").select_option(label="Machine à bois combinée")
    page.locator("#commitment-volume").focus()
    page.keyboard.type("150,5")
    page.locator("#commitment-start").fill("2027-01-01")
    page.locator("#commitment-end").fill("2029-12-31")
    visit.tab_to("Enregistrer l’engagement", role="button").press("Enter")
    page.wait_for_url("**?engagement=1*")
    listed = page.locator("#engagements + p + ul").inner_text()
    assert "Machine à bois combinée — 150,5 heures par an, du vendredi 1er janvier 2027 au lundi 31 décembre 2029 Retirer" in listed, listed
    visit.shot("pratiques-engagements")
    page.locator("#commitment-resource").select_option(label="Machine à bois combinée")
    page.locator("#commitment-volume").focus()
    page.keyboard.type("beaucoup")
    page.locator("#commitment-start").fill("2027-01-01")
    page.locator("#commitment-end").fill("2026-12-31")
    with page.expect_navigation():
        visit.tab_to("Enregistrer l’engagement", role="button").press("Enter")
    summary = page.locator("#engagements ~ .error-summary").inner_text()
    assert "Le volume par an s’écrit comme un nombre" in summary and "Le dernier jour suit le premier" in summary, summary
    assert page.locator("#commitment-volume").get_attribute("aria-invalid") == "true"
    visit.shot("pratiques-engagement-refus")
    status, commitments = mutualis.api(
        "GET", f"/api/v1/commitments?memberId={fabriques['id']}", token=demo["coordinatorToken"])
    assert status == 200 and [c["volume"] for c in commitments["items"]] == [150.5]

    # Cancellation tiers typed as people say them, read back in words for the members.
    studio = demo["resources"]["Studio de répétition"]
    page.goto(f"/coordination/ressources/{studio['id']}")
    assert page.locator("#cancellationTiers").input_value() == "7 j : 50 % ; 48 h : 100 %"
    page.locator("#cancellationTiers").fill("3 j : 30 %, 24 h : 100 %")
    with page.expect_navigation():
        visit.tab_to("Enregistrer la ressource", role="button").press("Enter")
    words = page.locator("#regles-en-mots + ul").inner_text()
    assert "Annulation sans frais jusqu’à 3 jours avant le début ; à moins de 3 jours, 30 % du temps réservé reste compté ; à moins de 1 jour, 100 %" in words, words
    visit.shot("pratiques-ressource")
    page.locator("#cancellationTiers").fill("24 h : 100 %, 3 j : 10 %, 3 j : 20 %")
    with page.expect_navigation():
        visit.tab_to("Enregistrer la ressource", role="button").press("Enter")
    assert "Annulations tardives" in page.locator(".error-summary").inner_text()

    # A blackout retired: the request waiting for its slot is booked at once.
    sound = demo["resources"]["Sonorisation mobile"]
    day = paris_day(20)
    status, _ = mutualis.api("POST", f"/api/v1/resources/{sound['id']}/blackouts", {
        "start": instant(day, 0), "end": instant(day + datetime.timedelta(days=1), 0), "reason": "Révision"},
        token=demo["coordinatorToken"])
    assert status == 201
    status, entry = mutualis.api("POST", "/api/v1/waitlist", {
        "resourceId": sound["id"], "start": instant(day, 18), "end": instant(day, 22)}, token=demo["memberToken"])
    assert status == 201 and entry["status"] == "waiting", entry
    page.goto(f"/coordination/ressources/{sound['id']}")
    visit.tab_to("Retirer", role="button").press("Enter")
    page.wait_for_url("**?fermeture-retiree=1*")
    visit.shot("pratiques-fermeture-retiree")
    entries = mutualis.api("GET", "/api/v1/waitlist", token=demo["memberToken"])[1]["items"]
    assert next(e for e in entries if e["id"] == entry["id"])["status"] == "booked"

    # Attendance: a booking nobody came to counts whole.
    # The demonstration books last month's working days: the last of them.
    weekday = datetime.date.fromisoformat(demo["lastMonthEnd"]) - datetime.timedelta(days=1)
    while weekday.weekday() >= 5:
        weekday -= datetime.timedelta(days=1)
    page.goto(f"/coordination/presences?jour={weekday}")
    visit.shot("pratiques-presences")
    visit.tab_to("Personne n’est venu", role="button").press("Enter")
    page.wait_for_url(f"**/coordination/presences?jour={weekday}&absente=1")
    assert "absence constatée" in page.locator("ul.bookings").first.inner_text()

    # The report: committed against used volume, and the hours counted without use.
    page.goto("/coordination/rapport")
    practices = page.locator("table", has_text="Engagements des membres").inner_text()
    assert "Machine à bois combinée" in practices and "Studio de répétition" in practices, practices
    visit.shot("pratiques-rapport")

    print("axe-core, WCAG 2.1 A and AA violations per page:", dict(visit.seen))
    assert not visit.failures, visit.failures
