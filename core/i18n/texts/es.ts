// Core's server and validation messages in Spanish, by their English text (texts/translate.ts). A test
// (tests/i18n/texts.test.ts) fails when an English text here no longer occurs in the code, so an edited
// message cannot leave a dead translation behind while the new one silently shows English.
import type { Texts } from "./translate";

export const TEXTS_ES: Texts = {
  exact: {
    // Every form
    "Please correct the highlighted fields.": "Corrige los campos marcados.",
    "Nothing changed.": "No ha cambiado nada.",
    // Patients
    "First name is required": "El nombre es obligatorio",
    "Last name is required": "Los apellidos son obligatorios",
    "Enter a valid date (YYYY-MM-DD)": "Introduce una fecha válida (AAAA-MM-DD)",
    "Date of birth cannot be in the future": "La fecha de nacimiento no puede ser futura",
    "Date of birth must be after 1900-01-01": "La fecha de nacimiento debe ser posterior al 1900-01-01",
    "Medical record number is required": "El número de historia clínica es obligatorio",
    "Use letters, digits and dashes only": "Usa solo letras, dígitos y guiones",
    "Enter a valid phone number": "Introduce un número de teléfono válido",
    "Enter a valid email address": "Introduce una dirección de correo electrónico válida",
    "Another patient in this organization already has this medical record number": "Otro paciente de esta organización ya tiene este número de historia clínica",
    "This patient no longer exists.": "Este paciente ya no existe.",
    // Appointments
    "Choose a patient": "Elige un paciente",
    "Provider is required": "El profesional es obligatorio",
    "End time must be after the start time": "La hora de fin debe ser posterior a la de inicio",
    "An appointment cannot last longer than 24 hours": "Una cita no puede durar más de 24 horas",
    "Choose a status": "Elige un estado",
    "Select at least one appointment": "Selecciona al menos una cita",
    "This appointment no longer exists.": "Esta cita ya no existe.",
    "Appointment created.": "Cita creada.",
    "Appointment saved.": "Cita guardada.",
    "Appointment deleted.": "Cita eliminada.",
    // Organization settings
    "Give the organization a name": "Da un nombre a la organización",
    "Choose a time zone from the list, e.g. Europe/Madrid": "Elige una zona horaria de la lista, p. ej. Europe/Madrid",
    "Use a three-letter ISO 4217 code this server knows, e.g. EUR": "Usa un código ISO 4217 de tres letras que este servidor conozca, p. ej. EUR",
    "Choose one of the listed locales": "Elige una de las configuraciones regionales de la lista",
    "Organization settings saved.": "Configuración de la organización guardada.",
    // API tokens
    "Give the token a name, e.g. the script that will use it": "Da un nombre al token, p. ej. el script que lo usará",
    "Choose when the token expires": "Elige cuándo caduca el token",
    "This token does not exist or is not yours.": "Este token no existe o no es tuyo.",
    // Members and plugins
    "This plugin is not enabled for your organization. Enable it on the Plugins page first.": "Este complemento no está activado para tu organización. Actívalo primero en la página Complementos.",
    "You cannot change your own permissions; ask another owner or admin.": "No puedes cambiar tus propios permisos; pídeselo a otro propietario o administrador.",
    "This member was not found in your organization.": "Este miembro no está en tu organización.",
    "Owners have every permission; there is nothing to grant.": "Los propietarios tienen todos los permisos; no hay nada que conceder.",
    "This plugin is not installed or not enabled for your organization.": "Este complemento no está instalado o no está activado para tu organización.",
    // Imports
    "This import does not exist.": "Esta importación no existe.",
    "You do not have permission to import into this resource.": "No tienes permiso para importar en este recurso.",
    "This import can no longer be changed (it has started writing, or its file was removed).": "Esta importación ya no se puede cambiar (ha empezado a escribir o su archivo se eliminó).",
    "This import changed meanwhile; reload the page.": "Esta importación ha cambiado mientras tanto; vuelve a cargar la página.",
    "Mapping and options saved.": "Asignación y opciones guardadas.",
    "This import cannot be previewed now (a preview or the import is already running, or it has written rows).": "Ahora no se puede obtener la vista previa de esta importación (ya hay una vista previa o la importación en curso, o ya ha escrito filas).",
    "Preview started.": "Vista previa iniciada.",
    "Preview the file first: the import starts from a finished preview.": "Obtén primero la vista previa del archivo: la importación parte de una vista previa terminada.",
    "This import is already running or finished.": "Esta importación ya está en curso o ha terminado.",
    "Import started.": "Importación iniciada.",
    "Import cancelled. Nothing was written.": "Importación cancelada. No se escribió nada.",
    "Import cancelled. Rows already written stay and can be undone.": "Importación cancelada. Las filas ya escritas se quedan y se pueden deshacer.",
    "Cancelling: the import stops before its next batch. Rows already written stay and can be undone.": "Cancelando: la importación se detiene antes de su siguiente lote. Las filas ya escritas se quedan y se pueden deshacer.",
    "This import is not running.": "Esta importación no está en curso.",
    "An undo of this import is already running.": "Ya se está deshaciendo esta importación.",
    "Undo started.": "Se ha empezado a deshacer la importación.",
    "Choose one of the listed encodings.": "Elige una de las codificaciones de la lista.",
    "Choose one of the listed delimiters.": "Elige uno de los delimitadores de la lista.",
    "Choose “Skip bad rows” or “All or nothing”.": "Elige «Omitir filas erróneas» o «Todo o nada».",
    // Jobs
    "The job runner accepted the event but gave it no id; look for the new run in the list.": "El ejecutor de tareas aceptó el evento pero no le dio un id; busca la nueva ejecución en la lista.",
    "This run's event has no id, so the job runner cannot be told which run to cancel.": "El evento de esta ejecución no tiene id, así que no se puede indicar al ejecutor de tareas qué ejecución cancelar.",
    "The run finished before it could be cancelled.": "La ejecución terminó antes de poder cancelarla.",
    "The run was cancelled. A step already executing finishes; nothing after it runs.": "La ejecución se ha cancelado. Un paso que ya se estaba ejecutando termina; nada de lo que viene después se ejecuta.",
    // An import's rejected rows (the errors table; the errors CSV and the API keep the English)
    "Whole numbers only (digits, no decimal point or separator)": "Solo números enteros (dígitos, sin punto decimal ni separador)",
    // A refused upload
    "The file is empty (0 bytes)": "El archivo está vacío (0 bytes)",
    "The file has no content: it contains only blank space or empty lines": "El archivo no tiene contenido: solo contiene espacios o líneas vacías",
    "This file is UTF-32 text, which is not supported: save it as CSV (UTF-8) and upload again": "Este archivo es texto UTF-32, que no se admite: guárdalo como CSV (UTF-8) y súbelo de nuevo",
    // A plugin's settings form
    "The settings form sent no values.": "El formulario de configuración no envió ningún valor.",
    "Choose on or off": "Elige activado o desactivado",
    "Enter the secret as text, or leave it empty to keep the current one": "Introduce el secreto como texto, o déjalo vacío para conservar el actual",
    "This number is too large": "Este número es demasiado grande",
    "Enter text": "Introduce un texto",
    "Enter a whole number": "Introduce un número entero",
    "Enter a valid https:// URL": "Introduce una URL https:// válida",
    "Enter a JSON value, for example {} or []": "Introduce un valor JSON, por ejemplo {} o []",
    "Enter a valid date and time": "Introduce una fecha y hora válidas",
  },
  patterns: [
    ["Must be at most (\\d+) characters", "Debe tener como máximo $1 caracteres"],
    ["At most (\\d+) characters", "Como máximo $1 caracteres"],
    ["Patient (.+) created\\.", "Paciente $1 creado."],
    ["Patient (.+) saved\\.", "Paciente $1 guardado."],
    ["Patient (.+) deleted\\.", "Paciente $1 eliminado."],
    ["1 appointment updated\\.", "1 cita actualizada."],
    ["(\\d+) appointments updated\\.", "$1 citas actualizadas."],
    ["Token “(.+)” created\\.", "Token «$1» creado."],
    ["Token “(.+)” revoked\\. Requests with it now get 401\\.", "Token «$1» revocado. Las solicitudes con él reciben ahora 401."],
    ["“(.+)” was already revoked\\.", "«$1» ya estaba revocado."],
    ["(.+) settings saved\\.", "Configuración de $1 guardada."],
    ["(.+) permissions saved\\.", "Permisos de $1 guardados."],
    ["“(.+)” is mapped to more than one column\\. Choose one\\.", "«$1» está asignado a más de una columna. Elige una."],
    ["The file was removed after (\\d+) days; upload it again\\.", "El archivo se eliminó tras $1 días; súbelo de nuevo."],
    // An import's rejected rows
    ["row has 1 cell, the header has (\\d+)", "la fila tiene 1 celda y la cabecera tiene $1"],
    ["row has (\\d+) cells, the header has (\\d+)", "la fila tiene $1 celdas y la cabecera tiene $2"],
    ["Duplicate (.+) '(.*)': first on row (\\d+)", "$1 «$2» repetido: aparece primero en la fila $3"],
    // (the preview and the commit add a full stop when one column is refused; several stay English)
    ["Importing \"(.+)\" needs the (\\S+) permission, which you do not have: leave that column unmapped\\.?", "Importar «$1» requiere el permiso $2, que no tienes: deja esa columna sin asignar."],
    // A row the tokenizer could not read (core/imports/csv/tokenize.ts)
    ["Column (\\d+) has text after its closing quote \\(line (\\d+)\\): a quote inside a quoted cell must be doubled \\(\"\"\\)", "La columna $1 tiene texto tras sus comillas de cierre (línea $2): unas comillas dentro de una celda entre comillas deben ir dobles (\"\")"],
    ["Unterminated quoted cell: the quote opening column (\\d+) on line (\\d+) is never closed", "Celda entre comillas sin cerrar: las comillas que abren la columna $1 en la línea $2 nunca se cierran"],
    ["Column (\\d+) has ([\\d,]+) characters, more than the limit of ([\\d,]+)", "La columna $1 tiene $2 caracteres, más que el límite de $3"],
    ["The row has more than ([\\d,]+) characters", "La fila tiene más de $1 caracteres"],
    ["Column (\\d+) contains a NUL character, which text cannot hold", "La columna $1 contiene un carácter NUL, que un texto no puede contener"],
    ["The row has more than ([\\d,]+) columns", "La fila tiene más de $1 columnas"],
    // An all-or-nothing import that stopped (core/imports/engine/commit.ts), on the import's page
    ["All or nothing: the preview rejected (\\d+) row\\(s\\), so nothing was imported\\. Fix them \\(download the error file\\) or choose \"skip bad rows\"\\.", "Todo o nada: la vista previa rechazó $1 fila(s), así que no se importó nada. Corrígelas (descarga el archivo de errores) o elige «Omitir filas erróneas»."],
    ["All or nothing: (\\d+) row\\(s\\) of rows (\\d+)-(\\d+) are invalid\\. The rows written before were rolled back: nothing was imported\\.", "Todo o nada: $1 fila(s) de las filas $2-$3 no son válidas. Las filas escritas antes se revirtieron: no se importó nada."],
    ["The database refused this row: (.+)", "La base de datos rechazó esta fila: $1"],
    // A refused upload
    ["This is not a text file: it contains a NUL byte \\(at byte (\\d+)\\), which CSV text never has\\. It may be damaged or in another format: save it as CSV \\(UTF-8\\) and upload again", "Este no es un archivo de texto: contiene un byte NUL (en el byte $1), que un texto CSV nunca tiene. Puede estar dañado o en otro formato: guárdalo como CSV (UTF-8) y súbelo de nuevo"],
    // Files people upload instead of CSV (core/imports/csv/detect.ts MAGIC); patterns because the code builds them
    ["This looks like an Excel/ZIP file \\(\\.xlsx, \\.zip, \\.ods\\), not CSV: save it as CSV \\(UTF-8\\) and upload again", "Parece un archivo de Excel o ZIP (.xlsx, .zip, .ods), no un CSV: guárdalo como CSV (UTF-8) y súbelo de nuevo"],
    ["This looks like an old Excel file \\(\\.xls\\), not CSV: save it as CSV \\(UTF-8\\) and upload again", "Parece un archivo antiguo de Excel (.xls), no un CSV: guárdalo como CSV (UTF-8) y súbelo de nuevo"],
    ["This looks like a PDF file, not CSV: export the data as CSV \\(UTF-8\\) and upload that", "Parece un archivo PDF, no un CSV: exporta los datos como CSV (UTF-8) y sube ese archivo"],
    ["This looks like an? (PNG|GIF|JPEG) image, not CSV: upload the CSV file itself", "Parece una imagen $1, no un CSV: sube el propio archivo CSV"],
    ["This is not a text file \\(it contains binary data\\): save it as CSV \\(UTF-8\\) and upload again", "Este no es un archivo de texto (contiene datos binarios): guárdalo como CSV (UTF-8) y súbelo de nuevo"],
    // A plugin's settings form
    ["Choose one of: (.+)", "Elige uno de: $1"],
    ["Must be at least (-?[\\d.]+)", "Debe ser como mínimo $1"],
    ["Must be at most (-?[\\d.]+)", "Debe ser como máximo $1"],
    ["Must be at most (\\d+) characters \\(now (\\d+)\\)", "Debe tener como máximo $1 caracteres (ahora $2)"],
    ["Enter a number such as ([\\d.]+)", "Introduce un número como $1"],
    ["Use at most 1 decimal place", "Usa como máximo 1 decimal"],
    ["Use at most (\\d+) decimal places", "Usa como máximo $1 decimales"],
    ["Invalid JSON: ([\\s\\S]+)", "JSON no válido: $1"],
    // A plugin's job that found the plugin disabled (core/jobs/plugin-jobs.ts)
    ["The ([a-z0-9-]+) plugin is not enabled for this organization\\.", "El complemento $1 no está activado para esta organización."],
    // What a job run worked on (core/jobs/subjects.ts), on the Jobs pages.
    ["Preview of import ([0-9a-f]{8})", "Vista previa de la importación $1"],
    ["Commit of import ([0-9a-f]{8})", "Escritura de la importación $1"],
    ["Undo of import ([0-9a-f]{8})", "Deshacer la importación $1"],
    ["Export ([0-9a-f]{8})", "Exportación $1"],
  ],
};
