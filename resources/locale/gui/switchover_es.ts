<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>BackupPage</name>
    <message>
        <location filename="../../../gui/pages_backup.py" line="+350"/>
        <source>Back up</source>
        <translation>Copia de seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switchover writes one ZIP archive and then checks every file in it.</source>
        <translation>Switchover crea un archivo ZIP y después comprueba cada archivo que contiene.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backup progress</source>
        <translation>Progreso de la copia de seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How much of the backup is written.</source>
        <translation>Qué parte de la copia de seguridad ya se ha escrito.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backup status</source>
        <translation>Estado de la copia de seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel backup</source>
        <translation>Cancelar la copia de seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stops and removes the unfinished archive.</source>
        <translation>Se detiene y elimina el archivo incompleto.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open folder</source>
        <translation>Abrir carpeta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open backup folder</source>
        <translation>Abrir la carpeta de la copia de seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows the archive in the file manager.</source>
        <translation>Muestra el archivo en el administrador de archivos.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Backup skipped at your request.</source>
        <translation>Se omitió la copia de seguridad, como usted pidió.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Measuring…</source>
        <translation>Midiendo…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Measuring</source>
        <translation>Midiendo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copying</source>
        <translation>Copiando</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking</source>
        <translation>Comprobando</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{stage}: {done}/{total} files, {done_size} / {total_size}, about {seconds} s left</source>
        <translation>{stage}: {done}/{total} archivos, {done_size} / {total_size}, quedan unos {seconds} s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{stage}: {done}/{total} files, {done_size} / {total_size}</source>
        <translation>{stage}: {done}/{total} archivos, {done_size} / {total_size}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancelled: nothing was left behind. Go back to change your choices, or skip the backup.</source>
        <translation>Cancelado: no ha quedado nada a medias. Vuelva atrás para cambiar su elección u omita la copia de seguridad.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Every file was read back and matches its checksum.</source>
        <translation>Se ha vuelto a leer cada archivo y todos coinciden con su suma de comprobación.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;The check found problems&lt;/b&gt;: do not rely on this archive; make a new one.</source>
        <translation>&lt;b&gt;La comprobación encontró problemas&lt;/b&gt;: no confíe en este archivo; cree uno nuevo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;p&gt;Backup written: {archive}&lt;br&gt;{files}, {size}. {verdict} {skipped}&lt;/p&gt;</source>
        <translation>&lt;p&gt;Copia de seguridad creada: {archive}&lt;br&gt;{files}, {size}. {verdict} {skipped}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>BanPage</name>
    <message>
        <location filename="../../../gui/pages.py" line="+208"/>
        <source>From this computer&apos;s settings</source>
        <translation>Según la configuración de este equipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>United States</source>
        <translation>Estados Unidos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>United States (business)</source>
        <translation>Estados Unidos (empresas)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Germany</source>
        <translation>Alemania</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Italy</source>
        <translation>Italia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>United Kingdom</source>
        <translation>Reino Unido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canada</source>
        <translation>Canadá</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Australia</source>
        <translation>Australia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another EU country</source>
        <translation>Otro país de la UE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elsewhere</source>
        <translation>Otro lugar</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>What the ban means for you</source>
        <translation>Qué significa la prohibición para usted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Neutral and sourced: click a source to read it.</source>
        <translation>Neutral y con fuentes: haga clic en una fuente para leerla.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The rules differ by country; choose yours if the guess is wrong.</source>
        <translation>Las normas varían según el país; elija el suyo si la suposición es incorrecta.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Region and date</source>
        <translation>Región y fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Explanation</source>
        <translation>Explicación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show every section</source>
        <translation>Mostrar todas las secciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows the rest of the explanation, each with its sources.</source>
        <translation>Muestra el resto de la explicación, cada parte con sus fuentes.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&lt;p&gt;Loading…&lt;/p&gt;</source>
        <translation>&lt;p&gt;Cargando…&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>As of {date}; region from {source}.</source>
        <translation>A fecha de {date}; región según {source}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(&lt;a href=&apos;{url}&apos;&gt;archived copy&lt;/a&gt;)</source>
        <translation>(&lt;a href=&apos;{url}&apos;&gt;copia archivada&lt;/a&gt;)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Show less</source>
        <translation>Mostrar menos</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{title} (one source)</source>
        <translation>{title} (una sola fuente)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{title} (uncertain)</source>
        <translation>{title} (incierto)</translation>
    </message>
</context>
<context>
    <name>BasePage</name>
    <message>
        <location filename="../../../gui/widgets.py" line="+99"/>
        <source>Demonstration: {machine}. Nothing on this computer is read or changed; every action is simulated.</source>
        <translation>Demostración: {machine}. No se lee ni se cambia nada en este equipo; cada acción es simulada.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a saved machine</source>
        <translation>un equipo guardado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Demonstration mode</source>
        <translation>Modo de demostración</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Why Next is not available yet</source>
        <translation>Por qué «Siguiente» aún no está disponible</translation>
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
        <translation>Gestor de contraseñas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parental controls</source>
        <translation>Control parental</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identity monitoring</source>
        <translation>Supervisión de identidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Firewall</source>
        <translation>Cortafuegos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>vpn</source>
        <translation>VPN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>password manager</source>
        <translation>gestor de contraseñas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>parental controls</source>
        <translation>control parental</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>identity monitoring</source>
        <translation>supervisión de identidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>firewall</source>
        <translation>cortafuegos</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose a replacement</source>
        <translation>Elegir un sustituto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ranked by independent tests, features and record; every reason is shown. No vendor pays to be here.</source>
        <translation>Ordenados según pruebas independientes, funciones y trayectoria; se muestra cada motivo. Ningún fabricante paga por aparecer aquí.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Needs {need}</source>
        <translation>Necesita {need}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ranks products that include it higher.</source>
        <translation>Sitúa más arriba los productos que lo incluyen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Free only</source>
        <translation>Solo gratuitos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows only products with a free version.</source>
        <translation>Muestra solo productos con una versión gratuita.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>About the ranking</source>
        <translation>Sobre la clasificación</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Ticked because Kaspersky does this for you today: {needs}.</source>
        <translation>Marcado porque Kaspersky hace esto por usted hoy: {needs}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{first} and {second}</source>
        <translation>{first} y {second}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{products} protects this computer now. You can keep it (press Next without choosing) or choose a replacement below.</source>
        <translation>{products} protege este equipo ahora. Puede conservarlo (pulse «Siguiente» sin elegir nada) o elegir un sustituto a continuación.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Catalog version {version}, reviewed on {date}.</source>
        <translation>Versión del catálogo {version}, revisada el {date}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not shown: {products}</source>
        <translation>No se muestran: {products}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{rank}. {product} — built into Windows, free</source>
        <translation>{rank}. {product} — integrado en Windows, gratuito</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{rank}. {product} — free, from your distribution</source>
        <translation>{rank}. {product} — gratuito, de su distribución</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose {product}</source>
        <translation>Elegir {product}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{price}. Sources: {links}</source>
        <translation>{price}. Fuentes: {links}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reasons for {product}</source>
        <translation>Motivos para {product}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{product}&apos;s own page</source>
        <translation>Página de {product}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open {product}&apos;s page</source>
        <translation>Abrir la página de {product}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opens in your web browser.</source>
        <translation>Se abre en su navegador web.</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../../gui/pages_finish.py" line="+104"/>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a report of what was found, kept, removed and chosen.</source>
        <translation>Guarde un informe de lo que se encontró, conservó, eliminó y eligió.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save as a web page…</source>
        <translation>Guardar como página web…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opens a save dialog.</source>
        <translation>Abre un cuadro de diálogo para guardar.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Report saved</source>
        <translation>Informe guardado</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;p&gt;Found: {found}. Backed up: {backup}. Chosen: {chosen}.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Encontrado: {found}. Copia de seguridad: {backup}. Elegido: {chosen}.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no Kaspersky product</source>
        <translation>ningún producto de Kaspersky</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing yet</source>
        <translation>nada todavía</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save report</source>
        <translation>Guardar informe</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Saved: {path}</source>
        <translation>Guardado: {path}</translation>
    </message>
</context>
<context>
    <name>LosePage</name>
    <message>
        <location filename="../../../gui/pages_backup.py" line="-383"/>
        <source>Strong: long and varied.</source>
        <translation>Segura: larga y variada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acceptable; a longer phrase of several words is stronger.</source>
        <translation>Aceptable; una frase más larga de varias palabras es más segura.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What you would lose</source>
        <translation>Lo que perdería</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uninstalling Kaspersky deletes these. Deal with the ones only you can do first; Switchover copies the rest.</source>
        <translation>Al desinstalar Kaspersky se eliminan estos datos. Ocúpese primero de lo que solo usted puede hacer; Switchover copia el resto.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kaspersky&apos;s data</source>
        <translation>Datos de Kaspersky</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Skip the backup (I have my own)</source>
        <translation>Omitir la copia de seguridad (tengo la mía)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip backup</source>
        <translation>Omitir la copia de seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goes on without a backup; the report says you chose this.</source>
        <translation>Continúa sin copia de seguridad; el informe indica que usted lo eligió.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved passwords</source>
        <translation>Contraseñas guardadas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password export guide</source>
        <translation>Guía para exportar las contraseñas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Password export file</source>
        <translation>Archivo de exportación de contraseñas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The .txt file Kaspersky Password Manager exported.</source>
        <translation>El archivo .txt que exportó Kaspersky Password Manager.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find my export</source>
        <translation>Buscar mi exportación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Looks in Documents, Desktop and Downloads.</source>
        <translation>Busca en Documentos, Escritorio y Descargas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose the export file</source>
        <translation>Elegir el archivo exportado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opens a file picker.</source>
        <translation>Abre un selector de archivos.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New password manager</source>
        <translation>Nuevo gestor de contraseñas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The format of the CSV file to save.</source>
        <translation>El formato del archivo CSV que se guardará.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save CSV for import…</source>
        <translation>Guardar CSV para importar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Convert for import</source>
        <translation>Convertir para importar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writes the file your new password manager imports. Delete it after importing: it holds your passwords in plain text.</source>
        <translation>Crea el archivo que importa su nuevo gestor de contraseñas. Elimínelo después de importarlo: contiene sus contraseñas en texto sin cifrar.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Convert for:</source>
        <translation>Convertir para:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protects the copy of your passwords in the backup. Without it nobody, not even you, can open that copy.</source>
        <translation>Protege la copia de sus contraseñas en la copia de seguridad. Sin ella nadie, ni siquiera usted, puede abrir esa copia.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Passphrase again</source>
        <translation>Repetir la frase de contraseña</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the passphrase a second time to avoid a typo.</source>
        <translation>Escriba la frase de contraseña una segunda vez para evitar errores.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passphrase strength</source>
        <translation>Seguridad de la frase de contraseña</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Passphrase:</source>
        <translation>Frase de contraseña:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Again:</source>
        <translation>Repetir:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Conversion result</source>
        <translation>Resultado de la conversión</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No export found in Documents, Desktop or Downloads. Use “Choose…”.</source>
        <translation>No se encontró ninguna exportación en Documentos, Escritorio ni Descargas. Use «Elegir…».</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kaspersky Password Manager export</source>
        <translation>Exportación de Kaspersky Password Manager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Archivos de texto (*.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose the export first.</source>
        <translation>Elija primero la exportación.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save CSV</source>
        <translation>Guardar CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;p&gt;{saved} &lt;b&gt;Delete the CSV and the .txt export after importing them&lt;/b&gt;: they hold every password in plain text.&lt;/p&gt;</source>
        <translation>&lt;p&gt;{saved} &lt;b&gt;Elimine el archivo CSV y la exportación .txt después de importarlos&lt;/b&gt;: contienen todas las contraseñas en texto sin cifrar.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;p&gt;Not converted:&lt;/p&gt;</source>
        <translation>&lt;p&gt;No convertidas:&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your folders</source>
        <translation>Sus carpetas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add a folder…</source>
        <translation>Añadir una carpeta…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a folder</source>
        <translation>Añadir una carpeta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adds another folder to the backup.</source>
        <translation>Añade otra carpeta a la copia de seguridad.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Backup destination</source>
        <translation>Destino de la copia de seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the backup archive is written, for example an external drive.</source>
        <translation>Dónde se guarda el archivo de la copia de seguridad, por ejemplo, en una unidad externa.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save backup to…</source>
        <translation>Guardar la copia en…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose destination</source>
        <translation>Elegir el destino</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opens a folder picker for the backup archive.</source>
        <translation>Abre un selector de carpetas para el archivo de la copia de seguridad.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Size and free space</source>
        <translation>Tamaño y espacio libre</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Include {folder}</source>
        <translation>Incluir {folder}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies this folder into the backup.</source>
        <translation>Copia esta carpeta en la copia de seguridad.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Folder to back up</source>
        <translation>Carpeta que se copiará</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Where to save the backup</source>
        <translation>Dónde guardar la copia de seguridad</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Chosen folders: {size}.</source>
        <translation>Carpetas elegidas: {size}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Free space there: {size} — enough.</source>
        <translation>Espacio libre allí: {size}; suficiente.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free space there: {size} — &lt;b&gt;not enough&lt;/b&gt;; choose another place or fewer folders.</source>
        <translation>Espacio libre allí: {size}; &lt;b&gt;no es suficiente&lt;/b&gt;. Elija otro lugar o menos carpetas.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Measuring…</source>
        <translation>Midiendo…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>I have done this</source>
        <translation>Ya lo he hecho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm: {step}</source>
        <translation>Confirmar: {step}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick once you have done the steps above.</source>
        <translation>Márquelo cuando haya completado los pasos anteriores.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;p&gt;Export your passwords from Kaspersky Password Manager (Additional → Settings → Import/Export → “Export to text file”), then point Switchover at the file. The backup keeps it only encrypted with your passphrase.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Exporte sus contraseñas desde Kaspersky Password Manager (Additional → Settings → Import/Export → «Export to text file») y después indique a Switchover el archivo. La copia de seguridad solo lo guarda cifrado con su frase de contraseña.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;p&gt;No Kaspersky Password Manager was found. If you have a password export anyway, you can still add it here.&lt;/p&gt;</source>
        <translation>&lt;p&gt;No se encontró Kaspersky Password Manager. Si aun así tiene una exportación de contraseñas, puede añadirla aquí.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
</context>
<context>
    <name>MigrationWizard</name>
    <message>
        <location filename="../../../gui/app.py" line="+41"/>
        <source>Switchover — demonstration (nothing on this computer is changed)</source>
        <translation>Switchover — demostración (no se cambia nada en este equipo)</translation>
    </message>
    <message>
        <location filename="../../../gui/wizard.py" line="+26"/>
        <source>Welcome</source>
        <translation>Bienvenida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What is here</source>
        <translation>Qué hay aquí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the ban means</source>
        <translation>Qué significa la prohibición</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose</source>
        <translation>Elegir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Get it ready</source>
        <translation>Prepararlo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you would lose</source>
        <translation>Lo que perdería</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back up</source>
        <translation>Copia de seguridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>Revisar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove Kaspersky</source>
        <translation>Quitar Kaspersky</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protected again?</source>
        <translation>¿Protegido de nuevo?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report</source>
        <translation>Informe</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Atrás</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Goes to the previous page.</source>
        <translation>Vuelve a la página anterior.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A job is still running on this page (the backup, or the removal&apos;s current step). Stop it and go back? Nothing is left half done: an unfinished backup is removed, and a removal stops between two steps.</source>
        <translation>Todavía hay una tarea en curso en esta página (la copia de seguridad o el paso actual de la eliminación). ¿Desea detenerla y volver atrás? Nada queda a medias: una copia de seguridad incompleta se elimina y una eliminación se detiene entre dos pasos.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Stop it</source>
        <translation>Detenerla</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Keep going</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Leave Switchover? The removal&apos;s progress is saved: open Switchover again to continue where it stopped.</source>
        <translation>¿Desea salir de Switchover? El progreso de la eliminación está guardado: abra Switchover de nuevo para continuar donde se detuvo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave Switchover? Nothing has been removed from this computer.</source>
        <translation>¿Desea salir de Switchover? No se ha eliminado nada de este equipo.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A job is still running on this page (the backup, or the removal&apos;s current step). Stop it and leave Switchover? Nothing is left half done: an unfinished backup is removed, and a removal stops between two steps.</source>
        <translation>Todavía hay una tarea en curso en esta página (la copia de seguridad o el paso actual de la eliminación). ¿Desea detenerla y salir de Switchover? Nada queda a medias: una copia de seguridad incompleta se elimina y una eliminación se detiene entre dos pasos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Leave</source>
        <translation>Salir</translation>
    </message>
</context>
<context>
    <name>ProtectedPage</name>
    <message>
        <location filename="../../../gui/pages_finish.py" line="-137"/>
        <source>Protected again?</source>
        <translation>¿Protegido de nuevo?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switchover looks at the computer once more.</source>
        <translation>Switchover revisa el equipo una vez más.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protection check</source>
        <translation>Comprobación de la protección</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Looking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;p&gt;&lt;b&gt;Demonstration:&lt;/b&gt; on a real computer Switchover now checks that Kaspersky is gone and that protection is on. Expected: {protection}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Demostración:&lt;/b&gt; en un equipo real, Switchover comprueba ahora que Kaspersky ya no está y que la protección está activada. Resultado esperado: {protection}&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No Kaspersky product is installed ✓</source>
        <translation>No hay ningún producto de Kaspersky instalado ✓</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kaspersky is gone ✓</source>
        <translation>Kaspersky ya no está ✓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Still installed:&lt;/b&gt; {products}</source>
        <translation>&lt;b&gt;Todavía instalado:&lt;/b&gt; {products}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protected ✓: {protection}</source>
        <translation>Protegido ✓: {protection}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Not protected yet:&lt;/b&gt; {protection}</source>
        <translation>&lt;b&gt;Todavía sin protección:&lt;/b&gt; {protection}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;p&gt;Left behind, with what to do:&lt;/p&gt;</source>
        <translation>&lt;p&gt;Lo que quedó, con lo que hay que hacer:&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;p&gt;&lt;b&gt;Now install {product}&lt;/b&gt; from its own page: &lt;a href=&apos;{url}&apos;&gt;{url}&lt;/a&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Instale ahora {product}&lt;/b&gt; desde su propia página: &lt;a href=&apos;{url}&apos;&gt;{url}&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;p&gt;Or in a terminal: {commands}&lt;/p&gt;</source>
        <translation>&lt;p&gt;O en un terminal: {commands}&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;p&gt;You chose &lt;b&gt;{product}&lt;/b&gt;, which is built in: nothing to install.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Usted eligió &lt;b&gt;{product}&lt;/b&gt;, que ya viene integrado: no hay nada que instalar.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ReadyPage</name>
    <message>
        <location filename="../../../gui/pages_ready.py" line="+30"/>
        <source>Get your new protection ready</source>
        <translation>Prepare su nueva protección</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>So that this computer is never left unprotected, have the replacement at hand before Kaspersky is removed.</source>
        <translation>Para que este equipo nunca quede sin protección, tenga a mano el sustituto antes de quitar Kaspersky.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How to get it</source>
        <translation>Cómo obtenerlo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the vendor&apos;s page</source>
        <translation>Abrir la página del fabricante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opens the product&apos;s own page in your web browser.</source>
        <translation>Abre la página del producto en su navegador web.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show details</source>
        <translation>Mostrar detalles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows the command that installs it from a terminal.</source>
        <translation>Muestra el comando que lo instala desde un terminal.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Terminal command</source>
        <translation>Comando de terminal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>I have the installer ready, or it is already installed</source>
        <translation>Tengo el instalador preparado, o ya está instalado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Installer ready</source>
        <translation>Instalador preparado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick once you can install it right after the removal.</source>
        <translation>Márquelo cuando pueda instalarlo justo después de la eliminación.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Looking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;p&gt;Download &lt;b&gt;{product}&lt;/b&gt; from its own page now. Most anti-virus programs ask for the old one to be removed first, so you install it right after Switchover has removed Kaspersky.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Descargue ahora &lt;b&gt;{product}&lt;/b&gt; desde su propia página. La mayoría de los antivirus piden que se quite primero el anterior, así que lo instalará justo después de que Switchover haya quitado Kaspersky.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open {product}&apos;s page</source>
        <translation>Abrir la página de {product}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In a terminal: {commands}</source>
        <translation>En un terminal: {commands}</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../../../gui/pages_run.py" line="+143"/>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>running…</source>
        <translation>en curso…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done ✓</source>
        <translation>hecho ✓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed ✗</source>
        <translation>falló ✗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped</source>
        <translation>omitido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>restart needed</source>
        <translation>hay que reiniciar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>needs you</source>
        <translation>requiere su intervención</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Uninstall</source>
        <translation>Desinstalar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kaspersky&apos;s own uninstallers run one after the other; each step shows its status.</source>
        <translation>Los desinstaladores propios de Kaspersky se ejecutan uno tras otro; cada paso muestra su estado.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step status</source>
        <translation>Estado de los pasos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uninstall status</source>
        <translation>Estado de la desinstalación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Try the uninstall again</source>
        <translation>Reintentar la desinstalación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continues from the step that stopped.</source>
        <translation>Continúa desde el paso que se detuvo.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>I have done it</source>
        <translation>Ya lo he hecho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip it</source>
        <translation>Omitirlo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop here</source>
        <translation>Detenerse aquí</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Kaspersky&apos;s removal is complete.</source>
        <translation>La eliminación de Kaspersky ha terminado.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kaspersky&apos;s removal is complete, but &lt;b&gt;nothing protects this computer yet&lt;/b&gt;: install the replacement you chose now.</source>
        <translation>La eliminación de Kaspersky ha terminado, pero &lt;b&gt;todavía nada protege este equipo&lt;/b&gt;: instale ahora el sustituto que eligió.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Restart the computer now.&lt;/b&gt; When you open Switchover again it continues here and checks that everything is gone.</source>
        <translation>&lt;b&gt;Reinicie el equipo ahora.&lt;/b&gt; Cuando vuelva a abrir Switchover, continuará aquí y comprobará que todo se ha eliminado.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stopped: see the steps above. Solve the problem, then try again: Switchover continues from that step.</source>
        <translation>Detenido: consulte los pasos anteriores. Resuelva el problema y vuelva a intentarlo: Switchover continúa desde ese paso.</translation>
    </message>
</context>
<context>
    <name>ScanPage</name>
    <message>
        <location filename="../../../gui/pages.py" line="-250"/>
        <source>What is on this computer</source>
        <translation>Qué hay en este equipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switchover looks for Kaspersky products, other security products, and leftovers of earlier removals.</source>
        <translation>Switchover busca productos de Kaspersky, otros productos de seguridad y restos de eliminaciones anteriores.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scanning</source>
        <translation>Análisis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shown while Switchover looks at the computer.</source>
        <translation>Se muestra mientras Switchover revisa el equipo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan result</source>
        <translation>Resultado del análisis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Products found</source>
        <translation>Productos encontrados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expand a product to see the evidence for it.</source>
        <translation>Despliegue un producto para ver las pruebas que lo respaldan.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Found</source>
        <translation>Encontrado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What was found</source>
        <translation>Lo que se encontró</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Show the evidence</source>
        <translation>Mostrar las pruebas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows what on this computer each finding rests on.</source>
        <translation>Muestra en qué se basa cada hallazgo en este equipo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What this means</source>
        <translation>Qué significa esto</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Scanning…</source>
        <translation>Analizando…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The scan stopped because of an internal error: {error}</source>
        <translation>El análisis se detuvo por un error interno: {error}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;&lt;b&gt;Problem:&lt;/b&gt; {message}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Problema:&lt;/b&gt; {message}&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This computer is protected right now.</source>
        <translation>Este equipo está protegido en este momento.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This computer is &lt;b&gt;not&lt;/b&gt; protected right now.</source>
        <translation>Este equipo &lt;b&gt;no&lt;/b&gt; está protegido en este momento.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Found one Kaspersky product.</source>
        <translation>Se encontró un producto de Kaspersky.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No Kaspersky product is installed: there is nothing to remove. Next, Switchover explains the background and helps you check your protection.</source>
        <translation>No hay ningún producto de Kaspersky instalado: no hay nada que quitar. A continuación, Switchover explica el contexto y le ayuda a comprobar su protección.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+42"/>
        <source>running</source>
        <translation>en ejecución</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+42"/>
        <source>not running</source>
        <translation>no se está ejecutando</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>{product}: on</source>
        <translation>{product}: activado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{product}: off</source>
        <translation>{product}: desactivado</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+55"/>
        <source>Other security products</source>
        <translation>Otros productos de seguridad</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>&lt;b&gt;UltraAV / UltraVPN&lt;/b&gt; arrived with Kaspersky&apos;s automatic switch for US customers in September 2024. Keeping or removing them is your choice; the next pages explain.</source>
        <translation>&lt;b&gt;UltraAV / UltraVPN&lt;/b&gt; llegaron con el cambio automático que Kaspersky hizo para sus clientes de EE.&#xa0;UU. en septiembre de 2024. Conservarlos o quitarlos es decisión suya; las páginas siguientes lo explican.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Leftovers&lt;/b&gt; are traces of an earlier or forced removal. They do not protect you; Switchover lists them and deletes nothing of them on its own.</source>
        <translation>Los &lt;b&gt;restos&lt;/b&gt; son rastros de una eliminación anterior o forzada. No le protegen; Switchover los enumera y no borra nada de ellos por su cuenta.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>high confidence</source>
        <translation>confianza alta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>medium confidence</source>
        <translation>confianza media</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>low confidence</source>
        <translation>confianza baja</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>found by</source>
        <translation>encontrado por</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>version</source>
        <translation>versión</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>read from {source}</source>
        <translation>leída de {source}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>evidence</source>
        <translation>prueba</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>on</source>
        <translation>activado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>off</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leftovers of earlier removals</source>
        <translation>Restos de eliminaciones anteriores</translation>
    </message>
</context>
<context>
    <name>UninstallPage</name>
    <message>
        <location filename="../../../gui/pages_run.py" line="-221"/>
        <source>Review the removal</source>
        <translation>Revisar la eliminación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing is removed until you press “Uninstall now”. After that, Back cannot undo it.</source>
        <translation>No se elimina nada hasta que pulse «Desinstalar ahora». Después, «Atrás» no puede deshacerlo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Uninstall now</source>
        <translation>Desinstalar ahora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removal steps</source>
        <translation>Pasos de la eliminación</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Show the exact commands</source>
        <translation>Mostrar los comandos exactos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows the program and arguments each step runs.</source>
        <translation>Muestra el programa y los argumentos que ejecuta cada paso.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Protection after removal</source>
        <translation>Protección tras la eliminación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I understand nothing will protect this computer until I install another anti-virus</source>
        <translation>Entiendo que nada protegerá este equipo hasta que instale otro antivirus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept a protection gap</source>
        <translation>Aceptar un periodo sin protección</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needed only when nothing would protect the computer.</source>
        <translation>Solo es necesario cuando nada protegería el equipo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also remove UltraAV and UltraVPN</source>
        <translation>Quitar también UltraAV y UltraVPN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove UltraAV</source>
        <translation>Quitar UltraAV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adds steps to remove them with their own uninstallers.</source>
        <translation>Añade pasos para quitarlos con sus propios desinstaladores.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What is still needed</source>
        <translation>Lo que aún falta</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>&lt;p&gt;&lt;b&gt;Afterwards:&lt;/b&gt; {protection}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Después:&lt;/b&gt; {protection}&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;p&gt;&lt;b&gt;Before you can go on:&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Antes de poder continuar:&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Preparing the plan…</source>
        <translation>Preparando el plan…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>runs: {command}</source>
        <translation>ejecuta: {command}</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../../gui/pages_welcome.py" line="+19"/>
        <source>Welcome to Switchover</source>
        <translation>Le damos la bienvenida a Switchover</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A calm, step-by-step way off Kaspersky, without losing your data or your protection.</source>
        <translation>Una forma tranquila y paso a paso de dejar Kaspersky, sin perder sus datos ni su protección.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;p&gt;Switchover finds every Kaspersky product on this computer, explains what the US ban means for you, keeps what uninstalling would lose, helps you choose a replacement and removes Kaspersky with its own uninstallers.&lt;/p&gt;&lt;p&gt;&lt;b&gt;What Switchover will never do:&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;send anything about you or this computer anywhere (no telemetry);&lt;/li&gt;&lt;li&gt;change anything without asking you first;&lt;/li&gt;&lt;li&gt;earn money from the product you choose (no affiliate links, no paid placement).&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;Switchover encuentra cada producto de Kaspersky en este equipo, explica qué significa para usted la prohibición de EE.&#xa0;UU., conserva lo que se perdería al desinstalar, le ayuda a elegir un sustituto y quita Kaspersky con sus propios desinstaladores.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Lo que Switchover nunca hará:&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;enviar a ningún sitio nada sobre usted o este equipo (sin telemetría);&lt;/li&gt;&lt;li&gt;cambiar nada sin preguntarle antes;&lt;/li&gt;&lt;li&gt;ganar dinero con el producto que usted elija (sin enlaces de afiliados ni posiciones pagadas).&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About Switchover</source>
        <translation>Acerca de Switchover</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue the uninstall that was interrupted</source>
        <translation>Continuar la desinstalación interrumpida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Switchover saved where it stopped last time and can pick up there.</source>
        <translation>Switchover guardó dónde se detuvo la última vez y puede continuar desde allí.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The language of Switchover&apos;s window.</source>
        <translation>El idioma de la ventana de Switchover.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
</context>
<context>
    <name>report_error</name>
    <message>
        <location filename="../../../gui/errors.py" line="+43"/>
        <source>Something went wrong inside Switchover. Nothing on your computer was changed by this error. Please report it with the details below.</source>
        <translation>Se produjo un error dentro de Switchover. Este error no cambió nada en su equipo. Infórmenos de él con los detalles que aparecen abajo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy details</source>
        <translation>Copiar detalles</translation>
    </message>
</context>
</TS>
