// Spanish: the phrases of privacy teams and ticket systems writing in Spanish, and the words around them.
// Spanish drops the subject pronoun ("hemos procesado"), so phrases start at the verb or the noun.
import { type Language, r } from './build.ts';

const REQUEST_ES = '(?:solicitud|petición|oposición|reclamación|mensaje|correo|e-?mail|escrito|consulta|derecho de oposición)';

export const es: Language = {
  lang: 'es',
  words: {
    negation: String.raw`\b(?:no|nunca|jamás|ningún|ninguna|ninguno|tampoco|ni)\b`,
    hedge: String.raw`\b(?:si|cuando|una vez que|en cuanto|tan pronto como|en caso de|siempre que|eventualmente|posiblemente|quizás?|tal vez|mientras tanto|para cualquier (?:duda|consulta))\b`,
    possibility: String.raw`\b(?:puede|pueden|podrá|podrán|podría|podrían|podremos|podemos)\b`,
    and: 'y|e',
    opener: 'hemos|le informamos|nosotros',
    contrast: 'pero|sin embargo|aunque|no obstante',
    regret: String.raw`\b(?:lamentablemente|lamentamos|sentimos|desafortunadamente|no (?:podemos|es posible|hemos podido)|denegad\S*|rechazad\S*|desestimad\S*)\b`,
  },
  subject: {
    prefixes: 'rv|rm|reenv',
    outOfOffice: String.raw`fuera de (?:la )?oficina|ausente\b|de vacaciones`,
    autoReply: 'respuesta automática',
  },
  bounceText: 'no se (?:ha )?pod(?:ido|ía) entregar|no entregado|error de entrega|entrega fallida',
  quoting: {
    attributionStart: 'El',
    attribution: String.raw`^\s*El\b[\s\S]{0,300}\bescribió\s*:\s*$`,
    separator: 'mensaje original|mensaje reenviado',
    headerFrom: 'de',
    headerNext: 'enviado|para|asunto|fecha|cc',
    requestLabel: 'su (?:solicitud|mensaje)(?: original)?',
    replyAbove: 'por encima de esta línea',
  },
  patterns: [
    // ---- auto_reply: out of office (strong) ----
    {
      class: 'auto_reply',
      strength: 'strong',
      re: r`\b(?:estoy|estaré|me encuentro) (?:actualmente )?(?:fuera de la oficina|de vacaciones|ausente|de baja|de viaje|fuera del despacho)\b`,
    },
    { class: 'auto_reply', strength: 'strong', re: r`\bfuera de la oficina hasta\b|\b(?:estaré de vuelta|regresaré|volveré) (?:el|a partir del)\b` },
    // ---- auto_reply: no-reply notices (weak) ----
    { class: 'auto_reply', strength: 'weak', re: r`\b(?:por favor,? )?no responda (?:a )?(?:este|a este) (?:correo|mensaje|e-?mail)` },
    {
      class: 'auto_reply',
      strength: 'weak',
      re: r`\b(?:mensaje|correo|respuesta) (?:generad[oa]|enviad[oa]) automáticamente\b|\b(?:respuesta|mensaje) automátic[oa]\b`,
    },

    // ---- identity_requested ----
    { class: 'identity_requested', re: r`\b(?:verificar|confirmar|acreditar|comprobar|validar) su identidad\b|\bverificación de (?:su )?identidad\b` },
    {
      class: 'identity_requested',
      re: r`\b(?:copia|foto|fotografía|escaneo) ~3 (?:DNI|NIE|pasaporte|documento (?:de identidad|nacional de identidad|oficial|identificativo)|carné de conducir)`,
    },
    { class: 'identity_requested', re: r`\bdocumento (?:acreditativo de|que acredite) su identidad\b` },
    { class: 'identity_requested', re: r`\benlace de (?:verificación|confirmación)\b|\bhaga clic en (?:el )?~2 (?:enlace|botón)` },
    {
      class: 'identity_requested',
      re: r`\b(?:indíquenos|facilítenos|proporciónenos|proporcione|envíenos|confirme|confírmenos) ~4 (?:dirección de correo|correo electrónico|número de cliente|nombre de usuario|fecha de nacimiento|número de teléfono)`,
    },

    // ---- use_other_channel ----
    {
      class: 'use_other_channel',
      re: r`\b(?:le rogamos que|por favor,?|le pedimos que|debe|deberá) ~2 (?:utilice|use|utilizar|usar|rellene|rellenar|complete|completar|acceda a|acceder a|presente su solicitud (?:a través de|en|mediante)) (?:nuestro|nuestra|el|la) ~3 (?:formulario|portal|centro|página|sección|plataforma)`,
    },
    {
      class: 'use_other_channel',
      re: r`\b(?:únicamente|exclusivamente|solo|sólo) (?:a través de|mediante|por medio de|en|desde) (?:nuestro|nuestra|el|la) \S*(?:formulario|portal|centro|plataforma|web|aplicación)`,
    },
    {
      class: 'use_other_channel',
      re: r`\b(?:dirija|envíe|remita|presente) (?:su|esta|la) ~3 ${REQUEST_ES} ~4 (?:a|al|a través|mediante|en)\b`,
    },

    // ---- extension (Art. 12(3) GDPR) ----
    { class: 'extension', re: r`\b(?:prorrog|ampli)\S* ~6 plazo\b|\bplazo ~6 (?:prorrogado|ampliado|prorrogará|ampliará|extendido)\b|\bprórroga\b` },
    { class: 'extension', re: r`\b(?:otros|dos|2) (?:dos |2 )?meses (?:adicionales|más)\b|\botros (?:dos|2) meses\b` },

    // ---- refused ----
    {
      class: 'refused',
      refusal: 'compelling_grounds',
      re: r`\bmotivos legítimos imperiosos\b|\bintereses legítimos ~6 (?:prevalecen|prevalezcan|prevalentes)\b`,
    },
    { class: 'refused', refusal: 'not_applicable', re: r`\bno (?:vendemos|cedemos|compartimos) ~3 datos\b|\bno (?:es|resulta) (?:de )?aplicable\b` },
    {
      class: 'refused',
      refusal: 'no_data',
      re: r`\bno (?:hemos (?:podido )?(?:encontrar|encontrado|localizar|localizado|identificar|identificado)|consta|constan|tenemos|disponemos de|conservamos|tratamos) ~3 (?:ninguna? |ningún )?(?:cuenta|dato|datos|información|registro|cliente|perfil|usuario)`,
    },
    {
      class: 'refused',
      refusal: 'no_data',
      re: r`\bning(?:ún|una|uno) (?:cuenta|dato|registro|cliente|perfil|usuario) ~4 (?:asociad|vinculad|registrad|a su nombre)`,
    },
    {
      class: 'refused',
      refusal: 'other',
      re: r`\bno (?:podemos|es posible|nos es posible) (?:atender|aceptar|estimar|acceder a|tramitar|dar curso a) (?:su|esta|la) ~2 ${REQUEST_ES}`,
    },
    { class: 'refused', refusal: 'other', re: r`\b(?:desestimar|denegar|rechazar)(?:amos|mos)? (?:su|esta|la) ~2 ${REQUEST_ES}` },
    { class: 'refused', refusal: 'other', re: r`\b${REQUEST_ES} ~3 (?:ha sido|queda|fue) (?:desestimada|denegada|rechazada)\b` },

    // ---- confirmed ----
    {
      class: 'confirmed',
      re: r`\bhemos (?:procesado|tramitado|atendido|aplicado|ejecutado|estimado|gestionado) (?:correctamente )?(?:su|la|esta) ~3 ${REQUEST_ES}`,
    },
    {
      class: 'confirmed',
      re: r`\b${REQUEST_ES} ~3 (?:ha sido|se ha|fue|ha quedado|queda) (?:debidamente |correctamente )?(?:atendida|procesada|tramitada|estimada|aplicada|ejecutada|completada|resuelta|gestionada)\b`,
    },
    {
      class: 'confirmed',
      re: r`\b(?:datos|cuenta|información|contenidos?|ajuste|configuración)s? ~4 (?:han sido|ha sido|se han|se ha|fueron|fue) (?:definitivamente )?(?:eliminad[oa]s?|suprimid[oa]s?|borrad[oa]s?|anonimizad[oa]s?|excluid[oa]s?|desactivad[oa]s?)`,
    },
    { class: 'confirmed', re: r`\bhemos (?:eliminado|suprimido|borrado|desactivado|excluido|anonimizado|dejado de (?:utilizar|usar|tratar))\b` },
    { class: 'confirmed', re: r`\bya no (?:se )?(?:utilizarán|usarán|tratarán|serán utilizad[oa]s|serán tratad[oa]s) ~4 (?:para|con fines|en)\b` },
    { class: 'confirmed', strength: 'weak', re: r`\b(?:estado|estatus)\s?:\s?(?:resuelt[oa]|completad[oa]|cerrad[oa]|tramitad[oa])\b` },

    // ---- acknowledged ----
    { class: 'acknowledged', re: r`\bhemos recibido (?:correctamente )?(?:su|tu) ~3 ${REQUEST_ES}` },
    { class: 'acknowledged', re: r`\bacus(?:amos|e) (?:de )?recibo\b|\bconfirmamos (?:la )?recepción\b` },
    { class: 'acknowledged', re: r`\b${REQUEST_ES} ~3 (?:ha sido|se ha|fue) (?:recibida|registrada|trasladada|remitida|derivada)\b` },
    {
      class: 'acknowledged',
      re: r`\ben (?:trámite|proceso de (?:revisión|tramitación|análisis))\b|\bestamos (?:revisando|tramitando|gestionando|analizando)\b`,
    },
    { class: 'acknowledged', re: r`\b(?:le )?(?:responderemos|contestaremos|informaremos|daremos respuesta)\b|\bnos pondremos en contacto\b` },
    {
      class: 'acknowledged',
      re: r`\b(?:trasladado|remitido|derivado|enviado) ~4 (?:al|a nuestro|a la|a nuestra) ~3 (?:departamento|equipo|delegado|DPO|área)\b`,
    },
    {
      class: 'acknowledged',
      strength: 'weak',
      re: r`\b(?:número de (?:ticket|caso|solicitud|referencia|incidencia)|referencia)\s?:?\s?#?[A-Z0-9][\w-]*\d`,
    },
  ],
};
