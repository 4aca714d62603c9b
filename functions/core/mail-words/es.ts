// The words of the mails to the person, in Spanish (keys: en.ts).
import type { MailWords } from './en.ts';

export const es: MailWords = {
  helloName: 'Hola, {name}:',
  hello: 'Hola:',
  statusPageLine: 'Página de estado: {link}',
  statusPageLink: 'Abrir su página de estado',
  dueLine: 'Respuesta debida a más tardar el: {due}',
  whatLine: 'Qué debe hacer: {action}',
  whereLine: 'Dónde: {link}',
  whereLink: 'Ir al lugar indicado en {provider}',

  verifyHeading: 'Confirme su dirección de correo electrónico',
  verifyIntro:
    'alguien (esperamos que usted) ha pedido a Optout Autopilot que envíe solicitudes de exclusión para estas cuentas, en nombre del titular de esta dirección de correo electrónico:',
  verifyAccount: '{provider}: {identifier}',
  verifyNothingYet:
    'Todavía no se ha enviado nada. Para confirmar que esta es su dirección de correo electrónico y que desea que actuemos en su nombre, abra este enlace:',
  verifyLink: 'Confirmar mi dirección (abre la página de confirmación)',
  verifyIgnore: 'Si usted no lo ha pedido, ignore este correo: sin la confirmación no enviamos nada, y borramos estos datos al cabo de {hours} horas.',

  summaryHeading: 'Sus solicitudes de exclusión están en camino',
  summaryIntro: 'así están sus solicitudes:',
  summaryItem: '{provider} ({identifier}), ref. {reference}',
  channelLine: 'Canal: {channel}',
  statusLine: 'Estado: {status}',
  summaryOutro:
    'Las empresas responden a la dirección de respuesta de cada escrito; leemos esas respuestas por usted, les recordamos cuando vence un plazo y le escribimos como máximo una vez al día lo que ha cambiado (lo que requiere su intervención, y el borrador de reclamación, de inmediato).',
  summaryOutroPersonal:
    'Los escritos salieron de su propia dirección, y las empresas responden a ella: leemos esas respuestas en su bandeja de entrada (sin cambiar nada en ella), les recordamos cuando vence un plazo y le escribimos como máximo una vez al día lo que ha cambiado (lo que requiere su intervención, y el borrador de reclamación, de inmediato).',
  summaryLinkLine: 'Su página de estado (no comparta este enlace): {link}',
  summaryLink: 'Abrir su página de estado (no comparta este enlace)',

  changeHeading: 'Novedades sobre su solicitud a {provider}',
  changeLine: 'su solicitud a {provider} para {identifier} (ref. {reference}) está ahora: {status}.',

  digestHeading: 'Lo que ha cambiado en sus solicitudes de exclusión',
  digestIntro:
    'esto es lo que ha cambiado en sus solicitudes desde nuestro último correo (como máximo un correo de este tipo al día; lo que requiere su intervención le llega de inmediato):',
  digestItem: '{date} {provider} para {identifier} (ref. {reference}): {status}',
  digestDue: '; respuesta debida a más tardar el {due}',
  digestOutro:
    'Los recordatorios y últimos requerimientos a las empresas no se le envían en copia: cada escrito figura en la página de estado, y el borrador de reclamación le llega en cuanto está listo.',
  digestOutroPersonal:
    'Los recordatorios y últimos requerimientos a las empresas también salen de su propia dirección: cada escrito figura en la página de estado y, si su proveedor de correo la tiene, en su carpeta de enviados; el borrador de reclamación le llega en cuanto está listo.',

  deletedHeading: 'Sus datos se han borrado',
  deletedIntro:
    'tal como pidió en su página de estado, hemos borrado todo lo que {operator} conservaba sobre sus solicitudes de exclusión (identificador {id}):',
  deletedItems: [
    'su nombre, su dirección de correo electrónico, su lugar de residencia y las cuentas que indicó;',
    'cada solicitud y su historial, y las sesiones (cookies) que nos facilitó, si las hubo;',
    'los escritos que enviamos, las respuestas que recibimos y las capturas de pantalla que tomamos.',
  ],
  deletedStopped:
    'El seguimiento se ha detenido: no se enviará ningún recordatorio, último requerimiento ni borrador de reclamación, y su página de estado ya no existe.',
  deletedCannot: 'Lo que no podemos borrar:',
  deletedDeliveredPersonal:
    'Las cartas ya entregadas a las empresas. Estas las conservan y siguen obligadas a responderlas; responden a su propia dirección, desde la que se enviaron las cartas, y este servicio ya no lee esas respuestas por usted.',
  deletedCannotItems: [
    'Los escritos ya entregados a las empresas. Las empresas los conservan y siguen obligadas a responderlos; como ya no podemos recibir sus respuestas por usted, puede que una empresa le escriba directamente (usted estaba en copia). Una respuesta que nos llegue después de hoy ya no puede asociarse a usted.',
    'Las copias fuera de este servicio: los correos de su propio buzón y los registros de entrega de los servicios de correo que transportaron nuestros mensajes, que los conservan durante un tiempo limitado.',
    'Nuestros registros técnicos (errores, llamadas a este servicio), que caducan solos tras un tiempo limitado.',
  ],
  deletedLast: 'Este es el último correo que recibirá de nosotros sobre estas solicitudes.',

  complaintHeading: 'Su borrador de reclamación está listo',
};
