// What the customer reads, in their language (es, en, ro to start). Each text is a block the
// merchant may rewrite in the shop's settings (`messages`); {names} are filled in when sent.
export const LOCALES = ["en", "es", "ro"] as const;
export type Locale = (typeof LOCALES)[number];

const en = {
  subject: "{shop}: about your order {order}",
  greeting: "Hello {name},",
  "greeting.anonymous": "Hello,",
  "problem.expired":
    "While preparing your order {order} we found that {item} has expired, so we will not send it.",
  "problem.damaged":
    "While preparing your order {order} we found that {item} is damaged, so we will not send it.",
  "problem.missing": "While preparing your order {order} we found that we have no {item} left to send.",
  "problem.damaged_or_expired":
    "While preparing your order {order} we found that the last {item} we had is damaged or past its date, so we will not send it.",
  "problem.stock": "While preparing your order {order} we found that we have no {item} left to send.",
  "problem.expiredMany":
    "While preparing your order {order} we found that {item} have expired, so we will not send them.",
  "problem.damagedMany":
    "While preparing your order {order} we found that {item} are damaged, so we will not send them.",
  "problem.damaged_or_expiredMany":
    "While preparing your order {order} we found that the last {item} we had are damaged or past their date, so we will not send them.",
  "problem.partial":
    "While preparing your order {order} we found that we can send only {left} of the {ordered} {item} you ordered.",
  "problem.several":
    "While preparing your order {order} we found that some items cannot be sent as you ordered them:",
  "line.expired": "it has expired",
  "line.expiredMany": "they have expired",
  "line.damaged": "it is damaged",
  "line.damagedMany": "they are damaged",
  "line.damaged_or_expired": "the last one we had is damaged or past its date",
  "line.damaged_or_expiredMany": "the last ones we had are damaged or past their date",
  "line.missing": "we have none left to send",
  "line.stock": "we have none left to send",
  "line.partial": "we can send only {left} of the {ordered} you ordered",
  "item.missingOne": "the missing {item}",
  "item.missingMany": "the {count} missing {item}",
  proposal: "You should not pay for our mistake. Please choose what suits you best:",
  "choice.substitute": "Receive {substitute} instead",
  "choice.worth": "worth {value}, free for you",
  "choice.refund": "Leave {item} out and get {amount} back",
  "choice.refundFree": "Leave {item} out (it was free, so nothing is charged)",
  "choice.cancel": "Cancel the whole order with a full refund",
  deadline: "If we have not heard from you by {date}, we will leave {item} out and refund it.",
  deadlineMany:
    "If we have not heard from you by {date}, we will leave {item} out and refund what you paid for them.",
  deadlineFree: "If we have not heard from you by {date}, we will leave {item} out.",
  link: "Choose here: {link}",
  apology: "We are sorry for the trouble, and thank you for your patience.",
  signoff: "The {shop} team",
  shipBy: "Your order will leave us by {date}.",
  "ack.subject": "{shop}: we are on it — your order {order}",
  "ack.body":
    "We have seen that {problem}. We are working on it and will come back to you with a solution by {date}, without you having to ask.",
  "ack.stock_mismatch": "one of the items of your order {order} cannot be sent as it is",
  "ack.late_shipment": "your order {order} has not left us yet",
  "ack.late_delivery": "your parcel for order {order} is taking longer than it should",
  "ack.delivery_failed": "the carrier could not deliver your order {order}",
  "ack.cod_amount_mismatch":
    "the courier would ask you for {due} on delivery of your order {order}, not the {told} you were told; you will not pay more than {told}",
  "ack.wrong_item": "you did not receive what you ordered in {order}",
  "ack.damaged_delivery": "part of your order {order} arrived damaged",
  "code.subject": "{shop}: sorry about your order {order} — a discount for the next one",
  "code.body":
    "We are sorry that {problem}. You should not pay for our mistake, so here is {discount} off your next order, for you only, until {date}.",
  "code.code": "Your code: {code} (type it at checkout).",
  "note.subject": "{shop}: about your order {order}",
  "confirm.subject": "{shop}: your choice for order {order} is confirmed",
  "page.title": "Your order {order}",
  "page.submit": "Confirm my choice",
  "page.pickOne": "Please choose one of the options.",
  "page.invalid": "This link is not valid. Please contact the shop.",
  "page.expired": "This offer has expired. As promised, we left {item} out and refunded it.",
  "page.expiredFree": "This offer has expired. As promised, we left {item} out of your order.",
  "page.expiredMany":
    "This offer has expired. As promised, we left {item} out and refunded what you paid for them.",
  "page.withdrawn": "This offer was replaced by a newer one: please use the link in our latest email.",
  "page.orCancel": "Or, instead:",
  "page.answered": "We already have your answer. Thank you!",
  "page.confirmed": "Your choice is confirmed",
  "page.done.substitute": "Thank you! We will send {substitute} with your order, at no extra cost.",
  "page.done.refund": "Thank you! We have left {item} out of your order and refunded it.",
  "page.done.refundMany":
    "Thank you! We have left {item} out of your order and refunded what you paid for them.",
  "page.done.refundFree": "Thank you! We have left {item} out of your order; nothing is charged for it.",
  "page.done.cancel_order": "Your order has been cancelled and fully refunded.",
  "next.refund":
    "The refund of {amount} goes back to the payment method you used; depending on your bank, it may take a few business days to show.",
  "next.cancel_order":
    "The refund goes back to the payment method you used; depending on your bank, it may take a few business days to show.",
  "page.emailed": "We have also sent you this confirmation by email.",
  "page.failed": "We could not do that right now. The shop has been told and will contact you.",
};

export type MessageKey = keyof typeof en;

const es: Record<MessageKey, string> = {
  subject: "{shop}: sobre tu pedido {order}",
  greeting: "Hola {name}:",
  "greeting.anonymous": "Hola:",
  "problem.expired":
    "Al preparar tu pedido {order} hemos visto que {item} está caducado, así que no lo enviaremos.",
  "problem.damaged":
    "Al preparar tu pedido {order} hemos visto que {item} está dañado, así que no lo enviaremos.",
  "problem.missing": "Al preparar tu pedido {order} hemos visto que no nos queda {item} para enviarte.",
  "problem.damaged_or_expired":
    "Al preparar tu pedido {order} hemos visto que la última unidad de {item} que teníamos está dañada o caducada, así que no la enviaremos.",
  "problem.stock": "Al preparar tu pedido {order} hemos visto que no nos queda {item} para enviarte.",
  "problem.expiredMany":
    "Al preparar tu pedido {order} hemos visto que {item} están caducados, así que no los enviaremos.",
  "problem.damagedMany":
    "Al preparar tu pedido {order} hemos visto que {item} están dañados, así que no los enviaremos.",
  "problem.damaged_or_expiredMany":
    "Al preparar tu pedido {order} hemos visto que las últimas unidades de {item} que teníamos están dañadas o caducadas, así que no las enviaremos.",
  "problem.partial":
    "Al preparar tu pedido {order} hemos visto que de {item} pediste {ordered}, pero solo podemos enviarte {left}.",
  "problem.several":
    "Al preparar tu pedido {order} hemos visto que algunos artículos no se pueden enviar tal como los pediste:",
  "line.expired": "está caducado",
  "line.expiredMany": "están caducados",
  "line.damaged": "está dañado",
  "line.damagedMany": "están dañados",
  "line.damaged_or_expired": "la última unidad que teníamos está dañada o caducada",
  "line.damaged_or_expiredMany": "las últimas unidades que teníamos están dañadas o caducadas",
  "line.missing": "no nos queda ninguna unidad para enviarte",
  "line.stock": "no nos queda ninguna unidad para enviarte",
  "line.partial": "pediste {ordered}, pero solo podemos enviarte {left}",
  "item.missingOne": "la unidad que falta de {item}",
  "item.missingMany": "las {count} unidades que faltan de {item}",
  proposal: "No tienes que pagar por nuestro error. Elige lo que mejor te venga:",
  "choice.substitute": "Recibir {substitute} en su lugar",
  "choice.worth": "vale {value}, gratis para ti",
  "choice.refund": "Quitar {item} del pedido y recibir {amount}",
  "choice.refundFree": "Quitar {item} del pedido (era un regalo, no se cobra nada)",
  "choice.cancel": "Cancelar todo el pedido con el reembolso completo",
  deadline:
    "Si no sabemos de ti antes del {date}, quitaremos {item} del pedido y te devolveremos su importe.",
  deadlineMany:
    "Si no sabemos de ti antes del {date}, quitaremos {item} del pedido y te devolveremos lo que pagaste.",
  deadlineFree: "Si no sabemos de ti antes del {date}, quitaremos {item} del pedido.",
  link: "Elige aquí: {link}",
  apology: "Sentimos las molestias y te agradecemos la paciencia.",
  signoff: "El equipo de {shop}",
  shipBy: "Tu pedido saldrá de nuestro almacén como muy tarde el {date}.",
  "ack.subject": "{shop}: ya nos estamos ocupando — tu pedido {order}",
  "ack.body":
    "Hemos visto que {problem}. Estamos en ello y te daremos una solución antes del {date}, sin que tengas que preguntar.",
  "ack.stock_mismatch": "uno de los artículos de tu pedido {order} no se puede enviar tal cual",
  "ack.late_shipment": "tu pedido {order} aún no ha salido",
  "ack.late_delivery": "tu paquete del pedido {order} está tardando más de lo debido",
  "ack.delivery_failed": "el transportista no ha podido entregar tu pedido {order}",
  "ack.cod_amount_mismatch":
    "el transportista te pediría {due} contra reembolso por tu pedido {order}, no los {told} que te dijimos; no pagarás más de {told}",
  "ack.wrong_item": "no has recibido lo que pediste en {order}",
  "ack.damaged_delivery": "parte de tu pedido {order} ha llegado dañada",
  "code.subject": "{shop}: perdona lo de tu pedido {order} — un descuento para el próximo",
  "code.body":
    "Sentimos que {problem}. No tienes que pagar por nuestro error, así que te damos un {discount} de descuento en tu próximo pedido, solo para ti, hasta el {date}.",
  "code.code": "Tu código: {code} (escríbelo al pagar).",
  "note.subject": "{shop}: sobre tu pedido {order}",
  "confirm.subject": "{shop}: tu elección para el pedido {order} está confirmada",
  "page.title": "Tu pedido {order}",
  "page.submit": "Confirmar mi elección",
  "page.pickOne": "Elige una de las opciones, por favor.",
  "page.invalid": "Este enlace no es válido. Ponte en contacto con la tienda.",
  "page.expired":
    "Esta oferta ha caducado. Como te dijimos, hemos quitado {item} del pedido y te hemos devuelto su importe.",
  "page.expiredFree": "Esta oferta ha caducado. Como te dijimos, hemos quitado {item} del pedido.",
  "page.expiredMany":
    "Esta oferta ha caducado. Como te dijimos, hemos quitado {item} del pedido y te hemos devuelto lo que pagaste.",
  "page.withdrawn":
    "Esta oferta se ha sustituido por otra más reciente: usa, por favor, el enlace de nuestro último correo.",
  "page.orCancel": "O bien:",
  "page.answered": "Ya tenemos tu respuesta. ¡Gracias!",
  "page.confirmed": "Tu elección está confirmada",
  "page.done.substitute": "¡Gracias! Te enviaremos {substitute} con tu pedido, sin coste adicional.",
  "page.done.refund": "¡Gracias! Hemos quitado {item} de tu pedido y te hemos devuelto su importe.",
  "page.done.refundMany": "¡Gracias! Hemos quitado {item} de tu pedido y te hemos devuelto lo que pagaste.",
  "page.done.refundFree": "¡Gracias! Hemos quitado {item} de tu pedido; no se te cobra nada por ello.",
  "page.done.cancel_order": "Tu pedido se ha cancelado y te lo hemos reembolsado por completo.",
  "next.refund":
    "El reembolso de {amount} vuelve al medio de pago que usaste; según tu banco, puede tardar unos días hábiles en aparecer.",
  "next.cancel_order":
    "El reembolso vuelve al medio de pago que usaste; según tu banco, puede tardar unos días hábiles en aparecer.",
  "page.emailed": "También te hemos enviado esta confirmación por correo electrónico.",
  "page.failed": "No hemos podido hacerlo ahora. La tienda ya lo sabe y se pondrá en contacto contigo.",
};

// Romanian in the formal register throughout ("dumneavoastră"), as a shop writes to a customer.
const ro: Record<MessageKey, string> = {
  subject: "{shop}: despre comanda dumneavoastră {order}",
  greeting: "Bună ziua, {name},",
  "greeting.anonymous": "Bună ziua,",
  "problem.expired":
    "Pregătind comanda dumneavoastră {order}, am constatat că {item} este expirat, așa că nu îl vom trimite.",
  "problem.damaged":
    "Pregătind comanda dumneavoastră {order}, am constatat că {item} este deteriorat, așa că nu îl vom trimite.",
  "problem.missing": "Pregătind comanda dumneavoastră {order}, am constatat că nu mai avem {item} de trimis.",
  "problem.damaged_or_expired":
    "Pregătind comanda dumneavoastră {order}, am constatat că ultima bucată de {item} pe care o aveam este deteriorată sau expirată, așa că nu o vom trimite.",
  "problem.stock": "Pregătind comanda dumneavoastră {order}, am constatat că nu mai avem {item} de trimis.",
  "problem.expiredMany":
    "Pregătind comanda dumneavoastră {order}, am constatat că {item} sunt expirate, așa că nu le vom trimite.",
  "problem.damagedMany":
    "Pregătind comanda dumneavoastră {order}, am constatat că {item} sunt deteriorate, așa că nu le vom trimite.",
  "problem.damaged_or_expiredMany":
    "Pregătind comanda dumneavoastră {order}, am constatat că ultimele bucăți de {item} pe care le aveam sunt deteriorate sau expirate, așa că nu le vom trimite.",
  "problem.partial":
    "Pregătind comanda dumneavoastră {order}, am constatat că din {item} ați comandat {ordered}, dar vă putem trimite doar {left}.",
  "problem.several":
    "Pregătind comanda dumneavoastră {order}, am constatat că unele produse nu pot fi trimise așa cum le-ați comandat:",
  "line.expired": "este expirat",
  "line.expiredMany": "sunt expirate",
  "line.damaged": "este deteriorat",
  "line.damagedMany": "sunt deteriorate",
  "line.damaged_or_expired": "ultima bucată pe care o aveam este deteriorată sau expirată",
  "line.damaged_or_expiredMany": "ultimele bucăți pe care le aveam sunt deteriorate sau expirate",
  "line.missing": "nu mai este pe stoc",
  "line.stock": "nu mai este pe stoc",
  "line.partial": "ați comandat {ordered}, dar vă putem trimite doar {left}",
  "item.missingOne": "bucata lipsă de {item}",
  "item.missingMany": "bucățile lipsă de {item}",
  proposal:
    "Nu trebuie să plătiți pentru greșeala noastră. Vă rugăm să alegeți varianta care vi se potrivește:",
  "choice.substitute": "Primiți {substitute} în schimb",
  "choice.worth": "în valoare de {value}, gratuit pentru dumneavoastră",
  "choice.refund": "Scoatem {item} din comandă și vă rambursăm {amount}",
  "choice.refundFree": "Scoatem {item} din comandă (era gratuit, nu plătiți nimic)",
  "choice.cancel": "Anulăm toată comanda și vă rambursăm integral",
  deadline:
    "Dacă nu primim răspunsul dumneavoastră până pe {date}, vom scoate {item} din comandă și vă vom rambursa suma plătită.",
  deadlineMany:
    "Dacă nu primim răspunsul dumneavoastră până pe {date}, vom scoate {item} din comandă și vă vom rambursa suma plătită pentru ele.",
  deadlineFree: "Dacă nu primim răspunsul dumneavoastră până pe {date}, vom scoate {item} din comandă.",
  link: "Alegeți aici: {link}",
  apology: "Ne pare rău pentru neplăcere și vă mulțumim pentru răbdare.",
  signoff: "Echipa {shop}",
  shipBy: "Comanda dumneavoastră va pleca de la noi cel târziu pe {date}.",
  "ack.subject": "{shop}: ne ocupăm deja — comanda dumneavoastră {order}",
  "ack.body":
    "Am văzut că {problem}. Lucrăm la asta și vă vom oferi o soluție până pe {date}, fără să fie nevoie să ne întrebați.",
  "ack.stock_mismatch":
    "unul dintre produsele comenzii dumneavoastră {order} nu poate fi trimis așa cum este",
  "ack.late_shipment": "comanda dumneavoastră {order} nu a plecat încă de la noi",
  "ack.late_delivery": "coletul comenzii dumneavoastră {order} întârzie mai mult decât ar trebui",
  "ack.delivery_failed": "curierul nu a putut livra comanda dumneavoastră {order}",
  "ack.cod_amount_mismatch":
    "curierul v-ar cere {due} la livrarea comenzii dumneavoastră {order}, nu {told} cât v-am comunicat; nu veți plăti mai mult de {told}",
  "ack.wrong_item": "nu ați primit ce ați comandat în {order}",
  "ack.damaged_delivery": "o parte din comanda dumneavoastră {order} a ajuns deteriorată",
  "code.subject": "{shop}: ne pare rău pentru comanda {order} — o reducere pentru următoarea",
  "code.body":
    "Ne pare rău că {problem}. Nu trebuie să plătiți pentru greșeala noastră, așa că vă oferim o reducere de {discount} la următoarea comandă, doar pentru dumneavoastră, până pe {date}.",
  "code.code": "Codul dumneavoastră: {code} (introduceți-l la plată).",
  "note.subject": "{shop}: despre comanda dumneavoastră {order}",
  "confirm.subject": "{shop}: alegerea dumneavoastră pentru comanda {order} este confirmată",
  "page.title": "Comanda dumneavoastră {order}",
  "page.submit": "Confirm alegerea",
  "page.pickOne": "Vă rugăm să alegeți una dintre variante.",
  "page.invalid": "Acest link nu este valid. Vă rugăm să contactați magazinul.",
  "page.expired":
    "Oferta a expirat. Așa cum am promis, am scos {item} din comandă și v-am rambursat suma plătită.",
  "page.expiredFree": "Oferta a expirat. Așa cum am promis, am scos {item} din comandă.",
  "page.expiredMany":
    "Oferta a expirat. Așa cum am promis, am scos {item} din comandă și v-am rambursat suma plătită pentru ele.",
  "page.withdrawn":
    "Această ofertă a fost înlocuită de una mai nouă: vă rugăm să folosiți linkul din ultimul nostru e-mail.",
  "page.orCancel": "Sau, în schimb:",
  "page.answered": "Avem deja răspunsul dumneavoastră. Vă mulțumim!",
  "page.confirmed": "Alegerea dumneavoastră este confirmată",
  "page.done.substitute": "Vă mulțumim! Vă trimitem {substitute} cu comanda, fără cost suplimentar.",
  "page.done.refund": "Vă mulțumim! Am scos {item} din comandă și v-am rambursat suma plătită.",
  "page.done.refundMany":
    "Vă mulțumim! Am scos {item} din comandă și v-am rambursat suma plătită pentru ele.",
  "page.done.refundFree": "Vă mulțumim! Am scos {item} din comandă; nu plătiți nimic pentru el.",
  "page.done.cancel_order": "Comanda dumneavoastră a fost anulată și rambursată integral.",
  "next.refund":
    "Suma de {amount} revine pe metoda de plată folosită; în funcție de bancă, pot trece câteva zile lucrătoare până apare.",
  "next.cancel_order":
    "Rambursarea revine pe metoda de plată folosită; în funcție de bancă, pot trece câteva zile lucrătoare până apare.",
  "page.emailed": "V-am trimis această confirmare și prin e-mail.",
  "page.failed": "Nu am putut face asta acum. Magazinul a fost anunțat și vă va contacta.",
};

const MESSAGES: Record<Locale, Record<MessageKey, string>> = { en, es, ro };

/** The customer's language among those we write, from a Shopify locale such as "es-ES". */
export function localeOf(customerLocale: string | null | undefined, fallback: Locale = "en"): Locale {
  const base = (customerLocale ?? "").slice(0, 2).toLowerCase();
  return (LOCALES as readonly string[]).includes(base) ? (base as Locale) : fallback;
}

/** The reader's language from a browser's Accept-Language header, for a page that knows no customer. */
export function localeOfRequest(acceptLanguage: string | null, fallback: Locale = "en"): Locale {
  const known = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag, q] = part.trim().split(";q=");
      return { base: tag.slice(0, 2).toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((w) => (LOCALES as readonly string[]).includes(w.base) && w.q > 0);
  return (known.sort((a, b) => b.q - a.q)[0]?.base as Locale | undefined) ?? fallback;
}

export type Overrides = Partial<Record<Locale, Partial<Record<MessageKey, string>>>>;

/** A text in `locale` with its {names} filled in; the merchant's version of the block first. */
export function t(
  locale: Locale,
  key: MessageKey,
  values: Record<string, string> = {},
  overrides: Overrides = {},
): string {
  const text = overrides[locale]?.[key] ?? MESSAGES[locale][key];
  return text.replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all);
}

/** "Hello Lucía," — or "Hello," when the order gives no name. */
export const greetingFor = (locale: Locale, name: string | null, overrides: Overrides = {}) =>
  name ? t(locale, "greeting", { name }, overrides) : t(locale, "greeting.anonymous", {}, overrides);

export const MESSAGE_KEYS = Object.keys(en) as MessageKey[];

/** Text made safe to put in an HTML message. */
export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** A block as shipped, before the merchant's version: what the settings page shows as default. */
export const defaultText = (locale: Locale, key: MessageKey) => MESSAGES[locale][key];
