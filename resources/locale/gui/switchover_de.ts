<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BackupPage</name>
    <message>
        <location filename="../../../gui/pages_backup.py" line="+350"/>
        <source>Back up</source>
        <translation>Sichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switchover writes one ZIP archive and then checks every file in it.</source>
        <translation>Switchover schreibt ein ZIP-Archiv und prüft danach jede Datei darin.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backup progress</source>
        <translation>Fortschritt der Sicherung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How much of the backup is written.</source>
        <translation>Wie viel der Sicherung bereits geschrieben ist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backup status</source>
        <translation>Stand der Sicherung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel backup</source>
        <translation>Sicherung abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stops and removes the unfinished archive.</source>
        <translation>Hält an und entfernt das unfertige Archiv.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open backup folder</source>
        <translation>Sicherungsordner öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows the archive in the file manager.</source>
        <translation>Zeigt das Archiv im Dateimanager.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Backup skipped at your request.</source>
        <translation>Die Sicherung wurde auf Ihren Wunsch übersprungen.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Measuring…</source>
        <translation>Wird gemessen…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Measuring</source>
        <translation>Messen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copying</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{stage}: {done}/{total} files, {done_size} / {total_size}, about {seconds} s left</source>
        <translation>{stage}: {done}/{total} Dateien, {done_size} / {total_size}, noch etwa {seconds} s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{stage}: {done}/{total} files, {done_size} / {total_size}</source>
        <translation>{stage}: {done}/{total} Dateien, {done_size} / {total_size}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancelled: nothing was left behind. Go back to change your choices, or skip the backup.</source>
        <translation>Abgebrochen: Es ist nichts zurückgeblieben. Gehen Sie zurück, um Ihre Auswahl zu ändern, oder überspringen Sie die Sicherung.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Every file was read back and matches its checksum.</source>
        <translation>Jede Datei wurde zurückgelesen und stimmt mit ihrer Prüfsumme überein.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;The check found problems&lt;/b&gt;: do not rely on this archive; make a new one.</source>
        <translation>&lt;b&gt;Die Prüfung hat Probleme gefunden&lt;/b&gt;: Verlassen Sie sich nicht auf dieses Archiv; erstellen Sie ein neues.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;p&gt;Backup written: {archive}&lt;br&gt;{files}, {size}. {verdict} {skipped}&lt;/p&gt;</source>
        <translation>&lt;p&gt;Sicherung geschrieben: {archive}&lt;br&gt;{files}, {size}. {verdict} {skipped}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>BanPage</name>
    <message>
        <location filename="../../../gui/pages.py" line="+208"/>
        <source>From this computer&apos;s settings</source>
        <translation>Aus den Einstellungen dieses Computers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>United States</source>
        <translation>Vereinigte Staaten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>United States (business)</source>
        <translation>Vereinigte Staaten (Unternehmen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Germany</source>
        <translation>Deutschland</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Italy</source>
        <translation>Italien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>United Kingdom</source>
        <translation>Vereinigtes Königreich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canada</source>
        <translation>Kanada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Australia</source>
        <translation>Australien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another EU country</source>
        <translation>Ein anderes EU-Land</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elsewhere</source>
        <translation>Anderswo</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>What the ban means for you</source>
        <translation>Was das Verbot für Sie bedeutet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Neutral and sourced: click a source to read it.</source>
        <translation>Sachlich und mit Quellen: Klicken Sie auf eine Quelle, um sie zu lesen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The rules differ by country; choose yours if the guess is wrong.</source>
        <translation>Die Regeln unterscheiden sich je nach Land; wählen Sie Ihres, falls die Vermutung falsch ist.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Region and date</source>
        <translation>Region und Datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Explanation</source>
        <translation>Erläuterung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show every section</source>
        <translation>Alle Abschnitte zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows the rest of the explanation, each with its sources.</source>
        <translation>Zeigt den Rest der Erläuterung, jeweils mit Quellen.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&lt;p&gt;Loading…&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wird geladen…&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>As of {date}; region from {source}.</source>
        <translation>Stand: {date}; Region aus {source}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(&lt;a href=&apos;{url}&apos;&gt;archived copy&lt;/a&gt;)</source>
        <translation>(&lt;a href=&apos;{url}&apos;&gt;archivierte Kopie&lt;/a&gt;)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Show less</source>
        <translation>Weniger zeigen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{title} (one source)</source>
        <translation>{title} (eine Quelle)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{title} (uncertain)</source>
        <translation>{title} (unsicher)</translation>
    </message>
</context>
<context>
    <name>BasePage</name>
    <message>
        <location filename="../../../gui/widgets.py" line="+99"/>
        <source>Demonstration: {machine}. Nothing on this computer is read or changed; every action is simulated.</source>
        <translation>Vorführung: {machine}. Auf diesem Computer wird nichts gelesen oder geändert; jede Aktion wird nur simuliert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a saved machine</source>
        <translation>ein gespeicherter Computer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Demonstration mode</source>
        <translation>Vorführmodus</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Why Next is not available yet</source>
        <translation>Warum „Weiter“ noch nicht möglich ist</translation>
    </message>
</context>
<context>
    <name>ChoosePage</name>
    <message>
        <location filename="../../../gui/pages_choose.py" line="+36"/>
        <source>VPN</source>
        <translation>VPN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password manager</source>
        <translation>Passwort-Manager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parental controls</source>
        <translation>Kinderschutz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identity monitoring</source>
        <translation>Identitätsüberwachung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Firewall</source>
        <translation>Firewall</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>vpn</source>
        <translation>VPN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>password manager</source>
        <translation>Passwort-Manager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>parental controls</source>
        <translation>Kinderschutz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>identity monitoring</source>
        <translation>Identitätsüberwachung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>firewall</source>
        <translation>Firewall</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose a replacement</source>
        <translation>Ersatz wählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ranked by independent tests, features and record; every reason is shown. No vendor pays to be here.</source>
        <translation>Gereiht nach unabhängigen Tests, Funktionen und Bilanz; jeder Grund wird gezeigt. Kein Hersteller bezahlt dafür, hier zu stehen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Needs {need}</source>
        <translation>Braucht {need}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ranks products that include it higher.</source>
        <translation>Reiht Produkte, die es enthalten, weiter oben ein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Free only</source>
        <translation>Nur kostenlose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows only products with a free version.</source>
        <translation>Zeigt nur Produkte mit einer kostenlosen Version.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>About the ranking</source>
        <translation>Zur Reihenfolge</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Ticked because Kaspersky does this for you today: {needs}.</source>
        <translation>Angehakt, weil Kaspersky dies heute für Sie erledigt: {needs}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{first} and {second}</source>
        <translation>{first} und {second}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{products} protects this computer now. You can keep it (press Next without choosing) or choose a replacement below.</source>
        <translation>{products} schützt diesen Computer jetzt. Sie können es behalten (klicken Sie auf „Weiter“, ohne etwas zu wählen) oder unten einen Ersatz wählen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Catalog version {version}, reviewed on {date}.</source>
        <translation>Katalogversion {version}, geprüft am {date}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not shown: {products}</source>
        <translation>Nicht gezeigt: {products}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{rank}. {product} — built into Windows, free</source>
        <translation>{rank}. {product} — in Windows enthalten, kostenlos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{rank}. {product} — free, from your distribution</source>
        <translation>{rank}. {product} — kostenlos, aus Ihrer Distribution</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose {product}</source>
        <translation>{product} wählen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{price}. Sources: {links}</source>
        <translation>{price}. Quellen: {links}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reasons for {product}</source>
        <translation>Gründe für {product}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{product}&apos;s own page</source>
        <translation>Eigene Seite von {product}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open {product}&apos;s page</source>
        <translation>Seite von {product} öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opens in your web browser.</source>
        <translation>Öffnet sich in Ihrem Webbrowser.</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../../gui/pages_finish.py" line="+104"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a report of what was found, kept, removed and chosen.</source>
        <translation>Speichern Sie einen Bericht darüber, was gefunden, behalten, entfernt und gewählt wurde.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save as PDF…</source>
        <translation>Als PDF speichern…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save as a web page…</source>
        <translation>Als Webseite speichern…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opens a save dialog.</source>
        <translation>Öffnet einen Speichern-Dialog.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Report saved</source>
        <translation>Bericht gespeichert</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;p&gt;Found: {found}. Backed up: {backup}. Chosen: {chosen}.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Gefunden: {found}. Gesichert: {backup}. Gewählt: {chosen}.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no Kaspersky product</source>
        <translation>kein Kaspersky-Produkt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing yet</source>
        <translation>noch nichts</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Saved: {path}</source>
        <translation>Gespeichert: {path}</translation>
    </message>
</context>
<context>
    <name>LosePage</name>
    <message>
        <location filename="../../../gui/pages_backup.py" line="-383"/>
        <source>Strong: long and varied.</source>
        <translation>Stark: lang und abwechslungsreich.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acceptable; a longer phrase of several words is stronger.</source>
        <translation>Annehmbar; eine längere Phrase aus mehreren Wörtern ist stärker.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What you would lose</source>
        <translation>Was Sie verlieren würden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uninstalling Kaspersky deletes these. Deal with the ones only you can do first; Switchover copies the rest.</source>
        <translation>Die Deinstallation von Kaspersky löscht diese Daten. Erledigen Sie zuerst, was nur Sie tun können; den Rest kopiert Switchover.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kaspersky&apos;s data</source>
        <translation>Daten von Kaspersky</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Skip the backup (I have my own)</source>
        <translation>Sicherung überspringen (ich habe eine eigene)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip backup</source>
        <translation>Sicherung überspringen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goes on without a backup; the report says you chose this.</source>
        <translation>Geht ohne Sicherung weiter; der Bericht hält fest, dass Sie das gewählt haben.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved passwords</source>
        <translation>Gespeicherte Passwörter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password export guide</source>
        <translation>Anleitung zum Passwortexport</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Password export file</source>
        <translation>Datei mit dem Passwortexport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The .txt file Kaspersky Password Manager exported.</source>
        <translation>Die .txt-Datei, die Kaspersky Password Manager exportiert hat.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find my export</source>
        <translation>Meinen Export suchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Looks in Documents, Desktop and Downloads.</source>
        <translation>Sucht in Dokumente, Schreibtisch und Downloads.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose the export file</source>
        <translation>Exportdatei auswählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opens a file picker.</source>
        <translation>Öffnet eine Dateiauswahl.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New password manager</source>
        <translation>Neuer Passwort-Manager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The format of the CSV file to save.</source>
        <translation>Das Format der zu speichernden CSV-Datei.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save CSV for import…</source>
        <translation>CSV zum Importieren speichern…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Convert for import</source>
        <translation>Zum Importieren umwandeln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writes the file your new password manager imports. Delete it after importing: it holds your passwords in plain text.</source>
        <translation>Schreibt die Datei, die Ihr neuer Passwort-Manager importiert. Löschen Sie sie nach dem Import: Sie enthält Ihre Passwörter im Klartext.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Convert for:</source>
        <translation>Umwandeln für:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protects the copy of your passwords in the backup. Without it nobody, not even you, can open that copy.</source>
        <translation>Schützt die Kopie Ihrer Passwörter in der Sicherung. Ohne sie kann niemand, auch Sie nicht, diese Kopie öffnen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Passphrase again</source>
        <translation>Passphrase wiederholen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the passphrase a second time to avoid a typo.</source>
        <translation>Geben Sie die Passphrase ein zweites Mal ein, um Tippfehler zu vermeiden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passphrase strength</source>
        <translation>Stärke der Passphrase</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Again:</source>
        <translation>Wiederholen:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Conversion result</source>
        <translation>Ergebnis der Umwandlung</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No export found in Documents, Desktop or Downloads. Use “Choose…”.</source>
        <translation>In Dokumente, Schreibtisch und Downloads wurde kein Export gefunden. Verwenden Sie „Auswählen…“.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kaspersky Password Manager export</source>
        <translation>Export aus Kaspersky Password Manager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Textdateien (*.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose the export first.</source>
        <translation>Wählen Sie zuerst den Export aus.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save CSV</source>
        <translation>CSV speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;p&gt;{saved} &lt;b&gt;Delete the CSV and the .txt export after importing them&lt;/b&gt;: they hold every password in plain text.&lt;/p&gt;</source>
        <translation>&lt;p&gt;{saved} &lt;b&gt;Löschen Sie die CSV-Datei und den .txt-Export nach dem Import&lt;/b&gt;: Sie enthalten jedes Passwort im Klartext.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;p&gt;Not converted:&lt;/p&gt;</source>
        <translation>&lt;p&gt;Nicht umgewandelt:&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your folders</source>
        <translation>Ihre Ordner</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add a folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a folder</source>
        <translation>Ordner hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adds another folder to the backup.</source>
        <translation>Fügt der Sicherung einen weiteren Ordner hinzu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Backup destination</source>
        <translation>Ziel der Sicherung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the backup archive is written, for example an external drive.</source>
        <translation>Wohin das Sicherungsarchiv geschrieben wird, zum Beispiel auf ein externes Laufwerk.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save backup to…</source>
        <translation>Sicherung speichern unter…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose destination</source>
        <translation>Ziel wählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opens a folder picker for the backup archive.</source>
        <translation>Öffnet eine Ordnerauswahl für das Sicherungsarchiv.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Size and free space</source>
        <translation>Größe und freier Speicherplatz</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Include {folder}</source>
        <translation>{folder} einbeziehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies this folder into the backup.</source>
        <translation>Kopiert diesen Ordner in die Sicherung.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Folder to back up</source>
        <translation>Zu sichernder Ordner</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Where to save the backup</source>
        <translation>Wo die Sicherung gespeichert werden soll</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Chosen folders: {size}.</source>
        <translation>Gewählte Ordner: {size}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Free space there: {size} — enough.</source>
        <translation>Freier Speicherplatz dort: {size} — genug.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free space there: {size} — &lt;b&gt;not enough&lt;/b&gt;; choose another place or fewer folders.</source>
        <translation>Freier Speicherplatz dort: {size} — &lt;b&gt;nicht genug&lt;/b&gt;; wählen Sie einen anderen Ort oder weniger Ordner.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Measuring…</source>
        <translation>Wird gemessen…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>I have done this</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm: {step}</source>
        <translation>Bestätigen: {step}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick once you have done the steps above.</source>
        <translation>Haken Sie dies an, sobald Sie die Schritte oben erledigt haben.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;p&gt;Export your passwords from Kaspersky Password Manager (Additional → Settings → Import/Export → “Export to text file”), then point Switchover at the file. The backup keeps it only encrypted with your passphrase.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Exportieren Sie Ihre Passwörter aus Kaspersky Password Manager (Additional → Settings → Import/Export → „Export to text file“) und geben Sie Switchover dann die Datei an. Die Sicherung bewahrt sie nur verschlüsselt mit Ihrer Passphrase auf.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;p&gt;No Kaspersky Password Manager was found. If you have a password export anyway, you can still add it here.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Es wurde kein Kaspersky Password Manager gefunden. Falls Sie trotzdem einen Passwortexport haben, können Sie ihn hier hinzufügen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>MigrationWizard</name>
    <message>
        <location filename="../../../gui/app.py" line="+41"/>
        <source>Switchover — demonstration (nothing on this computer is changed)</source>
        <translation>Switchover — Vorführung (auf diesem Computer wird nichts geändert)</translation>
    </message>
    <message>
        <location filename="../../../gui/wizard.py" line="+26"/>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What is here</source>
        <translation>Was vorhanden ist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the ban means</source>
        <translation>Was das Verbot bedeutet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose</source>
        <translation>Auswählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Get it ready</source>
        <translation>Bereitlegen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you would lose</source>
        <translation>Was Sie verlieren würden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back up</source>
        <translation>Sichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove Kaspersky</source>
        <translation>Kaspersky entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protected again?</source>
        <translation>Wieder geschützt?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Zurück</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goes to the previous page.</source>
        <translation>Geht zur vorherigen Seite.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A job is still running on this page (the backup, or the removal&apos;s current step). Stop it and go back? Nothing is left half done: an unfinished backup is removed, and a removal stops between two steps.</source>
        <translation>Auf dieser Seite läuft noch ein Vorgang (die Sicherung oder der aktuelle Schritt der Entfernung). Möchten Sie ihn anhalten und zurückgehen? Nichts bleibt halb erledigt: Eine unfertige Sicherung wird entfernt, und eine Entfernung hält zwischen zwei Schritten an.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Stop it</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Keep going</source>
        <translation>Weitermachen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Leave Switchover? The removal&apos;s progress is saved: open Switchover again to continue where it stopped.</source>
        <translation>Switchover verlassen? Der Fortschritt der Entfernung ist gespeichert: Öffnen Sie Switchover erneut, um dort weiterzumachen, wo es angehalten hat.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave Switchover? Nothing has been removed from this computer.</source>
        <translation>Switchover verlassen? Von diesem Computer wurde nichts entfernt.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A job is still running on this page (the backup, or the removal&apos;s current step). Stop it and leave Switchover? Nothing is left half done: an unfinished backup is removed, and a removal stops between two steps.</source>
        <translation>Auf dieser Seite läuft noch ein Vorgang (die Sicherung oder der aktuelle Schritt der Entfernung). Möchten Sie ihn anhalten und Switchover verlassen? Nichts bleibt halb erledigt: Eine unfertige Sicherung wird entfernt, und eine Entfernung hält zwischen zwei Schritten an.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Leave</source>
        <translation>Verlassen</translation>
    </message>
</context>
<context>
    <name>ProtectedPage</name>
    <message>
        <location filename="../../../gui/pages_finish.py" line="-137"/>
        <source>Protected again?</source>
        <translation>Wieder geschützt?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switchover looks at the computer once more.</source>
        <translation>Switchover sieht sich den Computer noch einmal an.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protection check</source>
        <translation>Schutzprüfung</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Looking…</source>
        <translation>Wird nachgesehen…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;p&gt;&lt;b&gt;Demonstration:&lt;/b&gt; on a real computer Switchover now checks that Kaspersky is gone and that protection is on. Expected: {protection}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Vorführung:&lt;/b&gt; Auf einem echten Computer prüft Switchover jetzt, ob Kaspersky entfernt und der Schutz eingeschaltet ist. Erwartet: {protection}&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No Kaspersky product is installed ✓</source>
        <translation>Kein Kaspersky-Produkt ist installiert ✓</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kaspersky is gone ✓</source>
        <translation>Kaspersky ist entfernt ✓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Still installed:&lt;/b&gt; {products}</source>
        <translation>&lt;b&gt;Noch installiert:&lt;/b&gt; {products}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protected ✓: {protection}</source>
        <translation>Geschützt ✓: {protection}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Not protected yet:&lt;/b&gt; {protection}</source>
        <translation>&lt;b&gt;Noch nicht geschützt:&lt;/b&gt; {protection}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;p&gt;Left behind, with what to do:&lt;/p&gt;</source>
        <translation>&lt;p&gt;Zurückgeblieben, mit dem, was zu tun ist:&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;p&gt;&lt;b&gt;Now install {product}&lt;/b&gt; from its own page: &lt;a href=&apos;{url}&apos;&gt;{url}&lt;/a&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Installieren Sie jetzt {product}&lt;/b&gt; von der eigenen Seite des Produkts: &lt;a href=&apos;{url}&apos;&gt;{url}&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;p&gt;Or in a terminal: {commands}&lt;/p&gt;</source>
        <translation>&lt;p&gt;Oder in einem Terminal: {commands}&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;p&gt;You chose &lt;b&gt;{product}&lt;/b&gt;, which is built in: nothing to install.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Sie haben &lt;b&gt;{product}&lt;/b&gt; gewählt, das bereits enthalten ist: Es muss nichts installiert werden.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ReadyPage</name>
    <message>
        <location filename="../../../gui/pages_ready.py" line="+30"/>
        <source>Get your new protection ready</source>
        <translation>Legen Sie Ihren neuen Schutz bereit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>So that this computer is never left unprotected, have the replacement at hand before Kaspersky is removed.</source>
        <translation>Damit dieser Computer nie ungeschützt bleibt, halten Sie den Ersatz bereit, bevor Kaspersky entfernt wird.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How to get it</source>
        <translation>So erhalten Sie es</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the vendor&apos;s page</source>
        <translation>Seite des Herstellers öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opens the product&apos;s own page in your web browser.</source>
        <translation>Öffnet die eigene Seite des Produkts in Ihrem Webbrowser.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show details</source>
        <translation>Details zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows the command that installs it from a terminal.</source>
        <translation>Zeigt den Befehl, der es aus einem Terminal installiert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Terminal command</source>
        <translation>Terminal-Befehl</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>I have the installer ready, or it is already installed</source>
        <translation>Ich habe das Installationsprogramm bereit, oder es ist schon installiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Installer ready</source>
        <translation>Installationsprogramm bereit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick once you can install it right after the removal.</source>
        <translation>Haken Sie dies an, sobald Sie es direkt nach der Entfernung installieren können.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Looking…</source>
        <translation>Wird nachgesehen…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;p&gt;Download &lt;b&gt;{product}&lt;/b&gt; from its own page now. Most anti-virus programs ask for the old one to be removed first, so you install it right after Switchover has removed Kaspersky.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Laden Sie &lt;b&gt;{product}&lt;/b&gt; jetzt von der eigenen Seite des Produkts herunter. Die meisten Virenschutzprogramme verlangen, dass das alte zuerst entfernt wird; Sie installieren es also direkt, nachdem Switchover Kaspersky entfernt hat.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open {product}&apos;s page</source>
        <translation>Seite von {product} öffnen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In a terminal: {commands}</source>
        <translation>In einem Terminal: {commands}</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../../../gui/pages_run.py" line="+143"/>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>running…</source>
        <translation>läuft…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done ✓</source>
        <translation>erledigt ✓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed ✗</source>
        <translation>fehlgeschlagen ✗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>restart needed</source>
        <translation>Neustart nötig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>needs you</source>
        <translation>braucht Sie</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Uninstall</source>
        <translation>Deinstallieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kaspersky&apos;s own uninstallers run one after the other; each step shows its status.</source>
        <translation>Die eigenen Deinstallationsprogramme von Kaspersky laufen nacheinander; jeder Schritt zeigt seinen Stand.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step status</source>
        <translation>Stand der Schritte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uninstall status</source>
        <translation>Stand der Deinstallation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Try the uninstall again</source>
        <translation>Deinstallation erneut versuchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continues from the step that stopped.</source>
        <translation>Macht bei dem Schritt weiter, der angehalten hat.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>I have done it</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip it</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop here</source>
        <translation>Hier anhalten</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Kaspersky&apos;s removal is complete.</source>
        <translation>Die Entfernung von Kaspersky ist abgeschlossen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kaspersky&apos;s removal is complete, but &lt;b&gt;nothing protects this computer yet&lt;/b&gt;: install the replacement you chose now.</source>
        <translation>Die Entfernung von Kaspersky ist abgeschlossen, aber &lt;b&gt;noch schützt nichts diesen Computer&lt;/b&gt;: Installieren Sie jetzt den gewählten Ersatz.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Restart the computer now.&lt;/b&gt; When you open Switchover again it continues here and checks that everything is gone.</source>
        <translation>&lt;b&gt;Starten Sie den Computer jetzt neu.&lt;/b&gt; Wenn Sie Switchover wieder öffnen, macht es hier weiter und prüft, ob alles entfernt ist.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stopped: see the steps above. Solve the problem, then try again: Switchover continues from that step.</source>
        <translation>Angehalten: Siehe die Schritte oben. Beheben Sie das Problem und versuchen Sie es dann erneut: Switchover macht bei diesem Schritt weiter.</translation>
    </message>
</context>
<context>
    <name>ScanPage</name>
    <message>
        <location filename="../../../gui/pages.py" line="-250"/>
        <source>What is on this computer</source>
        <translation>Was auf diesem Computer ist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switchover looks for Kaspersky products, other security products, and leftovers of earlier removals.</source>
        <translation>Switchover sucht nach Kaspersky-Produkten, anderen Sicherheitsprodukten und Resten früherer Entfernungen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scanning</source>
        <translation>Suche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shown while Switchover looks at the computer.</source>
        <translation>Wird angezeigt, während Switchover den Computer untersucht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan result</source>
        <translation>Ergebnis der Suche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Products found</source>
        <translation>Gefundene Produkte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expand a product to see the evidence for it.</source>
        <translation>Klappen Sie ein Produkt auf, um die Hinweise darauf zu sehen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Found</source>
        <translation>Gefunden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What was found</source>
        <translation>Was gefunden wurde</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Show the evidence</source>
        <translation>Hinweise zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows what on this computer each finding rests on.</source>
        <translation>Zeigt, worauf auf diesem Computer jeder Fund beruht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What this means</source>
        <translation>Was das bedeutet</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Scanning…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The scan stopped because of an internal error: {error}</source>
        <translation>Die Suche wurde wegen eines internen Fehlers angehalten: {error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;&lt;b&gt;Problem:&lt;/b&gt; {message}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Problem:&lt;/b&gt; {message}&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This computer is protected right now.</source>
        <translation>Dieser Computer ist im Moment geschützt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This computer is &lt;b&gt;not&lt;/b&gt; protected right now.</source>
        <translation>Dieser Computer ist im Moment &lt;b&gt;nicht&lt;/b&gt; geschützt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Found one Kaspersky product.</source>
        <translation>Ein Kaspersky-Produkt gefunden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No Kaspersky product is installed: there is nothing to remove. Next, Switchover explains the background and helps you check your protection.</source>
        <translation>Es ist kein Kaspersky-Produkt installiert: Es gibt nichts zu entfernen. Als Nächstes erklärt Switchover die Hintergründe und hilft Ihnen, Ihren Schutz zu prüfen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+42"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+42"/>
        <source>not running</source>
        <translation>läuft nicht</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>{product}: on</source>
        <translation>{product}: eingeschaltet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{product}: off</source>
        <translation>{product}: ausgeschaltet</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+55"/>
        <source>Other security products</source>
        <translation>Andere Sicherheitsprodukte</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>&lt;b&gt;UltraAV / UltraVPN&lt;/b&gt; arrived with Kaspersky&apos;s automatic switch for US customers in September 2024. Keeping or removing them is your choice; the next pages explain.</source>
        <translation>&lt;b&gt;UltraAV / UltraVPN&lt;/b&gt; kamen im September 2024 mit dem automatischen Wechsel, den Kaspersky für Kunden in den USA vorgenommen hat. Ob Sie sie behalten oder entfernen, entscheiden Sie; die nächsten Seiten erklären es.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Leftovers&lt;/b&gt; are traces of an earlier or forced removal. They do not protect you; Switchover lists them and deletes nothing of them on its own.</source>
        <translation>&lt;b&gt;Reste&lt;/b&gt; sind Spuren einer früheren oder erzwungenen Entfernung. Sie schützen Sie nicht; Switchover listet sie auf und löscht nichts davon von sich aus.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>high confidence</source>
        <translation>hohe Sicherheit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>medium confidence</source>
        <translation>mittlere Sicherheit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>low confidence</source>
        <translation>geringe Sicherheit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>found by</source>
        <translation>gefunden durch</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>read from {source}</source>
        <translation>gelesen aus {source}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>evidence</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>on</source>
        <translation>eingeschaltet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>off</source>
        <translation>ausgeschaltet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leftovers of earlier removals</source>
        <translation>Reste früherer Entfernungen</translation>
    </message>
</context>
<context>
    <name>UninstallPage</name>
    <message>
        <location filename="../../../gui/pages_run.py" line="-221"/>
        <source>Review the removal</source>
        <translation>Entfernung überprüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing is removed until you press “Uninstall now”. After that, Back cannot undo it.</source>
        <translation>Nichts wird entfernt, bevor Sie auf „Jetzt deinstallieren“ klicken. Danach kann „Zurück“ es nicht rückgängig machen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Uninstall now</source>
        <translation>Jetzt deinstallieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removal steps</source>
        <translation>Schritte der Entfernung</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Show the exact commands</source>
        <translation>Genaue Befehle zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows the program and arguments each step runs.</source>
        <translation>Zeigt das Programm und die Argumente, die jeder Schritt ausführt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Protection after removal</source>
        <translation>Schutz nach der Entfernung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I understand nothing will protect this computer until I install another anti-virus</source>
        <translation>Ich verstehe, dass nichts diesen Computer schützt, bis ich ein anderes Virenschutzprogramm installiere</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept a protection gap</source>
        <translation>Schutzlücke in Kauf nehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needed only when nothing would protect the computer.</source>
        <translation>Nur nötig, wenn nichts den Computer schützen würde.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also remove UltraAV and UltraVPN</source>
        <translation>Auch UltraAV und UltraVPN entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove UltraAV</source>
        <translation>UltraAV entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adds steps to remove them with their own uninstallers.</source>
        <translation>Fügt Schritte hinzu, die sie mit ihren eigenen Deinstallationsprogrammen entfernen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What is still needed</source>
        <translation>Was noch fehlt</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>&lt;p&gt;&lt;b&gt;Afterwards:&lt;/b&gt; {protection}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Danach:&lt;/b&gt; {protection}&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;p&gt;&lt;b&gt;Before you can go on:&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Bevor Sie weitermachen können:&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Preparing the plan…</source>
        <translation>Plan wird vorbereitet…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>runs: {command}</source>
        <translation>führt aus: {command}</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../../gui/pages_welcome.py" line="+19"/>
        <source>Welcome to Switchover</source>
        <translation>Willkommen bei Switchover</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A calm, step-by-step way off Kaspersky, without losing your data or your protection.</source>
        <translation>Ein ruhiger Weg weg von Kaspersky, Schritt für Schritt, ohne Ihre Daten oder Ihren Schutz zu verlieren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;p&gt;Switchover finds every Kaspersky product on this computer, explains what the US ban means for you, keeps what uninstalling would lose, helps you choose a replacement and removes Kaspersky with its own uninstallers.&lt;/p&gt;&lt;p&gt;&lt;b&gt;What Switchover will never do:&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;send anything about you or this computer anywhere (no telemetry);&lt;/li&gt;&lt;li&gt;change anything without asking you first;&lt;/li&gt;&lt;li&gt;earn money from the product you choose (no affiliate links, no paid placement).&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;Switchover findet jedes Kaspersky-Produkt auf diesem Computer, erklärt, was das US-Verbot für Sie bedeutet, bewahrt, was bei der Deinstallation verloren ginge, hilft Ihnen bei der Wahl eines Ersatzes und entfernt Kaspersky mit dessen eigenen Deinstallationsprogrammen.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Was Switchover niemals tut:&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;etwas über Sie oder diesen Computer irgendwohin senden (keine Telemetrie);&lt;/li&gt;&lt;li&gt;etwas ändern, ohne Sie vorher zu fragen;&lt;/li&gt;&lt;li&gt;Geld mit dem Produkt verdienen, das Sie wählen (keine Affiliate-Links, keine bezahlten Platzierungen).&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About Switchover</source>
        <translation>Über Switchover</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue the uninstall that was interrupted</source>
        <translation>Die unterbrochene Deinstallation fortsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Switchover saved where it stopped last time and can pick up there.</source>
        <translation>Switchover hat gespeichert, wo es beim letzten Mal angehalten hat, und kann dort weitermachen.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The language of Switchover&apos;s window.</source>
        <translation>Die Sprache des Switchover-Fensters.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
</context>
<context>
    <name>report_error</name>
    <message>
        <location filename="../../../gui/errors.py" line="+43"/>
        <source>Something went wrong inside Switchover. Nothing on your computer was changed by this error. Please report it with the details below.</source>
        <translation>In Switchover ist ein Fehler aufgetreten. Durch diesen Fehler wurde auf Ihrem Computer nichts geändert. Bitte melden Sie ihn mit den Details unten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy details</source>
        <translation>Details kopieren</translation>
    </message>
</context>
</TS>
