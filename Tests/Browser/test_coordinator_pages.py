"""The coordination's pages in a real browser, on the demonstration pole: a coordinator records
a cost typed the French way, approves and refuses bookings, closes last month (draft, review,
finalisation), downloads the statements and the report, and publishes the public page, by
keyboard, axe-core clean, at 320 px. A member's user is refused every coordination page, and the
public page names no person and no member's amount."""

import datetime
import http.client
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from browsing import Visit, browser  # noqa: F401 (the fixture)

PAGES = ["/coordination", "/coordination/membres", "/coordination/membres/nouveau", "/coordination/ressources",
         "/coordination/ressources/nouvelle", "/coordination/validations", "/coordination/couts", "/coordination/cloture",
         "/coordination/rapport", "/coordination/membres.csv"]


@pytest.fixture(scope="module")
def demo(mutualis):
    """The demonstration pole, and two bookings of its wood machine (which needs approval)
    asked by its member user."""
    seeded = json.loads(mutualis.admin("demo", "seed", "--json"))
    resources = api(mutualis, "GET", "/api/v1/resources?limit=100", token=seeded["coordinatorToken"])[1]["items"]
    machine = next(r for r in resources if r["name"] == "Machine à bois combinée")
    day = datetime.date.today() + datetime.timedelta(days=28)
    while day.weekday() != 1:
        day += datetime.timedelta(days=1)
    offset = "+01:00" if day.month in (11, 12, 1, 2, 3) else "+02:00"
    pending = []
    for hour in (9, 14):
        status, booking = api(mutualis, "POST", "/api/v1/bookings", {
            "resourceId": machine["id"], "start": f"{day}T{hour:02}:00:00{offset}", "end": f"{day}T{hour + 2:02}:00:00{offset}"},
            token=seeded["memberToken"])
        assert status == 201 and booking["status"] == "pending", booking
        pending.append(booking["id"])
    return {**seeded, "pending": pending, "machine": machine}


def api(mutualis, method, path, body=None, token=None):
    return mutualis.api(method, path, body, token=token)


def sign_in(visit, email, password):
    page = visit.page
    page.goto("/connexion")
    page.locator("#email").focus()
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    page.keyboard.type(password)
    page.keyboard.press("Enter")
    page.wait_for_url("**/")


def test_a_coordinator_closes_last_month_in_the_browser(mutualis, demo, browser):
    visit = Visit(browser, mutualis)
    page = visit.page
    sign_in(visit, demo["coordinatorEmail"], demo["password"])
    visit.tab_to("Coordination").press("Enter")
    page.wait_for_url("**/coordination")
    assert "2 réservations attendent" in page.locator(".figures").inner_text()
    visit.shot("coordination")

    # A cost typed the French way, then one that cannot be read: refused with its field named.
    page.goto("/coordination/couts")
    visit.shot("coordination-couts")
    page.locator("#label").focus()
    page.keyboard.type("Réparation de la machine")
    page.keyboard.press("Tab")
    page.keyboard.type("Entretien")
    page.keyboard.press("Tab")
    page.keyboard.type("1 234,56")
    page.keyboard.press("Tab")
    page.keyboard.type("Machine")
    visit.tab_to("Enregistrer le coût", role="button").press("Enter")
    page.wait_for_url("**/coordination/couts?mois=*&ajoute=1")
    row = page.locator("tr", has_text="Réparation de la machine").inner_text()
    assert "1\u202f234,56\u00a0€" in row and "modifiable" in row, row
    page.locator("#label").focus()
    page.keyboard.type("Illisible")
    page.keyboard.press("Tab")
    page.keyboard.type("Entretien")
    page.keyboard.press("Tab")
    page.keyboard.type("1.234")
    with page.expect_navigation():
        visit.tab_to("Enregistrer le coût", role="button").press("Enter")
    assert "Le montant doit s’écrire comme 1 234,56" in page.locator(".error-summary").inner_text()
    assert page.locator("#amount").get_attribute("aria-invalid") == "true"
    visit.shot("coordination-couts-refus")

    # Approvals: the oldest approved by its own button, the other refused with a reason.
    page.goto("/coordination/validations")
    assert page.locator("ol.bookings > li").count() == 2
    visit.shot("coordination-validations")
    visit.tab_to("Approuver", role="button").press("Enter")
    page.wait_for_url("**/validations?approuvees=1*")
    assert "1 réservation approuvée" in page.locator("[role=status]").inner_text()
    with page.expect_navigation():
        visit.tab_to("Refuser", role="button").press("Enter")
    assert "motif" in page.locator(".error-summary").inner_text()
    page.locator("#motif").focus()
    page.keyboard.type("La machine part en révision ce jour-là.")
    visit.tab_to("Refuser les réservations cochées", role="button").press("Enter")
    page.wait_for_url("**/validations?refusees=1*")
    statuses = [api(mutualis, "GET", f"/api/v1/bookings?resourceId={demo['machine']['id']}&limit=1000",
                    token=demo["coordinatorToken"])[1]["items"]]
    by_id = {b["id"]: b["status"] for b in statuses[0]}
    assert [by_id[i] for i in demo["pending"]] == ["confirmed", "rejected"]

    # The month's close: draft, review, finalisation.
    page.goto("/coordination/cloture")
    visit.shot("coordination-cloture")
    visit.tab_to("Calculer le brouillon", role="button").press("Enter")
    page.wait_for_url("**/coordination/cloture/*")
    run_url = page.url
    assert "Brouillon" in page.locator("main").inner_text()
    assert "chaque coût est partagé au centime près" in page.locator(".check-ok").inner_text()
    visit.shot("coordination-brouillon")
    # A cost added after the draft: the recompute says what changed.
    status, _ = api(mutualis, "POST", "/api/v1/costs", {
        "periodStart": demo["lastMonthStart"], "periodEnd": demo["lastMonthEnd"], "amountCents": 30000, "category": "other",
        "label": "Cotisation au réseau régional"}, token=demo["coordinatorToken"])
    assert status == 201
    visit.tab_to("Recalculer le brouillon", role="button").press("Enter")
    page.wait_for_url("**?recalculee=1")
    changes = page.locator("#changements + p + ul").inner_text()
    assert "Coût ajouté : Cotisation au réseau régional (300,00\u00a0€)" in changes, changes
    visit.shot("coordination-recalcul")
    visit.tab_to("Vérifier et finaliser").press("Enter")
    page.wait_for_url("**/finaliser")
    assert "ne peut plus être modifiée" in page.locator(".warning").inner_text()
    visit.shot("coordination-finaliser")
    visit.tab_to("Finaliser définitivement", role="button").press("Enter")
    page.wait_for_url("**?finalisee=1")
    assert "Finalisée" in page.locator("main").inner_text()
    history = page.locator("#historique + ol").inner_text()
    assert re.search(r"Brouillon calculé le .*\nBrouillon recalculé le .*\nRépartition finalisée le .*, par ", history), history
    visit.shot("coordination-finalisee")

    with page.expect_download() as download:
        visit.tab_to("Tous les relevés, un fichier par membre").press("Enter")
    month = demo["lastMonthStart"][:7]
    assert download.value.suggested_filename == f"releves-{month}.zip"
    archive = zipfile.ZipFile(io.BytesIO(Path(download.value.path()).read_bytes()))
    names = archive.namelist()
    assert f"releve-{month}-les-fabriques-de-romans.csv" in names and len(names) == 12, names
    fabriques = archive.read(f"releve-{month}-les-fabriques-de-romans.csv").decode("utf-8")
    assert fabriques.startswith("\ufefftype;id du coût;libellé;")
    assert re.search(r"\r\ntotal;;solde de Les Fabriques de Romans;;;01/\d\d/\d{4};", fabriques), fabriques

    page.goto(run_url.split("?")[0] + "/imprimer")
    assert page.locator(".statement-print").count() == 12
    visit.shot("coordination-imprimer")

    # The report, its CSV for a French spreadsheet, and the public page.
    page.goto("/coordination/rapport")
    assert page.locator("svg[role=img] title").count() >= 4
    # A shared employee's timesheets count: neither "—" recorded hours nor 0 % utilisation.
    kind, bookings, booked, recorded, available, utilisation, served = page.locator(
        "tr", has_text="Comptable partagée").first.locator("td").all_inner_texts()
    assert recorded != "—" and utilisation not in ("0\u202f%", "—"), (recorded, utilisation)
    assert "feuilles de temps" in page.locator("table", has_text="équivalents temps plein").first.inner_text()
    visit.shot("coordination-rapport")
    with page.expect_download() as download:
        visit.tab_to("Télécharger pour un tableur").press("Enter")
    report = Path(download.value.path()).read_bytes().decode("utf-8")
    assert report.startswith("\ufeffrubrique;id;nom;mesure;valeur\r\n") and ";pooled;" in report
    visit.tab_to("Publier cette période", role="button").press("Enter")
    page.wait_for_url("**publie=1")
    visit.tab_to("Voir la page publique").press("Enter")
    page.wait_for_url("**/mutualisation")
    visit.shot("coordination-publique")
    print("axe-core, WCAG 2.1 A and AA violations per page:", dict(visit.seen))
    assert not visit.failures, visit.failures
    visit.context.close()


def test_a_coordinator_adds_a_member_invites_a_person_and_sets_a_resource(mutualis, demo, browser):
    visit = Visit(browser, mutualis)
    page = visit.page
    sign_in(visit, demo["coordinatorEmail"], demo["password"])
    page.goto("/coordination/membres")
    visit.shot("coordination-membres")
    visit.tab_to("Ajouter un membre").press("Enter")
    page.wait_for_url("**/membres/nouveau")
    page.locator("#name").focus()
    page.keyboard.type("Ardelaine")
    page.keyboard.press("Tab")
    page.keyboard.type("SCOP")
    page.keyboard.press("Tab")
    page.keyboard.type("732 829 320 00075")
    visit.tab_to("Enregistrer le membre", role="button").press("Enter")
    page.wait_for_load_state()
    # A SIRET whose check digit is wrong: refused next to its field, nothing stored.
    with page.expect_navigation():
        visit.tab_to("Enregistrer le membre", role="button").press("Enter")
    assert page.locator("#siret").get_attribute("aria-invalid") == "true"
    assert "clé de contrôle" in page.locator(".error-summary").inner_text()
    visit.shot("coordination-membre-refus")
    page.locator("#siret").fill("")
    page.locator("#siret").focus()
    page.keyboard.type("732 829 320 00074")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.type("12,5")
    visit.tab_to("Enregistrer le membre", role="button").press("Enter")
    page.wait_for_url("**/membres/*?enregistre=1")
    member_url = page.url.split("?")[0]
    members = api(mutualis, "GET", "/api/v1/members?limit=1000", token=demo["coordinatorToken"])[1]["items"]
    ardelaine = next(m for m in members if m["name"] == "Ardelaine")
    assert ardelaine["siret"] == "73282932000074" and ardelaine["headcount"] == 12.5 and ardelaine["legalForm"] == "scop"

    page.locator("#user-name").focus()
    page.keyboard.type("Béatrice Laine")
    page.keyboard.press("Tab")
    page.keyboard.type("beatrice@ardelaine.example")
    page.keyboard.press("Enter")
    page.wait_for_url("**?ajoute=1")
    visit.shot("coordination-membre")
    visit.tab_to("Inviter", role="button").press("Enter")
    page.wait_for_url("**/inviter")
    link = page.locator("#lien").input_value()
    assert link.startswith("http") and "/invitation/inv_" in link, link
    visit.shot("coordination-invitation")
    # The link works: the invited person chooses a password.
    invited = browser.new_context(locale="fr-FR", base_url=mutualis.url).new_page()
    invited.goto("/invitation/" + link.split("/invitation/")[1])
    assert "Béatrice Laine" in invited.locator("main").inner_text()
    invited.context.close()

    page.goto(member_url)
    visit.tab_to("Désactiver", role="button").press("Enter")
    page.wait_for_url("**?desactive=1")
    assert "désactivée" in page.locator("#personnes ~ ul").first.inner_text()

    # A resource: new opening hours typed the French way, a blackout, a rule from a date.
    page.goto("/coordination/ressources")
    visit.shot("coordination-ressources")
    visit.tab_to("Vélos-cargos").press("Enter")
    page.wait_for_url("**/ressources/*")
    # The bikes are bookable at any time: the opening hours apply once that box is unticked.
    assert page.locator("#alwaysOpen").is_checked()
    page.locator("#alwaysOpen").focus()
    page.keyboard.press("Space")
    page.locator("#monday").fill("")
    page.locator("#monday").focus()
    page.keyboard.type("8h-12h, 13 h 30 à 18 h")
    visit.tab_to("Enregistrer la ressource", role="button").press("Enter")
    page.wait_for_url("**?enregistree=1")
    assert page.locator("#monday").input_value() == "08:00-12:00, 13:30-18:00"
    assert "Ouvert le lundi, 8\u00a0h – 12\u00a0h et 13\u00a0h\u00a030 – 18\u00a0h ; du mardi au dimanche, fermé." in page.locator(".rules").inner_text()
    visit.shot("coordination-ressource")
    page.locator("#tuesday").fill("18:00-8:00")
    with page.expect_navigation():
        visit.tab_to("Enregistrer la ressource", role="button").press("Enter")
    assert page.locator("#tuesday").get_attribute("aria-invalid") == "true"
    visit.shot("coordination-ressource-refus")
    print("axe-core, WCAG 2.1 A and AA violations per page:", dict(visit.seen))
    assert not visit.failures, visit.failures
    visit.context.close()


def test_the_public_page_names_no_one_and_is_off_until_published(mutualis, demo, browser):
    context = browser.new_context(locale="fr-FR", base_url=mutualis.url)
    page = context.new_page()
    answer = page.goto(f"/pole/{mutualis.pole}/mutualisation")
    assert answer.status == 404, "a pole that published nothing shows a public page"
    answer = page.goto(f"/pole/{demo['poleId']}/mutualisation")
    if answer.status == 404:
        # Alone, this test publishes last month itself, as a coordinator would.
        visit = Visit(browser, mutualis)
        sign_in(visit, demo["coordinatorEmail"], demo["password"])
        visit.page.goto("/coordination/rapport")
        visit.tab_to("Publier cette période", role="button").press("Enter")
        visit.page.wait_for_url("**publie=1")
        visit.context.close()
        answer = page.goto(f"/pole/{demo['poleId']}/mutualisation")
    assert answer.status == 200
    text = page.locator("body").inner_text()
    members = api(mutualis, "GET", "/api/v1/members?limit=1000", token=demo["coordinatorToken"])[1]["items"]
    users = json.loads(mutualis.admin("user", "list", "--pole", demo["poleId"], "--json"))
    for member in members:
        assert member["name"] not in text, member["name"]
    for user in users:
        assert user["email"] not in text and user["name"] not in text, user
    assert "Membres actifs par forme juridique" in text and "Associations" in text
    context.close()


def test_a_member_user_is_refused_every_coordination_page(mutualis, demo, browser):
    visit = Visit(browser, mutualis)
    sign_in(visit, demo["memberEmail"], demo["password"])
    for path in PAGES + ["/coordination/cloture/00000000-0000-0000-0000-000000000000", "/coordination/rapport.csv"]:
        answer = visit.page.goto(path)
        assert answer.status == 403, (path, answer.status)
    visit.context.close()
    # Without a session, a POST is sent to sign in, and nothing is recorded.
    host, port = mutualis.url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=5)
    connection.request("POST", "/coordination/couts", body="label=x&amount=1&category=other",
                       headers={"Content-Type": "application/x-www-form-urlencoded"})
    answer = connection.getresponse()
    assert answer.status in (303, 403) and "/connexion" in (answer.getheader("Location") or "/connexion")
