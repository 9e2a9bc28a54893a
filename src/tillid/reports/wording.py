"""Every text of the interface itself (not of the law: that lives in the packs), in da, en, sv.

One table, so that a translator finds them all in one place; the web app will move them into gettext
catalogues.
"""

from __future__ import annotations

from tillid.knowledge.model import Language

WORDS: dict[str, dict[Language, str]] = {
    # -- report statuses and answers
    "yes": {"da": "Ja", "en": "Yes", "sv": "Ja"},
    "no": {"da": "Nej", "en": "No", "sv": "Nej"},
    "not_asked": {"da": "(ikke spurgt)", "en": "(not asked)", "sv": "(inte frågat)"},
    "applies_now": {"da": "Gælder nu", "en": "Applies now", "sv": "Gäller nu"},
    "applies_from": {"da": "Gælder fra", "en": "Applies from", "sv": "Gäller från"},
    "undetermined": {
        "da": "Afhænger af ubesvarede spørgsmål",
        "en": "Depends on open questions",
        "sv": "Beror på obesvarade frågor",
    },
    "not_applicable": {"da": "Gælder ikke", "en": "Does not apply", "sv": "Gäller inte"},
    "undetermined_class": {
        "da": "Endnu ikke afgjort",
        "en": "Not yet determined",
        "sv": "Ännu inte avgjort",
    },
    "none": {"da": "Ingen", "en": "None", "sv": "Ingen"},
    "already": {
        "da": "nu (gælder allerede)",
        "en": "now (already applies)",
        "sv": "nu (gäller redan)",
    },
    "points": {"da": "point", "en": "points", "sv": "poäng"},
    "open_part": {
        "da": "afhænger af et ubesvaret spørgsmål",
        "en": "depends on an open question",
        "sv": "beror på en obesvarad fråga",
    },
    "allowed": {"da": "mulige svar", "en": "possible answers", "sv": "möjliga svar"},
    "unknown_question": {
        "da": "Svaret på {question} bruges ikke: spørgsmålet findes ikke (længere) i vidensbasen.",
        "en": "The answer to {question} is not used: the question does not exist (any more).",
        "sv": "Svaret på {question} används inte: frågan finns inte (längre) i kunskapsbasen.",
    },
    "invalid_answer": {
        "da": "Svaret på «{question}» er ugyldigt og bruges ikke; besvar spørgsmålet igen.",
        "en": "The answer to “{question}” is not valid and is not used; answer it again.",
        "sv": "Svaret på ”{question}” är ogiltigt och används inte; besvara frågan igen.",
    },
    "hidden_question": {
        "da": "«{question}» er besvaret, men er ikke relevant efter de andre svar; svaret bruges ikke.",
        "en": "“{question}” was answered but does not apply given the other answers; not used.",
        "sv": "”{question}” är besvarad men är inte relevant efter de andra svaren; används inte.",
    },
    # -- report headings
    "report": {"da": "Vurdering", "en": "Assessment", "sv": "Bedömning"},
    "as_of": {"da": "Vurderet pr.", "en": "Assessed as of", "sv": "Bedömt per"},
    "obligations": {"da": "Forpligtelser", "en": "Obligations", "sv": "Skyldigheter"},
    "may_apply": {
        "da": "Kan gælde – afhænger af ubesvarede spørgsmål",
        "en": "May apply – depends on open questions",
        "sv": "Kan gälla – beror på obesvarade frågor",
    },
    "measures": {"da": "Tiltag", "en": "Measures", "sv": "Åtgärder"},
    "open": {"da": "Ubesvarede spørgsmål", "en": "Open questions", "sv": "Obesvarade frågor"},
    "inconsistent": {
        "da": "Tjek disse svar",
        "en": "Points to check in your answers",
        "sv": "Kontrollera dessa svar",
    },
    "why": {"da": "Hvorfor", "en": "Why", "sv": "Varför"},
    "answers": {"da": "Jeres svar", "en": "Your answers", "sv": "Era svar"},
    "sources": {"da": "Kilder", "en": "Sources", "sv": "Källor"},
    "due": {"da": "Frist", "en": "Due", "sv": "Senast"},
    "evidence": {"da": "Dokumentation", "en": "Evidence", "sv": "Underlag"},
    "uncertain": {"da": "Usikkerhed", "en": "Uncertainty", "sv": "Osäkerhet"},
    "by_version": {
        "da": "Dato efter retsgrundlag",
        "en": "Date by legal version",
        "sv": "Datum per rättslig version",
    },
    "none_sentence": {"da": "Ingen.", "en": "None.", "sv": "Inga."},
    # -- questionnaire
    "keys": {
        "da": "Skriv < for tilbage, ? for hjælp, - for at springe over, q for at gemme og stoppe.",
        "en": "Type < to go back, ? for help, - to skip, q to save and stop.",
        "sv": "Skriv < för att gå tillbaka, ? för hjälp, - för att hoppa över, q för att spara och sluta.",
    },
    "yes_no": {"da": "j/n", "en": "y/n", "sv": "j/n"},
    "multi": {
        "da": "vælg et eller flere numre, fx 1,3",
        "en": "choose one or more numbers, e.g. 1,3",
        "sv": "välj ett eller flera nummer, t.ex. 1,3",
    },
    "single": {"da": "vælg et nummer", "en": "choose a number", "sv": "välj ett nummer"},
    "number": {"da": "et tal", "en": "a number", "sv": "ett tal"},
    "date": {"da": "dato ÅÅÅÅ-MM-DD", "en": "date YYYY-MM-DD", "sv": "datum ÅÅÅÅ-MM-DD"},
    "text": {"da": "tekst", "en": "text", "sv": "text"},
    "invalid": {"da": "Ugyldigt svar", "en": "Invalid answer", "sv": "Ogiltigt svar"},
    "alone": {
        "da": "kan ikke kombineres med andre svar",
        "en": "cannot be combined with other answers",
        "sv": "kan inte kombineras med andra svar",
    },
    "saved": {"da": "Gemt i", "en": "Saved to", "sv": "Sparat i"},
    "context_help": {
        "da": "Hvem I er, hvor, og hvor systemet er i sit liv, afgør hvilke regler der gælder — "
        "fx gælder en konsekvensanalyse for grundlæggende rettigheder (FRIA) for offentlige "
        "myndigheder. Vælg det, der passer bedst; I kan ændre det senere i svarfilen.",
        "en": "Who you are, where, and where the system is in its life decide which rules apply — "
        "e.g. a fundamental-rights impact assessment (FRIA) is required of public bodies. Pick the "
        "closest match; you can change it later in the answers file.",
        "sv": "Vilka ni är, var, och var systemet är i sitt liv avgör vilka regler som gäller — "
        "t.ex. krävs en konsekvensbedömning avseende grundläggande rättigheter (FRIA) av "
        "offentliga aktörer. Välj det som passar bäst; ni kan ändra det senare i svarsfilen.",
    },
    "done": {
        "da": "Alle relevante spørgsmål er besvaret.",
        "en": "All relevant questions are answered.",
        "sv": "Alla relevanta frågor är besvarade.",
    },
    "context": {"da": "Først lidt om jer", "en": "First, about you", "sv": "Först lite om er"},
    "examples": {"da": "Eksempler", "en": "Examples", "sv": "Exempel"},
    "progress": {
        "da": "spørgsmål besvaret",
        "en": "questions answered",
        "sv": "frågor besvarade",
    },
    "system_name": {
        "da": "Hvad hedder AI-systemet? (tryk Enter for at springe over)",
        "en": "What is the AI system called? (press Enter to skip)",
        "sv": "Vad heter AI-systemet? (tryck Enter för att hoppa över)",
    },
    "try_it": {
        "da": "Prøv selv: tillid assess (spørgeskema) eller tillid assess --answers FIL.",
        "en": "Try it yourself: tillid assess (questionnaire) or tillid assess --answers FILE.",
        "sv": "Prova själv: tillid assess (frågeformulär) eller tillid assess --answers FIL.",
    },
    # -- context profile
    "context.organisation_type": {
        "da": "Organisationstype",
        "en": "Organisation type",
        "sv": "Organisationstyp",
    },
    "context.country": {"da": "Land", "en": "Country", "sv": "Land"},
    "context.lifecycle_phase": {"da": "Fase", "en": "Lifecycle phase", "sv": "Fas"},
    "context.municipality": {"da": "Kommune", "en": "Municipality", "sv": "Kommun"},
    "context.region": {"da": "Region", "en": "Region", "sv": "Region"},
    "context.state_agency": {
        "da": "Statslig myndighed",
        "en": "State agency",
        "sv": "Statlig myndighet",
    },
    "context.other_public_body": {
        "da": "Anden offentlig myndighed",
        "en": "Other public body",
        "sv": "Annan offentlig aktör",
    },
    "context.private_public_service": {
        "da": "Privat aktør, der leverer offentlig service",
        "en": "Private body delivering a public service",
        "sv": "Privat aktör som levererar offentlig service",
    },
    "context.sme": {
        "da": "Lille eller mellemstor virksomhed",
        "en": "Small or medium-sized company",
        "sv": "Litet eller medelstort företag",
    },
    "context.company": {"da": "Anden virksomhed", "en": "Other company", "sv": "Annat företag"},
    "context.DK": {"da": "Danmark", "en": "Denmark", "sv": "Danmark"},
    "context.SE": {"da": "Sverige", "en": "Sweden", "sv": "Sverige"},
    "context.other_eu": {"da": "Andet EU-land", "en": "Other EU country", "sv": "Annat EU-land"},
    "context.non_eu": {"da": "Uden for EU", "en": "Outside the EU", "sv": "Utanför EU"},
    "context.procure": {"da": "Indkøb", "en": "Procure", "sv": "Upphandling"},
    "context.develop": {"da": "Udvikling", "en": "Develop", "sv": "Utveckling"},
    "context.adapt": {
        "da": "Tilpasning / fine-tuning",
        "en": "Adapt / fine-tune",
        "sv": "Anpassning",
    },
    "context.operate": {"da": "Drift", "en": "Operate", "sv": "Drift"},
    "context.retire": {"da": "Udfasning", "en": "Retire", "sv": "Avveckling"},
    # -- documents (tillid.reports.documents): common
    "doc.kind.report": {
        "da": "Vurderingsrapport",
        "en": "Assessment report",
        "sv": "Bedömningsrapport",
    },
    "doc.kind.dpia": {
        "da": "Udkast til konsekvensanalyse vedrørende databeskyttelse (DPIA)",
        "en": "Draft data protection impact assessment (DPIA)",
        "sv": "Utkast till konsekvensbedömning avseende dataskydd (DPIA)",
    },
    "doc.kind.fria": {
        "da": "Udkast til konsekvensanalyse for grundlæggende rettigheder (FRIA)",
        "en": "Draft fundamental-rights impact assessment (FRIA)",
        "sv": "Utkast till konsekvensbedömning avseende grundläggande rättigheter (FRIA)",
    },
    "doc.kind.procurement": {
        "da": "Bilag: krav til udbud og kontrakt",
        "en": "Annex: requirements for the tender and contract",
        "sv": "Bilaga: krav i upphandling och avtal",
    },
    "doc.header_note": {
        "da": "Udarbejdet med tillid ud fra jeres svar. Et arbejdsdokument, der støtter, men ikke erstatter juridisk rådgivning.",
        "en": "Prepared with tillid from your answers. A working document that supports, but does not replace, legal advice.",
        "sv": "Framtagen med tillid utifrån era svar. Ett arbetsdokument som stöder, men inte ersätter, juridisk rådgivning.",
    },
    "doc.prohibited": {
        "da": "Vurderingen konkluderer, at brugen er forbudt efter AI-forordningen artikel 5. Den må ikke købes, udvikles eller tages i brug som beskrevet; se vurderingsrapporten og lad en jurist vurdere sagen. Dette dokument er kun et udkast og ændrer ikke ved forbuddet.",
        "en": "The assessment concludes that the use is prohibited under AI Act Article 5. It must not be bought, developed or used as described; see the assessment report and have a lawyer review the case. This document is only a draft and does not change the prohibition.",
        "sv": "Bedömningen kommer fram till att användningen är förbjuden enligt AI-förordningen artikel 5. Den får inte köpas in, utvecklas eller användas som beskrivet; se bedömningsrapporten och låt en jurist bedöma frågan. Detta dokument är bara ett utkast och ändrar inte förbudet.",
    },
    "doc.untitled": {
        "da": "AI-system uden navn",
        "en": "Untitled AI system",
        "sv": "AI-system utan namn",
    },
    "doc.system": {"da": "System", "en": "System", "sv": "System"},
    "doc.packs": {"da": "Vidensgrundlag", "en": "Knowledge packs", "sv": "Kunskapsunderlag"},
    "doc.status": {"da": "Status", "en": "Status", "sv": "Status"},
    "doc.complete": {
        "da": "Alle relevante spørgsmål er besvaret",
        "en": "All relevant questions answered",
        "sv": "Alla relevanta frågor är besvarade",
    },
    "doc.incomplete": {
        "da": "Ufuldstændig: {n} spørgsmål er ubesvaret",
        "en": "Incomplete: {n} question(s) open",
        "sv": "Ofullständig: {n} fråga/frågor obesvarade",
    },
    "doc.to_complete": {"da": "Udfyldes af jer", "en": "To be completed", "sv": "Fylls i av er"},
    "doc.not_assessed": {
        "da": "Ikke vurderet: ingen indlæst vidensbase dækker dette.",
        "en": "Not assessed: no loaded knowledge pack covers this.",
        "sv": "Inte bedömt: inget inläst kunskapspaket täcker detta.",
    },
    "doc.conclusions": {"da": "Konklusioner", "en": "Conclusions", "sv": "Slutsatser"},
    "doc.open_intro": {
        "da": "Disse spørgsmål er endnu ikke besvaret; svarene kan ændre konklusionerne.",
        "en": "These questions are still open; their answers may change the conclusions.",
        "sv": "Dessa frågor är ännu obesvarade; svaren kan ändra slutsatserna.",
    },
    "doc.obligation": {"da": "Forpligtelse", "en": "Obligation", "sv": "Skyldighet"},
    "doc.when": {"da": "Gælder", "en": "Applies", "sv": "Gäller"},
    "doc.legal_version": {"da": "Retsgrundlag", "en": "Legal version", "sv": "Rättslig version"},
    "doc.date": {"da": "Dato", "en": "Date", "sv": "Datum"},
    "doc.measure": {"da": "Tiltag", "en": "Measure", "sv": "Åtgärd"},
    "doc.who": {"da": "Hvem", "en": "Who", "sv": "Vem"},
    "doc.measures_now_intro": {
        "da": "Tiltag markeret med ● hører til den fase, systemet er i nu.",
        "en": "Measures marked ● belong to the system's current lifecycle phase.",
        "sv": "Åtgärder markerade med ● hör till den fas systemet är i nu.",
    },
    "doc.risk_class": {
        "da": "Risikoklasse (AI-forordningen)",
        "en": "Risk class (AI Act)",
        "sv": "Riskklass (AI-förordningen)",
    },
    "doc.role": {
        "da": "Rolle (AI-forordningen)",
        "en": "Role (AI Act)",
        "sv": "Roll (AI-förordningen)",
    },
    "doc.condition": {"da": "Betingelse", "en": "Condition", "sv": "Villkor"},
    "doc.assessed": {"da": "Vurderet", "en": "Assessed", "sv": "Bedömt"},
    "doc.truth.true": {"da": "Ja", "en": "Yes", "sv": "Ja"},
    "doc.truth.false": {"da": "Nej", "en": "No", "sv": "Nej"},
    "doc.truth.unknown": {"da": "Uafklaret", "en": "Open", "sv": "Oklart"},
    "who.project_owner": {"da": "Projektejer", "en": "Project owner", "sv": "Projektägare"},
    "who.management": {"da": "Ledelsen", "en": "Management", "sv": "Ledningen"},
    "who.legal_dpo": {"da": "Jurist/DPO", "en": "Lawyer/DPO", "sv": "Jurist/dataskyddsombud"},
    "who.procurement": {"da": "Indkøb", "en": "Procurement", "sv": "Upphandling"},
    "who.data_scientist": {"da": "Data scientist", "en": "Data scientist", "sv": "Dataanalytiker"},
    "who.it_operations": {"da": "IT-drift", "en": "IT operations", "sv": "IT-drift"},
    "who.caseworker": {"da": "Sagsbehandler", "en": "Caseworker", "sv": "Handläggare"},
    "who.vendor": {"da": "Leverandør", "en": "Vendor", "sv": "Leverantör"},
    "doc.disclaimer": {"da": "Forbehold", "en": "Disclaimer", "sv": "Förbehåll"},
    "doc.approval.prompt": {
        "da": "Navn, funktion og dato for den, der godkender dokumentet på myndighedens vegne.",
        "en": "Name, role and date of the person approving this document for the authority.",
        "sv": "Namn, befattning och datum för den som godkänner dokumentet för myndighetens räkning.",
    },
    # -- documents: the assessment report's summary page
    "doc.summary": {"da": "Sammenfatning", "en": "Summary", "sv": "Sammanfattning"},
    "doc.summary.fria": {
        "da": "Konsekvensanalyse for grundlæggende rettigheder (FRIA)",
        "en": "Fundamental-rights impact assessment (FRIA)",
        "sv": "Konsekvensbedömning avseende grundläggande rättigheter (FRIA)",
    },
    "doc.summary.required": {"da": "Påkrævet", "en": "Required", "sv": "Krävs"},
    "doc.summary.not_required": {"da": "Ikke påkrævet", "en": "Not required", "sv": "Krävs inte"},
    "doc.summary.obligation_counts": {
        "da": "{now} gælder nu, {later} gælder fra en senere dato, {open} er endnu uafklarede",
        "en": "{now} apply now, {later} apply from a later date, {open} not yet determined",
        "sv": "{now} gäller nu, {later} gäller från ett senare datum, {open} är ännu oklara",
    },
    "doc.summary.deadlines": {
        "da": "Nærmeste frister",
        "en": "Nearest deadlines",
        "sv": "Närmaste tidsfrister",
    },
    "doc.summary.more": {"da": "og {n} til", "en": "and {n} more", "sv": "och {n} till"},
    "doc.summary.no_deadlines": {
        "da": "Ingen senere datoer: det, der gælder, gælder allerede",
        "en": "No later dates: what applies, applies already",
        "sv": "Inga senare datum: det som gäller, gäller redan",
    },
    "doc.summary.note": {
        "da": "Sammenfatningen forenkler. Hver konklusion følger i rapporten med begrundelse og retskilder, og forbeholdene står til sidst. tillid støtter, men erstatter ikke juridisk rådgivning.",
        "en": "This summary simplifies. Every conclusion follows in the report with its reasons and legal sources, and the disclaimers close it. tillid supports, but does not replace, legal advice.",
        "sv": "Sammanfattningen förenklar. Varje slutsats följer i rapporten med motivering och rättskällor, och förbehållen står sist. tillid stöder, men ersätter inte, juridisk rådgivning.",
    },
    # -- documents: DPIA draft (GDPR Art. 35(7))
    "dpia.need": {
        "da": "Er en konsekvensanalyse påkrævet?",
        "en": "Is an impact assessment required?",
        "sv": "Krävs en konsekvensbedömning?",
    },
    "dpia.no_personal_data": {
        "da": "Efter jeres svar behandler systemet ingen personoplysninger. Så kræver databeskyttelsesforordningen ingen konsekvensanalyse (artikel 35). Gem denne konklusion sammen med begrundelsen, og vurder igen, hvis systemet kommer til at behandle oplysninger om personer — også indirekte, fx via logs, fritekst eller data, der kan kobles til en person.",
        "en": "According to your answers the system processes no personal data. The GDPR then requires no impact assessment (Article 35). Keep this conclusion with its reasons, and assess again if the system comes to process information about people — also indirectly, e.g. through logs, free text or data that can be linked to a person.",
        "sv": "Enligt era svar behandlar systemet inga personuppgifter. Då kräver dataskyddsförordningen ingen konsekvensbedömning (artikel 35). Spara denna slutsats med motiveringen, och bedöm igen om systemet kommer att behandla uppgifter om personer — även indirekt, t.ex. genom loggar, fritext eller data som kan kopplas till en person.",
    },
    "dpia.personal_data_unknown": {
        "da": "Vurderingen har ikke afklaret, om systemet behandler personoplysninger. Udkastet går ud fra, at det gør; bekræft det.",
        "en": "The assessment has not settled whether the system processes personal data. This draft assumes it does; confirm it.",
        "sv": "Bedömningen har inte klarlagt om systemet behandlar personuppgifter. Utkastet utgår från att det gör det; bekräfta det.",
    },
    "dpia.required": {
        "da": "Ja: efter vurderingen er en konsekvensanalyse påkrævet, før behandlingen begynder (GDPR artikel 35).",
        "en": "Yes: according to the assessment an impact assessment is required before the processing starts (GDPR Article 35).",
        "sv": "Ja: enligt bedömningen krävs en konsekvensbedömning innan behandlingen påbörjas (GDPR artikel 35).",
    },
    "dpia.not_required": {
        "da": "Efter vurderingen er en konsekvensanalyse ikke påkrævet. Udkastet kan stadig bruges til at dokumentere jeres overvejelser.",
        "en": "According to the assessment an impact assessment is not required. This draft can still document your reasoning.",
        "sv": "Enligt bedömningen krävs ingen konsekvensbedömning. Utkastet kan ändå användas för att dokumentera era överväganden.",
    },
    "dpia.maybe": {
        "da": "Om en konsekvensanalyse er påkrævet, afhænger af spørgsmål, der endnu ikke er besvaret.",
        "en": "Whether an impact assessment is required depends on questions that are still open.",
        "sv": "Om en konsekvensbedömning krävs beror på frågor som ännu inte är besvarade.",
    },
    "dpia.required_by_aia": {
        "da": "Systemet er et højrisiko-AI-system, der behandler personoplysninger; en konsekvensanalyse efter GDPR artikel 35 må forventes at være påkrævet, og AI-forordningen kræver, at I bruger udbyderens oplysninger i den.",
        "en": "The system is a high-risk AI system processing personal data; an impact assessment under GDPR Article 35 should be expected to be required, and the AI Act requires you to use the provider's information in it.",
        "sv": "Systemet är ett AI-system med hög risk som behandlar personuppgifter; en konsekvensbedömning enligt GDPR artikel 35 måste förväntas krävas, och AI-förordningen kräver att ni använder leverantörens information i den.",
    },
    "dpia.gdpr_not_assessed": {
        "da": "GDPR er ikke vurderet: vidensbasen for databeskyttelse er ikke indlæst. Afklar med jeres databeskyttelsesrådgiver, om en konsekvensanalyse er påkrævet (artikel 35, stk. 1 og 3, og Datatilsynets/IMY's lister).",
        "en": "GDPR not assessed: the data protection knowledge pack is not loaded. Settle with your data protection officer whether an impact assessment is required (Article 35(1) and (3), and the supervisory authority's list).",
        "sv": "GDPR har inte bedömts: kunskapspaketet för dataskydd är inte inläst. Klargör med ert dataskyddsombud om en konsekvensbedömning krävs (artikel 35.1 och 35.3 samt IMY:s förteckning).",
    },
    "dpia.aia_art26_9": {
        "da": "AI-forordningen artikel 26, stk. 9: brug oplysningerne fra udbyderen (artikel 13) i konsekvensanalysen.",
        "en": "AI Act Article 26(9): use the provider's information (Article 13) in the impact assessment.",
        "sv": "AI-förordningen artikel 26.9: använd leverantörens information (artikel 13) i konsekvensbedömningen.",
    },
    "dpia.a": {
        "da": "Art. 35, stk. 7, litra a – Systematisk beskrivelse af behandlingen og formålene",
        "en": "Art. 35(7)(a) – Systematic description of the processing and its purposes",
        "sv": "Art. 35.7 a – Systematisk beskrivning av behandlingen och dess ändamål",
    },
    "dpia.a_intro": {
        "da": "De påtænkte behandlingsaktiviteter og formålene med behandlingen, herunder i givet fald den legitime interesse, som den dataansvarlige forfølger.",
        "en": "The envisaged processing operations and the purposes of the processing, including, where applicable, the legitimate interest pursued by the controller.",
        "sv": "Den planerade behandlingen och behandlingens ändamål, inbegripet, när det är tillämpligt, den personuppgiftsansvariges berättigade intresse.",
    },
    "dpia.system": {
        "da": "Systemet og sammenhængen",
        "en": "The system and its context",
        "sv": "Systemet och sammanhanget",
    },
    "dpia.purposes": {
        "da": "Formål og anvendelse",
        "en": "Purposes and use",
        "sv": "Ändamål och användning",
    },
    "dpia.from_answers": {
        "da": "Fra jeres svar i vurderingen:",
        "en": "From your answers in the assessment:",
        "sv": "Från era svar i bedömningen:",
    },
    "dpia.purpose_prompt": {
        "da": "Beskriv formålet med behandlingen med jeres egne ord, sagsgangen før og efter systemet, og hvilke afgørelser systemets resultater indgår i.",
        "en": "Describe the purpose of the processing in your own words, the workflow before and after the system, and which decisions its results feed into.",
        "sv": "Beskriv ändamålet med behandlingen med egna ord, handläggningen före och efter systemet, och vilka beslut dess resultat ingår i.",
    },
    "dpia.ai_act": {
        "da": "Klassificering efter AI-forordningen",
        "en": "Classification under the AI Act",
        "sv": "Klassificering enligt AI-förordningen",
    },
    "dpia.data": {
        "da": "Oplysninger og registrerede",
        "en": "Data and data subjects",
        "sv": "Uppgifter och registrerade",
    },
    "dpia.data_intro": {
        "da": "Felter, som jeres svar allerede besvarer, er udfyldt; uddyb dem, og udfyld resten.",
        "en": "Fields your answers already cover are filled in; add detail to them and complete the rest.",
        "sv": "Fält som era svar redan besvarar är ifyllda; komplettera dem och fyll i resten.",
    },
    "dpia.field": {"da": "Felt", "en": "Field", "sv": "Fält"},
    "dpia.entry": {"da": "Beskrivelse", "en": "Description", "sv": "Beskrivning"},
    "dpia.field.subjects": {
        "da": "Kategorier af registrerede",
        "en": "Categories of data subjects",
        "sv": "Kategorier av registrerade",
    },
    "dpia.field.categories": {
        "da": "Kategorier af personoplysninger",
        "en": "Categories of personal data",
        "sv": "Kategorier av personuppgifter",
    },
    "dpia.field.special": {
        "da": "Følsomme oplysninger (art. 9) og strafbare forhold (art. 10)",
        "en": "Special categories (Art. 9) and criminal data (Art. 10)",
        "sv": "Känsliga uppgifter (art. 9) och lagöverträdelser (art. 10)",
    },
    "dpia.field.sources": {
        "da": "Kilder til oplysningerne",
        "en": "Sources of the data",
        "sv": "Källor till uppgifterna",
    },
    "dpia.field.recipients": {"da": "Modtagere", "en": "Recipients", "sv": "Mottagare"},
    "dpia.field.processors": {
        "da": "Databehandlere og underdatabehandlere",
        "en": "Processors and sub-processors",
        "sv": "Personuppgiftsbiträden och underbiträden",
    },
    "dpia.field.transfers": {
        "da": "Overførsel til tredjelande",
        "en": "Transfers to third countries",
        "sv": "Överföring till tredjeland",
    },
    "dpia.field.retention": {
        "da": "Opbevaringsperiode og sletning",
        "en": "Retention period and deletion",
        "sv": "Lagringstid och gallring",
    },
    "dpia.field.volume": {
        "da": "Omfang (antal personer, hyppighed)",
        "en": "Scale (number of people, frequency)",
        "sv": "Omfattning (antal personer, frekvens)",
    },
    "dpia.gdpr_facts": {
        "da": "Konklusioner efter databeskyttelsesreglerne",
        "en": "Conclusions under data protection law",
        "sv": "Slutsatser enligt dataskyddsreglerna",
    },
    "dpia.b": {
        "da": "Art. 35, stk. 7, litra b – Nødvendighed og proportionalitet",
        "en": "Art. 35(7)(b) – Necessity and proportionality",
        "sv": "Art. 35.7 b – Nödvändighet och proportionalitet",
    },
    "dpia.b_intro": {
        "da": "En vurdering af, om behandlingsaktiviteterne er nødvendige og står i rimeligt forhold til formålene.",
        "en": "An assessment of the necessity and proportionality of the processing operations in relation to the purposes.",
        "sv": "En bedömning av behovet av och proportionaliteten i behandlingen i förhållande till ändamålen.",
    },
    "dpia.gdpr_duties": {
        "da": "Pligter efter databeskyttelsesreglerne, som vurderingen har fundet:",
        "en": "Duties under data protection law that the assessment found:",
        "sv": "Skyldigheter enligt dataskyddsreglerna som bedömningen har funnit:",
    },
    "dpia.b.legal_basis": {
        "da": "Behandlingsgrundlag",
        "en": "Legal basis",
        "sv": "Rättslig grund",
    },
    "dpia.b.legal_basis.prompt": {
        "da": "Angiv behandlingsgrundlaget (art. 6, stk. 1, litra c eller e, og for følsomme oplysninger art. 9, stk. 2, litra g) og den nationale lovhjemmel — både for udvikling/træning og for drift.",
        "en": "State the legal basis (Art. 6(1)(c) or (e), and for special categories Art. 9(2)(g)) and the national legal provision — for development/training and for operation separately.",
        "sv": "Ange den rättsliga grunden (art. 6.1 c eller e, och för känsliga uppgifter art. 9.2 g) och stödet i nationell rätt — både för utveckling/träning och för drift.",
    },
    "dpia.b.necessity": {"da": "Nødvendighed", "en": "Necessity", "sv": "Nödvändighet"},
    "dpia.b.necessity.prompt": {
        "da": "Hvorfor kan formålet ikke nås med mindre indgribende midler (fx uden AI, med færre oplysninger eller stikprøver)?",
        "en": "Why can the purpose not be reached by less intrusive means (e.g. without AI, with less data or with random samples)?",
        "sv": "Varför kan ändamålet inte uppnås med mindre ingripande medel (t.ex. utan AI, med färre uppgifter eller stickprov)?",
    },
    "dpia.b.minimisation": {
        "da": "Dataminimering",
        "en": "Data minimisation",
        "sv": "Uppgiftsminimering",
    },
    "dpia.b.minimisation.prompt": {
        "da": "Hvilke oplysninger er fravalgt, og hvorfor er de resterende nødvendige for formålet?",
        "en": "Which data were left out, and why is the remaining data necessary for the purpose?",
        "sv": "Vilka uppgifter har valts bort, och varför är de återstående nödvändiga för ändamålet?",
    },
    "dpia.b.retention_b": {
        "da": "Opbevaring",
        "en": "Storage limitation",
        "sv": "Lagringsminimering",
    },
    "dpia.b.retention_b.prompt": {
        "da": "Hvor længe opbevares input, resultater og logs, og hvordan slettes de? (AI-forordningen kræver logs i mindst seks måneder for højrisiko-systemer.)",
        "en": "How long are inputs, results and logs kept, and how are they deleted? (The AI Act requires logs to be kept at least six months for high-risk systems.)",
        "sv": "Hur länge sparas indata, resultat och loggar, och hur gallras de? (AI-förordningen kräver att loggar sparas i minst sex månader för högrisksystem.)",
    },
    "dpia.b.rights": {
        "da": "De registreredes rettigheder",
        "en": "Data subjects' rights",
        "sv": "De registrerades rättigheter",
    },
    "dpia.b.rights.prompt": {
        "da": "Hvordan informeres de registrerede (art. 13–14), og hvordan opfyldes indsigt, berigtigelse og indsigelse — og ved automatiske afgørelser art. 22?",
        "en": "How are data subjects informed (Art. 13–14), and how are access, rectification and objection handled — and for automated decisions Art. 22?",
        "sv": "Hur informeras de registrerade (art. 13–14), och hur hanteras tillgång, rättelse och invändning — och vid automatiserade beslut art. 22?",
    },
    "dpia.c": {
        "da": "Art. 35, stk. 7, litra c – Risici for de registreredes rettigheder og frihedsrettigheder",
        "en": "Art. 35(7)(c) – Risks to the rights and freedoms of data subjects",
        "sv": "Art. 35.7 c – Risker för de registrerades rättigheter och friheter",
    },
    "dpia.c_intro": {
        "da": "Vurder sandsynlighed og alvor for hver risiko set fra de registreredes side.",
        "en": "Assess the likelihood and severity of each risk from the data subjects' point of view.",
        "sv": "Bedöm sannolikhet och allvar för varje risk ur de registrerades perspektiv.",
    },
    "dpia.known_risks": {
        "da": "Hvad vurderingen allerede viser",
        "en": "What the assessment already shows",
        "sv": "Vad bedömningen redan visar",
    },
    "dpia.signal.profiling": {
        "da": "Systemet profilerer personer (GDPR art. 4, nr. 4) — et af kriterierne for, at en konsekvensanalyse er påkrævet.",
        "en": "The system profiles people (GDPR Art. 4(4)) — one of the criteria that make an impact assessment required.",
        "sv": "Systemet profilerar personer (GDPR art. 4.4) — ett av kriterierna för att en konsekvensbedömning krävs.",
    },
    "dpia.signal.art22": {
        "da": "Resultaterne indgår i afgørelser med retsvirkning eller tilsvarende betydelige følger; vurder GDPR art. 22 og de nationale forvaltningsregler.",
        "en": "The results feed into decisions with legal or similarly significant effects; assess GDPR Art. 22 and national administrative law.",
        "sv": "Resultaten ingår i beslut med rättsverkan eller liknande betydande följder; bedöm GDPR art. 22 och förvaltningsrättsliga regler.",
    },
    "dpia.signal.high_risk": {
        "da": "Systemet er et højrisiko-AI-system efter AI-forordningen; brug udbyderens brugsanvisning (risici, nøjagtighed, begrænsninger) i vurderingen.",
        "en": "The system is a high-risk AI system under the AI Act; use the provider's instructions for use (risks, accuracy, limitations) in the assessment.",
        "sv": "Systemet är ett AI-system med hög risk enligt AI-förordningen; använd leverantörens bruksanvisning (risker, noggrannhet, begränsningar) i bedömningen.",
    },
    "dpia.risk_table": {"da": "Risikovurdering", "en": "Risk assessment", "sv": "Riskbedömning"},
    "dpia.risk": {"da": "Risiko", "en": "Risk", "sv": "Risk"},
    "dpia.likelihood": {"da": "Sandsynlighed", "en": "Likelihood", "sv": "Sannolikhet"},
    "dpia.severity": {"da": "Alvor", "en": "Severity", "sv": "Allvar"},
    "dpia.risk_measure": {
        "da": "Tiltag (se litra d)",
        "en": "Measure (see (d))",
        "sv": "Åtgärd (se d)",
    },
    "dpia.risk.discrimination": {
        "da": "Forskelsbehandling: systemet rammer grupper skævt (fx køn, alder, herkomst)",
        "en": "Discrimination: the system treats groups unequally (e.g. sex, age, origin)",
        "sv": "Diskriminering: systemet slår olika mot grupper (t.ex. kön, ålder, ursprung)",
    },
    "dpia.risk.error": {
        "da": "Fejlagtige resultater fører til forkerte afgørelser om personer",
        "en": "Wrong results lead to wrong decisions about people",
        "sv": "Felaktiga resultat leder till felaktiga beslut om personer",
    },
    "dpia.risk.opacity": {
        "da": "Manglende gennemsigtighed: personer kan ikke forstå eller anfægte resultatet",
        "en": "Opacity: people cannot understand or challenge the result",
        "sv": "Bristande transparens: personer kan inte förstå eller ifrågasätta resultatet",
    },
    "dpia.risk.security": {
        "da": "Brud på datasikkerheden (uautoriseret adgang, lækage fra model eller logs)",
        "en": "Security breach (unauthorised access, leakage from the model or logs)",
        "sv": "Säkerhetsincident (obehörig åtkomst, läckage från modellen eller loggar)",
    },
    "dpia.risk.function_creep": {
        "da": "Formålsskred: oplysninger eller resultater bruges til andet end formålet",
        "en": "Function creep: data or results are used for other purposes",
        "sv": "Ändamålsglidning: uppgifter eller resultat används för andra ändamål",
    },
    "dpia.c.prompt": {
        "da": "Udfyld tabellen (lav/middel/høj), og tilføj risici, der er særlige for jeres sagsområde.",
        "en": "Fill in the table (low/medium/high), and add risks particular to your field.",
        "sv": "Fyll i tabellen (låg/medel/hög), och lägg till risker som är särskilda för ert område.",
    },
    "dpia.d": {
        "da": "Art. 35, stk. 7, litra d – Foranstaltninger til at imødegå risiciene",
        "en": "Art. 35(7)(d) – Measures envisaged to address the risks",
        "sv": "Art. 35.7 d – Åtgärder för att hantera riskerna",
    },
    "dpia.d_intro": {
        "da": "Garantier, sikkerhedsforanstaltninger og mekanismer, der sikrer beskyttelsen af personoplysninger og påviser overholdelse. Tiltagene nedenfor kommer fra vurderingen.",
        "en": "Safeguards, security measures and mechanisms to ensure the protection of personal data and to demonstrate compliance. The measures below come from the assessment.",
        "sv": "Skyddsåtgärder, säkerhetsåtgärder och mekanismer för att säkerställa skyddet av personuppgifter och visa att förordningen efterlevs. Åtgärderna nedan kommer från bedömningen.",
    },
    "dpia.d.prompt": {
        "da": "Tilføj tekniske og organisatoriske sikkerhedsforanstaltninger (art. 32), og angiv for hver risiko i litra c, hvilket tiltag der imødegår den, og den tilbageværende risiko.",
        "en": "Add technical and organisational security measures (Art. 32), and state for each risk under (c) which measure addresses it and the remaining risk.",
        "sv": "Lägg till tekniska och organisatoriska säkerhetsåtgärder (art. 32), och ange för varje risk under c vilken åtgärd som hanterar den och den kvarstående risken.",
    },
    "dpia.sign_off": {
        "da": "Udtalelser og godkendelse",
        "en": "Opinions and approval",
        "sv": "Yttranden och godkännande",
    },
    "dpia.sign.dpo": {
        "da": "Databeskyttelsesrådgiverens udtalelse (art. 35, stk. 2)",
        "en": "Data protection officer's advice (Art. 35(2))",
        "sv": "Dataskyddsombudets yttrande (art. 35.2)",
    },
    "dpia.sign.dpo.prompt": {
        "da": "Rådgiverens udtalelse, og om den er fulgt (hvis ikke: hvorfor).",
        "en": "The officer's advice, and whether it was followed (if not: why).",
        "sv": "Ombudets yttrande, och om det har följts (om inte: varför).",
    },
    "dpia.sign.subjects_views": {
        "da": "De registreredes synspunkter (art. 35, stk. 9)",
        "en": "Views of data subjects (Art. 35(9))",
        "sv": "De registrerades synpunkter (art. 35.9)",
    },
    "dpia.sign.subjects_views.prompt": {
        "da": "Hvordan er de berørte eller deres repræsentanter hørt, og hvad sagde de?",
        "en": "How were those affected or their representatives consulted, and what did they say?",
        "sv": "Hur har de berörda eller deras företrädare hörts, och vad sa de?",
    },
    "dpia.sign.prior_consultation": {
        "da": "Forudgående høring (art. 36)",
        "en": "Prior consultation (Art. 36)",
        "sv": "Förhandssamråd (art. 36)",
    },
    "dpia.sign.prior_consultation.prompt": {
        "da": "Er der en høj tilbageværende risiko? Så skal tilsynsmyndigheden (Datatilsynet/IMY) høres, før behandlingen begynder.",
        "en": "Is there a high remaining risk? Then the supervisory authority must be consulted before the processing starts.",
        "sv": "Finns det en hög kvarstående risk? Då ska tillsynsmyndigheten (IMY) rådfrågas innan behandlingen påbörjas.",
    },
    "dpia.sign.review": {"da": "Opfølgning", "en": "Review", "sv": "Uppföljning"},
    "dpia.sign.review.prompt": {
        "da": "Hvornår og ved hvilke ændringer (ny model, nye data, nyt formål) gennemgås analysen igen?",
        "en": "When, and after which changes (new model, new data, new purpose), is the assessment reviewed?",
        "sv": "När, och vid vilka ändringar (ny modell, nya data, nytt ändamål), ses bedömningen över igen?",
    },
    "dpia.sign.approval": {"da": "Godkendelse", "en": "Approval", "sv": "Godkännande"},
    "dpia.sign.approval.prompt": {
        "da": "Navn, funktion og dato for den, der godkender analysen på den dataansvarliges vegne.",
        "en": "Name, role and date of the person approving the assessment for the controller.",
        "sv": "Namn, befattning och datum för den som godkänner bedömningen för den personuppgiftsansvarige.",
    },
    # -- documents: FRIA draft (AI Act Art. 27)
    "fria.need": {
        "da": "Er en konsekvensanalyse for grundlæggende rettigheder påkrævet?",
        "en": "Is a fundamental-rights impact assessment required?",
        "sv": "Krävs en konsekvensbedömning avseende grundläggande rättigheter?",
    },
    "fria.not_assessed": {
        "da": "Ikke vurderet: vidensbasen for AI-forordningen er ikke indlæst, så det er ikke afklaret, om artikel 27 gælder.",
        "en": "Not assessed: the AI Act knowledge pack is not loaded, so whether Article 27 applies is not settled.",
        "sv": "Inte bedömt: kunskapspaketet för AI-förordningen är inte inläst, så det är inte klarlagt om artikel 27 gäller.",
    },
    "fria.required": {
        "da": "Ja. Før systemet tages i brug første gang, skal I vurdere, hvordan det påvirker de grundlæggende rettigheder (AI-forordningen artikel 27). Begrundelse:",
        "en": "Yes. Before the system is first put into use you must assess its impact on fundamental rights (AI Act Article 27). Reasons:",
        "sv": "Ja. Innan systemet tas i bruk första gången ska ni bedöma hur det påverkar de grundläggande rättigheterna (AI-förordningen artikel 27). Skäl:",
    },
    "fria.maybe": {
        "da": "Måske: det afhænger af spørgsmål, der endnu ikke er besvaret. Udkastet er lavet, så I kan komme i gang; besvar først disse:",
        "en": "Possibly: it depends on questions still open. The draft is made so you can start; answer these first:",
        "sv": "Kanske: det beror på frågor som ännu inte är besvarade. Utkastet är gjort så att ni kan komma igång; besvara först dessa:",
    },
    "fria.deadline": {
        "da": "pligten efter artikel 27 gælder for første ibrugtagning fra denne dato.",
        "en": "the Article 27 duty applies to first use from this date.",
        "sv": "skyldigheten enligt artikel 27 gäller för första användning från detta datum.",
    },
    "fria.deadline_now": {
        "da": "pligten efter artikel 27 gælder allerede; analysen skal foreligge før første ibrugtagning.",
        "en": "the Article 27 duty already applies; the assessment must be done before first use.",
        "sv": "skyldigheten enligt artikel 27 gäller redan; bedömningen ska vara klar före första användning.",
    },
    "fria.reuse_dpia": {
        "da": "Er en del af disse punkter allerede dækket af konsekvensanalysen vedrørende databeskyttelse (DPIA), skal denne analyse supplere DPIA'en — genbrug den, og henvis til den.",
        "en": "Where points below are already covered by the data protection impact assessment (DPIA), this assessment complements it — reuse the DPIA and refer to it.",
        "sv": "Om någon av punkterna nedan redan täcks av konsekvensbedömningen avseende dataskydd (DPIA) ska denna bedömning komplettera den — återanvänd DPIA:n och hänvisa till den.",
    },
    "fria.not_required": {
        "da": "Nej. Efter vurderingen er en konsekvensanalyse for grundlæggende rettigheder efter AI-forordningen artikel 27 ikke påkrævet. Den kræves kun af idriftsættere af højrisiko-systemer efter bilag III (undtagen punkt 2, kritisk infrastruktur), som er offentligretlige organer eller private, der leverer offentlige tjenester, eller som bruger systemet til kreditvurdering eller prisfastsættelse af livs- og sygeforsikring. Sådan ser betingelserne ud for jeres system:",
        "en": "No. According to the assessment a fundamental-rights impact assessment under AI Act Article 27 is not required. It is only required of deployers of Annex III high-risk systems (except point 2, critical infrastructure) that are bodies governed by public law or private entities providing public services, or that use the system for credit scoring or life and health insurance pricing. This is how the conditions stand for your system:",
        "sv": "Nej. Enligt bedömningen krävs ingen konsekvensbedömning avseende grundläggande rättigheter enligt AI-förordningen artikel 27. Den krävs bara av tillhandahållare av högrisksystem enligt bilaga III (utom punkt 2, kritisk infrastruktur) som är offentligrättsliga organ eller privata aktörer som tillhandahåller offentliga tjänster, eller som använder systemet för kreditbedömning eller prissättning av liv- och sjukförsäkring. Så här ser villkoren ut för ert system:",
    },
    "fria.not_required_hint": {
        "da": "Vurder igen, hvis systemets formål, jeres rolle eller brugen ændres. En frivillig analyse af påvirkningen af borgernes rettigheder kan stadig være god forvaltningsskik.",
        "en": "Assess again if the system's purpose, your role or the use changes. A voluntary analysis of the impact on people's rights can still be good administrative practice.",
        "sv": "Bedöm igen om systemets ändamål, er roll eller användningen ändras. En frivillig analys av påverkan på människors rättigheter kan ändå vara god förvaltningssed.",
    },
    "fria.a": {
        "da": "Art. 27, stk. 1, litra a – Processer, hvor systemet anvendes",
        "en": "Art. 27(1)(a) – Processes in which the system is used",
        "sv": "Art. 27.1 a – Processer där systemet används",
    },
    "fria.a_intro": {
        "da": "En beskrivelse af jeres processer, hvor højrisiko-systemet anvendes i overensstemmelse med dets tilsigtede formål.",
        "en": "A description of your processes in which the high-risk system will be used in line with its intended purpose.",
        "sv": "En beskrivning av era processer där högrisksystemet används i enlighet med dess avsedda ändamål.",
    },
    "fria.a.prompt": {
        "da": "Beskriv sagsgangen trin for trin: hvem bruger systemet, hvornår i sagen, hvad der sker med resultatet, og hvem der træffer afgørelsen.",
        "en": "Describe the workflow step by step: who uses the system, at which point in the case, what happens with the result, and who takes the decision.",
        "sv": "Beskriv handläggningen steg för steg: vem använder systemet, när i ärendet, vad som händer med resultatet, och vem som fattar beslutet.",
    },
    "fria.b": {
        "da": "Art. 27, stk. 1, litra b – Periode og hyppighed",
        "en": "Art. 27(1)(b) – Period and frequency of use",
        "sv": "Art. 27.1 b – Tidsperiod och frekvens",
    },
    "fria.b_intro": {
        "da": "Den periode, hvori systemet er beregnet til at blive anvendt, og hvor ofte.",
        "en": "The period of time within which, and the frequency with which, the system is intended to be used.",
        "sv": "Den tidsperiod under vilken, och den frekvens med vilken, systemet är avsett att användas.",
    },
    "fria.b.prompt": {
        "da": "Fx: fra dato X, løbende; en kørsel pr. måned på alle aktive sager; ca. N personer pr. år.",
        "en": "E.g.: from date X, ongoing; one run per month over all active cases; about N people a year.",
        "sv": "T.ex.: från datum X, löpande; en körning per månad på alla aktiva ärenden; cirka N personer per år.",
    },
    "fria.c": {
        "da": "Art. 27, stk. 1, litra c – Berørte personer og grupper",
        "en": "Art. 27(1)(c) – Categories of persons and groups affected",
        "sv": "Art. 27.1 c – Berörda personer och grupper",
    },
    "fria.c_intro": {
        "da": "De kategorier af fysiske personer og grupper, der sandsynligvis vil blive berørt af brugen i den konkrete sammenhæng.",
        "en": "The categories of natural persons and groups likely to be affected by its use in the specific context.",
        "sv": "De kategorier av fysiska personer och grupper som sannolikt påverkas av användningen i det specifika sammanhanget.",
    },
    "fria.c.prompt": {
        "da": "Hvem berøres direkte og indirekte (fx ansøgere, modtagere, familiemedlemmer, medarbejdere), og er der særligt sårbare grupper (børn, ældre, personer med handicap, personer, der ikke taler sproget)?",
        "en": "Who is affected directly and indirectly (e.g. applicants, recipients, family members, staff), and are there particularly vulnerable groups (children, older people, people with disabilities, people who do not speak the language)?",
        "sv": "Vilka berörs direkt och indirekt (t.ex. sökande, mottagare, familjemedlemmar, anställda), och finns det särskilt sårbara grupper (barn, äldre, personer med funktionsnedsättning, personer som inte talar språket)?",
    },
    "fria.d": {
        "da": "Art. 27, stk. 1, litra d – Specifikke risici for skade",
        "en": "Art. 27(1)(d) – Specific risks of harm",
        "sv": "Art. 27.1 d – Specifika risker för skada",
    },
    "fria.d_intro": {
        "da": "De specifikke risici for skade, der kan påvirke de personer og grupper, der er nævnt under litra c, under hensyn til udbyderens oplysninger efter artikel 13 (brugsanvisningen).",
        "en": "The specific risks of harm likely to affect the persons and groups identified under (c), taking into account the information given by the provider under Article 13 (the instructions for use).",
        "sv": "De specifika risker för skada som kan påverka de personer och grupper som anges under c, med beaktande av leverantörens information enligt artikel 13 (bruksanvisningen).",
    },
    "fria.right": {
        "da": "Rettighed (EU's charter)",
        "en": "Right (EU Charter)",
        "sv": "Rättighet (EU-stadgan)",
    },
    "fria.harm": {"da": "Mulig skade", "en": "Possible harm", "sv": "Möjlig skada"},
    "fria.right.dignity": {
        "da": "Menneskelig værdighed (art. 1)",
        "en": "Human dignity (Art. 1)",
        "sv": "Människans värdighet (art. 1)",
    },
    "fria.right.privacy": {
        "da": "Respekt for privatliv (art. 7)",
        "en": "Respect for private life (Art. 7)",
        "sv": "Respekt för privatlivet (art. 7)",
    },
    "fria.right.data": {
        "da": "Beskyttelse af personoplysninger (art. 8)",
        "en": "Protection of personal data (Art. 8)",
        "sv": "Skydd av personuppgifter (art. 8)",
    },
    "fria.right.equality": {
        "da": "Ikke-forskelsbehandling (art. 21)",
        "en": "Non-discrimination (Art. 21)",
        "sv": "Icke-diskriminering (art. 21)",
    },
    "fria.right.good_administration": {
        "da": "God forvaltning (art. 41)",
        "en": "Good administration (Art. 41)",
        "sv": "God förvaltning (art. 41)",
    },
    "fria.right.remedy": {
        "da": "Effektive retsmidler (art. 47)",
        "en": "Effective remedy (Art. 47)",
        "sv": "Effektiva rättsmedel (art. 47)",
    },
    "fria.right.social": {
        "da": "Social sikring og bistand (art. 34)",
        "en": "Social security and assistance (Art. 34)",
        "sv": "Social trygghet och socialt bistånd (art. 34)",
    },
    "fria.d.prompt": {
        "da": "Udfyld tabellen med udgangspunkt i brugsanvisningens oplysninger om nøjagtighed, kendte begrænsninger og forudsigelige risici; slet rettigheder, der ikke er berørt, og tilføj andre.",
        "en": "Fill in the table starting from the instructions' information on accuracy, known limitations and foreseeable risks; remove rights not affected and add others.",
        "sv": "Fyll i tabellen utifrån bruksanvisningens uppgifter om noggrannhet, kända begränsningar och förutsebara risker; ta bort rättigheter som inte berörs och lägg till andra.",
    },
    "fria.e": {
        "da": "Art. 27, stk. 1, litra e – Menneskeligt tilsyn",
        "en": "Art. 27(1)(e) – Human oversight",
        "sv": "Art. 27.1 e – Mänsklig tillsyn",
    },
    "fria.e_intro": {
        "da": "En beskrivelse af, hvordan foranstaltningerne til menneskeligt tilsyn gennemføres i henhold til brugsanvisningen.",
        "en": "A description of the implementation of human oversight measures, according to the instructions for use.",
        "sv": "En beskrivning av hur åtgärderna för mänsklig tillsyn genomförs enligt bruksanvisningen.",
    },
    "fria.e.prompt": {
        "da": "Hvem fører tilsyn (navn/funktion), hvilken uddannelse og myndighed har de, hvordan ser de systemets usikkerhed, og hvordan tilsidesætter eller stopper de det?",
        "en": "Who oversees (name/role), what training and authority do they have, how do they see the system's uncertainty, and how do they override or stop it?",
        "sv": "Vem utövar tillsyn (namn/befattning), vilken utbildning och befogenhet har de, hur ser de systemets osäkerhet, och hur åsidosätter eller stoppar de det?",
    },
    "fria.f": {
        "da": "Art. 27, stk. 1, litra f – Tiltag, hvis risiciene indtræffer",
        "en": "Art. 27(1)(f) – Measures if the risks materialise",
        "sv": "Art. 27.1 f – Åtgärder om riskerna förverkligas",
    },
    "fria.f_intro": {
        "da": "De foranstaltninger, der skal træffes, hvis risiciene indtræffer, herunder ordningerne for intern styring og klagemekanismer.",
        "en": "The measures to be taken if those risks materialise, including the arrangements for internal governance and complaint mechanisms.",
        "sv": "De åtgärder som ska vidtas om riskerna förverkligas, inklusive arrangemangen för intern styrning och klagomålsmekanismer.",
    },
    "fria.f.governance": {
        "da": "Intern styring",
        "en": "Internal governance",
        "sv": "Intern styrning",
    },
    "fria.f.governance.prompt": {
        "da": "Hvem ejer systemet og risiciene, hvem rapporteres der til, og hvor ofte følges der op?",
        "en": "Who owns the system and its risks, who is reported to, and how often is it followed up?",
        "sv": "Vem äger systemet och riskerna, vem rapporteras det till, och hur ofta följs det upp?",
    },
    "fria.f.complaints": {"da": "Klageadgang", "en": "Complaints", "sv": "Klagomål"},
    "fria.f.complaints.prompt": {
        "da": "Hvordan kan en borger klage over eller få forklaret en afgørelse, hvor systemet indgik, og hvordan indgår klagerne i opfølgningen?",
        "en": "How can a person complain about, or get an explanation of, a decision the system was part of, and how do complaints feed into follow-up?",
        "sv": "Hur kan en person klaga på, eller få en förklaring till, ett beslut där systemet ingick, och hur används klagomålen i uppföljningen?",
    },
    "fria.f.stop": {
        "da": "Når noget går galt",
        "en": "When something goes wrong",
        "sv": "När något går fel",
    },
    "fria.f.stop.prompt": {
        "da": "Hvornår sættes brugen i bero, hvem underrettes (udbyder, markedsovervågningsmyndighed), og hvordan rettes fejl i afgørelser, der allerede er truffet?",
        "en": "When is use suspended, who is notified (provider, market surveillance authority), and how are errors in decisions already taken corrected?",
        "sv": "När avbryts användningen, vem underrättas (leverantör, marknadskontrollmyndighet), och hur rättas fel i beslut som redan fattats?",
    },
    "fria.notify": {
        "da": "Meddelelse til markedsovervågningsmyndigheden (art. 27, stk. 3)",
        "en": "Notification of the market surveillance authority (Art. 27(3))",
        "sv": "Anmälan till marknadskontrollmyndigheten (art. 27.3)",
    },
    "fria.notify_text": {
        "da": "Når analysen er gennemført, skal I meddele resultatet til markedsovervågningsmyndigheden og indsende den udfyldte skabelon fra AI-kontoret. Opdatér analysen, hvis noget af ovenstående ændrer sig.",
        "en": "Once the assessment is done, notify the market surveillance authority of its results, submitting the AI Office's filled-in template. Update the assessment if any of the above changes.",
        "sv": "När bedömningen är genomförd ska ni anmäla resultatet till marknadskontrollmyndigheten och lämna in AI-byråns ifyllda mall. Uppdatera bedömningen om något av ovanstående ändras.",
    },
    "fria.notify.prompt": {
        "da": "Dato for meddelelsen, myndighed og journalnummer.",
        "en": "Date of notification, authority and reference number.",
        "sv": "Datum för anmälan, myndighet och diarienummer.",
    },
    # -- documents: procurement requirements annex
    "proc.basis": {"da": "Grundlag", "en": "Basis", "sv": "Underlag"},
    "proc.intro": {
        "da": "Kravene nedenfor er valgt ud fra vurderingen af systemet. Indsæt dem i udbudsmaterialet eller kontrakten, og tilpas dem til udbudsformen (mindstekrav eller tildelingskriterier). Henvisningerne viser, hvor kravet kommer fra.",
        "en": "The requirements below were chosen from the assessment of the system. Put them in the tender documents or the contract and adapt them to the procedure (minimum requirements or award criteria). The references show where each comes from.",
        "sv": "Kraven nedan är valda utifrån bedömningen av systemet. För in dem i upphandlingsdokumenten eller avtalet och anpassa dem till förfarandet (obligatoriska krav eller tilldelningskriterier). Hänvisningarna visar var kraven kommer ifrån.",
    },
    "proc.requirements": {
        "da": "Krav til leverandøren",
        "en": "Requirements for the supplier",
        "sv": "Krav på leverantören",
    },
    "proc.further": {
        "da": "Yderligere krav fra vurderingen",
        "en": "Further requirements from the assessment",
        "sv": "Ytterligare krav från bedömningen",
    },
    "proc.further_intro": {
        "da": "Tiltag fra vidensbaserne, som hører til indkøbet og involverer leverandøren eller indkøb.",
        "en": "Measures from the knowledge packs that belong to procurement and involve the supplier or the procurement officer.",
        "sv": "Åtgärder från kunskapspaketen som hör till upphandlingen och involverar leverantören eller upphandlaren.",
    },
    "proc.own": {
        "da": "Jeres egne opgaver under indkøbet",
        "en": "Your own tasks during procurement",
        "sv": "Era egna uppgifter under upphandlingen",
    },
    "proc.own_intro": {
        "da": "Ikke krav til leverandøren, men det, I selv skal have på plads, før kontrakten underskrives.",
        "en": "Not requirements for the supplier, but what you must have in place yourselves before the contract is signed.",
        "sv": "Inte krav på leverantören, utan det ni själva ska ha på plats innan avtalet undertecknas.",
    },
    "proc.documents": {
        "da": "Dokumenter, leverandøren skal aflevere",
        "en": "Documents to demand from the supplier",
        "sv": "Dokument som leverantören ska lämna",
    },
    "proc.documents_text": {
        "da": "Saml dokumenterne i en dokumentationsmappe for systemet, og kontrollér dem før accept af leverancen.",
        "en": "Collect the documents in one documentation folder for the system, and check them before accepting delivery.",
        "sv": "Samla dokumenten i en dokumentationsmapp för systemet, och kontrollera dem innan leveransen godkänns.",
    },
    "proc.if_open": {
        "da": "(Hvis {condition} — endnu ikke afklaret:)",
        "en": "(If {condition} — not yet settled:)",
        "sv": "(Om {condition} — ännu inte klarlagt:)",
    },
    "proc.if_open_and": {"da": " og ", "en": " and ", "sv": " och "},
    "proc.if_open_questions": {
        "da": "(Afhænger af ubesvarede spørgsmål — endnu ikke afklaret:)",
        "en": "(Depends on open questions — not yet settled:)",
        "sv": "(Beror på obesvarade frågor — ännu inte klarlagt:)",
    },
    "proc.none": {
        "da": "Ingen krav: indkøbspakken er ikke indlæst, eller den gælder ikke i denne fase (den gælder, når I køber et system eller tilpasser en leverandørs system).",
        "en": "No requirements: the procurement pack is not loaded, or it does not apply in this phase (it applies when you buy a system or adapt a supplier's system).",
        "sv": "Inga krav: upphandlingspaketet är inte inläst, eller så gäller det inte i denna fas (det gäller när ni köper ett system eller anpassar en leverantörs system).",
    },
}


def say(key: str, language: Language) -> str:
    """The interface text `key` in `language`."""
    return WORDS[key][language]
