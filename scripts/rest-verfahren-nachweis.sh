#!/usr/bin/env bash
# The process as the agreement describes it (issue 23), tried with curl as the
# demo users of README.rst on a running demo site (`make start`): no body cut
# off, nobody stuck, the Systemhaus told both ways, the yearly review, the DSB
# early, a readable Verlauf, the changes against the approved predecessor.
#
#   bash scripts/rest-verfahren-nachweis.sh [http://localhost:8080/Plone]
set -u
B=${1:-http://localhost:8080/Plone}
FB=$B/soziale-netzwerke/fb-10
j() { curl -s -u "$1:$2" -H "Accept: application/json" -H "Content-Type: application/json" -H "Accept-Language: de" -X "$3" "$4" ${5:+-d "$5"}; }
as() { u=$1; shift; p="demo-$u"; [ "$u" = admin ] && p=admin; j "$u" "$p" "$@"; }
py() { python3 -c "import sys,json
d=json.load(sys.stdin)
$1"; }
ANTRAG='{"@type": "Antrag", "plattform": "instagram", "auftrittsart": "profil", "kontoname": "@dortmund_nachweis",
 "ziele_zielgruppe": "Junge Menschen informieren", "themen_redaktionsplan": "2 Beiträge pro Woche",
 "pflege_in_arbeitszeit": true, "moderation": "werktäglich", "vertretung": "gegenseitig",
 "impressum_url": "https://www.dortmund.de/impressum", "datenschutzerklaerung_url": "https://www.dortmund.de/datenschutz",
 "offizieller_auftritt": true, "verhaltensregeln_ausgehaendigt": true,
 "pseudonym_moeglich": false, "schulung": "im März", "begruendung_produktwahl": "Zielgruppe"}'
P='{"@type":"Person","nachname":"Mustermann","vorname":"Erika","email":"erika.mustermann@stadtdo.de","funktion":"redaktion","rechte_aufgaben":"Beiträge","einwilligung":true,"einwilligung_datum":"2026-01-15","schulung_status":"durchgefuehrt","taetigkeit_von":"2026-02-01","internetfreischaltung":true}'
neu() { as "$1" POST "$2" "$ANTRAG" | py "print(d['@id'])"; }

echo "== 5. The DSB early =="
A=$(neu mitarbeiter $FB)
as mitarbeiter POST $A "$P" >/dev/null
echo -n "DSB reads the draft before the invitation: "; curl -s -o /dev/null -w "%{http_code}\n" -u datenschutz:demo-datenschutz -H "Accept: application/json" $A
echo -n "PATCH datenschutz_beteiligt=true: "; as mitarbeiter PATCH $A '{"datenschutz_beteiligt": true}' >/dev/null; as mitarbeiter GET $A | py "print('datenschutz_beteiligt =', d['datenschutz_beteiligt'])"
echo -n "mitarbeiter invites the DSB: "; as mitarbeiter POST $A/@fruehbeteiligung '{"aktion":"einladen"}' | py "print(d['eingeladen']['name'], d['eingeladen']['zeit'])"
echo -n "DSB reads the draft now: "; curl -s -o /dev/null -w "%{http_code}\n" -u datenschutz:demo-datenschutz -H "Accept: application/json" $A
echo -n "DSB leaves a note: "; as datenschutz POST $A/@fruehbeteiligung '{"aktion":"hinweis","text":"Bitte Löschfristen nennen."}' | py "print([h['text'] for h in d['hinweise']])"
echo -n "poa leaves a note: "; as poa POST $A/@fruehbeteiligung '{"aktion":"hinweis","text":"Ich auch."}' | py "print((d.get('error') or d).get('message'))"
as mitarbeiter GET $A | py "print('datenschutz_beteiligt =', d['datenschutz_beteiligt'])"

echo; echo "== 1. No body cut off =="
as mitarbeiter POST $A/@workflow/einreichen '{}' >/dev/null
as leitung POST $A/@workflow/genehmigen '{}' >/dev/null
as agentur POST $A/@votum '{"gremium":"agentur","votum":"ja","kommentar":"Beratung erfolgt."}' >/dev/null
as datenschutz POST $A/@votum '{"gremium":"datenschutz","votum":"rueckfrage","kommentar":"Wer moderiert?"}' >/dev/null
as poa POST $A/@votum '{"gremium":"poa","votum":"ja"}' >/dev/null
echo -n "personalrat votes ja while the Rückfrage is open: "; as personalrat POST $A/@votum '{"gremium":"personalrat","votum":"ja"}' | py "print(d['review_state'], '| wartet auf:', d['entscheidung_wartet_auf'])"
echo -n "FB answers: "; as mitarbeiter POST $A/@rueckfrage '{"gremium":"datenschutz","antwort":"Das Team Online."}' >/dev/null; as mitarbeiter GET $A | py "print(d['review_state'])"
echo -n "Kurzansicht after the end: "; as poa GET $A/@votum | py "print(' | '.join(r['spalte']+': '+r['votum_titel'] for r in d['gremien']))"
echo -n "IT-Sicherheit: Rückfrage after the end: "; as itsicherheit POST $A/@votum '{"gremium":"itsicherheit","votum":"rueckfrage","kommentar":"?"}' | py "print(d['error']['message'])"
echo -n "IT-Sicherheit: Nein after the end: "; as itsicherheit POST $A/@votum '{"gremium":"itsicherheit","votum":"nein","kommentar":"Private Geräte"}' | py "r=[r for r in d['gremien'] if r['gremium']=='itsicherheit'][0]; print(d['review_state'], r['votum_titel'], 'nach Abschluss' if r['nach_abschluss'] else '')"
echo -n "POA votes again after the end: "; as poa POST $A/@votum '{"gremium":"poa","votum":"nein","kommentar":"x"}' | py "print(d['error']['message'])"

echo; echo "== 6. A Verlauf an auditor can read (newest first) =="
curl -s -u mitarbeiter:demo-mitarbeiter "$A" | python3 -c "
import sys,re,html
t=sys.stdin.read().split('sn-verlauf-titel')[-1]
for li in re.findall(r'<li.*?</li>', t, re.S)[:12]:
    print(' ', ' '.join(html.unescape(re.sub(r'<[^>]+>',' ',li)).split())[:150])"

echo; echo "== 3. The Systemhaus, both ways =="
echo -n "open orders in the report: "; as poa GET "$B/soziale-netzwerke/@sozialnetz-report" | py "print([(o['antragsnummer'], [a['art'] for a in o['auftraege']]) for o in d['systemhaus_offen']])"
PERSON=$A/$(as mitarbeiter GET $A | py "print([i['@id'] for i in d['items'] if i['@type']=='Person'][0].rsplit('/',1)[1])")
echo -n "leitung records the withdrawal of consent: "; as leitung POST $PERSON/@einwilligung-widerrufen '{}' | py "print(d.get('einwilligung_widerrufen_am') or d)"
echo -n "open orders of this Antrag now: "; as poa GET "$B/soziale-netzwerke/@sozialnetz-report" | py "print([[a['art'] for a in o['auftraege']] for o in d['systemhaus_offen'] if o['@id'] == '$A'])"

echo; echo "== 2. Nobody waits in silence (FB 50 has no head) =="
A50=$(neu mitarbeiter50 $B/soziale-netzwerke/fb-50)
as mitarbeiter50 POST $A50 "$P" >/dev/null
echo -n "before confirming: "; as mitarbeiter50 GET $A50/@einreichen | py "print(d.get('hinweise'))"
as mitarbeiter50 POST $A50/@workflow/einreichen '{}' >/dev/null
echo -n "sta11's Meine Aufgaben: "; curl -s -u sta11:demo-sta11 "$B/soziale-netzwerke/@@meine-aufgaben" | grep -c "Leitung fehlt"

echo; echo "== 7. What changed since the approved predecessor =="
G=$A  # approved above
N=$(as mitarbeiter POST $G/@erneut-stellen | py "print(d['@id'])")
as mitarbeiter PATCH $N '{"kontoname": "@dortmund_neu", "moderation": "täglich, auch am Wochenende"}' >/dev/null
echo "changes (as the FB, the draft):"; as mitarbeiter GET $N/@vergleich | py "
print('  vorgaenger:', (d.get('vorgaenger') or {}).get('antragsnummer'))
for f in d.get('felder', []): print('  ', f['titel'], ':', f['vorher'], '->', f['nachher'])"

echo; echo "== 4. The yearly review (preview one year ahead) =="
TAG=$(python3 -c "import datetime; print((datetime.date.today()+datetime.timedelta(days=400)).isoformat())")
curl -s -u admin:admin "$B/@@sozialnetz-jobs?datum=$TAG" | grep -E "Überprüfung|Vorschau" | head -5
echo -n "@ueberpruefung of an approved Antrag: "; as leitung GET $G/@ueberpruefung | py "print('offen:', d['offen'], '| kann beantworten:', d['kann_beantworten'])"
