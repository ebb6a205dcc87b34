#!/usr/bin/env python3
"""(Re)create the held-out corpus of password-manager export variants.

Run:  python3 make.py
It writes every file listed in FILES (plus EXPECTED.json) into the directory
that holds this script and touches nothing else.  Output is deterministic.

Every credential in here is fake (example.com / example.org / example.net,
"correct-horse-1" style passwords).  Positives must be recognised as
plaintext password exports; negatives are ordinary documents that must not be.
"""
import json
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))

POS, NEG, SOURCES, FILES = [], [], {}, {}

SRC_KPM = ("tests/data/kpm/export-en.txt (reference); "
           "github ProtonMail/WebClients packages/pass/lib/import/providers/kaspersky/mocks/kaspersky.txt; "
           "https://support.kaspersky.com/help/KPM/Win24.0/en-US/130515.htm")
SRC_KPM_I18N = ("INFERRED labels (no public localized sample found); layout from " + SRC_KPM)


def add(name, data, positive, source):
    assert name not in FILES, name
    if isinstance(data, str):
        data = data.encode("utf-8")
    FILES[name] = data
    (POS if positive else NEG).append(name)
    SOURCES[name] = source


# --------------------------------------------------------------------------
# Kaspersky Password Manager "export to text file"
# --------------------------------------------------------------------------
EN = dict(
    websites="Websites", website_name="Website name", website_url="Website URL",
    login_name="Login name", login="Login", password="Password", comment="Comment",
    apps="Applications", app="Application",
    other="Other Accounts", account_name="Account name",
    notes="Notes", note_name="Name", note_text="Text",
    colon=":",
)
RU = dict(
    websites="Веб-сайты", website_name="Название веб-сайта", website_url="Адрес веб-сайта",
    login_name="Имя учетной записи", login="Логин", password="Пароль", comment="Комментарий",
    apps="Приложения", app="Приложение",
    other="Другие учетные записи", account_name="Название учетной записи",
    notes="Заметки", note_name="Название", note_text="Текст",
    colon=":",
)
DE = dict(
    websites="Websites", website_name="Name der Website", website_url="URL der Website",
    login_name="Name des Kontos", login="Benutzername", password="Kennwort", comment="Kommentar",
    apps="Programme", app="Programm",
    other="Andere Konten", account_name="Kontoname",
    notes="Notizen", note_name="Name", note_text="Text",
    colon=":",
)
FR = dict(
    websites="Sites Web", website_name="Nom du site Web", website_url="URL du site Web",
    login_name="Nom du compte", login="Identifiant", password="Mot de passe", comment="Commentaire",
    apps="Applications", app="Application",
    other="Autres comptes", account_name="Nom du compte",
    notes="Notes", note_name="Nom", note_text="Texte",
    colon=" :",   # French typography: space before the colon
)
ES = dict(
    websites="Sitios web", website_name="Nombre del sitio web", website_url="URL del sitio web",
    login_name="Nombre de la cuenta", login="Nombre de usuario", password="Contraseña",
    comment="Comentario",
    apps="Aplicaciones", app="Aplicación",
    other="Otras cuentas", account_name="Nombre de la cuenta",
    notes="Notas", note_name="Nombre", note_text="Texto",
    colon=":",
)


def kpm(L=EN, nl="\n", title=None, lead=""):
    c = L["colon"]

    def f(label, value):
        return "%s%s %s" % (L[label], c, value)

    parts = []
    if title:
        parts += [title, ""]
    parts += [L["websites"], ""]
    parts += [f("website_name", "Example Mail"), f("website_url", "https://mail.example.com"),
              f("login_name", "Work"), f("login", "dana@example.com"),
              f("password", "correct-horse-1"), f("comment", "work mailbox"), "", "---", ""]
    parts += [f("website_name", "Example Shop"), f("website_url", "shop.example.org"),
              f("login_name", ""), f("login", "dana"),
              f("password", "Tr0ub4dor&3-example"), f("comment", ""), "", "---", ""]
    parts += [L["apps"], ""]
    parts += [f("app", "Example Desktop Client"), f("login_name", ""), f("login", "dana"),
              f("password", "battery-staple-2"), f("comment", ""), "", "---", ""]
    parts += [L["other"], ""]
    parts += [f("account_name", "Home router"), f("login_name", ""), f("login", "admin"),
              f("password", "router-pass-3"), f("comment", "sticker on the back"), "", "---", ""]
    parts += [L["notes"], ""]
    parts += [f("note_name", "Wi-Fi"), f("note_text", "Network: Example-Net"), "", "---", ""]
    return lead + nl.join(parts) + nl


kpm_en = kpm()
add("kpm_export.txt.bak", kpm_en, True, SRC_KPM)
add("kpm_export.log", kpm_en, True, SRC_KPM)
add("kpm_passwords.md", kpm_en, True, SRC_KPM)
add("kpm_export", kpm_en, True, SRC_KPM)
add("kpm_utf16le_nobom.txt", kpm(nl="\r\n").encode("utf-16-le"), True, SRC_KPM)
add("kpm_utf16le_bom.txt", b"\xff\xfe" + kpm(nl="\r\n").encode("utf-16-le"), True, SRC_KPM)
add("kpm_utf16be_bom.txt", b"\xfe\xff" + kpm().encode("utf-16-be"), True, SRC_KPM)
add("kpm_utf8_bom.txt", b"\xef\xbb\xbf" + kpm().encode("utf-8"), True, SRC_KPM)
add("kpm_title_line.txt", kpm(title="Kaspersky Password Manager - exported 12.03.2024 09:41"),
    True, SRC_KPM + " (title line added, as users/printouts do)")
add("kpm_ru.txt", kpm(RU), True, SRC_KPM_I18N)
add("kpm_ru_utf16le_bom.txt", b"\xff\xfe" + kpm(RU, nl="\r\n").encode("utf-16-le"), True, SRC_KPM_I18N)
add("kpm_de.txt", kpm(DE), True, SRC_KPM_I18N)
add("kpm_fr.txt", kpm(FR), True, SRC_KPM_I18N)
add("kpm_es.txt", kpm(ES), True, SRC_KPM_I18N)
add("kpm_crlf.txt", kpm(nl="\r\n"), True, SRC_KPM)
add("kpm_9000_blank_lines.txt", kpm(lead="\n" * 9000), True, SRC_KPM + " (9,000 leading blank lines)")

# password lines only after > 20 KiB of ordinary notes
_para = ("Notes from the renovation: the plumber comes on Tuesday, the tiles for the "
         "bathroom are on order and should arrive within two weeks. Remember to ask "
         "about the warranty for the boiler and to keep the receipts in the blue folder.\n")
_notes = []
i = 0
while sum(len(p) for p in _notes) < 21 * 1024:
    i += 1
    _notes.append("%d. %s\n" % (i, _para))
add("notes_then_kpm_after_20k.txt",
    "My notes\n\n" + "".join(_notes) + "\nPasted from the password manager:\n\n" + kpm_en,
    True, SRC_KPM + " (export pasted after 21 KiB of notes)")

# --------------------------------------------------------------------------
# Generic / hand-made CSVs
# --------------------------------------------------------------------------
add("accounts_pwd.csv",
    "site,user,pwd\n"
    "https://mail.example.com,dana@example.com,correct-horse-1\n"
    "https://shop.example.org,dana,Tr0ub4dor&3-example\n"
    "https://bank.example.net,12345678,battery-staple-2\n",
    True, "INFERRED (hand-made CSV with a `pwd` column)")
add("zugangsdaten_passwort.csv",
    "Titel;Benutzername;Passwort;URL;Notizen\r\n"
    "Mailkonto;dana@example.com;correct-horse-1;https://mail.example.com;\r\n"
    "Online-Shop;dana;Tr0ub4dor&3-example;https://shop.example.org;Kundennr. 4711\r\n",
    True, "INFERRED (German Excel CSV; labels as in github dionysius/vaultwarden-web-vault-deb "
          "libs/importer/src/importers/netwrix/netwrix-passwordsecure-csv-types.ts)")
add("logins_semicolon.csv",
    "name;url;username;password;note\n"
    "Example Mail;https://mail.example.com;dana@example.com;correct-horse-1;\n"
    "Example Shop;https://shop.example.org;dana;Tr0ub4dor&3-example;\n",
    True, "Chrome header (see chrome_passwords.csv) with ';' separator (Excel, EU locale)")
add("logins_tab.tsv",
    "name\turl\tusername\tpassword\tnote\n"
    "Example Mail\thttps://mail.example.com\tdana@example.com\tcorrect-horse-1\t\n"
    "Example Shop\thttps://shop.example.org\tdana\tTr0ub4dor&3-example\t\n",
    True, "Chrome header (see chrome_passwords.csv), tab-separated")
add("logins_tab.txt",
    "Website\tLogin\tPassword\r\n"
    "mail.example.com\tdana@example.com\tcorrect-horse-1\r\n"
    "shop.example.org\tdana\tTr0ub4dor&3-example\r\n",
    True, "INFERRED (Excel 'Text (tab delimited)' save)")
add("logins_excel_sep.csv",
    "sep=;\r\n"
    "Website;Login;Password;Comment\r\n"
    "mail.example.com;dana@example.com;correct-horse-1;\r\n"
    "shop.example.org;dana;Tr0ub4dor&3-example;\"gift card, 20 EUR\"\r\n",
    True, "INFERRED (Excel `sep=` directive line)")

# --------------------------------------------------------------------------
# Real exporter formats
# --------------------------------------------------------------------------
CHROME_HDR = "name,url,username,password,note\n"
chrome = (CHROME_HDR +
          "mail.example.com,https://mail.example.com/login,dana@example.com,correct-horse-1,\n"
          "shop.example.org,https://shop.example.org/,dana,Tr0ub4dor&3-example,\n"
          "bank.example.net,https://bank.example.net/signin,12345678,\"pass,with \"\"comma\"\"\",\n")
SRC_CHROME = "github ProtonMail/WebClients packages/pass/lib/import/providers/chromium/mocks/chrome.csv"
add("chrome_passwords.csv", chrome, True, SRC_CHROME)
add("Microsoft Edge Passwords.csv", chrome, True, SRC_CHROME + " (Edge = Chromium exporter)")
add("passwords_export.xls", chrome.replace("\n", "\r\n"), True,
    SRC_CHROME + " (CSV text saved under .xls name)")

add("firefox_logins.csv",
    '"url","username","password","httpRealm","formActionOrigin","guid","timeCreated","timeLastUsed","timePasswordChanged"\r\n'
    '"https://mail.example.com","dana@example.com","correct-horse-1",,"https://mail.example.com",'
    '"{0c6f3d2e-1111-4a5b-9c8d-000000000001}","1679064121000","1679064121000","1679064121000"\r\n'
    '"https://shop.example.org","dana","Tr0ub4dor&3-example",,"https://shop.example.org",'
    '"{0c6f3d2e-1111-4a5b-9c8d-000000000002}","1679064140000","1679064140000","1679064140000"\r\n',
    True, "github ProtonMail/WebClients packages/pass/lib/import/providers/firefox/firefox.types.ts")

add("1PasswordExport.csv",
    "Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes\n"
    "Example Mail,https://mail.example.com,dana@example.com,correct-horse-1,,false,false,work,\n"
    "Example Shop,https://shop.example.org,dana,Tr0ub4dor&3-example,,true,false,,\"line 1\nline 2\"\n",
    True, "1Password 8 CSV header as written by a public 1Password export script found via code search "
          "(namedtuple Record: Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes); "
          "not checked against 1Password's own docs")

add("lastpass_export.csv",
    "url,username,password,totp,extra,name,grouping,fav\n"
    "https://mail.example.com,dana@example.com,correct-horse-1,,,Example Mail,Email,0\n"
    "https://shop.example.org,dana,Tr0ub4dor&3-example,,,Example Shop,,1\n"
    "http://sn,,,,\"NoteType:Wi-Fi Password\nSSID:Example-Net\nPassword:battery-staple-2\",Home Wi-Fi,,0\n",
    True, "github ProtonMail/WebClients packages/pass/lib/import/providers/lastpass/mocks/lastpass.csv")

add("Passwords.csv",
    "Title,URL,Username,Password,Notes,OTPAuth\n"
    "mail.example.com (dana@example.com),https://mail.example.com/,dana@example.com,correct-horse-1,,\n"
    "shop.example.org (dana),https://shop.example.org/,dana,Tr0ub4dor&3-example,,\n",
    True, "Apple Passwords / Safari CSV; github gutenye/password-manager-tools src/applePasswords/types.ts")

add("credentials.csv",
    "username,username2,username3,title,password,note,url,category,otpSecret\n"
    "dana@example.com,,,Example Mail,correct-horse-1,,https://mail.example.com,Email,\n"
    "dana,,,Example Shop,Tr0ub4dor&3-example,\"note, with comma\",https://shop.example.org,Shopping,\n",
    True, "github ProtonMail/WebClients packages/pass/lib/import/providers/dashlane/mocks/dashlane-credentials.csv; "
          "https://gitlab.com/psono/psono-client/-/issues/501")

add("Proton Pass_export.csv",
    "type,name,url,email,username,password,note,totp,createTime,modifyTime,vault\n"
    "login,Example Mail,https://mail.example.com/,dana@example.com,,correct-horse-1,,,1707735320,1707735349,Personal\n"
    "login,Example Shop,https://shop.example.org/,,dana,Tr0ub4dor&3-example,gift card,,1707735363,1707735363,Personal\n"
    "note,Wi-Fi,,,,,Network Example-Net,,1706621831,1707735222,Personal\n",
    True, "github ProtonMail/WebClients packages/pass/lib/import/providers/mocks/protonpass.csv "
          "(+ email column of contentFormatVersion 5, protonpass.csv.types.ts)")

proton_json = {
    "version": "1.21.2",
    "userId": "dGVzdC11c2VyLWlkLWV4YW1wbGU=",
    "encrypted": False,
    "vaults": {
        "c2hhcmUtaWQtZXhhbXBsZQ==": {
            "name": "Personal",
            "description": "Personal vault",
            "display": {"icon": 1, "color": 1},
            "items": [
                {
                    "itemId": "aXRlbS0x",
                    "shareId": "c2hhcmUtaWQtZXhhbXBsZQ==",
                    "data": {
                        "metadata": {"name": "Example Mail", "note": "",
                                     "itemUuid": "0f1e2d3c"},
                        "extraFields": [],
                        "type": "login",
                        "content": {
                            "itemEmail": "dana@example.com",
                            "itemUsername": "",
                            "password": "correct-horse-1",
                            "urls": ["https://mail.example.com/"],
                            "totpUri": "",
                            "passkeys": [],
                        },
                    },
                    "state": 1,
                    "aliasEmail": None,
                    "contentFormatVersion": 6,
                    "createTime": 1707735320,
                    "modifyTime": 1707735349,
                    "pinned": False,
                }
            ],
        }
    },
}
add("Proton Pass_export.json", json.dumps(proton_json, indent=2) + "\n", True,
    "github ProtonMail/WebClients packages/pass/lib/export/types.ts (ExportData); "
    "bitwarden importer protonpass-json-types.ts (ProtonPassJsonFile)")

bw_json = {
    "encrypted": False,
    "folders": [{"id": "8a0c1d2e-0000-4000-8000-000000000001", "name": "Email"}],
    "items": [
        {
            "passwordHistory": None,
            "revisionDate": "2024-03-12T09:41:00.000Z",
            "creationDate": "2024-03-12T09:41:00.000Z",
            "deletedDate": None,
            "id": "aa6874e0-c259-41fa-8a18-afa200cf3f3a",
            "organizationId": None,
            "folderId": "8a0c1d2e-0000-4000-8000-000000000001",
            "type": 1,
            "reprompt": 0,
            "name": "Example Mail",
            "notes": None,
            "favorite": False,
            "fields": [{"name": "PIN", "value": "0000", "type": 1, "linkedId": None}],
            "login": {
                "fido2Credentials": [],
                "uris": [{"match": None, "uri": "https://mail.example.com"}],
                "username": "dana@example.com",
                "password": "correct-horse-1",
                "totp": None,
            },
            "collectionIds": None,
        },
        {
            "id": "fcecd2a9-35c6-4499-8a0f-afa200d082f6",
            "organizationId": None,
            "folderId": None,
            "type": 2,
            "reprompt": 0,
            "name": "Note",
            "notes": "nothing secret",
            "favorite": False,
            "secureNote": {"type": 0},
            "collectionIds": None,
        },
    ],
}
add("bitwarden_export_20240312094100.json", json.dumps(bw_json, indent=2) + "\n", True,
    "github ProtonMail/WebClients packages/pass/lib/import/providers/mocks/bitwarden.json; "
    "https://bitwarden.com/help/import-data/#bitwarden-import-format")

add("bitwarden_export_20240312094100.csv",
    "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n"
    "Email,,login,Example Mail,,,0,https://mail.example.com,dana@example.com,correct-horse-1,\n"
    ",1,login,Example Shop,,,0,https://shop.example.org,dana,Tr0ub4dor&3-example,\n"
    ",,note,Wi-Fi,Network Example-Net,,0,,,,\n",
    True, "https://gist.github.com/melissaboiko/7d6d651a360c13995f5b9150381605af (bitwarden_csv_columns); "
          "https://bitwarden.com/help/condition-bitwarden-import/")

add("keepassxc_export.csv",
    '"Group","Title","Username","Password","URL","Notes","TOTP","Icon","Last Modified","Created"\n'
    '"Root/Email","Example Mail","dana@example.com","correct-horse-1","https://mail.example.com","","","0",'
    '"2024-03-12T09:41:00Z","2024-03-12T09:41:00Z"\n'
    '"Root","Example Shop","dana","Tr0ub4dor&3-example","https://shop.example.org","","","0",'
    '"2024-03-12T09:41:00Z","2024-03-12T09:41:00Z"\n',
    True, "github keepassxreboot/keepassxc src/format/CsvExporter.cpp (Group..Notes; newer versions add "
          "TOTP,Icon,Last Modified,Created, as KeePassium DatabaseCSVExporter)")

add("keepass2_export.csv",
    '"Account","Login Name","Password","Web Site","Comments"\r\n'
    '"Example Mail","dana@example.com","correct-horse-1","https://mail.example.com",""\r\n'
    '"Example Shop","dana","Tr0ub4dor&3-example","https://shop.example.org","gift card"\r\n',
    True, "INFERRED from memory of KeePass 1.x/2.x 'KeePass CSV (1.x)' export; not confirmed by search")

keepass_xml = """<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<KeePassFile>
\t<Meta>
\t\t<Generator>KeePass</Generator>
\t\t<DatabaseName>Database</DatabaseName>
\t\t<MemoryProtection>
\t\t\t<ProtectTitle>False</ProtectTitle>
\t\t\t<ProtectUserName>False</ProtectUserName>
\t\t\t<ProtectPassword>True</ProtectPassword>
\t\t\t<ProtectURL>False</ProtectURL>
\t\t\t<ProtectNotes>False</ProtectNotes>
\t\t</MemoryProtection>
\t\t<RecycleBinEnabled>True</RecycleBinEnabled>
\t</Meta>
\t<Root>
\t\t<Group>
\t\t\t<UUID>9gXTsuD4QxGyChZRf1NGCQ==</UUID>
\t\t\t<Name>Database</Name>
\t\t\t<Entry>
\t\t\t\t<UUID>GX1bcmlmTtudvdYXcRv3wg==</UUID>
\t\t\t\t<IconID>0</IconID>
\t\t\t\t<Times>
\t\t\t\t\t<LastModificationTime>2024-03-12T09:41:00Z</LastModificationTime>
\t\t\t\t\t<CreationTime>2024-03-12T09:41:00Z</CreationTime>
\t\t\t\t\t<Expires>False</Expires>
\t\t\t\t</Times>
\t\t\t\t<String>
\t\t\t\t\t<Key>Notes</Key>
\t\t\t\t\t<Value />
\t\t\t\t</String>
\t\t\t\t<String>
\t\t\t\t\t<Key>Password</Key>
\t\t\t\t\t<Value ProtectInMemory="True">correct-horse-1</Value>
\t\t\t\t</String>
\t\t\t\t<String>
\t\t\t\t\t<Key>Title</Key>
\t\t\t\t\t<Value>Example Mail</Value>
\t\t\t\t</String>
\t\t\t\t<String>
\t\t\t\t\t<Key>URL</Key>
\t\t\t\t\t<Value>https://mail.example.com</Value>
\t\t\t\t</String>
\t\t\t\t<String>
\t\t\t\t\t<Key>UserName</Key>
\t\t\t\t\t<Value>dana@example.com</Value>
\t\t\t\t</String>
\t\t\t</Entry>
\t\t</Group>
\t</Root>
</KeePassFile>
"""
add("keepass_export.xml", b"\xef\xbb\xbf" + keepass_xml.replace("\n", "\r\n").encode("utf-8"), True,
    "github ProtonMail/WebClients packages/pass/lib/import/providers/mocks/keepass.xml "
    "(KeePass 2.x XML; KeePass itself writes a UTF-8 BOM and CRLF)")

# --------------------------------------------------------------------------
# Negatives
# --------------------------------------------------------------------------
NA = "n/a (ordinary document, hand-written)"

add("letter_reset_password.txt",
    "Dear Ms. Example,\n\n"
    "we noticed several failed sign-in attempts on your account at shop.example.org.\n"
    "For your security, please reset your password using the link below within 24 hours:\n\n"
    "    https://shop.example.org/account/reset\n\n"
    "Your new password must be at least 12 characters long. We will never ask you for\n"
    "your password by e-mail or phone.\n\n"
    "Kind regards,\nThe Example Shop team\n",
    False, NA)

add("letter_utf16le.txt",
    ("Liebe Oma,\r\n\r\nvielen Dank für das Paket! Das Passwort für das WLAN steht wie immer "
     "auf dem Router, frag einfach Papa.\r\n\r\nDeine Dana\r\n").encode("utf-16-le"),
    False, NA + "; UTF-16LE without BOM, mentions 'Passwort' in prose")

add("contacts.csv",
    "name,email,phone\n"
    "Dana Example,dana@example.com,+1 555 0100\n"
    "Lee Sample,lee@example.org,+1 555 0101\n"
    "Kim Test,kim@example.net,+1 555 0102\n",
    False, NA)

add("bookmarks.csv",
    "name,url,folder\n"
    "Example Mail,https://mail.example.com,Work\n"
    "Example Shop,https://shop.example.org,Shopping\n",
    False, NA + "; near-miss of the Chrome header without a password column")

add("password_change_audit.csv",
    "user,email,password_last_changed,password_expires\n"
    "dana,dana@example.com,2024-01-10,2024-07-10\n"
    "lee,lee@example.org,2023-11-02,2024-05-02\n",
    False, NA + "; header contains 'password' but values are dates only")

add("invoice.csv",
    "date;description;amount\n2024-03-01;Consulting;1200,00\n2024-03-15;Travel;310,50\n",
    False, NA)

add("recipe.md",
    "# Grandma's apple pie\n\n## Ingredients\n\n- 6 apples\n- 200 g flour\n- 100 g butter\n"
    "- 80 g sugar\n- 1 tsp cinnamon\n\n## Steps\n\n1. Preheat the oven to 180 °C.\n"
    "2. Rub butter into flour and sugar.\n3. Slice apples, add cinnamon.\n"
    "4. Bake for 45 minutes.\n",
    False, NA)

add("it_password_policy.md",
    "# Password policy\n\n"
    "- Passwords must be at least 12 characters long.\n"
    "- Do not reuse a password on more than one website.\n"
    "- Use the company password manager; never store passwords in text files.\n"
    "- Report phishing to security@example.com.\n\n"
    "Example of a strong pattern: four random words (do not use this one).\n",
    False, NA)

# program log: one masked "password: ********" among thousands of lines.
# NEGATIVE: the value is masked, nothing secret is in the file; flagging any
# line that contains "password:" would make every verbose log a false positive.
_log = []
for n in range(2400):
    t = "2024-03-12 09:%02d:%02d.%03d" % ((n // 60) % 60, n % 60, n % 1000)
    if n == 1234:
        _log.append("%s INFO  auth     connecting as user=dana@example.com password: ********" % t)
    elif n % 7 == 0:
        _log.append("%s DEBUG http     GET https://api.example.com/v1/items?page=%d -> 200 (%d ms)" % (t, n, 20 + n % 50))
    else:
        _log.append("%s INFO  sync     processed batch %d of 2400, %d records" % (t, n, (n * 37) % 500))
add("sync_service.log", "\n".join(_log) + "\n", False,
    NA + "; single masked 'password: ********' line at line 1235 of 2400")

add("login.py",
    "import hashlib\n\n\n"
    "def main():\n"
    "    user = input('user: ')\n"
    "    password = input()\n"
    "    digest = hashlib.sha256(password.encode()).hexdigest()\n"
    "    print(user, digest[:8])\n\n\n"
    "if __name__ == '__main__':\n"
    "    main()\n",
    False, NA)

add("login_form.html",
    "<!doctype html>\n<form action=\"/login\" method=\"post\">\n"
    "  <label>Login: <input name=\"login\"></label>\n"
    "  <label>Password: <input type=\"password\" name=\"password\"></label>\n"
    "  <button>Sign in</button>\n</form>\n",
    False, NA + "; form labels without values")

add("settings.json",
    json.dumps({"theme": "dark", "language": "en",
                "passwordPolicy": {"minLength": 8, "requireDigits": True},
                "sync": {"intervalMinutes": 15}}, indent=2) + "\n",
    False, NA)

# real OLE2/CFB header (what a binary .xls starts with); no text content
_cfb = bytearray(512)
_cfb[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
struct.pack_into("<HHHHH", _cfb, 24, 0x003E, 0x0003, 0xFFFE, 0x0009, 0x0006)
struct.pack_into("<I", _cfb, 44, 1)          # number of FAT sectors
struct.pack_into("<I", _cfb, 48, 1)          # first directory sector
struct.pack_into("<I", _cfb, 56, 0x1000)     # mini stream cutoff
struct.pack_into("<I", _cfb, 60, 0xFFFFFFFE)
struct.pack_into("<I", _cfb, 68, 0xFFFFFFFE)
struct.pack_into("<I", _cfb, 76, 0)          # DIFAT[0]
for k in range(1, 109):
    struct.pack_into("<I", _cfb, 76 + 4 * k, 0xFFFFFFFF)
_fat = bytearray(b"\xff" * 512)
struct.pack_into("<II", _fat, 0, 0xFFFFFFFD, 0xFFFFFFFE)
_dir = bytearray(512)
_rootname = "Root Entry".encode("utf-16-le") + b"\0\0"
_dir[0:len(_rootname)] = _rootname
struct.pack_into("<HBB", _dir, 64, len(_rootname), 5, 1)
add("budget_2023.xls", bytes(_cfb) + bytes(_fat) + bytes(_dir), False,
    "OLE2 Compound File header (MS-CFB) D0 CF 11 E0 A1 B1 1A E1")

_jpg = (bytes.fromhex("FFD8FFE000104A46494600010101004800480000")
        + bytes.fromhex("FFDB004300") + bytes(range(1, 65))
        + bytes.fromhex("FFC0000B080001000101011100")
        + bytes.fromhex("FFDA0008010100003F00") + b"\x00" * 32 + bytes.fromhex("FFD9"))
add("holiday_photo.jpg", _jpg, False, "JPEG/JFIF header FF D8 FF E0 .. 'JFIF'")

add("empty.txt", b"", False, NA + "; zero bytes")


# --------------------------------------------------------------------------
def main():
    for name, data in FILES.items():
        with open(os.path.join(HERE, name), "wb") as fh:
            fh.write(data)
    expected = {"positives": POS, "negatives": NEG, "sources": SOURCES}
    with open(os.path.join(HERE, "EXPECTED.json"), "w", encoding="utf-8") as fh:
        json.dump(expected, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    print("%d positives, %d negatives written to %s" % (len(POS), len(NEG), HERE))


if __name__ == "__main__":
    main()
