// The words of the mails to the person, in French (keys: en.ts).
import type { MailWords } from './en.ts';

export const fr: MailWords = {
  helloName: 'Bonjour {name},',
  hello: 'Bonjour,',
  statusPageLine: 'Page de suivi : {link}',
  statusPageLink: 'Ouvrir votre page de suivi',
  dueLine: 'Réponse attendue au plus tard le : {due}',
  whatLine: "Ce qu'il vous reste à faire : {action}",
  whereLine: 'Où : {link}',
  whereLink: 'Aller au bon endroit chez {provider}',

  verifyHeading: 'Confirmez votre adresse e-mail',
  verifyIntro:
    "quelqu'un (vous, nous l'espérons) a demandé à Optout Autopilot d'envoyer des demandes d'opposition pour ces comptes, au nom du titulaire de cette adresse e-mail :",
  verifyAccount: '{provider} : {identifier}',
  verifyNothingYet:
    "Rien n'a encore été envoyé. Pour confirmer qu'il s'agit bien de votre adresse e-mail et que vous souhaitez que nous agissions en votre nom, ouvrez ce lien :",
  verifyLink: 'Confirmer mon adresse (ouvre la page de confirmation)',
  verifyIgnore:
    "Si vous n'avez rien demandé, ignorez cet e-mail : sans confirmation, nous n'envoyons rien, et nous supprimons ces informations après {hours} heures.",

  summaryHeading: "Vos demandes d'opposition sont en route",
  summaryIntro: 'voici où en est chacune de vos demandes :',
  summaryItem: '{provider} ({identifier}), réf. {reference}',
  channelLine: 'Canal : {channel}',
  statusLine: 'État : {status}',
  summaryOutro:
    "Les entreprises répondent à l'adresse de réponse de chaque courrier ; nous lisons ces réponses pour vous, les relançons lorsqu'un délai expire et vous écrivons au plus une fois par jour ce qui a changé (ce qui requiert votre intervention, et le projet de réclamation, immédiatement).",
  summaryOutroPersonal:
    "Les courriers sont partis de votre propre adresse, et les entreprises y répondent : nous lisons ces réponses dans votre boîte de réception (sans rien y modifier), les relançons lorsqu'un délai expire et vous écrivons au plus une fois par jour ce qui a changé (ce qui requiert votre intervention, et le projet de réclamation, immédiatement).",
  summaryLinkLine: 'Votre page de suivi (gardez ce lien pour vous) : {link}',
  summaryLink: 'Ouvrir votre page de suivi (gardez ce lien pour vous)',

  changeHeading: 'Du nouveau pour votre demande à {provider}',
  changeLine: 'votre demande adressée à {provider} pour {identifier} (réf. {reference}) est désormais : {status}.',

  digestHeading: "Ce qui a changé dans vos demandes d'opposition",
  digestIntro:
    'voici ce qui a changé pour vos demandes depuis notre dernier e-mail (au plus un e-mail de ce type par jour ; ce qui requiert votre intervention vous parvient immédiatement) :',
  digestItem: '{date} {provider} pour {identifier} (réf. {reference}) : {status}',
  digestDue: ' ; réponse attendue au plus tard le {due}',
  digestOutro:
    "Les rappels et mises en demeure adressés aux entreprises ne vous sont pas envoyés en copie : chaque courrier figure sur la page de suivi, et le projet de réclamation vous parvient dès qu'il est prêt.",
  digestOutroPersonal:
    "Les rappels et mises en demeure adressés aux entreprises partent eux aussi de votre propre adresse : chaque courrier figure sur la page de suivi et, si votre messagerie en a un, dans votre dossier « Envoyés » ; le projet de réclamation vous parvient dès qu'il est prêt.",

  deletedHeading: 'Vos données sont supprimées',
  deletedIntro:
    "comme vous l'avez demandé sur votre page de suivi, nous avons supprimé tout ce que {operator} conservait au sujet de vos demandes d'opposition (identifiant {id}) :",
  deletedItems: [
    'votre nom, votre adresse e-mail, votre lieu de résidence et les comptes que vous aviez indiqués ;',
    'chaque demande et son historique, ainsi que les sessions (cookies) que vous nous aviez confiées, le cas échéant ;',
    "les courriers que nous avons envoyés, les réponses que nous avons reçues et les captures d'écran.",
  ],
  deletedStopped:
    "Le suivi est arrêté : aucun rappel, aucune mise en demeure ni aucun projet de réclamation ne sera envoyé, et votre page de suivi n'existe plus.",
  deletedCannot: 'Ce que nous ne pouvons pas supprimer :',
  deletedDeliveredPersonal:
    "Les lettres déjà remises aux entreprises. Elles les conservent et restent tenues d'y répondre ; elles répondent à votre propre adresse, d'où les lettres sont parties, et ce service ne lit plus ces réponses pour vous.",
  deletedCannotItems: [
    "Les courriers déjà remis aux entreprises. Elles les détiennent et restent tenues d'y répondre ; comme nous ne pouvons plus recevoir leurs réponses pour vous, une entreprise peut vous écrire directement (vous étiez en copie). Une réponse qui nous parvient après aujourd'hui ne peut plus vous être rattachée.",
    'Les copies hors de ce service : les e-mails dans votre propre boîte de réception et les journaux de distribution des services de messagerie qui ont acheminé nos e-mails, conservés pour une durée limitée.',
    "Nos journaux techniques (erreurs, appels à ce service), qui expirent d'eux-mêmes après une durée limitée.",
  ],
  deletedLast: 'Ceci est le dernier e-mail que vous recevrez de notre part au sujet de ces demandes.',

  complaintHeading: 'Votre projet de réclamation est prêt',
};
