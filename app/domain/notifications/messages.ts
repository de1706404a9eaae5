// What the customer reads, in their language (es, en, ro to start). Each text is a block the
// merchant may rewrite in the shop's settings (`messages`); {names} are filled in when sent.
export const LOCALES = ["en", "es", "ro"] as const;
export type Locale = (typeof LOCALES)[number];

const en = {
  subject: "{shop}: about your order {order}",
  greeting: "Hello {name},",
  "problem.expired": "While preparing your order {order} we found that {item} has expired, so we will not send it.",
  "problem.damaged": "While preparing your order {order} we found that {item} is damaged, so we will not send it.",
  "problem.missing": "While preparing your order {order} we found that we have no {item} left to send.",
  "problem.damaged_or_expired": "While preparing your order {order} we found that the last {item} we had is damaged or past its date, so we will not send it.",
  "problem.stock": "While preparing your order {order} we found that we have no {item} left to send.",
  proposal: "You should not pay for our mistake. Please choose what suits you best:",
  "choice.substitute": "Receive {substitute} instead, at no extra cost",
  "choice.refund": "Leave {item} out and get {amount} back",
  "choice.refundFree": "Leave {item} out (it was free, so nothing is charged)",
  "choice.cancel": "Cancel the whole order with a full refund",
  deadline: "If we have not heard from you by {date}, we will leave {item} out and refund it.",
  link: "Choose here: {link}",
  apology: "We are sorry for the trouble, and thank you for your patience.",
  signoff: "The {shop} team",
  "ack.subject": "{shop}: we are on it — your order {order}",
  "ack.body": "We have seen that {problem}. We are sorry: we are working on it and will come back to you with a solution by {date}, without you having to ask.",
  "ack.stock_mismatch": "one of the items of your order {order} cannot be sent as it is",
  "ack.late_shipment": "your order {order} has not left us yet",
  "ack.late_delivery": "your parcel for order {order} is taking longer than it should",
  "ack.delivery_failed": "the carrier could not deliver your order {order}",
  "ack.cod_amount_mismatch": "the amount to pay on delivery for your order {order} is not the one you were told",
  "ack.wrong_item": "you did not receive what you ordered in {order}",
  "ack.damaged_delivery": "part of your order {order} arrived damaged",
  "code.subject": "{shop}: sorry about your order {order} — a discount for the next one",
  "code.body": "We are sorry that {problem}. You should not pay for our mistake, so here is {discount} off your next order, for you only, until {date}.",
  "code.code": "Your code: {code} (type it at checkout).",
  "note.subject": "{shop}: about your order {order}",
  "page.title": "Your order {order}",
  "page.submit": "Confirm my choice",
  "page.invalid": "This link is not valid. Please contact the shop.",
  "page.expired": "This offer has expired. As promised, we left {item} out and refunded it.",
  "page.answered": "We already have your answer. Thank you!",
  "page.done.substitute": "Thank you! We will send {substitute} with your order, at no extra cost.",
  "page.done.refund": "Thank you! We have left {item} out of your order and refunded it.",
  "page.done.cancel_order": "Your order has been cancelled and fully refunded.",
  "page.failed": "We could not do that right now. The shop has been told and will contact you.",
};

export type MessageKey = keyof typeof en;

const es: Record<MessageKey, string> = {
  subject: "{shop}: sobre tu pedido {order}",
  greeting: "Hola {name}:",
  "problem.expired": "Al preparar tu pedido {order} hemos visto que {item} está caducado, así que no lo enviaremos.",
  "problem.damaged": "Al preparar tu pedido {order} hemos visto que {item} está dañado, así que no lo enviaremos.",
  "problem.missing": "Al preparar tu pedido {order} hemos visto que no nos queda {item} para enviarte.",
  "problem.damaged_or_expired": "Al preparar tu pedido {order} hemos visto que la última unidad de {item} que teníamos está dañada o caducada, así que no la enviaremos.",
  "problem.stock": "Al preparar tu pedido {order} hemos visto que no nos queda {item} para enviarte.",
  proposal: "No tienes que pagar por nuestro error. Elige lo que mejor te venga:",
  "choice.substitute": "Recibir {substitute} en su lugar, sin coste adicional",
  "choice.refund": "Quitar {item} del pedido y recibir {amount}",
  "choice.refundFree": "Quitar {item} del pedido (era un regalo, no se cobra nada)",
  "choice.cancel": "Cancelar todo el pedido con el reembolso completo",
  deadline: "Si no sabemos de ti antes del {date}, quitaremos {item} del pedido y te lo reembolsaremos.",
  link: "Elige aquí: {link}",
  apology: "Sentimos las molestias y te agradecemos la paciencia.",
  signoff: "El equipo de {shop}",
  "ack.subject": "{shop}: ya nos estamos ocupando — tu pedido {order}",
  "ack.body": "Hemos visto que {problem}. Lo sentimos: estamos en ello y te daremos una solución antes del {date}, sin que tengas que preguntar.",
  "ack.stock_mismatch": "uno de los artículos de tu pedido {order} no se puede enviar tal cual",
  "ack.late_shipment": "tu pedido {order} aún no ha salido",
  "ack.late_delivery": "tu paquete del pedido {order} está tardando más de lo debido",
  "ack.delivery_failed": "el transportista no ha podido entregar tu pedido {order}",
  "ack.cod_amount_mismatch": "el importe a pagar contra reembolso de tu pedido {order} no es el que te dijimos",
  "ack.wrong_item": "no has recibido lo que pediste en {order}",
  "ack.damaged_delivery": "parte de tu pedido {order} ha llegado dañada",
  "code.subject": "{shop}: perdona lo de tu pedido {order} — un descuento para el próximo",
  "code.body": "Sentimos que {problem}. No tienes que pagar por nuestro error, así que te damos un {discount} de descuento en tu próximo pedido, solo para ti, hasta el {date}.",
  "code.code": "Tu código: {code} (escríbelo al pagar).",
  "note.subject": "{shop}: sobre tu pedido {order}",
  "page.title": "Tu pedido {order}",
  "page.submit": "Confirmar mi elección",
  "page.invalid": "Este enlace no es válido. Ponte en contacto con la tienda.",
  "page.expired": "Esta oferta ha caducado. Como te dijimos, hemos quitado {item} del pedido y te lo hemos reembolsado.",
  "page.answered": "Ya tenemos tu respuesta. ¡Gracias!",
  "page.done.substitute": "¡Gracias! Te enviaremos {substitute} con tu pedido, sin coste adicional.",
  "page.done.refund": "¡Gracias! Hemos quitado {item} de tu pedido y te lo hemos reembolsado.",
  "page.done.cancel_order": "Tu pedido se ha cancelado y te lo hemos reembolsado por completo.",
  "page.failed": "No hemos podido hacerlo ahora. La tienda ya lo sabe y se pondrá en contacto contigo.",
};

const ro: Record<MessageKey, string> = {
  subject: "{shop}: despre comanda ta {order}",
  greeting: "Bună ziua, {name},",
  "problem.expired": "Pregătind comanda ta {order}, am constatat că {item} este expirat, așa că nu îl vom trimite.",
  "problem.damaged": "Pregătind comanda ta {order}, am constatat că {item} este deteriorat, așa că nu îl vom trimite.",
  "problem.missing": "Pregătind comanda ta {order}, am constatat că nu mai avem {item} de trimis.",
  "problem.damaged_or_expired": "Pregătind comanda ta {order}, am constatat că ultima bucată de {item} pe care o aveam este deteriorată sau expirată, așa că nu o vom trimite.",
  "problem.stock": "Pregătind comanda ta {order}, am constatat că nu mai avem {item} de trimis.",
  proposal: "Nu trebuie să plătești pentru greșeala noastră. Alege ce ți se potrivește:",
  "choice.substitute": "Primești {substitute} în loc, fără cost suplimentar",
  "choice.refund": "Scoatem {item} din comandă și îți returnăm {amount}",
  "choice.refundFree": "Scoatem {item} din comandă (era gratuit, nu se plătește nimic)",
  "choice.cancel": "Anulăm toată comanda cu rambursarea integrală",
  deadline: "Dacă nu primim răspunsul tău până pe {date}, scoatem {item} din comandă și îl rambursăm.",
  link: "Alege aici: {link}",
  apology: "Ne pare rău pentru neplăcere și îți mulțumim pentru răbdare.",
  signoff: "Echipa {shop}",
  "ack.subject": "{shop}: ne ocupăm deja — comanda ta {order}",
  "ack.body": "Am văzut că {problem}. Ne pare rău: lucrăm la asta și revenim cu o soluție până pe {date}, fără să fie nevoie să ne întrebi.",
  "ack.stock_mismatch": "unul dintre produsele comenzii tale {order} nu poate fi trimis așa cum este",
  "ack.late_shipment": "comanda ta {order} nu a plecat încă de la noi",
  "ack.late_delivery": "coletul comenzii tale {order} întârzie mai mult decât ar trebui",
  "ack.delivery_failed": "curierul nu a putut livra comanda ta {order}",
  "ack.cod_amount_mismatch": "suma de plată la livrare pentru comanda ta {order} nu este cea comunicată",
  "ack.wrong_item": "nu ai primit ce ai comandat în {order}",
  "ack.damaged_delivery": "o parte din comanda ta {order} a ajuns deteriorată",
  "code.subject": "{shop}: ne pare rău pentru comanda {order} — o reducere pentru următoarea",
  "code.body": "Ne pare rău că {problem}. Nu trebuie să plătești pentru greșeala noastră, așa că îți oferim o reducere de {discount} la următoarea comandă, doar pentru tine, până pe {date}.",
  "code.code": "Codul tău: {code} (introdu-l la plată).",
  "note.subject": "{shop}: despre comanda ta {order}",
  "page.title": "Comanda ta {order}",
  "page.submit": "Confirm alegerea",
  "page.invalid": "Acest link nu este valid. Te rugăm să contactezi magazinul.",
  "page.expired": "Oferta a expirat. Așa cum am promis, am scos {item} din comandă și l-am rambursat.",
  "page.answered": "Avem deja răspunsul tău. Mulțumim!",
  "page.done.substitute": "Mulțumim! Îți trimitem {substitute} cu comanda, fără cost suplimentar.",
  "page.done.refund": "Mulțumim! Am scos {item} din comandă și l-am rambursat.",
  "page.done.cancel_order": "Comanda ta a fost anulată și rambursată integral.",
  "page.failed": "Nu am putut face asta acum. Magazinul a fost anunțat și te va contacta.",
};

const MESSAGES: Record<Locale, Record<MessageKey, string>> = { en, es, ro };

/** The customer's language among those we write, from a Shopify locale such as "es-ES". */
export function localeOf(customerLocale: string | null | undefined, fallback: Locale = "en"): Locale {
  const base = (customerLocale ?? "").slice(0, 2).toLowerCase();
  return (LOCALES as readonly string[]).includes(base) ? (base as Locale) : fallback;
}

export type Overrides = Partial<Record<Locale, Partial<Record<MessageKey, string>>>>;

/** A text in `locale` with its {names} filled in; the merchant's version of the block first. */
export function t(locale: Locale, key: MessageKey, values: Record<string, string> = {}, overrides: Overrides = {}): string {
  const text = overrides[locale]?.[key] ?? MESSAGES[locale][key];
  return text.replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all);
}

export const MESSAGE_KEYS = Object.keys(en) as MessageKey[];

/** Text made safe to put in an HTML message. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** A block as shipped, before the merchant's version: what the settings page shows as default. */
export const defaultText = (locale: Locale, key: MessageKey) => MESSAGES[locale][key];
