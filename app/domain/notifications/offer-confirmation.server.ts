// The email that confirms a customer's answer to an offer, sent once the answer is carried out. It
// lands on the incident's timeline (or why it was not sent), like every message to the customer.
import type { Offer, PrismaClient } from "@prisma/client";
import { customerFirstName } from "../../models/order-ref.server";
import { addTimeline } from "../incidents/incidents.server";
import type { ShopSettings } from "../settings/settings";
import { sendCustomerMail } from "./mailer.server";
import { confirmationMessage, type AnswerTextsInput } from "./offer-answer";

// Which message and in which language, never its words (they greet the customer by name).
const LANGUAGE = new Intl.DisplayNames(["en"], { type: "language" });

export async function sendOfferConfirmation(
  prisma: PrismaClient,
  offer: Offer,
  facts: { orderName: string; shopName: string; settings: ShopSettings },
  texts: AnswerTextsInput,
  now = new Date(),
): Promise<boolean> {
  const incident = await prisma.incident.findUnique({
    where: { id: offer.incidentId },
    select: { customerEmail: true, orderId: true },
  });
  if (!incident?.customerEmail) return false;
  const message = confirmationMessage({
    ...texts,
    shop: facts.shopName,
    order: facts.orderName,
    customerName: await customerFirstName(prisma, offer.shop, incident.orderId),
  });
  const sent = await sendCustomerMail(facts.settings, facts.shopName, {
    to: incident.customerEmail,
    ...message,
  });
  await addTimeline(prisma, offer.incidentId, offer.shop, {
    at: now,
    actor: "makegood",
    kind: sent.sent ? "customer_message" : "customer_message_failed",
    source: `offer:${offer.id}:confirmation`,
    summary: texts.fallback
      ? sent.sent
        ? `Emailed the customer what was done when the offer expired, in ${LANGUAGE.of(texts.locale)}`
        : `What was done when the offer expired was not emailed (${sent.reason})`
      : sent.sent
        ? `Emailed the customer the confirmation of their choice in ${LANGUAGE.of(texts.locale)}`
        : `The confirmation of the customer's choice was not emailed (${sent.reason})`,
    detail: sent.sent
      ? { kind: "offer_confirmation", locale: texts.locale, messageId: sent.messageId }
      : { kind: "offer_confirmation", reason: sent.reason },
  });
  return sent.sent;
}
