#!/usr/bin/env bash
# Walk one Antrag through the whole Beteiligungsprozess with curl, as the demo
# users of README.rst, and show that each step is refused for those who may
# not take it. Needs a running demo site (`make start`).
#
#   bash scripts/rest-walkthrough.sh [http://localhost:8080/Plone]
set -u
B=${1:-http://localhost:8080/Plone}
FB=$B/soziale-netzwerke/fb-10
j() { curl -s -u "$1:$2" -H "Accept: application/json" -H "Content-Type: application/json" -H "Accept-Language: de" -X "$3" "$4" ${5:+-d "$5"} -w "\n%{http_code}"; }
as() { u=$1; shift; p="demo-$u"; [ "$u" = admin ] && p=admin; j "$u" "$p" "$@"; }
show() { body=$(echo "$1" | head -n -1); code=$(echo "$1" | tail -1); echo "[$code] $(echo "$body" | python3 -c "import sys,json
try:
  d=json.load(sys.stdin)
except Exception: print('(no json)'); sys.exit()
e=d.get('error') or {}
print(e.get('message') or d.get('review_state') or d.get('@id') or '', '|', d.get('antragsnummer',''))" 2>/dev/null)"; }
ANTRAG='{"@type": "Antrag", "plattform": "instagram", "auftrittsart": "profil", "kontoname": "@dortmund_buergerdienste",
 "ziele_zielgruppe": "Junge Menschen informieren", "themen_redaktionsplan": "2 Beiträge pro Woche",
 "pflege_in_arbeitszeit": true, "moderation": "werktäglich", "vertretung": "gegenseitig",
 "impressum_url": "https://www.dortmund.de/impressum", "datenschutzerklaerung_url": "https://www.dortmund.de/datenschutz",
 "offizieller_auftritt": true, "verhaltensregeln_ausgehaendigt": true, "datenschutz_beteiligt": true,
 "pseudonym_moeglich": false, "schulung": "im März", "begruendung_produktwahl": "Zielgruppe"}'
R=$(as mitarbeiter POST $FB "$ANTRAG"); echo -n "mitarbeiter creates Antrag: "; show "$R"
A=$(echo "$R" | head -n -1 | python3 -c "import sys,json; print(json.load(sys.stdin)['@id'])")
echo -n "mitarbeiter50 creates in FB 10: "; show "$(as mitarbeiter50 POST $FB "$ANTRAG")"
echo -n "einreichen without Person: "; show "$(as mitarbeiter POST $A/@workflow/einreichen '{}')"
P='{"@type":"Person","nachname":"Mustermann","vorname":"Erika","email":"erika.mustermann@stadtdo.de","funktion":"redaktion","rechte_aufgaben":"Beiträge","einwilligung":true,"einwilligung_datum":"2026-01-15","schulung_status":"durchgefuehrt","taetigkeit_von":"2026-02-01","internetfreischaltung":true}'
echo -n "add Person 1: "; show "$(as mitarbeiter POST $A "$P")"
echo -n "add Person 2: "; show "$(as mitarbeiter POST $A "${P/Erika/Hans}")"
echo -n "add Anlage: "; show "$(as mitarbeiter POST $A '{"@type":"Anlage","title":"Konzept","file":{"data":"JVBERi0xLjQKS29uemVwdA==","encoding":"base64","filename":"konzept.pdf","content-type":"application/pdf"}}')"
echo -n "einreichen: "; show "$(as mitarbeiter POST $A/@workflow/einreichen '{"comment":"Bitte prüfen"}')"
echo -n "PATCH after submit (mitarbeiter): "; show "$(as mitarbeiter PATCH $A '{"kontoname":"x"}')"
echo -n "PATCH after submit (admin): "; show "$(as admin PATCH $A '{"kontoname":"x"}')"
echo -n "genehmigen as mitarbeiter: "; show "$(as mitarbeiter POST $A/@workflow/genehmigen '{}')"
echo -n "genehmigen as leitung: "; show "$(as leitung POST $A/@workflow/genehmigen '{}')"
echo -n "agentur vote as poa: "; show "$(as poa POST $A/@votum '{"gremium":"agentur","votum":"ja"}')"
echo -n "agentur statement: "; show "$(as agentur POST $A/@votum '{"gremium":"agentur","votum":"ja","kommentar":"Beratung am 3.11."}')"
echo -n "personalrat votes for poa: "; show "$(as personalrat POST $A/@votum '{"gremium":"poa","votum":"ja"}')"
for g in datenschutz itsicherheit poa; do echo -n "$g votes ja: "; show "$(as $g POST $A/@votum "{\"gremium\":\"$g\",\"votum\":\"ja\"}")"; done
echo -n "personalrat votes ja: "; show "$(as personalrat POST $A/@votum '{"gremium":"personalrat","votum":"ja"}')"
echo -n "leitung: erneut stellen: "; show "$(as leitung POST $A/@erneut-stellen)"
R=$(as mitarbeiter POST $A/@erneut-stellen); echo -n "mitarbeiter: erneut stellen: "; show "$R"
N=$(echo "$R" | head -n -1 | python3 -c "import sys,json; print(json.load(sys.stdin)['@id'])")
echo -n "predecessor state: "; show "$(as mitarbeiter GET $A)"
echo -n "einreichen re-application: "; show "$(as mitarbeiter POST $N/@workflow/einreichen '{}')"
echo -n "predecessor state: "; show "$(as mitarbeiter GET $A)"
echo -n "mitarbeiter50 reads votes: "; show "$(as mitarbeiter50 GET $A/@votum)"
echo "Kurzansicht as dsfachkraft:"; as dsfachkraft GET $A/@votum | head -n -1 | python3 -c "import sys,json; d=json.load(sys.stdin); print(' | '.join(r['spalte'] for r in d['gremien'])); print(' | '.join(r['votum_titel'] for r in d['gremien']))"

echo
echo "== One path for every step: the bypasses are refused =="
R=$(as mitarbeiter POST $FB "$ANTRAG"); B2=$(echo "$R" | head -n -1 | python3 -c "import sys,json; print(json.load(sys.stdin)['@id'])")
as mitarbeiter POST $B2 "$P" >/dev/null
echo -n "einreichen second Antrag: "; show "$(as mitarbeiter POST $B2/@workflow/einreichen '{}')"
echo -n "zurueckweisen {} as leitung: "; show "$(as leitung POST $B2/@workflow/zurueckweisen '{}')"
echo -n "zurueckweisen with reason: "; show "$(as leitung POST $B2/@workflow/zurueckweisen '{"comment":"Moderation präzisieren"}')"
echo -n "PATCH after zurueckweisen (mitarbeiter): "; show "$(as mitarbeiter PATCH $B2 '{"kontoname":"x"}')"
R=$(as mitarbeiter POST $FB "$ANTRAG"); B3=$(echo "$R" | head -n -1 | python3 -c "import sys,json; print(json.load(sys.stdin)['@id'])")
as mitarbeiter POST $B3 "$P" >/dev/null; as mitarbeiter POST $B3/@workflow/einreichen '{}' >/dev/null; as leitung POST $B3/@workflow/genehmigen '{}' >/dev/null
echo -n "@workflow/stellungnahme_abgeben as agentur: "; show "$(as agentur POST $B3/@workflow/stellungnahme_abgeben '{}')"
as agentur POST $B3/@votum '{"gremium":"agentur","votum":"ja"}' >/dev/null
for t in votum_poa votum_personalrat votum_itsicherheit; do g=${t#votum_}; echo -n "@workflow/$t as $g: "; show "$(as $g POST $B3/@workflow/$t '{}')"; done
echo "Kurzansicht after the refused calls:"; as dsfachkraft GET $B3/@votum | head -n -1 | python3 -c "import sys,json; d=json.load(sys.stdin); print(' | '.join(r['spalte']+'='+r['votum'] for r in d['gremien']))"
echo
echo "== The predecessor stays in force until the re-application is approved =="
echo -n "re-application $N pending, predecessor: "; as mitarbeiter GET $A | head -n -1 | python3 -c "import sys,json; d=json.load(sys.stdin); print(d['review_state'], '| Änderung beantragt:', (d['aenderung_beantragt'] or {}).get('antragsnummer'))"
echo -n "re-application's vorgaenger: "; as mitarbeiter GET $N | head -n -1 | python3 -c "import sys,json; d=json.load(sys.stdin); print(d['vorgaenger'])"
echo -n "leitung sends the re-application back: "; show "$(as leitung POST $N/@workflow/zurueckweisen '{"comment":"Bitte Vertretung ergänzen"}')"
echo -n "predecessor: "; as mitarbeiter GET $A | head -n -1 | python3 -c "import sys,json; d=json.load(sys.stdin); print(d['review_state'], '| Änderung beantragt:', d['aenderung_beantragt'])"
echo -n "active accounts in the report (poa): "; as poa GET "$B/soziale-netzwerke/@sozialnetz-report" | head -n -1 | python3 -c "import sys,json; d=json.load(sys.stdin); print([k['antragsnummer'] for k in d['aktive_konten']])"
R=$(as mitarbeiter POST $N/@erneut-stellen); N2=$(echo "$R" | head -n -1 | python3 -c "import sys,json; print(json.load(sys.stdin)['@id'])")
echo -n "third Antrag from the returned one: "; show "$R"
as mitarbeiter POST $N2/@workflow/einreichen '{}' >/dev/null; as leitung POST $N2/@workflow/genehmigen '{}' >/dev/null
for g in agentur poa personalrat; do as $g POST $N2/@votum "{\"gremium\":\"$g\",\"votum\":\"ja\"}" >/dev/null; done
echo -n "third approved: "; show "$(as mitarbeiter GET $N2)"
echo -n "first Antrag now: "; show "$(as mitarbeiter GET $A)"
echo -n "active accounts in the report (poa): "; as poa GET "$B/soziale-netzwerke/@sozialnetz-report" | head -n -1 | python3 -c "import sys,json; d=json.load(sys.stdin); print([k['antragsnummer'] for k in d['aktive_konten']])"
