"""The member pages in a real browser (Debian's chromium driven by Playwright, no browser
download), against the real server and database: the whole flow of a member organisation by
keyboard, the same without JavaScript, axe-core on every page, 320 px without horizontal
scrolling, a cross-site POST refused, another member's booking kept private.

Screenshots of every page are kept in .build/screenshots/ for review."""

import datetime
import http.cookiejar
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from browsing import WCAG_AA, Visit, browser  # noqa: F401 (the fixture)

PROJECT = Path(__file__).resolve().parents[2]
PASSWORD = "Vercors-2027-salle"
SECOND = "sam@fuzz.example"


@pytest.fixture(scope="module")
def pole(mutualis):
    """A room open on weekdays, a second member with a private booking in it, and an
    invitation for the member user."""
    status, room = mutualis.api("POST", "/api/v1/resources", {
        "name": "Salle Vercors", "kind": "premises", "units": 1,
        "rules": {"openingHours": {day: [{"opens": "08:00", "closes": "19:00"}]
                                   for day in ["monday", "tuesday", "wednesday", "thursday", "friday"]},
                  "slotMinutes": 30, "cancellationDeadlineMinutes": 2880}})
    assert status == 201, room
    status, other = mutualis.api("POST", "/api/v1/members", {"name": "Ardelaine", "legalForm": "scop", "joinedOn": "2025-01-01"})
    assert status == 201, other
    monday = next_monday()
    status, private = mutualis.api("POST", "/api/v1/bookings", {
        "resourceId": room["id"], "memberId": other["id"], "note": "Conseil d'administration confidentiel",
        "start": f"{monday + datetime.timedelta(days=1)}T14:00:00+01:00", "end": f"{monday + datetime.timedelta(days=1)}T16:00:00+01:00"})
    assert status == 201, private
    # Last month closed: a cost of the room shared equally among the members, in a finalised run.
    status, _ = mutualis.api("PATCH", f"/api/v1/members/{mutualis.member}", {"joinedOn": "2025-01-01"})
    assert status == 200
    first = datetime.date.today().replace(day=1)
    previous = (first - datetime.timedelta(days=1)).replace(day=1)
    status, cost = mutualis.api("POST", "/api/v1/costs", {
        "resourceId": room["id"], "periodStart": str(previous), "periodEnd": str(first), "amountCents": 123456,
        "category": "rent", "label": "Loyer de la salle", "rule": {"method": "equal"}})
    assert status == 201, cost
    status, run = mutualis.api("POST", "/api/v1/allocation-runs", {"periodStart": str(previous), "periodEnd": str(first)})
    assert status == 201, run
    status, _ = mutualis.api("POST", f"/api/v1/allocation-runs/{run['id']}/finalize")
    assert status == 200
    invitation = json.loads(mutualis.admin("user", "invite", "--email", "membre@fuzz.example", "--base-url", mutualis.url, "--json"))
    # A second person of the same member, signed up without a browser, for the tests that do
    # not walk the whole flow.
    mutualis.admin("user", "add", "--pole", mutualis.pole, "--email", SECOND, "--name", "Sam", "--role", "member", "--member", mutualis.member)
    choose_password(mutualis, SECOND)
    return {"room": room, "monday": monday, "invitation": invitation["url"], "closed": previous}


def choose_password(mutualis, email):
    """Follows an invitation as a browser without JavaScript would: the form, its token and cookie, the password."""
    link = json.loads(mutualis.admin("user", "invite", "--email", email, "--base-url", mutualis.url, "--json"))["url"]
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    token = re.search(r'name="csrf" value="([^"]+)"', opener.open(link, timeout=10).read().decode()).group(1)
    form = urllib.parse.urlencode({"csrf": token, "password": PASSWORD, "confirmation": PASSWORD}).encode()
    assert opener.open(link, data=form, timeout=10).geturl() == mutualis.url + "/"


def next_monday():
    """A Monday a few weeks ahead, in winter time, so that 09:00 is +01:00."""
    day = datetime.date.today() + datetime.timedelta(days=21)
    while day.weekday() != 0 or not (day.month in (11, 12, 1, 2) or (day.month == 3 and day.day < 20)):
        day += datetime.timedelta(days=1)
    return day


def test_the_member_flow_by_keyboard(mutualis, pole, browser):
    visit = Visit(browser, mutualis)
    page = visit.page

    page.goto("/")
    assert "/connexion" in page.url
    visit.shot("connexion")

    page.goto(pole["invitation"])
    visit.shot("invitation")
    visit.tab_to("Aller au contenu")
    field = visit.tab_to("", role="input")
    assert field.get_attribute("id") == "password"
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(mutualis.url + "/")
    assert page.locator("h1").inner_text() == "Bonjour Alex"
    visit.shot("accueil")

    visit.tab_to("Ressources").press("Enter")
    page.wait_for_url("**/ressources")
    visit.shot("ressources")
    page.goto(f"/creneaux-libres?date={pole['monday']}&debut=09:00&fin=12:00&type=premises")
    assert "Salle Vercors" in page.locator(".found").first.inner_text()
    visit.shot("creneaux-libres")
    page.goto("/ressources")
    visit.tab_to("Voir la semaine de Salle Vercors").press("Enter")
    page.wait_for_url("**/ressources/*")
    page.goto(f"/ressources/{pole['room']['id']}?semaine={pole['monday']}")
    caption = page.locator("caption").inner_text()
    assert "Salle Vercors" in caption and "lundi" in caption
    assert "Conseil" not in page.content(), "another member's note is shown"
    assert page.locator("td.taken").count() >= 4, "another member's booking does not show as taken"
    visit.shot("semaine")

    visit.tab_to(f"réserver le {day_month(pole['monday'])}, 9").press("Enter")
    page.wait_for_url("**/reserver?*")
    assert page.locator("#start").input_value() == "09:00"
    visit.shot("reserver")
    visit.tab_to("Vérifier la réservation", role="button").press("Enter")
    page.wait_for_load_state()
    assert "Rien n’est encore réservé" in page.locator("main").inner_text()
    visit.shot("verifier")
    visit.tab_to("Confirmer la réservation", role="button").press("Enter")
    page.wait_for_url("**/mes-reservations?reservation=*")
    assert "Réservation confirmée" in page.locator("[role=status]").inner_text()
    visit.shot("mes-reservations")

    # The same slot again: refused next to its field, with the next free time.
    page.goto(f"/reserver?resourceId={pole['room']['id']}&date={pole['monday']}&start=09:00&end=10:00")
    visit.tab_to("Vérifier la réservation", role="button").press("Enter")
    page.wait_for_load_state()
    summary = page.locator(".error-summary").inner_text()
    assert "déjà réservé" in summary and "Prochain créneau libre" in summary
    assert page.locator("#start").get_attribute("aria-invalid") == "true"
    visit.shot("reserver-refus")

    page.goto("/mes-reservations")
    visit.tab_to("Annuler").press("Enter")
    page.wait_for_url("**/annuler")
    assert "sans frais" in page.locator(".consequence").inner_text()
    visit.shot("annuler")
    visit.tab_to("Confirmer l’annulation", role="button").press("Enter")
    page.wait_for_url("**/mes-reservations?annulee=*")
    assert "annulée" in page.locator("[role=status]").inner_text()

    visit.tab_to("Relevés").press("Enter")
    page.wait_for_url("**/releves")
    visit.shot("releves")
    visit.tab_to(f"Relevé de {MONTHS[pole['closed'].month - 1]} {pole['closed'].year}").press("Enter")
    page.wait_for_url("**/releves/*")
    assert "Loyer de la salle" in page.locator("table").inner_text()
    assert re.search(r"\d+,\d\d\u00a0€", page.locator(".net").inner_text())
    visit.shot("releve")
    with page.expect_download() as download:
        visit.tab_to("Télécharger pour un tableur").press("Enter")
    # The French spreadsheet's dialect: a byte-order mark, semicolons, decimal commas, a name that says what it is.
    assert download.value.suggested_filename == f"releve-{pole['closed']:%Y-%m}-les-fabriques.csv"
    csv = Path(download.value.path()).read_bytes().decode("utf-8")
    assert csv.startswith("\ufefftype;id du coût;libellé") and "Loyer de la salle" in csv
    assert re.search(r";\d+,\d\d\r\n", csv), csv

    visit.tab_to("Mon compte").press("Enter")
    page.wait_for_url("**/compte")
    visit.tab_to("Créer des liens de calendrier", role="button").press("Enter")
    page.wait_for_load_state()
    assert "calendar.ics?key=mut_" in page.locator(".feeds").inner_text()
    visit.shot("compte")

    page.goto("/accessibilite")
    visit.shot("accessibilite")
    print("axe-core, WCAG 2.1 A and AA violations per page:", dict(visit.seen))
    assert not visit.failures, visit.failures
    visit.context.close()


MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]


def day_month(day):
    return f"{'1er' if day.day == 1 else day.day} {MONTHS[day.month - 1]}"


def test_the_pages_work_without_javascript(mutualis, pole, browser):
    visit = Visit(browser, mutualis, javascript=False)
    page = visit.page
    page.goto("/connexion")
    page.fill("#email", SECOND)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(mutualis.url + "/")
    page.goto(f"/reserver?resourceId={pole['room']['id']}&date={pole['monday']}&start=11:00&end=12:00")
    page.click("form[action='/reserver'] button[type=submit]")
    page.click("text=Confirmer la réservation")
    page.wait_for_url("**/mes-reservations?reservation=*")
    assert "Réservation confirmée" in page.locator("[role=status]").inner_text()
    visit.context.close()


def test_a_wrong_password_is_refused_without_saying_which_part_is_wrong(mutualis, pole, browser):
    visit = Visit(browser, mutualis)
    visit.page.goto("/connexion")
    visit.page.fill("#email", SECOND)
    visit.page.fill("#password", "not-the-password")
    visit.page.click("button[type=submit]")
    assert "incorrect" in visit.page.locator("[role=alert]").inner_text()
    visit.shot("connexion-refus")
    visit.context.close()


def test_a_cross_site_post_is_refused(mutualis, pole, browser):
    visit = Visit(browser, mutualis)
    page = visit.page
    page.goto("/connexion")
    page.fill("#email", SECOND)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(mutualis.url + "/")
    cookie = next(c for c in visit.context.cookies() if c["name"] == "mutualis_session")
    page.goto("/reserver")
    token = page.locator("input[name=csrf]").first.get_attribute("value")
    fields = f"resourceId={pole['room']['id']}&date={pole['monday']}&start=15:00&end=16:00&etape=confirmer"

    def post(form, headers):
        request = urllib.request.Request(
            mutualis.url + "/reserver", method="POST", data=form.encode(),
            headers={"Cookie": f"mutualis_session={cookie['value']}", "Content-Type": "application/x-www-form-urlencoded", **headers})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        return refused.value.code

    # With the form's own token, but sent from another site: refused by origin.
    assert post(f"csrf={token}&{fields}", {"Origin": "https://evil.example"}) == 403
    assert post(f"csrf={token}&{fields}", {"Sec-Fetch-Site": "cross-site"}) == 403
    # From our own origin, without the form's token: refused too.
    assert post(fields, {}) == 403
    monday_afternoon = f"/api/v1/bookings?resourceId={pole['room']['id']}&from={pole['monday']}T15:00:00%2B01:00&to={pole['monday']}T16:00:00%2B01:00"
    status, bookings = mutualis.api("GET", monday_afternoon)
    assert status == 200 and bookings["items"] == [], "a refused POST booked"
    visit.context.close()


def test_axe_reports_what_breaks_a_rule(browser):
    """The accessibility check can fail: a page built to break WCAG rules gets violations."""
    context = browser.new_context()
    page = context.new_page()
    page.set_content('<html><body><img src="data:,"><input type="text"><a href="#"></a></body></html>')
    assert Axe().run(page, options=WCAG_AA).violations_count >= 3
    context.close()
