// What the customer's offer page says when it fails for a reason no one foresaw (the database out of
// reach, a bug), in their language. Not a block the merchant rewrites: a page that failed cannot
// count on reading the shop's settings.
import type { Locale } from "./messages";

export const OFFER_PAGE_ERROR: Record<Locale, { title: string; message: string }> = {
  en: {
    title: "Your offer cannot be shown right now",
    message:
      "Something went wrong on our side. Please try again in a few minutes; if it happens again, please contact the shop.",
  },
  es: {
    title: "Ahora no podemos mostrar tu oferta",
    message:
      "Algo ha fallado por nuestra parte. Vuelve a intentarlo en unos minutos; si vuelve a pasar, ponte en contacto con la tienda.",
  },
  ro: {
    title: "Oferta dumneavoastră nu poate fi afișată acum",
    message:
      "Ceva nu a funcționat la noi. Vă rugăm să încercați din nou în câteva minute; dacă se repetă, vă rugăm să contactați magazinul.",
  },
};
